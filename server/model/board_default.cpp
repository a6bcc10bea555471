// board::make_default: the board a new workshop starts with (protocol.md, P-HTTP-6).

#include "model/board.hpp"

#include "model/order_key.hpp"

#include <array>
#include <utility>

namespace jb::model {

board board::make_default(workshop_info info, const std::function<std::string()>& make_id) {
    static constexpr std::array<std::string_view, 5> phase_titles{
        "Oriënteren", "Aanvragen", "Wachten", "Besluit", "Achteraf"};
    static constexpr std::array<std::pair<std::string_view, lane_kind>, 6> lane_titles{{
        {"Contactmoment", lane_kind::touchpoint},
        {"Verwachting", lane_kind::expectation},
        {"Ervaring", lane_kind::experience},
        {"Emotie", lane_kind::emotion},
        {"Knelpunt", lane_kind::pain_point},
        {"Verbeteridee", lane_kind::idea},
    }};

    board b(std::move(info));
    journey j;
    j.id = make_id();
    j.title = "Klantreis";
    j.group = target_group::inwoner;
    j.order_key = order_key_between(std::nullopt, std::nullopt);

    std::optional<std::string> key;
    for (std::string_view title : phase_titles) {
        key = order_key_between(key, std::nullopt);
        j.phases.push_back(phase{make_id(), std::string(title), *key});
    }
    key.reset();
    for (const auto& [title, kind] : lane_titles) {
        key = order_key_between(key, std::nullopt);
        j.lanes.push_back(lane{make_id(), std::string(title), *key, kind});
    }
    b.journeys_.emplace(j.id, std::move(j));
    return b;
}

}  // namespace jb::model
