#pragma once
// The facilitation state of a workshop's board: stages, timer, lock, private writing, focus,
// anonymity (P-FAC-*), groups, voting rounds (P-VOTE-*), the improvement list (P-IMP-*), the
// scores (P-METH-*) and the evaluation poll (P-EVAL-*). Plain data; the rules that change it
// live in facilitation.cpp, grouping.cpp, voting.cpp, improvements.cpp, scores.cpp and
// evaluation.cpp.

#include "model/facilitation_ops.hpp"
#include "model/method_ops.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace jb::model {

struct stage {
    std::string id, title, instruction;
    bool operator==(const stage&) const = default;
};

// Running iff ends_at is set; then the rest is ends_at − now. Paused: remaining_ms.
struct timer_state {
    std::int64_t duration_ms = 300'000, remaining_ms = 300'000;
    std::optional<std::int64_t> ends_at;
};

struct focus_target {
    std::string journey_id;
    std::optional<std::string> phase_id;
};

struct facilitation_state {
    std::vector<stage> stages;
    std::string stage_id = "prepare";
    timer_state timer;
    bool locked = false, private_writing = false;
    bool door_open = true;  // P-JOIN-10: false ("deur dicht") admits no new participants
    std::optional<focus_target> focus;
    std::optional<std::string> screen_pin;  // a stage id (P-FAC-10)
    anonymity anonymous_lanes = anonymity::pain_points_and_ideas;
};

struct card_group_info {
    std::string id, journey_id, title;
};

enum class round_status { open, closed, cancelled };

struct paper_tally {
    std::string label;
    std::map<std::string, std::int64_t> votes;  // item id → votes
};

struct ranking_entry {
    std::string item_id;
    std::int64_t rank = 0;
    bool tied = false;
    std::int64_t votes = 0, digital = 0, paper = 0;
    std::vector<std::string> voter_ids;  // sorted; shown only for rounds that are not anonymous
};

struct round_result {
    std::int64_t voters = 0;
    std::vector<ranking_entry> ranking;
};

struct voting_round {
    std::string id, criterion;
    std::int64_t number = 0, budget = 1, max_per_item = 1;
    std::optional<std::int64_t> duration_ms;
    bool anonymous = true, facilitator_votes = false;
    round_scope scope;
    std::vector<std::string> items;  // board order at the start
    round_status status = round_status::open;
    std::int64_t started_at = 0;
    std::optional<std::int64_t> ends_at, closed_at;
    // participant id → item id → digital votes (never sent as a whole: P-VOTE-6)
    std::map<std::string, std::map<std::string, std::int64_t>> ballots;
    std::set<std::string> done;  // who said "I am finished"
    std::vector<paper_tally> paper;  // in the order the labels were first entered
    std::optional<round_result> result;

    std::int64_t used_by(const std::string& participant_id) const;
};

// Whether someone in this role votes in a round (P-VOTE-5): a participant always, a facilitator
// when the round lets facilitators vote, a screen never. The check of vote.add, the viewer's
// `mayVote` (P-SYNC-9) and the voting progress in presence all ask this (voting.cpp).
bool votes_in_round(role who, bool facilitator_votes);

struct improvement_entry {
    std::string owner;
    improvement_status status = improvement_status::open;
};

struct improvement_list {
    std::vector<std::string> round_ids;
    std::map<std::string, improvement_entry> items;  // by item id
};

// Every scorer's score of one target on one scale (P-METH-2): participant id → value.
using score_values = std::map<std::string, std::int64_t>;
// By (scale, target id): the order of the board state's `scores` (P-METH-4).
using score_table = std::map<std::pair<score_scale, std::string>, score_values>;

// One participant's answer to the closing poll (P-EVAL-2): anonymous on the wire, the
// participant kept only so that a second submission replaces the first.
struct evaluation_response {
    std::string id, participant_id;  // id: r1, r2, … in order of first submission
    std::int64_t rating = 1;
    std::string remarks;
    std::int64_t at = 0;  // the latest submission
    bool shown = false;   // the facilitator put the remarks on the big screen (P-EVAL-4)
};

struct evaluation_state {
    bool open = false;
    std::vector<evaluation_response> responses;  // in id order
};

struct session {
    facilitation_state facilitation;
    std::map<std::string, card_group_info> groups;  // by id
    std::vector<voting_round> rounds;               // in the order they were started
    improvement_list improvements;
    score_table scores;
    evaluation_state evaluation;

    voting_round* find_round(const std::string& id);
    const voting_round* find_round(const std::string& id) const;
    const voting_round* open_round() const;
    static session make_default();
};

std::string_view to_string(round_status);
std::optional<round_status> parse_round_status(std::string_view);

}  // namespace jb::model
