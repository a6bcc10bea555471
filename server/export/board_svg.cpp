// board.svg (P-EXP-8): every journey's board as one SVG image for slides: phases as columns,
// lanes as rows, cards as coloured notes with their text wrapped (and their channel), and the
// emotion curve drawn across the first emotion lane. Generic fonts only; every text escaped.

#include "export/exporter.hpp"
#include "export/labels.hpp"
#include "export/markup.hpp"
#include "export/report_labels.hpp"

#include <algorithm>

namespace jb::exporting {

namespace {

constexpr double margin = 20, label_width = 150, column_width = 190, header_height = 40;
constexpr double line_height = 15, card_gap = 6, cell_padding = 8;
constexpr std::size_t card_lines = 8;
constexpr double card_font = 12, title_font = 13, bold = 1.1;  // bold text is about a tenth wider
// A card's text starts 6 px inside the card and keeps 6 px from its right edge.
constexpr double card_text_width = column_width - 2 * 6 - 2 * 6;
constexpr double min_row = 56, emotion_row = 160;

std::string fill_of(model::card_color c)
{
    switch (c) {
    case model::card_color::yellow: return "#fff4b3";
    case model::card_color::green: return "#d4f2d2";
    case model::card_color::blue: return "#d3e5fb";
    case model::card_color::pink: return "#fbd6e4";
    case model::card_color::orange: return "#ffe0bd";
    case model::card_color::purple: return "#e6dcf7";
    case model::card_color::grey: return "#e6e6e6";
    }
    return "#fff4b3";
}

// Lines of text starting at (x, y), one tspan per line.
std::string text_block(double x, double y, const std::vector<std::string>& lines, const std::string& attrs)
{
    std::string out = "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\"" + attrs + ">";
    for (std::size_t i = 0; i < lines.size(); ++i)
        out += "<tspan x=\"" + num(x) + "\"" + (i == 0 ? std::string() : " dy=\"" + num(line_height) + "\"") + ">" +
               escape(lines[i]) + "</tspan>";
    return out + "</text>";
}

struct laid_card {
    const model::card* card;
    std::vector<std::string> lines;
    std::string channel;
    double height;
};

laid_card lay_out(const model::card& c, const std::string& channel, const labels& l, const report_labels& rl)
{
    laid_card out{&c, wrap_to_width(c.text, card_text_width, card_font, card_lines), {}, 0};
    if (out.lines.empty()) out.lines.push_back("");
    if (const auto name = channel_label(l, channel); !name.empty())
        out.channel = std::string(rl.channel) + ": " + std::string(name);
    out.height = 10 + line_height * static_cast<double>(out.lines.size()) + (out.channel.empty() ? 0 : line_height);
    return out;
}

// One journey's grid at `top`; returns the SVG and advances `top` past it.
std::string journey_svg(const model::board& b, const journey_figures& f,
                        const labels& l, const report_labels& rl, double& top)
{
    const auto& j = *f.journey;
    std::string out = "<g>";
    out += text_block(margin, top + 20, {std::string(rl.journey) + ": " + j.title}, " font-size=\"17\" font-weight=\"bold\"");
    top += 34;
    const double grid_x = margin + label_width;
    const double grid_width = column_width * static_cast<double>(j.phases.size());
    // Phase headers.
    out += "<rect x=\"" + num(margin) + "\" y=\"" + num(top) + "\" width=\"" + num(label_width + grid_width) +
           "\" height=\"" + num(header_height) + "\" fill=\"#e8edf4\" stroke=\"#999\"/>";
    for (std::size_t p = 0; p < j.phases.size(); ++p) {
        const double x = grid_x + column_width * static_cast<double>(p);
        out += "<line x1=\"" + num(x) + "\" y1=\"" + num(top) + "\" x2=\"" + num(x) + "\" y2=\"" +
               num(top + header_height) + "\" stroke=\"#999\"/>";
        out += text_block(x + 8, top + 16, wrap_to_width(j.phases[p].title, column_width - 16, title_font * bold, 2), " font-size=\"13\" font-weight=\"bold\"");
    }
    top += header_height;

    std::vector<const model::card*> cards;
    for (const auto& [id, c] : b.cards())
        if (c.journey_id == j.id && !c.private_card) cards.push_back(&c);
    std::sort(cards.begin(), cards.end(), [](const auto* a, const auto* c) {
        return a->order_key != c->order_key ? a->order_key < c->order_key : a->id < c->id;
    });
    bool curve_drawn = false;
    for (const auto& lane : j.lanes) {
        // Lay out every cell of the row first: the tallest cell sets the row's height.
        std::vector<std::vector<laid_card>> cells(j.phases.size());
        double row = min_row;
        for (std::size_t p = 0; p < j.phases.size(); ++p) {
            double h = 2 * cell_padding - card_gap;
            for (const auto* c : cards)
                if (c->lane_id == lane.id && c->phase_id == j.phases[p].id) {
                    cells[p].push_back(lay_out(*c, c->channel ? std::string(model::to_string(*c->channel)) : std::string(), l, rl));
                    h += cells[p].back().height + card_gap;
                }
            row = std::max(row, h);
        }
        const bool curve_here = lane.kind == model::lane_kind::emotion && !curve_drawn && !f.curve.empty();
        if (curve_here) row = std::max(row, emotion_row);
        out += "<rect x=\"" + num(margin) + "\" y=\"" + num(top) + "\" width=\"" + num(label_width) + "\" height=\"" +
               num(row) + "\" fill=\"#f3f3f3\" stroke=\"#999\"/>";
        auto label = wrap_to_width(lane.title, label_width - 16, title_font * bold, 3);
        out += text_block(margin + 8, top + 18, label, " font-size=\"13\" font-weight=\"bold\"");
        for (std::size_t p = 0; p < j.phases.size(); ++p) {
            const double x = grid_x + column_width * static_cast<double>(p);
            out += "<rect x=\"" + num(x) + "\" y=\"" + num(top) + "\" width=\"" + num(column_width) + "\" height=\"" +
                   num(row) + "\" fill=\"#fff\" stroke=\"#999\"/>";
            double y = top + cell_padding;
            for (const auto& c : cells[p]) {
                out += "<rect x=\"" + num(x + 6) + "\" y=\"" + num(y) + "\" width=\"" + num(column_width - 12) +
                       "\" height=\"" + num(c.height) + "\" rx=\"4\" fill=\"" + fill_of(c.card->color) +
                       "\" stroke=\"#000\" stroke-opacity=\"0.25\"/>";
                out += text_block(x + 12, y + 17, c.lines, " font-size=\"12\"");
                if (!c.channel.empty())
                    out += text_block(x + 12, y + 17 + line_height * static_cast<double>(c.lines.size()), {c.channel},
                                      " font-size=\"10.5\" font-style=\"italic\" fill=\"#333\"");
                y += c.height + card_gap;
            }
        }
        if (curve_here) {
            // Each touchpoint at its phase's column, several in one phase side by side.
            std::vector<double> xs;
            for (std::size_t k = 0; k < f.curve.size(); ++k) {
                const auto p = static_cast<std::size_t>(
                    std::find_if(j.phases.begin(), j.phases.end(), [&](const auto& ph) { return ph.id == f.curve[k].phase->id; }) -
                    j.phases.begin());
                std::size_t first = k, count = 0;
                while (first > 0 && f.curve[first - 1].phase == f.curve[k].phase) --first;
                while (first + count < f.curve.size() && f.curve[first + count].phase == f.curve[k].phase) ++count;
                xs.push_back(grid_x + column_width * (static_cast<double>(p) +
                                                      (static_cast<double>(k - first) + 0.5) / static_cast<double>(count)));
            }
            out += emotion_curve_svg(f.curve, xs, {grid_x, top + 14, grid_width, row - 28}, false);
            out += text_block(margin + 8, top + 18 + line_height * static_cast<double>(label.size()) + 6,
                              {"\xE2\x80\x94\xE2\x97\x8F " + std::string(rl.current), "- - \xE2\x96\xA1 " + std::string(rl.desired)},
                              " font-size=\"11\" fill=\"#333\"");
            curve_drawn = true;
        }
        top += row;
    }
    top += 28;
    return out + "</g>\n";
}

}  // namespace

export_file render_board_svg(const model::board& b, const export_options& o)
{
    const auto& l = labels_for(o.lang);
    const auto& rl = report_labels_for(o.lang);
    const auto figures = method_figures(b);
    std::size_t most_phases = 0;
    for (const auto& f : figures) most_phases = std::max(most_phases, f.journey->phases.size());
    const double width = 2 * margin + label_width + column_width * static_cast<double>(std::max<std::size_t>(most_phases, 2));

    double top = margin;
    std::string body = text_block(margin, top + 22, {b.info().title}, " font-size=\"22\" font-weight=\"bold\"");
    top += 40;
    for (const auto& f : figures) body += journey_svg(b, f, l, rl, top);
    const double height = top;

    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
                      num(width) + "\" height=\"" + num(height) + "\" viewBox=\"0 0 " + num(width) + " " + num(height) +
                      "\" role=\"img\" aria-labelledby=\"title\" font-family=\"sans-serif\" fill=\"#1a1a1a\">\n<title id=\"title\">" +
                      escape(b.info().title) + "</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n" + body + "</svg>\n";
    return {std::move(out), "image/svg+xml; charset=utf-8", download_name(b, "board.svg")};
}

}  // namespace jb::exporting
