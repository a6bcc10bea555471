// board::apply: the effect of an accepted operation. check() has already accepted it, so every
// id resolves; a look-up that still fails leaves the board as it is rather than guessing.

#include "model/board.hpp"

#include "model/overloaded.hpp"
#include "model/rules.hpp"
#include "model/sorted.hpp"

namespace jb::model {
namespace {

// Finds the phase or lane `id` in any journey and hands its journey's list and position to `f`.
template <class T, class F>
void with_item(std::map<std::string, journey>& journeys, std::vector<T> journey::*list,
               const std::string& id, F&& f) {
    for (auto& [journey_id, j] : journeys) {
        auto& items = j.*list;
        const auto it = find_by_id(items, id);
        if (it != items.end()) {
            f(items, it);
            return;
        }
    }
}

// Applies an update to a phase or lane, moving it when its order key changes.
template <class T, class Update, class Fields>
void update_item(std::map<std::string, journey>& journeys, std::vector<T> journey::*list,
                 const std::string& id, const Update& o, Fields&& set_fields) {
    with_item(journeys, list, id, [&](std::vector<T>& items, auto it) {
        set_fields(*it);
        if (o.order_key && *o.order_key != it->order_key) {
            T moved = std::move(*it);
            moved.order_key = *o.order_key;
            items.erase(it);
            insert_sorted(items, std::move(moved));
        }
    });
}

}  // namespace

applied board::apply_state(const operation& op, const op_context& ctx) {
    applied out;
    out.visibility = visibility_of(*this, op, ctx);
    std::visit(
        overloaded{
            [&](const auto& o) { apply_rule(*this, o, ctx); },
            [&](const card_add& o) {
                card c;
                c.id = o.card_id;
                c.journey_id = o.journey_id;
                c.phase_id = o.phase_id;
                c.lane_id = o.lane_id;
                c.text = o.text;
                c.author_id = ctx.actor_id;
                c.order_key = o.order_key;
                c.color = o.color;
                c.created_at = c.updated_at = ctx.at;
                c.private_card = o.private_card;
                c.channel = o.channel;
                card_text_bytes_ += c.text.size();
                if (const auto old = cards_.find(c.id); old != cards_.end())  // check() refuses it
                    card_text_bytes_ -= old->second.text.size();
                cards_.insert_or_assign(c.id, std::move(c));
            },
            [&](const card_update& o) {
                const auto it = cards_.find(o.card_id);
                if (it == cards_.end()) return;
                if (o.text) {
                    card_text_bytes_ += o.text->size();
                    card_text_bytes_ -= it->second.text.size();
                    it->second.text = *o.text;
                }
                if (o.color) it->second.color = *o.color;
                if (o.channel) it->second.channel = *o.channel;
                it->second.updated_at = ctx.at;
            },
            [&](const card_move& o) {
                const auto it = cards_.find(o.card_id);
                if (it == cards_.end()) return;
                it->second.phase_id = o.phase_id;
                it->second.lane_id = o.lane_id;
                it->second.order_key = o.order_key;
                it->second.updated_at = ctx.at;
            },
            [&](const card_delete& o) {
                const auto it = cards_.find(o.card_id);
                if (it == cards_.end()) return;
                leave_group(*this, it->second);
                card_text_bytes_ -= it->second.text.size();
                cards_.erase(it);
                drop_scores(*this, o.card_id);
                for (auto& [id, c] : cards_)  // deleting a link's target clears the link
                    if (c.linked_to == o.card_id) c.linked_to.reset();
            },
            [&](const workshop_update& o) { info_.title = o.title; },
            [&](const journey_add& o) {
                journey j;
                j.id = o.journey_id;
                j.title = o.title;
                j.order_key = o.order_key;
                j.group = o.group;
                j.persona = o.persona;
                journeys_.insert_or_assign(j.id, std::move(j));
            },
            [&](const journey_update& o) {
                const auto it = journeys_.find(o.journey_id);
                if (it == journeys_.end()) return;
                if (o.title) it->second.title = *o.title;
                if (o.group) it->second.group = *o.group;
                if (o.order_key) it->second.order_key = *o.order_key;
                if (o.persona) it->second.persona = *o.persona;
            },
            [&](const journey_delete& o) {
                if (const auto it = journeys_.find(o.journey_id); it != journeys_.end())
                    for (const auto& p : it->second.phases) drop_scores(*this, p.id);
                journeys_.erase(o.journey_id);
                auto& focus = session_.facilitation.focus;
                if (focus && focus->journey_id == o.journey_id) focus.reset();
            },
            [&](const phase_add& o) {
                const auto it = journeys_.find(o.journey_id);
                if (it == journeys_.end()) return;
                insert_sorted(it->second.phases, phase{o.phase_id, o.title, o.order_key});
            },
            [&](const phase_update& o) {
                update_item(journeys_, &journey::phases, o.phase_id, o, [&](phase& p) {
                    if (o.title) p.title = *o.title;
                });
            },
            [&](const phase_delete& o) {
                with_item(journeys_, &journey::phases, o.phase_id,
                          [](auto& items, auto it) { items.erase(it); });
                drop_scores(*this, o.phase_id);
                auto& focus = session_.facilitation.focus;
                if (focus && focus->phase_id == o.phase_id) focus->phase_id.reset();
            },
            [&](const lane_add& o) {
                const auto it = journeys_.find(o.journey_id);
                if (it == journeys_.end()) return;
                insert_sorted(it->second.lanes, lane{o.lane_id, o.title, o.order_key, o.kind, o.question});
            },
            [&](const lane_update& o) {
                update_item(journeys_, &journey::lanes, o.lane_id, o, [&](lane& l) {
                    if (o.title) l.title = *o.title;
                    if (o.kind) l.kind = *o.kind;
                    if (o.question) l.question = *o.question;
                });
            },
            [&](const lane_delete& o) {
                with_item(journeys_, &journey::lanes, o.lane_id,
                          [](auto& items, auto it) { items.erase(it); });
            },
        },
        op);
    return out;
}

}  // namespace jb::model
