// report.html and board.svg (P-EXP-7, P-EXP-8): exact output for a fixed small workshop, and
// hostile text escaped everywhere.
#include "export/exporter.hpp"

#include "export/markup.hpp"
#include "model/method_figures.hpp"

#include "session_fixture.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace jb;
using namespace jb::exporting;
using jb::test_session::accept;
using jb::test_session::fran;
using nlohmann::json;

namespace {

const std::string hostile = "<script>alert(\"x\")</script> & 'y'";

// One journey, two phases, a touchpoint, an emotion and an idea lane; a hostile card, a long one
// that wraps.
model::board small_board()
{
    model::board b({"w1", "Bouw & <Wonen> \"2026\"", 1764428400000});
    accept(b, model::journey_add{"j1", "Vergunning aanvragen", "a0", model::target_group::persona,
                                 model::persona_info{"Fatima", "Wil een dakkapel <bouwen>"}},
           fran);
    accept(b, model::phase_add{"j1", "p1", "Oriënteren", "a0"}, fran);
    accept(b, model::phase_add{"j1", "p2", "Aanvragen", "a1"}, fran);
    accept(b, model::lane_add{"j1", "l1", "Contactmoment", "a0", model::lane_kind::touchpoint, ""}, fran);
    accept(b, model::lane_add{"j1", "l2", "Emotie", "a1", model::lane_kind::emotion, ""}, fran);
    accept(b, model::lane_add{"j1", "l3", "Verbeteridee", "a2", model::lane_kind::idea, ""}, fran);
    accept(b, model::card_add{"c1", "j1", "p1", "l1", hostile, "a0", model::card_color::blue}, fran);
    accept(b, model::card_add{"c2", "j1", "p2", "l1",
                              "Het formulier op de website vraagt dingen die de gemeente al weet, zoals het adres",
                              "a0", model::card_color::yellow},
           fran);
    accept(b, model::card_add{"c3", "j1", "p2", "l3", "Vul bekende gegevens vooraf in", "a0", model::card_color::green},
           fran);
    accept(b, model::card_update{"c2", std::nullopt, std::nullopt, model::channel_kind::website}, fran);
    // Two scorers: c1 now +1 and +2 (mean 1.5, spread 0.5), desired +2; c2 now −2, desired 0 and +1.
    using model::score_scale;
    const auto score = [&](const model::op_context& who, score_scale s, const char* target, int v) {
        accept(b, model::score_set{s, target, v}, who);
    };
    score(jb::test_session::alice, score_scale::current, "c1", 1);
    score(jb::test_session::bram, score_scale::current, "c1", 2);
    score(jb::test_session::alice, score_scale::desired, "c1", 2);
    score(jb::test_session::alice, score_scale::current, "c2", -2);
    score(jb::test_session::alice, score_scale::desired, "c2", 0);
    score(jb::test_session::bram, score_scale::desired, "c2", 1);
    return b;
}

std::string golden_path(const std::string& name)
{
    return std::string(JB_SOURCE_DIR) + "/tests/fixtures/export-report/" + name;
}

// The golden file's text. JB_UPDATE_GOLDEN=1 writes `actual` as the new golden file first (look
// at it, and at what it renders to, before committing it).
std::string golden(const std::string& name, const std::string& actual)
{
    if (std::getenv("JB_UPDATE_GOLDEN")) std::ofstream(golden_path(name), std::ios::binary) << actual;
    std::ifstream in(golden_path(name), std::ios::binary);
    REQUIRE(in);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("P-EXP-7 P-EXP-8 text is escaped for HTML and XML, controls XML forbids left out", "[export]")
{
    CHECK(escape(hostile) == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;");
    CHECK(escape("a\x01" "b\tc\nd\xEF\xBF\xBF" "e") == "ab\tc\nde");
    CHECK(escape("Één ✓") == "Één ✓");
}

TEST_CASE("P-EXP-8 card text wraps at spaces, keeps its line breaks and is cut with an ellipsis", "[export]")
{
    CHECK(wrap("een twee drie vier", 9, 5) == std::vector<std::string>{"een twee", "drie vier"});
    CHECK(wrap("regel één\nregel twee", 20, 5) == std::vector<std::string>{"regel één", "regel twee"});
    CHECK(wrap("abcdefghijkl", 5, 5) == std::vector<std::string>{"abcde", "fghij", "kl"});
    CHECK(wrap("een twee drie vier vijf", 9, 2) == std::vector<std::string>{"een twee", "drie vie…"});
    CHECK(wrap("", 9, 2) == std::vector<std::string>{""});
}

TEST_CASE("P-EXP-8 board.svg of a fixed workshop is exactly the golden file", "[export]")
{
    const auto b = small_board();
    const auto svg = find_exporter("board.svg")->render(b, {language::nl, csv_delimiter::semicolon, 1764430200000});
    CHECK(svg.content_type == "image/svg+xml; charset=utf-8");
    CHECK(svg.file_name == "bouw-wonen-2026-board.svg");
    CHECK(svg.body == golden("board.svg", svg.body));
    CHECK(svg.body.find("<script") == std::string::npos);
    // The hostile card text is there, escaped (wrapped onto lines at the card's width).
    CHECK(svg.body.find("&lt;script&gt;alert(&quot;x&quot;)") != std::string::npos);
}

namespace {

// DejaVu Sans's advance widths (per 1000 em) of printable ASCII, measured in Chromium: the
// font a browser on Linux draws "sans-serif" with, and wider than Arial or Liberation Sans.
constexpr int dejavu_sans[95] = {
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636, 636, 636, 636,
    636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
    603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635,
    634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838};

// How wide `line` (escaped SVG text, ASCII plus "…" and Dutch letters) is in DejaVu Sans at `px`.
double dejavu_width(std::string line, double px)
{
    for (const auto& [entity, plain] : {std::pair{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}})
        for (std::size_t at; (at = line.find(entity)) != std::string::npos;) line.replace(at, std::string(entity).size(), plain);
    double per_mille = 0;
    for (std::size_t i = 0; i < line.size();) {
        const auto c = static_cast<unsigned char>(line[i]);
        if (c < 0x80) {
            per_mille += dejavu_sans[c - 32];
            ++i;
        } else if (c < 0xE0) {  // é, ë, ï, …: at most as wide as an "o"
            per_mille += 636;
            i += 2;
        } else {  // "…" and dashes: an em
            per_mille += 1000;
            i += 3;
        }
    }
    return per_mille / 1000 * px;
}

}  // namespace

TEST_CASE("P-EXP-8 board.svg keeps long card texts inside their card, also in wide letters", "[export]")
{
    auto b = small_board();
    // Idea texts as people type them: capitals, m and w, no short words to break at.
    accept(b, model::card_add{"c4", "j1", "p1", "l3",
                              "WhatsApp-Meldingen Mogelijk Maken voor Ondernemers Met Weinig Tijd, Maandelijks Overleg "
                              "Met Wijkmanagers",
                              "a1", model::card_color::green},
           fran);
    accept(b, model::card_add{"c5", "j1", "p2", "l3", "MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMM", "a1", model::card_color::green}, fran);
    const auto svg = find_exporter("board.svg")->render(b, {language::nl, csv_delimiter::semicolon, 1764430200000}).body;
    // A card's text block is <text ... font-size="12"> starting 6 px inside its 178 px card: each
    // line must end 6 px before the card's right edge.
    constexpr double room = 190 - 12 - 12;
    std::size_t lines = 0;
    for (std::size_t at = 0; (at = svg.find("font-size=\"12\">", at)) != std::string::npos; ++at) {
        const auto end = svg.find("</text>", at);
        for (std::size_t t = svg.find("<tspan", at); t < end; t = svg.find("<tspan", t + 1)) {
            const auto open = svg.find('>', t) + 1;
            const auto line = svg.substr(open, svg.find("</tspan>", open) - open);
            INFO(line);
            CHECK(dejavu_width(line, 12) <= room);
            ++lines;
        }
    }
    CHECK(lines >= 8);
    CHECK(svg.find("WhatsApp") != std::string::npos);
}

TEST_CASE("P-EXP-7 report.html is one self-contained, escaped, printable document", "[export]")
{
    const auto b = small_board();
    const auto html = find_exporter("report.html")->render(b, {language::nl, csv_delimiter::semicolon, 1764430200000});
    const auto& body = html.body;
    CHECK(html.content_type == "text/html; charset=utf-8");
    CHECK(html.file_name == "bouw-wonen-2026-report.html");
    CHECK(body.starts_with("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">"));
    CHECK(body.find("<title>Bouw &amp; &lt;Wonen&gt; &quot;2026&quot; \xE2\x80\x93 Verslag</title>") != std::string::npos);
    CHECK(body.find("@page { size: A4; margin: 14mm 12mm; }") != std::string::npos);
    CHECK(body.find("section + section { break-before: page; }") != std::string::npos);
    // Nothing to run, nothing to fetch.
    for (const char* banned : {"<script", "src=", "href=", "url(", "@import", "<link", "<iframe"})
        CHECK(body.find(banned) == std::string::npos);
    CHECK(body.find("<header><h1>Bouw &amp; &lt;Wonen&gt; &quot;2026&quot;</h1><p class=\"meta\">Verslag \xC2\xB7 Geëxporteerd: 2025-11-29 15:30 UTC</p></header>") != std::string::npos);
    CHECK(body.find("<p class=\"meta\">Doelgroep: Persona \xC2\xB7 <strong>Fatima</strong> \xE2\x80\x93 <span class=\"text\">Wil een dakkapel &lt;bouwen&gt;</span></p>") != std::string::npos);
    CHECK(body.find("<table class=\"board\"><thead><tr><th scope=\"col\">Rij / Fase</th><th scope=\"col\">Oriënteren</th><th scope=\"col\">Aanvragen</th></tr></thead><tbody>\n"
                    "<tr><th scope=\"row\">Contactmoment</th><td><div class=\"card blue\"><span class=\"text\">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</span></div></td>") != std::string::npos);
    CHECK(body.find("<td><div class=\"card green\"><span class=\"text\">Vul bekende gegevens vooraf in</span></div></td></tr>") != std::string::npos);
    // The curve's data table, checked by hand: c1 now +1 and +2, desired +2; c2 now −2,
    // desired 0 and +1.
    CHECK(body.find("<td class=\"num\">1,5</td><td class=\"num\">0,5</td><td class=\"num\">2</td><td class=\"num\">2,0</td><td class=\"num\">0,0</td><td class=\"num\">1</td></tr>") != std::string::npos);
    CHECK(body.find("<td>Aanvragen</td><td>Website</td><td class=\"num\">\xE2\x88\x92" "2,0</td><td class=\"num\">0,0</td><td class=\"num\">1</td><td class=\"num\">0,5</td><td class=\"num\">0,5</td><td class=\"num\">2</td></tr>") != std::string::npos);
    CHECK(body.find("<polyline points=\"70,28.8 130,160\"") != std::string::npos);
    CHECK(body.find("<p>Nog geen scores voor verwachting en ervaring.</p>") != std::string::npos);
    CHECK(body.find("<section class=\"improvements\"><h2>Verbeterlijst</h2>\n<p>Nog geen verbeterideeën.</p>") != std::string::npos);
    CHECK(body.find("<section class=\"evaluation\"><h2>Evaluatie</h2>\n<p>Nog geen reacties.</p></section>") != std::string::npos);

    const auto en = find_exporter("report.html")->render(b, {language::en, csv_delimiter::semicolon, 1764430200000}).body;
    CHECK(en.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    CHECK(en.find("<th scope=\"col\">Lane / Phase</th>") != std::string::npos);
    CHECK(en.find("<h3>Emotion curve</h3>") != std::string::npos);
}

TEST_CASE("P-EXP-7 P-EXP-8 the emotion curve: mean line, spread band, a gap where nobody scored", "[export]")
{
    const model::card c1{}, c2{}, c3{};
    const model::phase p{"p1", "Fase", "a0"};
    // Current: 1.5 ± 0.5, nothing, −1 ± 0 → two runs of one point each (bars, no line).
    // Desired: 2 ± 0 and 1 ± 1 on the first two, nothing on the third → one run with a line.
    score_stats a{2, 1.5, 0.5, {0, 0, 0, 1, 1}}, b{3, -1, 0, {0, 3, 0, 0, 0}}, d1{1, 2, 0, {0, 0, 0, 0, 1}},
        d2{2, 1, 1, {0, 0, 1, 0, 1}};
    const std::vector<curve_point> points{{&c1, "", &p, a, d1}, {&c2, "", &p, std::nullopt, d2}, {&c3, "", &p, b, std::nullopt}};
    const auto svg = emotion_curve_svg(points, {10, 20, 30}, {0, 0, 40, 80}, true);
    CHECK(svg ==
          "<line x1=\"0\" y1=\"0\" x2=\"40\" y2=\"0\" stroke=\"#ccc\" stroke-width=\"1\"/><text x=\"-6\" y=\"4\" text-anchor=\"end\" font-size=\"11\">+2</text>"
          "<line x1=\"0\" y1=\"20\" x2=\"40\" y2=\"20\" stroke=\"#ccc\" stroke-width=\"1\"/><text x=\"-6\" y=\"24\" text-anchor=\"end\" font-size=\"11\">+1</text>"
          "<line x1=\"0\" y1=\"40\" x2=\"40\" y2=\"40\" stroke=\"#777\" stroke-width=\"1\"/><text x=\"-6\" y=\"44\" text-anchor=\"end\" font-size=\"11\">0</text>"
          "<line x1=\"0\" y1=\"60\" x2=\"40\" y2=\"60\" stroke=\"#ccc\" stroke-width=\"1\"/><text x=\"-6\" y=\"64\" text-anchor=\"end\" font-size=\"11\">\xE2\x88\x92" "1</text>"
          "<line x1=\"0\" y1=\"80\" x2=\"40\" y2=\"80\" stroke=\"#ccc\" stroke-width=\"1\"/><text x=\"-6\" y=\"84\" text-anchor=\"end\" font-size=\"11\">\xE2\x88\x92" "2</text>"
          "<rect x=\"5\" y=\"0\" width=\"10\" height=\"20\" fill=\"#1f4e8c\" fill-opacity=\"0.15\"/><circle cx=\"10\" cy=\"10\" r=\"4\" fill=\"#1f4e8c\"/>"
          "<rect x=\"25\" y=\"60\" width=\"10\" height=\"0\" fill=\"#1f4e8c\" fill-opacity=\"0.15\"/><circle cx=\"30\" cy=\"60\" r=\"4\" fill=\"#1f4e8c\"/>"
          "<polygon points=\"10,0 20,0 20,40 10,0\" fill=\"#2e7d32\" fill-opacity=\"0.15\"/>"
          "<polyline points=\"10,0 20,20\" fill=\"none\" stroke=\"#2e7d32\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"
          "<rect x=\"6\" y=\"-4\" width=\"8\" height=\"8\" fill=\"#fff\" stroke=\"#2e7d32\" stroke-width=\"2\"/>"
          "<rect x=\"16\" y=\"16\" width=\"8\" height=\"8\" fill=\"#fff\" stroke=\"#2e7d32\" stroke-width=\"2\"/>"
          "<text x=\"10\" y=\"96\" text-anchor=\"middle\" font-size=\"11\">1</text><text x=\"20\" y=\"96\" text-anchor=\"middle\" font-size=\"11\">2</text>"
          "<text x=\"30\" y=\"96\" text-anchor=\"middle\" font-size=\"11\">3</text>");
}
