#pragma once
// What a client holds of the presence list: the welcome's list with every later `presence`
// message applied (protocol P-PRES-3 … P-PRES-7), as a client must keep it. Shared by the room's
// unit tests and the WebSocket client of the integration tests.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
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
        if (message.contains("you")) you_ = whole(message.at("you"));
        if (message.contains("participants")) return replace(message);
        for (const auto& p : message.value("joined", nlohmann::json::array()))
            entries_[p.at("number")] = whole(p);
        for (const auto& p : message.value("updated", nlohmann::json::array()))
            entries_.at(p.at("number")).update(p);
        for (const auto& number : message.value("left", nlohmann::json::array())) entries_.erase(number);
        if (message.contains("offline")) offline_ = message.at("offline");
        if (message.contains("online")) online_ = message.at("online");
        if (message.contains("voters")) voters_ = message.at("voters");
        ++changes_;
    }

    // {"participants":[…],"offline":n}, each entry whole: `role`, `online`, `editing` and
    // `voting` filled in where the wire leaves them out (P-PRES-3).
    nlohmann::json json() const {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& [_, p] : entries_) list.push_back(p);
        return {{"participants", std::move(list)}, {"offline", offline_}};
    }
    // One participant's entry, or null when the list does not hold them.
    nlohmann::json entry(const std::string& participant_id) const {
        for (const auto& [_, p] : entries_)
            if (p.at("participantId") == participant_id) return p;
        return nlohmann::json();
    }
    std::size_t size() const { return entries_.size(); }
    std::size_t offline() const { return offline_; }
    // P-PRES-6: online participants the list leaves out, and its voters left out.
    std::size_t online() const { return online_; }
    const nlohmann::json& voters() const { return voters_; }
    // P-PRES-7: the connection's own entry, as last sent (null before).
    const nlohmann::json& you() const { return you_; }
    // How many change messages were applied (not counting whole lists).
    std::size_t changes() const { return changes_; }

private:
    static nlohmann::json whole(nlohmann::json p) {
        if (!p.contains("role")) p["role"] = "participant";
        if (!p.contains("online")) p["online"] = true;
        if (!p.contains("editing")) p["editing"] = nullptr;
        if (!p.contains("voting")) p["voting"] = nullptr;
        return p;
    }
    void replace(const nlohmann::json& list) {
        entries_.clear();
        for (const auto& p : list.at("participants")) entries_[p.at("number")] = whole(p);
        offline_ = list.at("offline");
        online_ = list.value("online", std::size_t{0});
        voters_ = list.value("voters", nlohmann::json{{"count", 0}, {"done", 0}});
    }

    std::map<std::int64_t, nlohmann::json> entries_;
    std::size_t offline_ = 0, online_ = 0;
    nlohmann::json voters_ = {{"count", 0}, {"done", 0}};
    nlohmann::json you_;
    std::size_t changes_ = 0;
};

}  // namespace jb::test
