#pragma once
// The results of a workshop as every improvement export shows them (P-EXP-*): the improvement
// list with each item's place on the board and its touchpoints, every closed round's ranking,
// and the evaluation poll's summary. Computed once from the durable board; each format only
// renders it. Language-free: labels come from labels.hpp.

#include "model/board.hpp"
#include "model/improvement_list.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace jb::exporting {

struct touchpoint {
    std::string card_id, text;
    std::string channel;  // wire name ("desk"), empty when not set
};

// A round of the list: its column.
struct list_round {
    std::string id;
    std::int64_t number = 0;
    std::string criterion;
};

struct result_item {
    model::improvement_row row;
    std::vector<std::optional<std::int64_t>> votes;  // per list round; nothing: not an item of it
    std::string journey, phase, lane;                // titles
    std::vector<touchpoint> touchpoints;             // of the item's journey and phase, board order
};

struct round_entry {
    std::string item_id;
    std::string text;  // empty when the item no longer exists
    bool exists = true;
    std::int64_t rank = 0;
    bool tied = false;
    std::int64_t votes = 0, digital = 0, paper = 0;
};

struct closed_round {
    std::string id, criterion;
    std::int64_t number = 0, voters = 0, closed_at = 0;
    bool in_list = false;
    std::vector<std::string> paper_labels;
    std::vector<round_entry> ranking;
};

struct evaluation_response {
    std::string id;  // "r1", "r2", … (anonymous, P-EVAL-2)
    std::int64_t rating = 0;
    std::string remarks;
};

struct evaluation_summary {
    bool open = false;
    std::int64_t count = 0;
    std::optional<double> average;    // of the ratings, when there is one
    std::array<std::int64_t, 5> ratings{};  // how many gave 1, 2, 3, 4, 5
    std::vector<evaluation_response> responses;  // in id order
};

struct results {
    std::string workshop_id, title;
    std::int64_t exported_at = 0;
    std::vector<list_round> rounds;  // the rounds that form the list
    std::vector<result_item> items;  // ranked
    std::vector<closed_round> closed;  // every closed round, by number
    evaluation_summary evaluation;
};

results make_results(const model::board& b, std::int64_t now_ms);

}  // namespace jb::exporting
