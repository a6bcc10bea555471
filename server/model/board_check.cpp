// board::check: whether an operation may be applied to the board now (protocol.md, P-SYNC-1,
// P-SYNC-2 and the error codes). Decoding already checked shapes and values; this checks ids,
// role, structure and limits.

#include "model/board.hpp"

#include "model/field_reader.hpp"
#include "model/rules.hpp"

#include <algorithm>

namespace jb::model {
namespace {

using result = std::optional<op_error>;

op_error error(std::string code, std::string_view field, std::string message) {
    return op_error{std::move(code), "op." + std::string(field) + ": " + std::move(message)};
}

result no_card(std::string_view field, const std::string& id) {
    return error("not_found", field, "no card " + quote_name(id));
}
result no_journey(std::string_view field, const std::string& id) {
    return error("not_found", field, "no journey " + quote_name(id));
}

// P-LIM-1: whether the cards' text may grow by `added` bytes where `removed` go, against the
// board's total. Shrinking is always allowed, also on a board over the bound (an older archive).
result text_budget(const board& b, std::size_t removed, std::size_t added) {
    if (added <= removed) return std::nullopt;
    const std::size_t total = b.card_text_bytes();
    if (total - removed + added <= b.limits().max_card_text_bytes) return std::nullopt;
    return op_error{"limit", "op.text: the workshop's cards already hold " + std::to_string(total) +
                                 " bytes of text; together they may hold at most " +
                                 std::to_string(b.limits().max_card_text_bytes)};
}

// Refuses deleting a journey, phase or lane that still holds cards, saying how many are private:
// a facilitator does not see those (P-FAC-6) and would otherwise look at an empty column.
template <class Pred>
result still_holds_cards(const board& b, std::string_view field, const std::string& what, Pred pred) {
    std::size_t count = 0, hidden = 0;
    for (const auto& [id, c] : b.cards())
        if (pred(c)) {
            ++count;
            if (c.private_card) ++hidden;
        }
    if (count == 0) return std::nullopt;
    std::string message = what + " still holds " + std::to_string(count) + (count == 1 ? " card" : " cards");
    if (hidden > 0) message += " (" + std::to_string(hidden) + " private, not revealed yet)";
    return error("conflict", field, std::move(message));
}

// The phase and lane a card goes to must exist and belong to `journey_id`.
result check_cell(const board& b, const std::string& journey_id, const std::string& phase_id,
                  const std::string& lane_id) {
    const journey* phase_in = b.phase_owner(phase_id);
    if (!phase_in) return error("not_found", "phaseId", "no phase " + quote_name(phase_id));
    if (phase_in->id != journey_id)
        return error("invalid", "phaseId",
                     "phase " + quote_name(phase_id) + " is not in journey " + quote_name(journey_id));
    const journey* lane_in = b.lane_owner(lane_id);
    if (!lane_in) return error("not_found", "laneId", "no lane " + quote_name(lane_id));
    if (lane_in->id != journey_id)
        return error("invalid", "laneId",
                     "lane " + quote_name(lane_id) + " is not in journey " + quote_name(journey_id));
    return std::nullopt;
}

struct checker {
    const board& b;
    const op_context& ctx;

    // The facilitation, grouping, voting and improvement kinds (rules.hpp).
    template <class Op>
    result operator()(const Op& o) const {
        return check_rule(b, o, ctx);
    }

    result operator()(const card_add& o) const {
        if (b.find_card(o.card_id) || b.state().groups.contains(o.card_id))
            return error("conflict", "cardId", "a card " + quote_name(o.card_id) + " already exists");
        if (!b.find_journey(o.journey_id)) return no_journey("journeyId", o.journey_id);
        if (auto e = check_cell(b, o.journey_id, o.phase_id, o.lane_id)) return e;
        if (b.cards().size() >= b.limits().max_cards)
            return op_error{"limit", "op: the workshop already holds " +
                                         std::to_string(b.limits().max_cards) +
                                         " cards, the most it may hold"};
        return text_budget(b, 0, o.text.size());
    }
    result operator()(const card_update& o) const {
        const card* c = visible_card(b, o.card_id, ctx);
        if (!c) return no_card("cardId", o.card_id);
        return o.text ? text_budget(b, c->text.size(), o.text->size()) : std::nullopt;
    }
    result operator()(const card_move& o) const {
        const card* c = visible_card(b, o.card_id, ctx);
        if (!c) return no_card("cardId", o.card_id);
        // A card stays in its journey: moving it elsewhere is an invalid value, not a missing id.
        return check_cell(b, c->journey_id, o.phase_id, o.lane_id);
    }
    result operator()(const card_delete& o) const {
        const card* c = visible_card(b, o.card_id, ctx);
        if (!c) return no_card("cardId", o.card_id);
        if (in_open_round(b, *c))
            return error("conflict", "cardId",
                         "the card is an item of the open round; close or cancel it first");
        return std::nullopt;
    }
    result operator()(const workshop_update&) const { return std::nullopt; }

