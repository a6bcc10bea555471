#pragma once
// What a client holds of the presence list: the welcome's list with every later `presence`
// message applied (protocol P-PRES-3, P-PRES-4), as a client must keep it. Shared by the room's
// unit tests and the WebSocket client of the integration tests.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <map>
#include <string>

namespace jb::test {

class presence_list {
public:
    // Takes a welcome's `presence` or a `presence` message; ignores anything else.
    void take(const nlohmann::json& message) {
        if (!message.is_object()) return;
        const auto type = message.value("type", "");
        if (type == "welcome" && message.contains("presence")) return replace(message.at("presence"));
        if (type != "presence") return;
        if (message.contains("participants")) return replace(message);
        for (const auto& p : message.value("joined", nlohmann::json::array()))
            entries_[p.at("participantId")] = whole(p);
        for (const auto& p : message.value("updated", nlohmann::json::array()))
            entries_.at(p.at("participantId")).update(p);
        for (const auto& id : message.value("left", nlohmann::json::array())) entries_.erase(id);
        if (message.contains("offline")) offline_ = message.at("offline");
        ++changes_;
    }

    // {"participants":[…],"offline":n}, each entry with `editing` and `voting` (null when absent).
    nlohmann::json json() const {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& [_, p] : entries_) list.push_back(p);
        return {{"participants", std::move(list)}, {"offline", offline_}};
    }
    // One participant's entry, or null when the list does not hold them.
    nlohmann::json entry(const std::string& participant_id) const {
        const auto it = entries_.find(participant_id);
        return it == entries_.end() ? nlohmann::json() : it->second;
    }
    std::size_t size() const { return entries_.size(); }
    std::size_t offline() const { return offline_; }
    // How many change messages were applied (not counting whole lists).
    std::size_t changes() const { return changes_; }

private:
    static nlohmann::json whole(nlohmann::json p) {
        if (!p.contains("editing")) p["editing"] = nullptr;
        if (!p.contains("voting")) p["voting"] = nullptr;
        return p;
    }
    void replace(const nlohmann::json& list) {
        entries_.clear();
        for (const auto& p : list.at("participants")) entries_[p.at("participantId")] = whole(p);
        offline_ = list.at("offline");
    }

    std::map<std::string, nlohmann::json> entries_;
    std::size_t offline_ = 0;
    std::size_t changes_ = 0;
};

}  // namespace jb::test
