// The facilitator's commands about participants (protocol P-ROLE-3, P-ROLE-4): hand over or
// share the facilitator role, and remove a participant. The participant record is the truth
// for every connection of that participant, at once; it is written in the op's transaction.
#include "room/room.hpp"
#include "store/audit.hpp"

#include "model/field_reader.hpp"

#include <algorithm>

namespace jb::room {

std::optional<model::op_error> room::check_participant_op(const model::operation& op,
                                                          const model::op_context& ctx) const {
    const auto find = [&](const std::string& id) -> const participant* {
        const auto it = participants_.find(id);
        return it == participants_.end() || it->second.record.removed ? nullptr : &it->second;
    };
    const auto missing = [](const std::string& id) {
        return model::op_error{"not_found", "op.participantId: no participant " + model::quote_name(id)};
    };
    if (const auto* o = std::get_if<model::participant_role>(&op)) {
        const participant* target = find(o->participant_id);
        if (!target) return missing(o->participant_id);
        if (o->new_role == model::role::participant && target->record.role == "facilitator") {
            std::size_t facilitators = 0;
            for (const auto& [id, p] : participants_)
                if (!p.record.removed && p.record.role == "facilitator") ++facilitators;
            if (facilitators <= 1)
                return model::op_error{"conflict", "op.role: the last facilitator cannot be made a participant"};
        }
    } else if (const auto* o = std::get_if<model::participant_remove>(&op)) {
        if (!find(o->participant_id)) return missing(o->participant_id);
        if (o->participant_id == ctx.actor_id)
            return model::op_error{"conflict", "op.participantId: you cannot remove yourself"};
    }
    return std::nullopt;
}

void room::apply_participant_op(const model::operation& op, store::write_batch& batch,
                                logged_event& event) {
    if (const auto* o = std::get_if<model::participant_role>(&op)) {
        auto& record = participants_.at(o->participant_id).record;
        record.role = std::string(model::to_string(o->new_role));
        batch.participants.push_back(record);
    } else if (const auto* o = std::get_if<model::participant_remove>(&op)) {
        auto& p = participants_.at(o->participant_id);
        p.record.removed = true;
        p.editing.reset();
        batch.participants.push_back(p.record);
        event.removed_participant = o->participant_id;
    }
}

std::optional<store::audit_record> room::participant_audit(const model::operation& op,
                                                         const model::op_context& ctx) const {
    std::string action, detail;
    if (const auto* o = std::get_if<model::participant_role>(&op)) {
        action = "participant.role";
        detail = "participant " + o->participant_id + " becomes " + std::string(model::to_string(o->new_role));
    } else if (const auto* o = std::get_if<model::participant_remove>(&op)) {
        action = "participant.remove";
        detail = "participant " + o->participant_id;
    } else {
        return std::nullopt;
    }
    const auto who = participants_.find(ctx.actor_id);
    const auto actor = who == participants_.end() ? "participant:" + ctx.actor_id
                                                  : store::participant_actor(who->second.record);
    return store::audit_record{ctx.at, id_, actor, std::move(action), {}, std::move(detail)};
}

// Numbered in order of joining, so a restarted room gives the numbers it gave before: a room
// makes each newcomer's created_at later than every other's (room::do_join). Ties, only in data
// written before that, go by id. A number never changes while the room is loaded, and the
// presence list says it.
void room::number_participants() {
    std::vector<participant*> order;
    for (auto& [id, p] : participants_) {
        order.push_back(&p);
        newest_participant_at_ = std::max(newest_participant_at_, p.record.created_at);
    }
    std::stable_sort(order.begin(), order.end(), [](const participant* a, const participant* b) {
        return a->record.created_at < b->record.created_at;
    });
    for (auto* p : order) p->number = ++last_number_;
}

std::int64_t room::number_of(const std::string& participant_id) const {
    const auto it = participants_.find(participant_id);
    return it == participants_.end() ? 0 : it->second.number;
}

}  // namespace jb::room
