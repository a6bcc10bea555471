#pragma once
// Internal to model/: the helpers of board::from_json and the method state's reader
// (board_json_read.cpp, method_json.cpp). A malformed stored document throws
// std::invalid_argument("board document: <field>: <problem>").

#include "model/field_reader.hpp"

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>

namespace jb::model::document {

[[noreturn]] inline void malformed(const std::string& what) {
    throw std::invalid_argument("board document: " + what);
}

inline void require(const field_reader& r) {
    if (!r.ok()) malformed(r.error()->message);
}

inline const nlohmann::json& object_at(const nlohmann::json& v, const std::string& where) {
    if (!v.is_object()) malformed(where + ": must be an object");
    return v;
}

inline const nlohmann::json& array_at(const nlohmann::json& v, const std::string& where) {
    if (!v.is_array()) malformed(where + ": must be an array");
    return v;
}

inline const nlohmann::json& array_field(const nlohmann::json& object, const char* name,
                                         const std::string& where) {
    const auto it = object.find(name);
    if (it == object.end()) malformed(where + name + ": missing");
    return array_at(*it, where + name);
}

}  // namespace jb::model::document
