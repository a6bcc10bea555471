#pragma once
// The journey board: workshop → journeys → phases and lanes → cards. Plain data and rules,
// no I/O: the room owns one board and is the only one that touches it (on its strand).

#include "model/operation.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace jb::model {

struct phase {
    std::string id, title, order_key;
};

struct lane {
    std::string id, title, order_key;
    lane_kind kind = lane_kind::custom;
    std::string question;  // guiding question shown in the lane, may be empty
};

struct journey {
    std::string id, title, order_key;
    target_group group = target_group::inwoner;
    std::optional<persona_info> persona;
    std::vector<phase> phases;  // kept sorted by (order_key, id)
    std::vector<lane> lanes;    // kept sorted by (order_key, id)
};

struct card {
    std::string id, journey_id, phase_id, lane_id, text, author_id, order_key;
    card_color color = card_color::yellow;
    std::int64_t created_at = 0, updated_at = 0;
};

struct workshop_info {
    std::string id, title;
    std::int64_t created_at = 0;
};

// Limits that protect the server and every client's screen.
struct board_limits {
    std::size_t max_cards = 10'000;
    std::size_t max_journeys = 20;
    std::size_t max_phases = 30;  // per journey
    std::size_t max_lanes = 30;   // per journey
};

// Who does an operation, and when (server clock).
struct op_context {
    std::string actor_id;
    role actor_role = role::participant;
    std::int64_t at = 0;
};

/// One workshop's board state: the workshop's title, its journeys (with their phases and
/// lanes) and its cards. Owns the rules of protocol.md for changing them (check, apply).
class board {
public:
    board() = default;
    explicit board(workshop_info info, board_limits limits = {});

    // A new workshop's board: one journey with the default phases and lanes (protocol P-HTTP-6).
    // `make_id` supplies fresh ids, so tests can make them deterministic.
    static board make_default(workshop_info info, const std::function<std::string()>& make_id);

    // Whether `op` may be applied now by this actor: ids exist (or are new, for adds), role
    // allows it, limits hold. Changes nothing.
    std::optional<op_error> check(const operation& op, const op_context& ctx) const;

    // Applies an operation that check() accepted. Precondition: check(op, ctx) was empty.
    // Cards added get author_id = ctx.actor_id and created_at = updated_at = ctx.at; card
    // updates and moves set updated_at = ctx.at.
    void apply(const operation& op, const op_context& ctx);

    // The board state document of protocol.md ("Board state"), arrays sorted as specified.
    nlohmann::json to_json() const;
    // Inverse of to_json. Throws std::invalid_argument on a malformed document (shape, values,
    // duplicate ids, references that do not resolve). Limits are not enforced: a stored board
    // is loaded even if the limits were lowered since.
    static board from_json(const nlohmann::json& doc, board_limits limits = {});

    const workshop_info& info() const { return info_; }
    const std::map<std::string, journey>& journeys() const { return journeys_; }
    const std::map<std::string, card>& cards() const { return cards_; }
    const card* find_card(const std::string& id) const;
    const journey* find_journey(const std::string& id) const;
    // The journey that holds phase / lane `id`, or nullptr.
    const journey* phase_owner(const std::string& id) const;
    const journey* lane_owner(const std::string& id) const;
    const board_limits& limits() const { return limits_; }

private:
    workshop_info info_;
    board_limits limits_;
    std::map<std::string, journey> journeys_;  // by id
    std::map<std::string, card> cards_;        // by id
};

}  // namespace jb::model
