// decode_operation: the strict reading of an `op` object (protocol.md, "Operations").

#include "model/field_reader.hpp"
#include "model/operation.hpp"
#include "model/operation_readers.hpp"
#include "model/text_rules.hpp"

#include <array>
#include <utility>

namespace jb::model {
namespace {

using text::max_title;


operation read_card_add(field_reader& r) {
    r.allow_only({"kind", "cardId", "journeyId", "phaseId", "laneId", "text", "color", "orderKey",
                  "channel"});
    card_add op;
    op.card_id = r.id("cardId");
    op.journey_id = r.id("journeyId");
    op.phase_id = r.id("phaseId");
    op.lane_id = r.id("laneId");
    op.text = r.card_text("text");
    op.color = r.color("color");
    op.order_key = r.order_key("orderKey");
    op.channel = r.maybe_channel("channel");
    return op;
}

operation read_card_update(field_reader& r) {
    r.allow_only({"kind", "cardId", "text", "color", "channel"});
    card_update op;
    op.card_id = r.id("cardId");
    op.text = r.maybe_card_text("text");
    op.color = r.maybe_color("color");
    if (r.has("channel")) op.channel = r.maybe_channel("channel");
    if (!r.has("text") && !r.has("color") && !r.has("channel"))
        r.fail("bad_message", "", "needs text, color or channel");
    return op;
}

operation read_card_move(field_reader& r) {
    r.allow_only({"kind", "cardId", "phaseId", "laneId", "orderKey"});
    card_move op;
    op.card_id = r.id("cardId");
    op.phase_id = r.id("phaseId");
    op.lane_id = r.id("laneId");
    op.order_key = r.order_key("orderKey");
    return op;
}

operation read_card_delete(field_reader& r) {
    r.allow_only({"kind", "cardId"});
    return card_delete{r.id("cardId")};
}

operation read_workshop_update(field_reader& r) {
    r.allow_only({"kind", "title"});
    return workshop_update{r.name_text("title", max_title)};
}

operation read_journey_add(field_reader& r) {
    r.allow_only({"kind", "journeyId", "title", "targetGroup", "orderKey", "persona"});
    journey_add op;
    op.journey_id = r.id("journeyId");
    op.title = r.name_text("title", max_title);
    op.group = r.group("targetGroup");
    op.order_key = r.order_key("orderKey");
    op.persona = r.maybe_persona("persona");
    return op;
}

operation read_journey_update(field_reader& r) {
    r.allow_only({"kind", "journeyId", "title", "targetGroup", "orderKey", "persona"});
    journey_update op;
    op.journey_id = r.id("journeyId");
    op.title = r.maybe_name_text("title", max_title);
    op.group = r.maybe_group("targetGroup");
    op.order_key = r.maybe_order_key("orderKey");
    if (r.has("persona")) op.persona = r.maybe_persona("persona");
    if (!r.has("title") && !r.has("targetGroup") && !r.has("orderKey") && !r.has("persona"))
        r.fail("bad_message", "", "needs title, targetGroup, orderKey or persona");
    return op;
}

operation read_journey_delete(field_reader& r) {
    r.allow_only({"kind", "journeyId"});
    return journey_delete{r.id("journeyId")};
}

operation read_phase_add(field_reader& r) {
    r.allow_only({"kind", "journeyId", "phaseId", "title", "orderKey"});
    phase_add op;
    op.journey_id = r.id("journeyId");
    op.phase_id = r.id("phaseId");
    op.title = r.name_text("title", max_title);
    op.order_key = r.order_key("orderKey");
    return op;
}

operation read_phase_update(field_reader& r) {
    r.allow_only({"kind", "phaseId", "title", "orderKey"});
    phase_update op;
    op.phase_id = r.id("phaseId");
    op.title = r.maybe_name_text("title", max_title);
    op.order_key = r.maybe_order_key("orderKey");
    if (!r.has("title") && !r.has("orderKey"))
        r.fail("bad_message", "", "needs title or orderKey");
    return op;
}

operation read_phase_delete(field_reader& r) {
    r.allow_only({"kind", "phaseId"});
    return phase_delete{r.id("phaseId")};
}

operation read_lane_add(field_reader& r) {
    r.allow_only({"kind", "journeyId", "laneId", "title", "laneKind", "orderKey", "question"});
    lane_add op;
    op.journey_id = r.id("journeyId");
    op.lane_id = r.id("laneId");
    op.title = r.name_text("title", max_title);
    op.kind = r.kind("laneKind");
    op.order_key = r.order_key("orderKey");
    op.question = r.maybe_multiline("question", text::max_question).value_or("");
    return op;
}

operation read_lane_update(field_reader& r) {
    r.allow_only({"kind", "laneId", "title", "laneKind", "orderKey", "question"});
    lane_update op;
    op.lane_id = r.id("laneId");
    op.title = r.maybe_name_text("title", max_title);
    op.kind = r.maybe_kind("laneKind");
    op.order_key = r.maybe_order_key("orderKey");
    op.question = r.maybe_multiline("question", text::max_question);
    if (!r.has("title") && !r.has("laneKind") && !r.has("orderKey") && !r.has("question"))
        r.fail("bad_message", "", "needs title, laneKind, orderKey or question");
    return op;
}

operation read_lane_delete(field_reader& r) {
    r.allow_only({"kind", "laneId"});
    return lane_delete{r.id("laneId")};
}

constexpr std::array<std::pair<std::string_view, reader_fn>, 14> readers{{
    {"card.add", &read_card_add},
    {"card.update", &read_card_update},
    {"card.move", &read_card_move},
    {"card.delete", &read_card_delete},
    {"workshop.update", &read_workshop_update},
    {"journey.add", &read_journey_add},
    {"journey.update", &read_journey_update},
    {"journey.delete", &read_journey_delete},
    {"phase.add", &read_phase_add},
    {"phase.update", &read_phase_update},
    {"phase.delete", &read_phase_delete},
    {"lane.add", &read_lane_add},
    {"lane.update", &read_lane_update},
    {"lane.delete", &read_lane_delete},
}};

}  // namespace

std::variant<operation, op_error> decode_operation(const nlohmann::json& op, bool from_log) {
    if (!op.is_object()) return op_error{"bad_message", "op: must be an object"};
    const auto kind = op.find("kind");
    if (kind == op.end()) return op_error{"bad_message", "op.kind: missing"};
    if (!kind->is_string()) return op_error{"bad_message", "op.kind: must be a string"};
    const auto& name = kind->get_ref<const std::string&>();
    if (from_log && name == "card.add" && op.contains("private")) {
        // Only the server writes `private` (P-FAC-6); clients may not send it.
        nlohmann::json rest = op;
        const bool is_private = rest["private"] == true;
        rest.erase("private");
        auto decoded = decode_operation(rest, false);
        if (auto* added = std::get_if<operation>(&decoded))
            std::get<card_add>(*added).private_card = is_private;
        return decoded;
    }
    reader_fn read = find_session_reader(name);
    for (const auto& [kind_text, reader] : readers)
        if (kind_text == name) read = reader;
    if (!read) return op_error{"unknown_type", "op.kind: unknown operation kind " + quote_name(name)};
    field_reader r(op, "op.");
    operation result = read(r);
    if (!r.ok()) return *r.error();
    return result;
}

}  // namespace jb::model
