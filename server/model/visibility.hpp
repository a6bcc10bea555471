#pragma once
// Who may see what (protocol.md, P-FAC-6, P-FAC-9, P-VOTE-6): an event's visibility is decided
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
    // For effect.revealed[i]: the author to hide from others (nothing: shown to all).
    std::vector<std::optional<std::string>> revealed_authors;

    bool same_for_everyone() const {
        return !only_for && !anonymous_author && revealed_authors.empty();
    }
};

// The event body (seq, at, by?, clientId?, clientSeq?, op, effect?) as viewer `v` may see it.
nlohmann::json render_event(const nlohmann::json& body, const event_visibility& vis, const viewer& v);
// Whether viewer `v` gets the event at all (not as hidden).
bool sees_event(const event_visibility& vis, const viewer& v);

}  // namespace jb::model
