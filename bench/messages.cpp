#include "messages.hpp"

#include <stdexcept>

namespace jb::bench {

namespace {
constexpr std::string_view digits =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

constexpr std::string_view colors[] = {"yellow", "green",  "blue", "pink",
                                       "orange", "purple", "grey"};

std::string op_message(std::int64_t client_seq, nlohmann::json op) {
    return nlohmann::json{{"type", "op"}, {"clientSeq", client_seq}, {"op", std::move(op)}}
        .dump();
}
}  // namespace

std::string string_field(const nlohmann::json& message, const char* key) {
    if (!message.is_object()) return "";
    const auto it = message.find(key);
    return it != message.end() && it->is_string() ? it->get<std::string>() : "";
}

std::int64_t int_field(const nlohmann::json& message, const char* key, std::int64_t fallback) {
    if (!message.is_object()) return fallback;
    const auto it = message.find(key);
    return it != message.end() && it->is_number_integer() ? it->get<std::int64_t>() : fallback;
}

std::optional<board_layout> layout_of(const nlohmann::json& welcome) {
    const auto snapshot = welcome.find("snapshot");
    if (snapshot == welcome.end() || !snapshot->is_object()) return std::nullopt;
    const auto journeys = snapshot->find("journeys");
    if (journeys == snapshot->end() || !journeys->is_array() || journeys->empty())
        return std::nullopt;
    const auto& journey = journeys->front();
    board_layout layout;
    layout.journey_id = string_field(journey, "id");
    for (const char* key : {"phases", "lanes"}) {
        const auto list = journey.is_object() ? journey.find(key) : journey.end();
        if (list == journey.end() || !list->is_array()) return std::nullopt;
        auto& ids = key == std::string_view("phases") ? layout.phase_ids : layout.lane_ids;
        for (const auto& item : *list) {
            // Cards in pain-point and idea lanes are anonymous by default (P-FAC-9): their
            // events reach others without clientId, which the bench needs to match them up.
            const auto kind = string_field(item, "kind");
            if (kind == "pain_point" || kind == "idea") continue;
            if (auto id = string_field(item, "id"); !id.empty()) ids.push_back(std::move(id));
        }
    }
    if (layout.journey_id.empty() || layout.phase_ids.empty() || layout.lane_ids.empty())
        return std::nullopt;
    return layout;
}

std::string hello_message(const std::string& workshop_id, const std::string& client_id,
                          const std::string& display_name) {
    return nlohmann::json{{"type", "hello"},         {"protocolVersion", hello_protocol_version},
                          {"workshopId", workshop_id}, {"clientId", client_id},
                          {"displayName", display_name}, {"lastSeq", 0}}
        .dump();
}

std::string card_add_message(std::int64_t client_seq, const std::string& card_id,
                             const board_layout& layout, std::size_t phase, std::size_t lane,
                             const std::string& text, const std::string& order_key) {
    return op_message(client_seq, {{"kind", "card.add"},
                                   {"cardId", card_id},
                                   {"journeyId", layout.journey_id},
                                   {"phaseId", layout.phase_ids.at(phase)},
                                   {"laneId", layout.lane_ids.at(lane)},
                                   {"text", text},
                                   {"color", std::string(colors[card_id.size() % std::size(colors)])},
                                   {"orderKey", order_key}});
}

std::string card_move_message(std::int64_t client_seq, const std::string& card_id,
                              const board_layout& layout, std::size_t phase, std::size_t lane,
                              const std::string& order_key) {
    return op_message(client_seq, {{"kind", "card.move"},
                                   {"cardId", card_id},
                                   {"phaseId", layout.phase_ids.at(phase)},
                                   {"laneId", layout.lane_ids.at(lane)},
                                   {"orderKey", order_key}});
}

std::string sequential_order_key(std::size_t n) {
    if (n >= digits.size() * digits.size()) throw std::out_of_range("sequential_order_key");
    return std::string{'b', digits[n / digits.size()], digits[n % digits.size()]};
}

std::string random_order_key(std::mt19937_64& rng) {
    std::uniform_int_distribution<std::size_t> any(0, digits.size() - 1);
    std::uniform_int_distribution<std::size_t> nonzero(1, digits.size() - 1);
    // "a" + one integer digit, then a fractional part that must not end in '0'.
    std::string key{'a', digits[any(rng)]};
    for (int i = 0; i < 3; ++i) key += digits[any(rng)];
    key += digits[nonzero(rng)];
    return key;
}

std::string card_text(std::mt19937_64& rng, std::size_t n) {
    static constexpr std::string_view fragments[] = {
        "Inwoner zoekt op de website naar de voorwaarden voor een vergunning",
        "Verwacht binnen twee weken een ontvangstbevestiging van de aanvraag",
        "Belt het klantcontactcentrum omdat de status niet online te zien is",
        "Wordt doorverbonden met drie verschillende afdelingen",
        "Ondernemer wil één aanspreekpunt voor de hele aanvraag",
        "Brief met het besluit is lastig te lezen door juridische taal",
        "Idee: stuur automatisch een sms bij elke stap in het proces"};
    std::uniform_int_distribution<std::size_t> pick(0, std::size(fragments) - 1);
    // Appended piece by piece: "#" + std::string trips a false -Wrestrict in g++ 12.
    std::string text = "#";
    text += std::to_string(n);
    text += ' ';
    text += fragments[pick(rng)];
    if (pick(rng) % 2 == 0) {
        text += ". ";
        text += fragments[pick(rng)];
    }
    return text;
}

}  // namespace jb::bench
