#pragma once
// A journey template (klantreisformat): the structure a workshop starts from, without cards.
// Templates are data files (templates/*.json, schemas/template.schema.json); this reads one
// strictly, turns one into a new board, and turns a board's structure back into one. No I/O.

#include "model/board.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace jb::templates {

inline constexpr int format_version = 1;
inline constexpr std::size_t max_description = 1000;

struct template_lane {
    std::string title;
    model::lane_kind kind = model::lane_kind::custom;
    std::string question;
};

struct template_journey {
    std::string title;
    model::target_group group = model::target_group::inwoner;
    std::optional<model::persona_info> persona;
    std::vector<std::string> phases;  // titles, left to right
    std::vector<template_lane> lanes;  // top to bottom
};

/// One template: a title, a short description and one or more journeys.
struct journey_template {
    std::string title, description;
    std::vector<template_journey> journeys;
};

// Reads a template document as strictly as client input, with the board's limits (journeys,
// phases and lanes per journey). On a problem returns a message that names the field, e.g.
// "journeys[0].lanes[2].kind: must be one of touchpoint, …".
std::variant<journey_template, std::string> parse_template(const nlohmann::json& doc,
                                                           const model::board_limits& limits = {});
// The template document (what parse_template reads back).
nlohmann::json to_json(const journey_template& t);

// A new workshop's board laid out as the template says; `make_id` supplies fresh ids.
model::board make_board(const journey_template& t, model::workshop_info info,
                        const std::function<std::string()>& make_id);
// The structure of a board (journeys, phases, lanes, personas, questions; no cards) as a
// template with the board's title.
journey_template from_board(const model::board& b, std::string description = {});

}  // namespace jb::templates
