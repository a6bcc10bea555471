#pragma once
// The journey board: workshop → journeys → phases and lanes → cards. Plain data and rules,
// no I/O: the room owns one board and is the only one that touches it (on its strand).

#include "model/operation.hpp"
#include "model/record_patch.hpp"
#include "model/session.hpp"
#include "model/visibility.hpp"

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
    std::optional<std::string> group_id, linked_to;
    bool private_card = false;  // seen only by its author until revealed (P-FAC-6)
    std::optional<channel_kind> channel;  // a touchpoint's channel (P-METH-1)
};

struct workshop_info {
    std::string id, title;
    std::int64_t created_at = 0;
};

// Limits that protect the server and every client's screen.
struct board_limits {
    std::size_t max_cards = 10'000;
    // All cards' text together, in UTF-8 bytes (P-LIM-1): 10,000 cards of 2,000 characters
    // would make a board of 80 MB, too large to join or import; with this bound the largest
    // board's welcome and archive stay under --max-archive-bytes (16 MiB).
    std::size_t max_card_text_bytes = 2 * 1024 * 1024;
    std::size_t max_journeys = 20;
    std::size_t max_phases = 30;  // per journey
    std::size_t max_lanes = 30;   // per journey
};

// Who does an operation, and when (server clock). An empty actor_id is the server itself
// (a round's timer ending).
struct op_context {
    std::string actor_id;
    role actor_role = role::participant;
    std::int64_t at = 0;
};

// What applying an operation produced besides the new state: who may see the event in which
// form, and the records it changed (P-SYNC-9), which carry what its rule computed (a round's
// items or result, a score's tally, a revealed card, the private count).
struct applied {
    event_visibility visibility;
    record_changes changes;
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

    // Fills in what the server decides about an operation before it is checked: a
    // participant's card.add while private writing is on becomes private (P-FAC-6).
    void prepare(operation& op, const op_context& ctx) const;

    // Applies an operation that check() accepted. Precondition: check(op, ctx) was empty.
    // Cards added get author_id = ctx.actor_id and created_at = updated_at = ctx.at; card
    // updates and moves set updated_at = ctx.at.
    // `track_changes`: also say which records changed (board_changes.cpp); a replay whose
    // events nobody will be sent skips that.
    applied apply(const operation& op, const op_context& ctx, bool track_changes = true);

    // The whole state as the store keeps it: the board state document of protocol.md with
    // every card (private ones too, each with authorId) and each round's `ballots` and `done`
    // in place of `myVotes`. Arrays sorted as specified. Without `cards` when `with_cards` is
    // false (the digest keeps the cards' share on its own: model::digest_cache).
    nlohmann::json to_json(bool with_cards = true) const;
    // The board state document one viewer may see (P-FAC-6, P-FAC-9, P-VOTE-6).
    nlohmann::json view_for(const viewer& v, bool with_cards = true) const;
    // Inverse of to_json. Throws std::invalid_argument on a malformed document (shape, values,
    // duplicate ids, references that do not resolve). Limits are not enforced: a stored board
    // is loaded even if the limits were lowered since.
    static board from_json(const nlohmann::json& doc, board_limits limits = {});

    const workshop_info& info() const { return info_; }
    const std::map<std::string, journey>& journeys() const { return journeys_; }
    const std::map<std::string, card>& cards() const { return cards_; }
    // The bytes of text all cards hold together (P-LIM-1's budget), kept as cards are added,
    // edited, deleted and read, so a card op does not walk every card to check the budget.
    std::size_t card_text_bytes() const { return card_text_bytes_; }
    const card* find_card(const std::string& id) const;
    const journey* find_journey(const std::string& id) const;
    // The journey that holds phase / lane `id`, or nullptr.
    const journey* phase_owner(const std::string& id) const;
    const journey* lane_owner(const std::string& id) const;
    const board_limits& limits() const { return limits_; }
    const session& state() const { return session_; }
    // For the rule files of model/ (facilitation.cpp, grouping.cpp, voting.cpp, …).
    session& state_mut() { return session_; }
    std::map<std::string, card>& cards_mut() { return cards_; }
    card* find_card_mut(const std::string& id);
    // Whether card `c` is anonymous to others under the current setting (its lane's kind).
    bool anonymous_card(const card& c) const;
    bool anonymous_lane(const std::string& lane_id) const;
    const lane* find_lane(const std::string& id) const;

private:
    applied apply_state(const operation& op, const op_context& ctx);
    // The changed records of an operation that touches only records it names (the frequent
    // ones: a card's add, update or move, a vote, a score, an answer); nullopt for the others.
    std::optional<record_changes> named_changes(const operation& op) const;

    workshop_info info_;
    board_limits limits_;
    std::map<std::string, journey> journeys_;  // by id
    std::map<std::string, card> cards_;        // by id
    std::size_t card_text_bytes_ = 0;          // sum of cards_' text sizes
    session session_ = session::make_default();
};

// Whether one voter's ballot in round `r` is one that vote.add and vote.remove could have left
// (P-VOTE-5): every item one of the round's, 1 to maxPerItem votes on each, the budget at most.
// For what is not made by operations (an imported archive, P-ARC-2); the error's message names
// the item as "op.<itemId>", or the ballot as "op".
std::optional<op_error> check_ballot(const voting_round& r, const std::map<std::string, std::int64_t>& ballot);

// Whether round `r`'s paper tallies are ones round.paper could have left (P-VOTE-9): none on a
// cancelled round, at most 50 labels, each once, each naming only the round's items with 0 to
// 1,000 votes. For an imported archive (P-ARC-2); the message names "op.paper" or "op.paper[i]".
std::optional<op_error> check_paper(const voting_round& r);

// Whether a stored score on `target_id` is one the board could hold now, however it changed
// since the score was given (P-METH-2: a card keeps its scores when it moves to another lane or
// its lane changes kind): on a card that is not private, or, for expected and experienced, on a
// phase. score.set asks more (a touchpoint the sender sees); an imported archive (P-ARC-2) is
// held to this. The error's message names the target as "op.targetId".
std::optional<op_error> check_score_target(const board& b, score_scale scale, const std::string& target_id);

}  // namespace jb::model
