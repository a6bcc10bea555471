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

}  // namespace jb::model
