#pragma once
// Internal to model/: the decoders of each operation kind, split by area.

#include "model/field_reader.hpp"
#include "model/operation.hpp"

#include <string_view>

namespace jb::model {

using reader_fn = operation (*)(field_reader&);

// The reader of a facilitation, grouping, voting or improvement kind, or nullptr.
reader_fn find_session_reader(std::string_view kind);

}  // namespace jb::model

namespace jb::model {

// The wire name and canonical fields of a facilitation, grouping, voting or improvement op
// (operation_encode_session.cpp); for the board's older kinds they return "" / do nothing.
std::string_view session_kind_name(const operation& op);
void encode_session_fields(nlohmann::json& j, const operation& op);
nlohmann::json encode_scope(const round_scope& s);

}  // namespace jb::model
