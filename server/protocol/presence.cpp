#include "protocol/presence.hpp"

namespace jb::protocol {
namespace {

using nlohmann::json;

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

json voting_json(const std::optional<voting_progress>& v) {
    return v ? json{{"used", v->used}, {"done", v->done}} : json(nullptr);
}

// A listed entry: `editing` and `voting` only when they are not null (P-PRES-3).
json entry_json(const presence_entry& p) {
    json j{{"participantId", p.participant_id},
           {"number", p.number},
           {"displayName", p.display_name},
           {"role", model::to_string(p.role)},
           {"online", p.online}};
    if (p.editing) j["editing"] = *p.editing;
    if (p.voting) j["voting"] = voting_json(p.voting);
    return j;
}

// The fields of `after` that differ from `before`; a cleared `editing` or `voting` is null.
json update_json(const presence_entry& before, const presence_entry& after) {
    json j{{"participantId", after.participant_id}};
    if (before.display_name != after.display_name) j["displayName"] = after.display_name;
    if (before.role != after.role) j["role"] = model::to_string(after.role);
    if (before.online != after.online) j["online"] = after.online;
    if (before.editing != after.editing) j["editing"] = after.editing ? json(*after.editing) : json(nullptr);
    if (before.voting != after.voting) j["voting"] = voting_json(after.voting);
    return j;
}

json list_json(const presence_view& view) {
    json list = json::array();
    for (const auto& [_, entry] : view.entries) list.push_back(entry_json(entry));
    return list;
}

}  // namespace

std::string encode_presence_list(const presence_view& view) {
    return dump(json{{"participants", list_json(view)}, {"offline", view.offline}});
}

std::string encode_presence_reset(const presence_view& view) {
    return dump(json{{"type", "presence"}, {"participants", list_json(view)}, {"offline", view.offline}});
}

std::optional<std::string> encode_presence_change(const presence_view& before,
                                                  const presence_view& after) {
    json joined = json::array(), updated = json::array(), left = json::array();
    for (const auto& [id, entry] : after.entries) {
        const auto old = before.entries.find(id);
        if (old == before.entries.end())
            joined.push_back(entry_json(entry));
        else if (!(old->second == entry))
            updated.push_back(update_json(old->second, entry));
    }
    for (const auto& [id, _] : before.entries)
        if (!after.entries.contains(id)) left.push_back(id);
    if (joined.empty() && updated.empty() && left.empty() && before.offline == after.offline)
        return std::nullopt;
    json message{{"type", "presence"}};
    if (!joined.empty()) message["joined"] = std::move(joined);
    if (!updated.empty()) message["updated"] = std::move(updated);
    if (!left.empty()) message["left"] = std::move(left);
    if (before.offline != after.offline) message["offline"] = after.offline;
    return dump(message);
}

}  // namespace jb::protocol
