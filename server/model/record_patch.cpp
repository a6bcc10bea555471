// The records an operation changed and the patch each viewer gets of them (P-SYNC-9), and the
// board digest (P-SYNC-10).

#include "model/record_patch.hpp"

#include "model/operation.hpp"
#include "model/session_json.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <unordered_map>

namespace jb::model {
namespace {

using nlohmann::json;

constexpr std::array<const char*, 6> singletons{"workshop",        "facilitation", "improvements",
                                                "improvementList", "methodFigures", "evaluation"};
constexpr std::array<const char*, 5> collections{"journeys", "cards", "groups", "rounds", "scores"};

bool is_singleton(const std::string& section) {
    return std::find(singletons.begin(), singletons.end(), section) != singletons.end();
}

// Objects with their keys in order and members whose value is null or false left out (so
// absent, null and false agree: a record leaves out a field at its default, P-SYNC-9), as
// compact JSON: the same text the web client's digest makes.
void canonical(const json& j, std::string& out) {
    if (j.is_object()) {
        out += '{';
        bool first = true;
        for (const auto& [key, value] : j.items()) {
            if (value.is_null() || value == false) continue;
            if (!first) out += ',';
            first = false;
            out += json(key).dump();
            out += ':';
            canonical(value, out);
        }
        out += '}';
    } else if (j.is_array()) {
        out += '[';
        for (std::size_t i = 0; i < j.size(); ++i) {
            if (i) out += ',';
            canonical(j[i], out);
        }
        out += ']';
    } else if (j.is_number_float() && j.get<double>() == static_cast<double>(static_cast<std::int64_t>(j.get<double>()))) {
        out += std::to_string(static_cast<std::int64_t>(j.get<double>()));  // 4.0 as JavaScript writes it: 4
    } else {
        out += j.dump(-1, ' ', false, json::error_handler_t::replace);
    }
}

}  // namespace

std::string record_id(const std::string& collection, const json& record) {
    if (collection == "scores")
        return record.at("scale").get<std::string>() + ":" + record.at("targetId").get<std::string>();
    return record.at("id").get<std::string>();
}

record_changes diff_documents(const json& before, const json& after) {
    record_changes out;
    for (const char* s : singletons) {
        const auto a = after.find(s);
        const auto b = before.find(s);
        if (a != after.end() && (b == before.end() || *a != *b)) out.upserts[s] = *a;
    }
    for (const char* s : collections) {
        std::unordered_map<std::string, const json*> old;
        if (const auto b = before.find(s); b != before.end())
            for (const auto& r : *b) old.emplace(record_id(s, r), &r);
        if (const auto a = after.find(s); a != after.end())
            for (const auto& r : *a) {
                const auto it = old.find(record_id(s, r));
                if (it == old.end() || *it->second != r) out.upserts[s].push_back(r);
                if (it != old.end()) old.erase(it);
            }
        for (const auto& [id, r] : old) out.removed[s].push_back(id);
        if (auto it = out.removed.find(s); it != out.removed.end()) std::sort(it->second.begin(), it->second.end());
    }
    return out;
}

json patch_for(const record_changes& c, const viewer& v, bool sees_event) {
    json doc = json::object();
    for (const auto& [section, value] : c.upserts.items())
        if (sees_event || is_singleton(section)) doc[section] = value;
    std::vector<std::string> unseen_cards;
    if (doc.contains("cards")) {
        for (const auto& card : doc["cards"])
            if (card.at("private").get<bool>() && card.at("authorId") != v.participant_id)
                unseen_cards.push_back(card.at("id").get<std::string>());
    }
    view_sections(doc, v, c.anonymous_cards);
    if (doc.contains("cards") && doc["cards"].empty()) doc.erase("cards");
    json removed = json::object();
    if (sees_event)
        for (const auto& [section, ids] : c.removed) removed[section] = ids;
    for (auto& id : unseen_cards) removed["cards"].push_back(std::move(id));
    if (!removed.empty()) doc["removed"] = std::move(removed);
    return doc.empty() ? json(nullptr) : doc;
}

namespace {

// A card whose form depends on whether the viewer wrote it (P-FAC-6, P-FAC-9).
bool per_author(const record_changes& c, const json& card) {
    return card.at("private").get<bool>() || c.anonymous_cards.contains(card.at("id").get<std::string>());
}

}  // namespace

bool patch_same_for_everyone(const record_changes& c) {
    // The same sections as patch_key's own_view: the rest is one form for all.
    if (c.upserts.contains("evaluation") || c.upserts.contains("rounds") || c.upserts.contains("scores"))
        return false;
    if (const auto cards = c.upserts.find("cards"); cards != c.upserts.end())
        for (const auto& card : *cards)
            if (per_author(c, card)) return false;
    return true;
}

std::string patch_key(const record_changes& c, const viewer& v, bool sees_event) {
    if (c.empty()) return "";
    const bool own_view = c.upserts.contains("evaluation") ||
                          (sees_event && (c.upserts.contains("rounds") || c.upserts.contains("scores")));
    std::string key = sees_event ? "s" : "h";
    if (own_view) return key + ":" + std::string(to_string(v.who)) + ":" + v.participant_id;
    if (sees_event && c.upserts.contains("cards")) {
        // A private or anonymous card's form depends on whether the viewer wrote it; any other
        // card is the same for everyone.
        key += ':';
        for (const auto& card : c.upserts["cards"])
            if (per_author(c, card)) key += card.at("authorId") == v.participant_id ? 'a' : 'o';
    }
    return key;
}

namespace {

std::uint32_t fnv1a(const std::string& text) {
    std::uint32_t h = 2166136261u;
    for (const unsigned char ch : text) h = (h ^ ch) * 16777619u;
    return h;
}

}  // namespace

std::uint32_t digest_line(const std::string& section, const std::string& id, const json& record) {
    std::string line = section + " ";
    if (!id.empty()) line += id + " ";
    canonical(record, line);
    return fnv1a(line);
}

std::uint32_t digest_sum(const json& view) {
    std::uint32_t sum = 0;
    for (const char* s : singletons)
        if (const auto it = view.find(s); it != view.end()) sum += digest_line(s, "", *it);
    for (const char* s : collections)
        if (const auto it = view.find(s); it != view.end())
            for (const auto& r : *it) sum += digest_line(s, record_id(s, r), r);
    return sum;
}

std::string digest_hex(std::uint32_t sum) {
    char hex[9];
    std::snprintf(hex, sizeof hex, "%08x", sum);
    return hex;
}

std::string board_digest(const json& view) { return digest_hex(digest_sum(view)); }

}  // namespace jb::model
