#pragma once
// The words of the report (report.html) and the board image (board.svg) beyond the list's
// (labels.hpp), in Dutch (the default) and English.

#include "export/exporter.hpp"
#include "model/operation.hpp"

#include <string_view>

namespace jb::exporting {

struct report_labels {
    std::string_view report;  // "Verslag"
    std::string_view journey, target_group, inwoner, ondernemer, persona, phase, lane, channel;
    std::string_view board, no_phases, emotion_curve, curve_caption, current, desired, mean,
        spread, n, touchpoint, no_touchpoints, no_emotion;
    std::string_view gaps, gaps_caption, target, whole_phase, expected, experienced, gap,
        largest, no_gaps;
    std::string_view distribution, anonymous_note, private_note;
};

const report_labels& report_labels_for(language lang);
std::string_view group_label(const report_labels& l, model::target_group g);

}  // namespace jb::exporting
