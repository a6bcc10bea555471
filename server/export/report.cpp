// report.html (P-EXP-7): one self-contained HTML document to read on screen and print to A4:
// each journey's board, its emotion curve (inline SVG with the numbers as a table) and its gaps
// between expectation and experience, then the ranked improvement list and the evaluation. No
// script, no external resource; every text a participant or facilitator typed is escaped.

#include "export/exporter.hpp"
#include "export/labels.hpp"
#include "export/markup.hpp"
#include "export/report_labels.hpp"
#include "export/results.hpp"
#include "export/sheets.hpp"

#include <algorithm>

namespace jb::exporting {

namespace {

// Print: A4 pages, each journey and each closing section on a page of its own; the title with
// the first board, the boards and the improvement list (a wide table) on landscape pages. No
// table grows wider than its page: headers and typed text wrap, a word too long for its column
// breaks anywhere. Colours print as on screen.
constexpr std::string_view style = R"(
@page { size: A4; margin: 14mm 12mm; }
@page wide { size: A4 landscape; margin: 10mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: system-ui, "Segoe UI", Roboto, Arial, sans-serif; font-size: 10.5pt; line-height: 1.35; color: #1a1a1a; margin: 0 auto; max-width: 1100px; padding: 16px; }
h1 { font-size: 20pt; margin: 0 0 4px; }
h2 { font-size: 15pt; margin: 0 0 8px; border-bottom: 2px solid #1f4e8c; padding-bottom: 2px; }
h3 { font-size: 12pt; margin: 16px 0 6px; }
p.meta { color: #444; margin: 0 0 8px; }
section { margin-top: 28px; }
header, section.board-page, section.improvements { page: wide; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; }
th, td { border: 1px solid #999; padding: 3px 5px; text-align: left; vertical-align: top; }
thead th { background: #e8edf4; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td.num, th.num { text-align: right; }
td.num { white-space: nowrap; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
td.text { min-width: 5em; }
table.curve, table.gaps { font-size: 9pt; }
table.board, table.list { table-layout: fixed; font-size: 8.5pt; }
table.board th, table.list th, table.list td { overflow-wrap: anywhere; }
table.board th[scope=row] { background: #f3f3f3; width: 11%; }
.card { border-radius: 3px; padding: 3px 4px; margin: 0 0 3px; border: 1px solid rgba(0,0,0,.25); break-inside: avoid; }
.card .channel { display: block; font-size: 7.5pt; color: #333; margin-top: 2px; }
.yellow { background: #fff4b3; } .green { background: #d4f2d2; } .blue { background: #d3e5fb; }
.pink { background: #fbd6e4; } .orange { background: #ffe0bd; } .purple { background: #e6dcf7; } .grey { background: #e6e6e6; }
figure { margin: 8px 0; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: 9pt; color: #444; }
.legend span { margin-right: 16px; }
tr.largest td { background: #fde2c6; font-weight: 600; }
blockquote { margin: 0 0 6px; padding: 4px 8px; border-left: 3px solid #1f4e8c; background: #f6f8fb; break-inside: avoid; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  section { margin-top: 0; }
  section + section { break-before: page; }
  h2, h3, p.meta { break-after: avoid; }
}
)";

std::string color_class(model::card_color c)
{
    return std::string(model::to_string(c));
}

// "1,5" or "–" when the target was not scored on that scale.
std::string stat_mean(language lang, const std::optional<score_stats>& s)
{
    return s ? one_decimal(lang, s->mean) : "\xE2\x80\x93";
}

std::string stat_cells(language lang, const std::optional<score_stats>& s)
{
    if (!s) return "<td class=\"num\">\xE2\x80\x93</td><td class=\"num\">\xE2\x80\x93</td><td class=\"num\">0</td>";
    return "<td class=\"num\">" + one_decimal(lang, s->mean) + "</td><td class=\"num\">" +
           one_decimal(lang, s->spread) + "</td><td class=\"num\">" + std::to_string(s->n) + "</td>";
}

std::string channel_of(const labels& l, const model::card& c)
{
    return c.channel ? std::string(channel_label(l, model::to_string(*c.channel))) : std::string();
}

void board_table(std::string& out, const model::board& b, const model::journey& j,
                 const labels& l, const report_labels& rl)
{
    if (j.phases.empty()) {
        out += "<p>" + escape(rl.no_phases) + "</p>\n";
        return;
    }
    // Cards by cell, in board order (the stored order of board::to_json).
    std::vector<const model::card*> cards;
    for (const auto& [id, c] : b.cards())
        if (c.journey_id == j.id && !c.private_card) cards.push_back(&c);
    std::sort(cards.begin(), cards.end(), [](const auto* a, const auto* c) {
        return a->order_key != c->order_key ? a->order_key < c->order_key : a->id < c->id;
    });
    out += "<table class=\"board\"><thead><tr><th scope=\"col\">" + escape(rl.lane) + " / " +
           escape(rl.phase) + "</th>";
    for (const auto& p : j.phases) out += "<th scope=\"col\">" + escape(p.title) + "</th>";
    out += "</tr></thead><tbody>\n";
    for (const auto& lane : j.lanes) {
        out += "<tr><th scope=\"row\">" + escape(lane.title) + "</th>";
        for (const auto& p : j.phases) {
            out += "<td>";
            for (const auto* c : cards) {
                if (c->phase_id != p.id || c->lane_id != lane.id) continue;
                out += "<div class=\"card " + color_class(c->color) + "\"><span class=\"text\">" +
                       escape(c->text) + "</span>";
                if (const auto ch = channel_of(l, *c); !ch.empty())
                    out += "<span class=\"channel\">" + escape(rl.channel) + ": " + escape(ch) + "</span>";
                out += "</div>";
            }
            out += "</td>";
        }
        out += "</tr>\n";
    }
    out += "</tbody></table>\n";
}

void emotion_section(std::string& out, const journey_figures& f, const labels& l, const report_labels& rl,
                     language lang, std::size_t index)
{
    out += "<h3>" + escape(rl.emotion_curve) + "</h3>\n";
    if (f.curve.empty()) {
        out += "<p>" + escape(rl.no_touchpoints) + "</p>\n";
        return;
    }
    if (!f.any_emotion()) out += "<p>" + escape(rl.no_emotion) + "</p>\n";
    else {
        // Points spread evenly over the width; room on the left for the value labels.
        const double step = 60, left = 40;
        const double width = left + step * static_cast<double>(f.curve.size());
        std::vector<double> xs;
        for (std::size_t i = 0; i < f.curve.size(); ++i) xs.push_back(left + step * (static_cast<double>(i) + 0.5));
        const auto id = "curve-" + std::to_string(index);
        // Its natural size (one and a half times the drawing), shrunk to the page when wider: a
        // curve of a few points is not blown up to the page's width.
        out += "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(width * 1.5) +
               "\" height=\"285\" viewBox=\"0 0 " + num(width) + " 190\" role=\"img\" aria-labelledby=\"" +
               id + "\">";
        out += emotion_curve_svg(f.curve, xs, {left, 10, width - left, 150}, true);
        out += "</svg><figcaption id=\"" + id + "\"><span class=\"legend\"><span>\xE2\x80\x94\xE2\x97\x8F " +
               escape(rl.current) + "</span><span>- - \xE2\x96\xA1 " + escape(rl.desired) + "</span></span>" +
               escape(rl.curve_caption) + "</figcaption></figure>\n";
    }
    out += "<table class=\"curve\"><thead><tr><th scope=\"col\" class=\"num\">#</th><th scope=\"col\">" +
           escape(rl.touchpoint) + "</th><th scope=\"col\">" + escape(rl.phase) + "</th><th scope=\"col\">" +
           escape(rl.channel) + "</th>";
    for (const auto* scale : {&rl.current, &rl.desired})
        out += "<th scope=\"col\" class=\"num\">" + escape(*scale) + ": " + escape(rl.mean) +
               "</th><th scope=\"col\" class=\"num\">" + escape(rl.spread) + "</th><th scope=\"col\" class=\"num\">" +
               escape(rl.n) + "</th>";
    out += "</tr></thead><tbody>\n";
    for (std::size_t i = 0; i < f.curve.size(); ++i) {
        const auto& p = f.curve[i];
        out += "<tr><td class=\"num\">" + std::to_string(i + 1) + "</td><td class=\"text\">" + escape(p.card->text) +
               "</td><td>" + escape(p.phase->title) + "</td><td>" + escape(channel_label(l, p.channel)) + "</td>" +
               stat_cells(lang, p.current) + stat_cells(lang, p.desired) + "</tr>\n";
    }
    out += "</tbody></table>\n";
}

void gaps_section(std::string& out, const journey_figures& f, const report_labels& rl, language lang)
{
    out += "<h3>" + escape(rl.gaps) + "</h3>\n";
    if (!f.any_gap() && std::none_of(f.gaps.begin(), f.gaps.end(),
                                     [](const auto& g) { return g.expected || g.experienced; })) {
        out += "<p>" + escape(rl.no_gaps) + "</p>\n";
        return;
    }
    out += "<p class=\"meta\">" + escape(rl.gaps_caption) + "</p>\n";
    out += "<table class=\"gaps\"><thead><tr><th scope=\"col\">" + escape(rl.target) + "</th><th scope=\"col\">" +
           escape(rl.phase) + "</th><th scope=\"col\" class=\"num\">" + escape(rl.expected) +
           " (n)</th><th scope=\"col\" class=\"num\">" + escape(rl.experienced) +
           " (n)</th><th scope=\"col\" class=\"num\">" + escape(rl.gap) + "</th><th scope=\"col\"></th></tr></thead><tbody>\n";
    for (const auto& g : f.gaps) {
        if (!g.expected && !g.experienced) continue;  // never scored: nothing to show
        auto with_n = [&](const std::optional<score_stats>& s) {
            return stat_mean(lang, s) + " (" + std::to_string(s ? s->n : 0) + ")";
        };
        out += std::string(g.rank > 0 ? "<tr class=\"largest\">" : "<tr>") + "<td class=\"text\">" +
               (g.is_phase ? escape(g.phase->title) + " (" + escape(rl.whole_phase) + ")" : escape(g.card->text)) +
               "</td><td>" + escape(g.phase->title) + "</td><td class=\"num\">" + with_n(g.expected) +
               "</td><td class=\"num\">" + with_n(g.experienced) + "</td><td class=\"num\">" +
               (g.gap ? one_decimal(lang, *g.gap) : "\xE2\x80\x93") + "</td><td class=\"mark\">" +
               (g.rank > 0 ? "\xE2\x98\x85 " + escape(rl.largest) : "") + "</td></tr>\n";
    }
    out += "</tbody></table>\n";
}

// A sheet of the list (sheets.hpp) as an HTML table: the same cells the other formats show.
// `weights`: each column's share of the width (the table is laid out fixed, so a long text
// wraps in its own column instead of squeezing the others).
void sheet_table(std::string& out, const sheet& s, const std::vector<double>& weights)
{
    double total = 0;
    for (auto w : weights) total += w;
    out += "<table class=\"list\"><colgroup>";
    for (auto w : weights) out += "<col style=\"width: " + num(100 * w / total) + "%\">";
    out += "</colgroup><thead>";
    for (std::size_t r = s.header; r < s.rows.size(); ++r) {
        const bool head = r == s.header;
        out += "<tr>";
        for (const auto& c : s.rows[r]) {
            const std::string cls = c.number ? " class=\"num\"" : c.from_user ? " class=\"text\"" : "";
            out += head ? "<th scope=\"col\">" + escape(c.text) + "</th>"
                        : "<td" + cls + ">" + escape(c.text) + "</td>";
        }
        out += head ? "</tr></thead><tbody>\n" : "</tr>\n";
    }
    out += "</tbody></table>\n";
}

void evaluation_section(std::string& out, const evaluation_summary& e, const labels& l,
                        const report_labels& rl, language lang)
{
    out += "<section class=\"evaluation\"><h2>" + escape(l.evaluation) + "</h2>\n";
    if (e.responses.empty()) {
        out += "<p>" + escape(l.no_responses) + "</p></section>\n";
        return;
    }
    out += "<p>" + escape(l.responses) + ": " + std::to_string(e.count) + " \xC2\xB7 " + escape(l.average) + ": " +
           (e.average ? decimal(lang, *e.average) : "\xE2\x80\x93") + " \xC2\xB7 " + escape(rl.anonymous_note) + "</p>\n";
    out += "<table class=\"ratings\"><thead><tr><th scope=\"col\">" + escape(l.rating) + "</th>";
    for (int v = 1; v <= 5; ++v) out += "<th scope=\"col\" class=\"num\">" + std::to_string(v) + "</th>";
    out += "</tr></thead><tbody><tr><th scope=\"row\">" + escape(rl.distribution) + "</th>";
    for (auto n : e.ratings) out += "<td class=\"num\">" + std::to_string(n) + "</td>";
    out += "</tr></tbody></table>\n";
    bool heading = false;
    for (const auto& r : e.responses) {
        if (r.remarks.empty()) continue;
        if (!heading) out += "<h3>" + escape(l.remarks) + "</h3>\n";
        heading = true;
        out += "<blockquote><span class=\"text\">" + escape(r.remarks) + "</span> (" + escape(l.rating) + ": " +
               std::to_string(r.rating) + ")</blockquote>\n";
    }
    out += "</section>\n";
}

}  // namespace

export_file render_report_html(const model::board& b, const export_options& o)
{
    const auto& l = labels_for(o.lang);
    const auto& rl = report_labels_for(o.lang);
    const auto r = make_results(b, o.now_ms);
    const auto figures = method_figures(b);
    const bool any_private = std::any_of(b.cards().begin(), b.cards().end(),
                                         [](const auto& c) { return c.second.private_card; });

    std::string out = "<!DOCTYPE html>\n<html lang=\"" + std::string(o.lang == language::en ? "en" : "nl") +
                      "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
                      escape(r.title) + " \xE2\x80\x93 " + escape(rl.report) + "</title>\n<style>" + std::string(style) +
                      "</style>\n</head>\n<body>\n<header><h1>" + escape(r.title) + "</h1><p class=\"meta\">" +
                      escape(rl.report) + " \xC2\xB7 " + escape(l.exported_at) + ": " + local_time(r.exported_at) + "</p>";
    if (any_private) out += "<p class=\"meta\">" + escape(rl.private_note) + "</p>";
    out += "</header>\n";

    for (std::size_t i = 0; i < figures.size(); ++i) {
        const auto& f = figures[i];
        const auto& j = *f.journey;
        out += "<section class=\"journey board-page\"><h2>" + escape(rl.journey) + ": " + escape(j.title) + "</h2>\n";
        out += "<p class=\"meta\">" + escape(rl.target_group) + ": " + escape(group_label(rl, j.group));
        if (j.persona) out += " \xC2\xB7 <strong>" + escape(j.persona->name) + "</strong>" +
                              (j.persona->description.empty() ? "" : " \xE2\x80\x93 <span class=\"text\">" + escape(j.persona->description) + "</span>");
        out += "</p>\n<h3>" + escape(rl.board) + "</h3>\n";
        board_table(out, b, j, l, rl);
        out += "</section>\n<section class=\"journey-method\"><h2>" + escape(j.title) + "</h2>\n";
        emotion_section(out, f, l, rl, o.lang, i + 1);
        gaps_section(out, f, rl, o.lang);
        out += "</section>\n";
    }

    out += "<section class=\"improvements\"><h2>" + escape(l.improvement_list) + "</h2>\n";
    if (r.items.empty()) out += "<p>" + escape(l.no_items) + "</p>\n";
    else {
        // Place, idea, a group's ideas, total, one column per round, journey, phase,
        // touchpoints, pain point, owner, status (list_sheet's columns).
        std::vector<double> weights{4.5, 16, 14, 7};
        weights.insert(weights.end(), r.rounds.size(), 7);
        weights.insert(weights.end(), {12, 10, 14, 13, 10, 7.5});
        sheet_table(out, list_sheet(r, o.lang), weights);
    }
    out += "</section>\n";
    evaluation_section(out, r.evaluation, l, rl, o.lang);
    out += "</body>\n</html>\n";
    return {std::move(out), "text/html; charset=utf-8", download_name(b, "report.html")};
}

}  // namespace jb::exporting
