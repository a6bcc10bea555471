#pragma once
// The documented order of things on the board and the ranking of a round (protocol.md,
// P-VOTE-8): votes descending, equal votes share a rank (1, 2, 2, 4) and are all tied; within
// equal votes, board order (journey, phase, lane, card order key, id; a group as its first
// member card).

#include "model/board.hpp"

#include <string>
#include <vector>

namespace jb::model {

// The items of a round over these cards: each card, or its group's id once, in board order.
std::vector<std::string> items_in_board_order(const board& b, const std::vector<const card*>& cards);

// These cards sorted in board order.
std::vector<const card*> in_board_order(const board& b, std::vector<const card*> cards);

// The card that stands for an item: the card itself, or a group's first member in board order;
// nullptr when neither exists.
const card* item_card(const board& b, const std::string& item_id);

// The result of a round from its ballots and paper votes, ranked.
round_result rank_round(const board& b, const voting_round& r);

// Ranks entries by their `votes` with the rule above (sets rank and tied). Items that no longer
// exist sort last among equal votes, by id.
std::vector<ranking_entry> rank_entries(const board& b, std::vector<ranking_entry> entries);

// The first n items of a closed round's ranking, ties at the cut included.
std::vector<std::string> top_items(const voting_round& r, std::int64_t n);

}  // namespace jb::model