    result operator()(const journey_add& o) const {
        if (b.find_journey(o.journey_id))
            return error("conflict", "journeyId",
                         "a journey " + quote_name(o.journey_id) + " already exists");
        if (b.journeys().size() >= b.limits().max_journeys)
            return op_error{"limit", "op: the workshop already holds " +
                                         std::to_string(b.limits().max_journeys) +
                                         " journeys, the most it may hold"};
        return std::nullopt;
    }
    result operator()(const journey_update& o) const {
        if (!b.find_journey(o.journey_id)) return no_journey("journeyId", o.journey_id);
        return std::nullopt;
    }
    result operator()(const journey_delete& o) const {
        if (!b.find_journey(o.journey_id)) return no_journey("journeyId", o.journey_id);
        if (b.journeys().size() == 1)
            return error("conflict", "journeyId", "the last journey cannot be deleted");
        return still_holds_cards(b, "journeyId", "journey " + quote_name(o.journey_id),
                                 [&](const card& c) { return c.journey_id == o.journey_id; });
    }

    result operator()(const phase_add& o) const {
        const journey* j = b.find_journey(o.journey_id);
        if (!j) return no_journey("journeyId", o.journey_id);
        if (b.phase_owner(o.phase_id))
            return error("conflict", "phaseId", "a phase " + quote_name(o.phase_id) + " already exists");
        if (j->phases.size() >= b.limits().max_phases)
            return op_error{"limit", "op: the journey already holds " +
                                         std::to_string(b.limits().max_phases) +
                                         " phases, the most it may hold"};
        return std::nullopt;
    }
    result operator()(const phase_update& o) const {
        if (!b.phase_owner(o.phase_id))
            return error("not_found", "phaseId", "no phase " + quote_name(o.phase_id));
        return std::nullopt;
    }
    result operator()(const phase_delete& o) const {
        if (!b.phase_owner(o.phase_id))
            return error("not_found", "phaseId", "no phase " + quote_name(o.phase_id));
        return still_holds_cards(b, "phaseId", "phase " + quote_name(o.phase_id),
                                 [&](const card& c) { return c.phase_id == o.phase_id; });
    }

    result operator()(const lane_add& o) const {
        const journey* j = b.find_journey(o.journey_id);
        if (!j) return no_journey("journeyId", o.journey_id);
        if (b.lane_owner(o.lane_id))
            return error("conflict", "laneId", "a lane " + quote_name(o.lane_id) + " already exists");
        if (j->lanes.size() >= b.limits().max_lanes)
            return op_error{"limit", "op: the journey already holds " +
                                         std::to_string(b.limits().max_lanes) +
                                         " lanes, the most it may hold"};
        return std::nullopt;
    }
    result operator()(const lane_update& o) const {
        if (!b.lane_owner(o.lane_id))
            return error("not_found", "laneId", "no lane " + quote_name(o.lane_id));
        return std::nullopt;
    }
    result operator()(const lane_delete& o) const {
        if (!b.lane_owner(o.lane_id))
            return error("not_found", "laneId", "no lane " + quote_name(o.lane_id));
        return still_holds_cards(b, "laneId", "lane " + quote_name(o.lane_id),
                                 [&](const card& c) { return c.lane_id == o.lane_id; });
    }
};

}  // namespace

// P-ROLE-2: every command against the sender's role; P-FAC-4: the lock.
std::optional<op_error> board::check(const operation& op, const op_context& ctx) const {
    if (ctx.actor_role == role::screen)
        return op_error{"forbidden", "op.kind: a screen may not do " + std::string(kind_name(op))};
    switch (who_may(op)) {
    case audience::facilitator:
        if (ctx.actor_role != role::facilitator)
            return op_error{"forbidden",
                            "op.kind: only a facilitator may do " + std::string(kind_name(op))};
        break;
    case audience::editors:
        if (session_.facilitation.locked && ctx.actor_role != role::facilitator)
            return op_error{"locked", "op.kind: the facilitator has locked the board"};
        break;
    case audience::voters:
        break;
    }
    return std::visit(checker{*this, ctx}, op);
}

void board::prepare(operation& op, const op_context& ctx) const {
    if (auto* add = std::get_if<card_add>(&op))
        add->private_card = session_.facilitation.private_writing && ctx.actor_role == role::participant;
}

}  // namespace jb::model
