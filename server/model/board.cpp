// The board's constructor and look-ups.

#include "model/board.hpp"

#include "model/sorted.hpp"

namespace jb::model {

board::board(workshop_info info, board_limits limits)
    : info_(std::move(info)), limits_(limits) {}

const card* board::find_card(const std::string& id) const {
    const auto it = cards_.find(id);
    return it == cards_.end() ? nullptr : &it->second;
}

card* board::find_card_mut(const std::string& id) {
    const auto it = cards_.find(id);
    return it == cards_.end() ? nullptr : &it->second;
}

const lane* board::find_lane(const std::string& id) const {
    for (const auto& [journey_id, j] : journeys_)
        if (const auto it = find_by_id(j.lanes, id); it != j.lanes.end()) return &*it;
    return nullptr;
}

// P-FAC-9: which lanes' cards are anonymous to others.
bool board::anonymous_lane(const std::string& lane_id) const {
    switch (session_.facilitation.anonymous_lanes) {
    case anonymity::none: return false;
    case anonymity::all: return true;
    case anonymity::pain_points_and_ideas: break;
    }
    const lane* l = find_lane(lane_id);
    return l && (l->kind == lane_kind::pain_point || l->kind == lane_kind::idea);
}

bool board::anonymous_card(const card& c) const { return anonymous_lane(c.lane_id); }

const journey* board::find_journey(const std::string& id) const {
    const auto it = journeys_.find(id);
    return it == journeys_.end() ? nullptr : &it->second;
}

// At most 20 journeys of 30 phases and 30 lanes: a scan is cheaper than an index to keep.
const journey* board::phase_owner(const std::string& id) const {
    for (const auto& [journey_id, j] : journeys_)
        if (find_by_id(j.phases, id) != j.phases.end()) return &j;
    return nullptr;
}

const journey* board::lane_owner(const std::string& id) const {
    for (const auto& [journey_id, j] : journeys_)
        if (find_by_id(j.lanes, id) != j.lanes.end()) return &j;
    return nullptr;
}

}  // namespace jb::model
