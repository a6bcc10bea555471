#pragma once
// The operations of facilitation, grouping, voting and the improvement list (protocol.md,
// P-FAC-*, P-VOTE-*, P-IMP-*): plain data, decoded and encoded with the board's other
// operations (operation.hpp).

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace jb::model {

enum class role { participant, facilitator, screen };
// Whose authorship is hidden from others (P-FAC-9).
enum class anonymity { pain_points_and_ideas, all, none };
enum class improvement_status { open, planned, in_progress, done, dropped };
enum class scope_kind { ideas, lanes, phases, cards, top };

// Which cards a voting round is about (P-VOTE-2).
struct round_scope {
    scope_kind kind = scope_kind::ideas;
    std::vector<std::string> ids;  // laneIds, phaseIds or cardIds
    std::string round_id;          // top: the closed round whose ranking is cut
    std::int64_t n = 0;            // top: how many
    bool operator==(const round_scope&) const = default;
};

struct stage_set {
    std::string stage_id;
};
struct stage_update {
    std::string stage_id;
    std::optional<std::string> title, instruction;
};
struct timer_set {
    std::int64_t duration_ms = 0;
};
struct timer_start {};
struct timer_pause {};
struct timer_add {
    std::int64_t ms = 0;
};
struct timer_reset {};
struct board_lock {
    bool locked = false;
};
// "Deur dicht": while closed, no new participant may join; those with a token still can.
struct door_set {
    bool open = true;
};
struct writing_private {
    bool on = false;
};
struct focus_set {
    std::optional<std::string> journey_id, phase_id;
};
// P-FAC-10: the stage the big screen keeps showing whatever the room's stage is; null follows.
struct screen_pin {
    std::optional<std::string> stage_id;
};
struct settings_update {
    anonymity value = anonymity::pain_points_and_ideas;
};
struct participant_role {
    std::string participant_id;
    role new_role = role::participant;
};
struct participant_remove {
    std::string participant_id;
};
struct card_link {
    std::string card_id;
    std::optional<std::string> target_id;
};
struct group_add {
    std::string group_id, title;
    std::vector<std::string> card_ids;
};
struct card_group {
    std::string card_id, group_id;
};
struct card_ungroup {
    std::string card_id;
};
struct group_update {
    std::string group_id, title;
};
struct round_start {
    std::string round_id, criterion;
    std::int64_t budget = 1, max_per_item = 1;
    std::optional<std::int64_t> duration_ms;
    bool anonymous = true, facilitator_votes = false;
    round_scope scope;
};
struct vote_add {
    std::string round_id, item_id;
};
struct vote_remove {
    std::string round_id, item_id;
};
struct vote_done {
    std::string round_id;
    bool done = true;
};
struct round_close {
    std::string round_id;
};
struct round_cancel {
    std::string round_id;
};
struct round_reopen {
    std::string round_id;
};
struct round_paper {
    std::string round_id, label;
    std::vector<std::pair<std::string, std::int64_t>> votes;  // item id → votes, as sent
};
struct improvements_rounds {
    std::vector<std::string> round_ids;
};
struct improvement_update {
    std::string item_id;
    std::optional<std::string> owner;
    std::optional<improvement_status> status;
};

}  // namespace jb::model

namespace jb::model::session_limits {
inline constexpr std::size_t max_instruction = 1000;
inline constexpr std::size_t max_label = 80;  // a round's criterion, a paper tally's label
inline constexpr std::size_t max_owner = 100;
inline constexpr std::int64_t min_timer_ms = 1'000, max_timer_ms = 14'400'000;
inline constexpr std::int64_t min_timer_add_ms = 1'000, max_timer_add_ms = 3'600'000;
inline constexpr std::int64_t min_round_ms = 10'000, max_round_ms = 14'400'000;
inline constexpr std::int64_t max_budget = 100;
inline constexpr std::int64_t max_paper_votes = 1'000;
inline constexpr std::size_t min_group_cards = 2, max_group_cards = 50;
inline constexpr std::size_t max_scope_ids = 500;
inline constexpr std::int64_t max_top_n = 1'000;
inline constexpr std::size_t max_paper_items = 500;
inline constexpr std::size_t max_improvement_rounds = 20;
inline constexpr std::size_t max_rounds = 50;          // per workshop
inline constexpr std::size_t max_groups = 2'000;       // per workshop
inline constexpr std::size_t max_paper_labels = 50;    // per round
}  // namespace jb::model::session_limits
