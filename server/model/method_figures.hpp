#pragma once
// The method's figures of each journey (protocol.md P-METH-5), computed only here: for the
// exports (report.html, board.svg) and for the clients, who get them in their board
// (`methodFigures`, P-SYNC-9) and draw them as they are. The emotion curve (one point per
// touchpoint card, current and desired) and the gaps between expectation and experience per
// phase and touchpoint card, with the (at most) three largest ranked.

#include "model/board.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace jb::model {

// n, mean and spread (population standard deviation) of one target's scores on one scale.
struct score_stats {
    std::int64_t n = 0;
    double mean = 0, spread = 0;
    std::array<std::int64_t, 5> counts{};  // lowest value first
};

struct curve_point {
    const model::card* card = nullptr;    // a card in a touchpoint lane, not private
    std::string channel;           // its channel's wire name, empty when none
    const model::phase* phase = nullptr;  // its phase
    std::optional<score_stats> current, desired;  // nothing: a gap in that curve
};

struct gap_row {
    std::string target_id;
    bool is_phase = false;
    const model::phase* phase = nullptr;  // the phase, or the card's phase
    const model::card* card = nullptr;    // the touchpoint card, for a card
    std::optional<score_stats> expected, experienced;
    std::optional<double> gap;  // mean(expected) − mean(experienced), when both were scored
    int rank = 0;               // 1 to 3 among the largest positive gaps, 0 otherwise
};

struct journey_figures {
    const model::journey* journey = nullptr;
    std::vector<curve_point> curve;  // board order
    std::vector<gap_row> gaps;       // board order: each phase, then its touchpoint cards
    bool any_emotion() const;        // a point with a current or desired score
    bool any_gap() const;            // a row with a defined gap
};

// Nothing when nobody scored the target on that scale.
std::optional<score_stats> stats_of(const board& b, score_scale scale, const std::string& target_id);

// Which targets the figures hold: every touchpoint card and phase (the exports draw them all), or
// only those someone scored (the clients': they lay out the rest as they lay out the board, so a
// card added or moved without scores changes nothing there and no patch carries them).
enum class figure_targets { all, scored };

// The journeys in board order, each with its figures. With `scored`, only the journeys with a
// point or a row, and the cost follows the number of scores, not of cards.
std::vector<journey_figures> method_figures(const board& b, figure_targets which = figure_targets::all);

// The board state document's `methodFigures`, of the scored targets (the same for every viewer:
// counts are public and private cards are not in it): {"journeys": [{"journeyId", "curve":
// [{"cardId", "phaseId", "current", "desired"}], "gaps": [{"targetId", "phaseId", "isPhase",
// "expected", "experienced", "gap", "rank"}]}]}, each stats {"n", "mean", "spread"} or null,
// figures rounded to 3 decimals so that both sides write them alike (P-SYNC-10).
nlohmann::json method_figures_json(const board& b);

}  // namespace jb::model
