#pragma once
// Internal to model/: the JSON of the facilitation state (board state document: facilitation,
// groups, rounds, improvements), written by board::to_json and read back by board::from_json.

#include "model/session.hpp"

#include <nlohmann/json.hpp>

#include <functional>

namespace jb::model {

nlohmann::json result_to_json(const round_result& r, bool anonymous);
// Writes the facilitation, groups, rounds and improvements fields into `doc` (stored form:
// each round with `ballots` and `done`). `private_count` is the number of private cards.
void write_session(nlohmann::json& doc, const session& s, std::size_t private_count);
// Reads them back; absent fields (a board stored before they existed) keep their defaults.
// Throws std::invalid_argument on a malformed value.
session read_session(const nlohmann::json& doc);

// The method's state (method_json.cpp, P-METH-4, P-EVAL-3).
// {"scale","targetId","counts":[5 ints]}: how many scorers gave each value, lowest first.
nlohmann::json score_tally(score_scale scale, const std::string& target_id, const score_values& values);
// The poll's summary everyone may see (P-EVAL-4): {"ratings":[5 counts, 1 first], "average":
// one decimal or null, "shown":[{"id","remarks"}] the remarks on the big screen, in id order}.
nlohmann::json evaluation_summary(const evaluation_state& e);
// Writes `scores` and `evaluation` in the stored form (values by participant; responses with
// participantId and at).
void write_method(nlohmann::json& doc, const session& s);
// Reads them back strictly (absent: the defaults); `target_exists` says whether a score's
// target is a phase or card of the board. Throws std::invalid_argument naming the field.
void read_method(const nlohmann::json& doc, session& s,
                 const std::function<bool(const std::string&)>& target_exists);
// Turns the stored form in `doc` into what viewer `v` may see: counts and `mine` in place of
// the values; the evaluation's `count`, `mine` and `summary`, its responses for facilitators only.
void view_method(nlohmann::json& doc, const session& s, const std::string& participant_id, bool facilitator);

}  // namespace jb::model
