#include "protocol/presence.hpp"

namespace jb::protocol {
namespace {

using nlohmann::json;

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

json voting_json(const std::optional<voting_progress>& v) {
    return v ? json{{"used", v->used}, {"done", v->done}} : json(nullptr);
}

// A listed entry (P-PRES-3): keyed by number; `role` only for a facilitator, `online` only when
// false, `editing` and `voting` only when set. The id stays: facilitators' commands and cards'
// authorId name participants by it.
json entry_json(const presence_entry& p) {
    json j{{"number", p.number}, {"participantId", p.participant_id}, {"displayName", p.display_name}};
    if (p.role != model::role::participant) j["role"] = model::to_string(p.role);
    if (!p.online) j["online"] = false;
    if (p.editing) j["editing"] = *p.editing;
    if (p.voting) j["voting"] = voting_json(p.voting);
    return j;
}

// The fields of `after` that differ from `before`; a cleared `editing` or `voting` is null.
json update_json(const presence_entry& before, const presence_entry& after) {
    json j{{"number", after.number}};
    if (before.display_name != after.display_name) j["displayName"] = after.display_name;
    if (before.role != after.role) j["role"] = model::to_string(after.role);
    if (before.online != after.online) j["online"] = after.online;
    if (before.editing != after.editing) j["editing"] = after.editing ? json(*after.editing) : json(nullptr);
    if (before.voting != after.voting) j["voting"] = voting_json(after.voting);
    return j;
}

json voters_json(const voter_count& v) { return json{{"count", v.count}, {"done", v.done}}; }

json list_json(const presence_view& view, json j) {
    json list = json::array();
    for (const auto& [_, entry] : view.entries) list.push_back(entry_json(entry));
    j["participants"] = std::move(list);
    j["offline"] = view.offline;
    if (view.online > 0) j["online"] = view.online;
    if (view.voters.count > 0) j["voters"] = voters_json(view.voters);
    return j;
}

}  // namespace

std::string encode_presence_list(const presence_view& view) { return dump(list_json(view, json::object())); }

std::string encode_presence_reset(const presence_view& view) {
    return dump(list_json(view, json{{"type", "presence"}}));
}

std::optional<std::string> encode_presence_change(const presence_view& before,
                                                  const presence_view& after) {
    json joined = json::array(), updated = json::array(), left = json::array();
    for (const auto& [number, entry] : after.entries) {
        const auto old = before.entries.find(number);
        if (old == before.entries.end())
            joined.push_back(entry_json(entry));
        else if (!(old->second == entry))
            updated.push_back(update_json(old->second, entry));
    }
    for (const auto& [number, _] : before.entries)
        if (!after.entries.contains(number)) left.push_back(number);
    if (joined.empty() && updated.empty() && left.empty() && before.offline == after.offline &&
        before.online == after.online && before.voters == after.voters)
        return std::nullopt;
    json message{{"type", "presence"}};
    if (!joined.empty()) message["joined"] = std::move(joined);
    if (!updated.empty()) message["updated"] = std::move(updated);
    if (!left.empty()) message["left"] = std::move(left);
    if (before.offline != after.offline) message["offline"] = after.offline;
    if (before.online != after.online) message["online"] = after.online;
    if (before.voters != after.voters) message["voters"] = voters_json(after.voters);
    return dump(message);
}

std::string encode_presence_with_you(const std::string* message, const presence_entry& you) {
    const auto entry = dump(entry_json(you));
    if (!message) return "{\"type\":\"presence\",\"you\":" + entry + "}";
    // Every presence message is a JSON object: its closing brace makes room for one more member.
    std::string text = message->substr(0, message->size() - 1);
    text += ",\"you\":";
    text += entry;
    text += '}';
    return text;
}

}  // namespace jb::protocol
