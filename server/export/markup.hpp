#pragma once
// Writing HTML and SVG by hand, safely: every piece of text goes through escape(), which also
// drops the characters XML 1.0 forbids, so a card's text can never become markup.

#include "export/exporter.hpp"
#include "model/method_figures.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace jb::exporting {

// The method's figures are the model's (P-METH-5): the exports draw them as computed there.
using model::curve_point;
using model::gap_row;
using model::journey_figures;
using model::method_figures;
using model::score_stats;

// Text for element content or a quoted attribute: & < > " ' as entities; C0 controls other than
// tab, newline and carriage return, and U+FFFE/U+FFFF, left out.
std::string escape(std::string_view text);
// A coordinate or length with at most one decimal ("12", "12.5"), the same on every machine.
std::string num(double v);
// One decimal, in the language's notation ("1,5" / "1.5"; "−0,3" with a real minus sign).
std::string one_decimal(language lang, double v);

// Splits text into lines of at most `width` characters (code points), at spaces where it can,
// keeping the text's own line breaks; at most `max_lines`, the last ending in "…" if cut.
std::vector<std::string> wrap(std::string_view text, std::size_t width, std::size_t max_lines);
// The same, for lines drawn in a sans-serif font of `font_px`: each line at most `max_px` wide by
// text_width, an estimate that errs wide (a line never runs past its box in common fonts).
std::vector<std::string> wrap_to_width(std::string_view text, double max_px, double font_px, std::size_t max_lines);
double text_width(std::string_view text, double font_px);

// Where an emotion curve is drawn: values −2 (bottom) … +2 (top).
struct plot_area {
    double x = 0, y = 0, width = 0, height = 0;
};

// The emotion curves (current solid with circles, desired dashed with squares, each with its
// ± spread band), one point per touchpoint at x = xs[i]; a point without scores breaks the line.
// With `axes`: the value grid with its labels on the left and each point's number below.
std::string emotion_curve_svg(const std::vector<curve_point>& points, const std::vector<double>& xs,
                              const plot_area& area, bool axes);

}  // namespace jb::exporting
