// The facilitation state's defaults and look-ups.

#include "model/session.hpp"

#include <algorithm>
#include <array>

namespace jb::model {

std::int64_t voting_round::used_by(const std::string& participant_id) const {
    const auto it = ballots.find(participant_id);
    if (it == ballots.end()) return 0;
    std::int64_t used = 0;
    for (const auto& [item, n] : it->second) used += n;
    return used;
}

voting_round* session::find_round(const std::string& id) {
    const auto it = std::find_if(rounds.begin(), rounds.end(),
                                 [&](const voting_round& r) { return r.id == id; });
    return it == rounds.end() ? nullptr : &*it;
}

const voting_round* session::find_round(const std::string& id) const {
    return const_cast<session*>(this)->find_round(id);
}

const voting_round* session::open_round() const {
    for (const auto& r : rounds)
        if (r.status == round_status::open) return &r;
    return nullptr;
}

// The stages of a klantreis training day (P-FAC-1), with an instruction in plain (B1) Dutch.
session session::make_default() {
    session s;
    // The web client keeps no copy: it shows the stages the snapshot carries (P-SYNC-9).
    s.facilitation.stages = {
        {"prepare", "Voorbereiden", "Lees de opdracht. Kies samen een klantreis."},
        {"map", "Klantreis in kaart brengen", "Schrijf per fase op wat de klant doet, denkt en voelt."},
        {"ideas", "Ideeën bedenken", "Bedenk ideeën voor de knelpunten. Eén idee per kaart."},
        {"vote", "Stemmen", "Kies de ideeën die het meest helpen. Verdeel je stemmen."},
        {"results", "Resultaat", "Bekijk samen welke ideeën de meeste stemmen kregen."},
        {"evaluate", "Evalueren", "Wat ging goed? Wat kan beter? Wie doet wat?"},
    };
    s.facilitation.stage_id = "prepare";
    return s;
}

namespace {
constexpr std::array<std::pair<round_status, std::string_view>, 3> statuses{{
    {round_status::open, "open"},
    {round_status::closed, "closed"},
    {round_status::cancelled, "cancelled"},
}};
}  // namespace

std::string_view to_string(round_status s) {
    for (const auto& [v, name] : statuses)
        if (v == s) return name;
    return "?";
}

std::optional<round_status> parse_round_status(std::string_view text) {
    for (const auto& [v, name] : statuses)
        if (name == text) return v;
    return std::nullopt;
}

}  // namespace jb::model
