#include "templates/journey_template.hpp"

#include "model/field_reader.hpp"
#include "model/order_key.hpp"
#include "model/sorted.hpp"
#include "model/text_rules.hpp"

#include <algorithm>
#include <stdexcept>

namespace jb::templates {
namespace {

using nlohmann::json;
using model::field_reader;

struct bad_template {
    std::string message;
};

void require(const field_reader& r) {
    if (!r.ok()) throw bad_template{r.error()->message};
}

const json& array_of(const json& object, const char* name, const std::string& where,
                     std::size_t min, std::size_t max) {
    const auto it = object.find(name);
    if (it == object.end()) throw bad_template{where + name + ": missing"};
    if (!it->is_array()) throw bad_template{where + name + ": must be an array"};
    if (it->size() < min)
        throw bad_template{where + name + ": needs at least " + std::to_string(min)};
    if (it->size() > max)
        throw bad_template{where + name + ": at most " + std::to_string(max) + " allowed"};
    return *it;
}

const json& object_at(const json& v, const std::string& where) {
    if (!v.is_object()) throw bad_template{where + ": must be an object"};
    return v;
}

template_journey read_journey(const json& doc, const std::string& where,
                              const model::board_limits& limits) {
    field_reader r(object_at(doc, where.substr(0, where.size() - 1)), where);
    r.allow_only({"title", "targetGroup", "persona", "phases", "lanes"});
    template_journey j;
    j.title = r.name_text("title", model::text::max_title);
    j.group = r.group("targetGroup");
    j.persona = r.maybe_persona("persona");
    require(r);
    const json& phases = array_of(doc, "phases", where, 0, limits.max_phases);
    for (std::size_t i = 0; i < phases.size(); ++i) {
        const std::string at = where + "phases[" + std::to_string(i) + "].";
        field_reader p(object_at(phases[i], at.substr(0, at.size() - 1)), at);
        p.allow_only({"title"});
        j.phases.push_back(p.name_text("title", model::text::max_title));
        require(p);
    }
    const json& lanes = array_of(doc, "lanes", where, 0, limits.max_lanes);
    for (std::size_t i = 0; i < lanes.size(); ++i) {
        const std::string at = where + "lanes[" + std::to_string(i) + "].";
        field_reader l(object_at(lanes[i], at.substr(0, at.size() - 1)), at);
        l.allow_only({"title", "kind", "question"});
        template_lane lane{l.name_text("title", model::text::max_title), l.kind("kind"),
                           l.maybe_multiline("question", model::text::max_question).value_or("")};
        require(l);
        j.lanes.push_back(std::move(lane));
    }
    return j;
}

}  // namespace

std::variant<journey_template, std::string> parse_template(const json& doc,
                                                           const model::board_limits& limits) {
    try {
        object_at(doc, "template");
        field_reader r(doc, "");
        r.allow_only({"id", "formatVersion", "title", "description", "journeys"});
        r.maybe_id("id");  // a listed template's id; a new workshop does not need it
        r.integer("formatVersion", format_version, format_version);
        journey_template t;
        t.title = r.name_text("title", model::text::max_title);
        t.description = r.maybe_multiline("description", max_description).value_or("");
        require(r);
        const json& journeys = array_of(doc, "journeys", "", 1, limits.max_journeys);
        for (std::size_t i = 0; i < journeys.size(); ++i)
            t.journeys.push_back(
                read_journey(journeys[i], "journeys[" + std::to_string(i) + "].", limits));
        return t;
    } catch (const bad_template& e) {
        return e.message;
    }
}

json to_json(const journey_template& t) {
    json journeys = json::array();
    for (const auto& j : t.journeys) {
        json phases = json::array(), lanes = json::array();
        for (const auto& p : j.phases) phases.push_back(json{{"title", p}});
        for (const auto& l : j.lanes)
            lanes.push_back(
                json{{"title", l.title}, {"kind", to_string(l.kind)}, {"question", l.question}});
        json out{{"title", j.title}, {"targetGroup", to_string(j.group)}};
        if (j.persona) out["persona"] = model::encode_persona(j.persona);
        out["phases"] = std::move(phases);
        out["lanes"] = std::move(lanes);
        journeys.push_back(std::move(out));
    }
    return json{{"formatVersion", format_version},
                {"title", t.title},
                {"description", t.description},
                {"journeys", std::move(journeys)}};
}

model::board make_board(const journey_template& t, model::workshop_info info,
                        const std::function<std::string()>& make_id) {
    model::board b(std::move(info));
    const model::op_context ctx{"", model::role::facilitator, b.info().created_at};
    // Built through the board's own rules, so a template can never make a board that the
    // operations could not have made.
    auto apply = [&](const model::operation& op) {
        if (auto error = b.check(op, ctx))
            throw std::invalid_argument("template does not fit a board: " + error->message);
        b.apply(op, ctx);
    };
    std::optional<std::string> journey_key;
    for (const auto& j : t.journeys) {
        journey_key = model::order_key_between(journey_key, std::nullopt);
        const std::string journey_id = make_id();
        apply(model::journey_add{journey_id, j.title, *journey_key, j.group, j.persona});
        std::optional<std::string> key;
        for (const auto& title : j.phases) {
            key = model::order_key_between(key, std::nullopt);
            apply(model::phase_add{journey_id, make_id(), title, *key});
        }
        key.reset();
        for (const auto& l : j.lanes) {
            key = model::order_key_between(key, std::nullopt);
            apply(model::lane_add{journey_id, make_id(), l.title, *key, l.kind, l.question});
        }
    }
    return b;
}

journey_template from_board(const model::board& b, std::string description) {
    journey_template t;
    t.title = b.info().title;
    t.description = std::move(description);
    std::vector<const model::journey*> ordered;
    for (const auto& [_, j] : b.journeys()) ordered.push_back(&j);
    std::sort(ordered.begin(), ordered.end(), [](const auto* x, const auto* y) {
        return model::display_before(*x, *y);
    });
    for (const auto* j : ordered) {
        template_journey out{j->title, j->group, j->persona, {}, {}};
        for (const auto& p : j->phases) out.phases.push_back(p.title);
        for (const auto& l : j->lanes) out.lanes.push_back({l.title, l.kind, l.question});
        t.journeys.push_back(std::move(out));
    }
    return t;
}

}  // namespace jb::templates
