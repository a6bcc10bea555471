// Per-viewer views (protocol.md, P-FAC-6 private cards, P-FAC-9 anonymity, P-VOTE-6 votes):
// which events a viewer sees, in which form, and the board state document they get.

#include "model/improvement_list.hpp"
#include "model/method_figures.hpp"
#include "model/overloaded.hpp"
#include "model/record_patch.hpp"
#include "model/rules.hpp"
#include "model/session_json.hpp"

namespace jb::model {
namespace {

using nlohmann::json;

void strip_sender(json& body) { body.erase("by"); }

// The visibility of an event about card `c` (which may be about to move to `lane_after`).
event_visibility about_card(const board& b, const card* c, const std::string* lane_after = nullptr) {
    event_visibility vis;
    if (!c) return vis;
    if (c->private_card) vis.only_for = c->author_id;
    if (b.anonymous_card(*c) || (lane_after && b.anonymous_lane(*lane_after)))
        vis.anonymous_author = c->author_id;
    return vis;
}

event_visibility only_for(const std::string& participant_id) {
    event_visibility vis;
    vis.only_for = participant_id;
    return vis;
}

}  // namespace

bool sees_event(const event_visibility& vis, const viewer& v) {
    if (vis.only_for && *vis.only_for != v.participant_id) return false;
    if (vis.facilitators_only && v.who != role::facilitator &&
        !(vis.answer_of && *vis.answer_of == v.participant_id))
        return false;
    return true;
}

namespace {

// Whether `v` gets the event without its sender (P-FAC-9): not the author, not the actor.
bool sender_hidden(const json& body, const event_visibility& vis, const viewer& v) {
    if (vis.answer_of) return *vis.answer_of != v.participant_id;
    return vis.anonymous_author && *vis.anonymous_author != v.participant_id &&
           body.value("by", std::string()) != v.participant_id;
}

}  // namespace

std::string render_key(const json& body, const event_visibility& vis, const viewer& v) {
    if (!sees_event(vis, v)) return "hidden";
    if (!sender_hidden(body, vis, v)) return "whole";
    return vis.value_hidden ? "answer" : "anonymous";
}

json render_event(const json& body, const event_visibility& vis, const viewer& v) {
    if (!sees_event(vis, v))
        return json{{"seq", body.at("seq")}, {"at", body.at("at")}, {"op", {{"kind", "hidden"}}}};
    json out = body;
    if (sender_hidden(body, vis, v)) {
        strip_sender(out);
        if (vis.value_hidden) out["op"].erase("value");
    }
    return out;
}

event_visibility visibility_of(const board& b, const operation& op, const op_context& ctx) {
    return std::visit(
        overloaded{
            [&](const card_add& o) {
                event_visibility vis;
                if (o.private_card) vis.only_for = ctx.actor_id;
                if (b.anonymous_lane(o.lane_id)) vis.anonymous_author = ctx.actor_id;
                return vis;
            },
            [&](const card_update& o) { return about_card(b, b.find_card(o.card_id)); },
            [&](const card_move& o) { return about_card(b, b.find_card(o.card_id), &o.lane_id); },
            [&](const card_delete& o) { return about_card(b, b.find_card(o.card_id)); },
            [&](const card_link& o) { return about_card(b, b.find_card(o.card_id)); },
            [&](const card_group& o) { return about_card(b, b.find_card(o.card_id)); },
            [&](const card_ungroup& o) { return about_card(b, b.find_card(o.card_id)); },
            [&](const vote_add&) { return only_for(ctx.actor_id); },
            [&](const vote_remove&) { return only_for(ctx.actor_id); },
            [&](const vote_done&) { return only_for(ctx.actor_id); },
            [&](const score_set&) {
                event_visibility vis;
                vis.answer_of = ctx.actor_id;
                vis.value_hidden = true;
                return vis;
            },
            [&](const evaluation_submit&) {
                event_visibility vis;
                vis.answer_of = ctx.actor_id;
                vis.facilitators_only = true;
                return vis;
            },
            [](const auto&) { return event_visibility{}; },
        },
        op);
}

json board::view_for(const viewer& v, bool with_cards) const {
    json doc = to_json(with_cards);
    std::set<std::string> anonymous;
    if (with_cards)
        for (const auto& [id, c] : cards_)
            if (anonymous_card(c)) anonymous.insert(id);
    view_sections(doc, v, anonymous);
    doc["evaluation"]["summary"] = evaluation_summary(state().evaluation);  // P-EVAL-4
    doc["improvementList"] = improvement_list_json(*this);  // the clients show it as it is (P-IMP-4)
    doc["methodFigures"] = method_figures_json(*this);      // and these (P-METH-5)
    return doc;
}

namespace {

// P-SYNC-9: a card as a viewer gets it (snapshot and patch alike) leaves out its fields at their
// default: absent is null for groupId, linkedTo and channel, false for private. Most cards have
// all four, so this takes about 60 bytes off each card in every event.
void leave_out_defaults(json& card) {
    for (const char* key : {"groupId", "linkedTo", "channel"})
        if (const auto it = card.find(key); it != card.end() && it->is_null()) card.erase(it);
    if (const auto it = card.find("private"); it != card.end() && *it == false) card.erase(it);
}

}  // namespace

void view_sections(json& doc, const viewer& v, const std::set<std::string>& anonymous_cards) {
    if (doc.contains("cards")) {
        json cards = json::array();
        for (auto& c : doc["cards"]) {
            const auto& author = c.at("authorId").get_ref<const std::string&>();
            const bool own = author == v.participant_id;
            if (c.at("private").get<bool>() && !own) continue;
            if (!own && anonymous_cards.contains(c.at("id").get<std::string>())) c.erase("authorId");
            leave_out_defaults(c);
            cards.push_back(std::move(c));
        }
        doc["cards"] = std::move(cards);
    }
    if (doc.contains("rounds"))
        for (auto& r : doc["rounds"]) {
            json mine = json::object();
            if (const auto it = r["ballots"].find(v.participant_id); it != r["ballots"].end()) mine = *it;
            r["myVotes"] = std::move(mine);
            // Whether this viewer votes in the round (P-VOTE-5): the ballot shows from the
            // server's rule, not from a copy of it in the browser.
            r["mayVote"] = votes_in_round(v.who, r.at("facilitatorVotes").get<bool>());
            r.erase("ballots");
            r.erase("done");
        }
    view_method(doc, nullptr, v.participant_id, v.who == role::facilitator);
}

}  // namespace jb::model
