#pragma once
// Who may see what (protocol.md, P-FAC-6, P-FAC-9, P-VOTE-6, P-METH-3, P-EVAL-2): an event's visibility is decided
// when the event is made and kept with it, so a later reveal does not rewrite old events.

#include "model/facilitation_ops.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace jb::model {

// Who looks: a participant (or facilitator) by id, or a screen (empty id).
struct viewer {
    std::string participant_id;
    role who = role::participant;
};

struct event_visibility {
    // Only this participant sees the event; everyone else gets {"kind":"hidden"} (own votes,
    // a private card).
    std::optional<std::string> only_for;
    // The event is about a card whose authorship is hidden: others than this author and the
    // actor get it without by, clientId and clientSeq.
    std::optional<std::string> anonymous_author;
    // The event carries one participant's own answer (a score, P-METH-3; an evaluation
    // response, P-EVAL-2): that participant's connections get it whole, every other viewer
    // without by, clientId and clientSeq.
    std::optional<std::string> answer_of;
    // ... and without `op.value` (a score's value).
    bool value_hidden = false;
    // Besides answer_of, only facilitators see the event; everyone else gets it hidden (the
    // counts everyone may know, P-EVAL-1's responses so far, P-FAC-6's privateCount, reach them
    // in the hidden form's patch).
    bool facilitators_only = false;

    bool same_for_everyone() const {
        return !only_for && !anonymous_author && !answer_of && !facilitators_only;
    }
};

// The event body (seq, at, by?, op) as viewer `v` may see it.
nlohmann::json render_event(const nlohmann::json& body, const event_visibility& vis, const viewer& v);
// Whether viewer `v` gets the event at all (not as hidden).
bool sees_event(const event_visibility& vis, const viewer& v);
// Viewers with the same key get the same render_event(), so a broadcast serialises each form
// once: "hidden", "whole", "anonymous", "answer" (anonymous without the value).
std::string render_key(const nlohmann::json& body, const event_visibility& vis, const viewer& v);

}  // namespace jb::model
