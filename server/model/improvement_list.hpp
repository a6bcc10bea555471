#pragma once
// The improvement list (protocol.md P-IMP-4), computed only here: for the exports, and for the
// clients, who get it in their board (`improvementList`, P-SYNC-9) and show it as it is.

#include "model/board.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace jb::model {

// A card of a group, as the list shows it under the group's title.
struct improvement_member {
    std::string card_id, text;
};

struct improvement_row {
    std::string item_id;
    std::string text;  // card text, or the group's title
    bool is_group = false;
    // A group's cards in board order (private cards left out, P-FAC-6); empty for a card.
    std::vector<improvement_member> members;
    // Votes (digital + paper) per round of the list the item was in, in the list's round order.
    std::vector<std::pair<std::string, std::int64_t>> votes_by_round;
    std::int64_t total = 0, rank = 0;
    bool tied = false;
    std::string journey_id, phase_id, lane_id;  // of the card, or of a group's first member
    std::optional<std::string> pain_point;      // the linked pain point's text
    std::string owner;
    improvement_status status = improvement_status::open;
};

// The round closed last (ties: the higher number), or nullptr: the result the screens show.
const voting_round* latest_closed_round(const board& b);

// The closed rounds the list is made of: improvements.round_ids (those still closed, in that
// order), or else the round closed last (ties: the higher number).
std::vector<const voting_round*> improvement_rounds(const board& b);

// The rows in ranking order: the union of the list rounds' items that are still on the board,
// ranked by total votes with the P-VOTE-8 rule.
std::vector<improvement_row> compute_improvements(const board& b);

// One row as the board state document's `improvementList` writes it (the JSON export adds the
// titles of its place and its touchpoints to it).
nlohmann::json improvement_row_json(const improvement_row& row);

// The board state document's `improvementList`: {"roundIds": the list's rounds, "rows": the
// rows as compute_improvements gives them, "latestRoundId": latest_closed_round's id or null}.
// The same for every viewer.
nlohmann::json improvement_list_json(const board& b);

}  // namespace jb::model
