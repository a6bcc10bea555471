// encode_operation, kind_name and requires_facilitator: what the log stores and events carry.

#include "model/operation.hpp"
#include "model/operation_readers.hpp"
#include "model/overloaded.hpp"

namespace jb::model {
namespace {

template <class T>
void put_optional(nlohmann::json& j, const char* name, const std::optional<T>& value) {
    if (value) j[name] = *value;
}

template <class Enum>
void put_optional_enum(nlohmann::json& j, const char* name, const std::optional<Enum>& value) {
    if (value) j[name] = to_string(*value);
}

}  // namespace

nlohmann::json encode_persona(const std::optional<persona_info>& p) {
    if (!p) return nullptr;
    return nlohmann::json{{"name", p->name}, {"description", p->description}};
}

std::string_view kind_name(const operation& op) {
    return std::visit(
        overloaded{
            [](const card_add&) { return "card.add"; },
            [](const card_update&) { return "card.update"; },
            [](const card_move&) { return "card.move"; },
            [](const card_delete&) { return "card.delete"; },
            [](const workshop_update&) { return "workshop.update"; },
            [](const journey_add&) { return "journey.add"; },
            [](const journey_update&) { return "journey.update"; },
            [](const journey_delete&) { return "journey.delete"; },
            [](const phase_add&) { return "phase.add"; },
            [](const phase_update&) { return "phase.update"; },
            [](const phase_delete&) { return "phase.delete"; },
            [](const lane_add&) { return "lane.add"; },
            [](const lane_update&) { return "lane.update"; },
            [](const lane_delete&) { return "lane.delete"; },
            [&](const auto&) { return session_kind_name(op).data(); },
        },
        op);
}

audience who_may(const operation& op) {
    return std::visit(
        overloaded{
            [](const card_add&) { return audience::editors; },
            [](const card_update&) { return audience::editors; },
            [](const card_move&) { return audience::editors; },
            [](const card_delete&) { return audience::editors; },
            [](const card_link&) { return audience::editors; },
            [](const group_add&) { return audience::editors; },
            [](const card_group&) { return audience::editors; },
            [](const card_ungroup&) { return audience::editors; },
            [](const group_update&) { return audience::editors; },
            [](const vote_add&) { return audience::voters; },
            [](const vote_remove&) { return audience::voters; },
            [](const vote_done&) { return audience::voters; },
            [](const score_set&) { return audience::voters; },
            [](const evaluation_submit&) { return audience::voters; },
            [](const auto&) { return audience::facilitator; },
        },
        op);
}

bool requires_facilitator(const operation& op) { return who_may(op) == audience::facilitator; }

nlohmann::json encode_operation(const operation& op) {
    nlohmann::json j{{"kind", kind_name(op)}};
    std::visit(
        overloaded{
            [&](const card_add& o) {
                j["cardId"] = o.card_id;
                j["journeyId"] = o.journey_id;
                j["phaseId"] = o.phase_id;
                j["laneId"] = o.lane_id;
                j["text"] = o.text;
                j["color"] = to_string(o.color);
                j["orderKey"] = o.order_key;
                if (o.private_card) j["private"] = true;
                if (o.channel) j["channel"] = to_string(*o.channel);
            },
            [&](const card_update& o) {
                j["cardId"] = o.card_id;
                put_optional(j, "text", o.text);
                put_optional_enum(j, "color", o.color);
                if (o.channel) j["channel"] = *o.channel ? nlohmann::json(to_string(**o.channel)) : nlohmann::json(nullptr);
            },
            [&](const card_move& o) {
                j["cardId"] = o.card_id;
                j["phaseId"] = o.phase_id;
                j["laneId"] = o.lane_id;
                j["orderKey"] = o.order_key;
            },
            [&](const card_delete& o) { j["cardId"] = o.card_id; },
            [&](const workshop_update& o) { j["title"] = o.title; },
            [&](const journey_add& o) {
                j["journeyId"] = o.journey_id;
                j["title"] = o.title;
                j["targetGroup"] = to_string(o.group);
                j["orderKey"] = o.order_key;
                if (o.persona) j["persona"] = encode_persona(o.persona);
            },
            [&](const journey_update& o) {
                j["journeyId"] = o.journey_id;
                put_optional(j, "title", o.title);
                put_optional_enum(j, "targetGroup", o.group);
                put_optional(j, "orderKey", o.order_key);
                if (o.persona) j["persona"] = encode_persona(*o.persona);
            },
            [&](const journey_delete& o) { j["journeyId"] = o.journey_id; },
            [&](const phase_add& o) {
                j["journeyId"] = o.journey_id;
                j["phaseId"] = o.phase_id;
                j["title"] = o.title;
                j["orderKey"] = o.order_key;
            },
            [&](const phase_update& o) {
                j["phaseId"] = o.phase_id;
                put_optional(j, "title", o.title);
                put_optional(j, "orderKey", o.order_key);
            },
            [&](const phase_delete& o) { j["phaseId"] = o.phase_id; },
            [&](const lane_add& o) {
                j["journeyId"] = o.journey_id;
                j["laneId"] = o.lane_id;
                j["title"] = o.title;
                j["laneKind"] = to_string(o.kind);
                j["orderKey"] = o.order_key;
                if (!o.question.empty()) j["question"] = o.question;
            },
            [&](const lane_update& o) {
                j["laneId"] = o.lane_id;
                put_optional(j, "title", o.title);
                put_optional_enum(j, "laneKind", o.kind);
                put_optional(j, "orderKey", o.order_key);
                put_optional(j, "question", o.question);
            },
            [&](const lane_delete& o) { j["laneId"] = o.lane_id; },
            [&](const auto&) { encode_session_fields(j, op); },
        },
        op);
    return j;
}

}  // namespace jb::model
