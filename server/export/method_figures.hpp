#pragma once
// The method's figures of one journey as the report and the board image draw them (P-METH-5):
// the emotion curve (one point per touchpoint card, current and desired) and the gaps between
// expectation and experience per phase and touchpoint, with the (at most) three largest marked.
// Computed exactly as the web client computes them; pure, no I/O.

#include "model/board.hpp"

#include <array>
#include <map>
#include <string_view>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace jb::exporting {

// n, mean and spread (population standard deviation) of one target's scores on one scale.
struct score_stats {
    std::int64_t n = 0;
    double mean = 0, spread = 0;
    std::array<std::int64_t, 5> counts{};  // lowest value first
};

// Every score and channel of a board, read from its stored form (board::to_json: "scores" with
// each scorer's value, cards' "channel"), so that this works on any board the store holds.
class method_data {
public:
    explicit method_data(const model::board& b);
    // Nothing when nobody scored the target on that scale ("current", "desired", "expected",
    // "experienced").
    std::optional<score_stats> stats(std::string_view scale, const std::string& target_id) const;
    // The card's channel's wire name ("desk"), empty when none.
    std::string channel(const std::string& card_id) const;

private:
    std::map<std::pair<std::string, std::string>, std::vector<std::int64_t>, std::less<>> scores_;
    std::map<std::string, std::string> channels_;
};

struct curve_point {
    const model::card* card = nullptr;   // a card in a touchpoint lane
    std::string channel;                 // its channel's wire name, empty when none
    const model::phase* phase = nullptr; // its phase
    std::optional<score_stats> current, desired;  // nothing: a gap in that curve
};

struct gap_row {
    std::string target_id;
    bool is_phase = false;
    const model::phase* phase = nullptr;  // the phase, or the card's phase
    const model::card* card = nullptr;    // the touchpoint card, for a card
    std::optional<score_stats> expected, experienced;
    std::optional<double> gap;  // mean(expected) − mean(experienced), when both were scored
    bool largest = false;       // among the (at most) 3 largest positive gaps
};

struct journey_figures {
    const model::journey* journey = nullptr;
    std::vector<curve_point> curve;  // board order
    std::vector<gap_row> gaps;       // board order: each phase, then its touchpoint cards
    bool any_emotion() const;        // a point with a current or desired score
    bool any_gap() const;            // a row with a defined gap
};

// The journeys in board order, each with its figures.
std::vector<journey_figures> method_figures(const model::board& b, const method_data& data);

}  // namespace jb::exporting
