#include "export/markup.hpp"

#include "model/text_rules.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace jb::exporting {

namespace {

// The code points of a UTF-8 string (valid: it came through the JSON parser).
std::vector<std::string> code_points(std::string_view s)
{
    std::vector<std::string> out;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        out.emplace_back(s.substr(i, len));
        i += len;
    }
    return out;
}

constexpr const char* colors[] = {"#1f4e8c", "#2e7d32"};  // current, desired

double value_y(const plot_area& a, double v)
{
    return a.y + (2.0 - std::clamp(v, -2.0, 2.0)) / 4.0 * a.height;
}

}  // namespace

std::string escape(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
            // U+FFFE and U+FFFF (EF BF BE/BF) are not characters in XML.
            if (text.substr(i, 2) == "\xEF\xBF" && i + 2 < text.size() &&
                (text[i + 2] == '\xBE' || text[i + 2] == '\xBF')) {
                i += 2;
                break;
            }
            out += c;
        }
    }
    return out;
}

std::string num(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", std::round(v * 10.0) / 10.0);
    std::string s(buf);
    if (s.ends_with(".0")) s.resize(s.size() - 2);
    if (s == "-0") s = "0";
    return s;
}

std::string one_decimal(language lang, double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", std::round(std::abs(v) * 10.0) / 10.0);
    std::string s(buf);
    if (lang == language::nl) std::replace(s.begin(), s.end(), '.', ',');
    const bool negative = std::round(v * 10.0) < 0;
    return (negative ? "\xE2\x88\x92" : "") + s;  // U+2212 MINUS SIGN
}

namespace {

// How wide a code point is in a sans-serif font, in em, erring wide: at least DejaVu Sans's
// advance (the widest common sans-serif; Arial and Liberation Sans are narrower). Five classes
// are enough to keep lines inside their box without a font file.
double em_width(const std::string& cp)
{
    if (cp.size() == 2) return 0.7;  // Latin letters with accents
    if (cp.size() > 2) return 1.0;   // dashes, "…", other scripts, emoji
    const char c = cp[0];
    if (std::string_view("%#&+=<>~^").find(c) != std::string_view::npos) return 0.96;
    if (c == 'W' || c == 'M' || c == 'm' || c == '@') return 1.0;
    if (c == 'I' || c == 'J') return 0.45;
    if (c >= 'A' && c <= 'Z') return 0.8;
    if (std::string_view(" .,:;'|ilj").find(c) != std::string_view::npos) return 0.36;
    if (std::string_view("ftr()[]-/\\!").find(c) != std::string_view::npos) return 0.45;
    if (c == 'w') return 0.85;
    return 0.65;  // other letters, digits, signs
}

// Greedy line breaking of `text` into lines no wider than `limit`, each code point `width_of`
// wide: at spaces where it can, inside a word that alone is too wide; the text's own line
// breaks kept; at most `max_lines`, the last ending in "…" when text was left out.
template <class Width>
std::vector<std::string> wrap_by(std::string_view text, double limit, std::size_t max_lines, Width width_of)
{
    std::vector<std::string> lines;
    bool cut = false;
    auto push = [&](std::string line) {
        if (lines.size() == max_lines) {
            cut = true;
            return;
        }
        lines.push_back(std::move(line));
    };
    std::size_t start = 0;
    while (start <= text.size() && !cut) {
        const auto end = std::min(text.find('\n', start), text.size());
        const auto cps = code_points(text.substr(start, end - start));
        std::size_t i = 0;
        if (cps.empty()) push("");
        while (i < cps.size() && !cut) {
            // As many code points as fit (at least one), then back to the last space among them.
            std::size_t take = 0;
            for (double used = 0; i + take < cps.size(); ++take) {
                used += width_of(cps[i + take]);
                if (used > limit && take > 0) break;
            }
            if (i + take < cps.size()) {
                for (std::size_t k = take; k > 0; --k)
                    if (cps[i + k] == " ") {
                        take = k;
                        break;
                    }
            }
            std::string line;
            for (std::size_t k = i; k < i + take; ++k) line += cps[k] == "\t" ? " " : cps[k];
            while (!line.empty() && line.back() == ' ') line.pop_back();
            push(std::move(line));
            i += take;
            while (i < cps.size() && cps[i] == " ") ++i;
        }
        start = end + 1;
    }
    if (cut && !lines.empty()) {
        auto cps = code_points(lines.back());
        const std::string ellipsis = "\xE2\x80\xA6";  // …
        double used = width_of(ellipsis);
        for (const auto& cp : cps) used += width_of(cp);
        while (!cps.empty() && used > limit) {
            used -= width_of(cps.back());
            cps.pop_back();
        }
        std::string last;
        for (const auto& cp : cps) last += cp;
        lines.back() = last + ellipsis;
    }
    return lines;
}

}  // namespace

std::vector<std::string> wrap(std::string_view text, std::size_t width, std::size_t max_lines)
{
    return wrap_by(text, static_cast<double>(width), max_lines, [](const std::string&) { return 1.0; });
}

double text_width(std::string_view text, double font_px)
{
    double em = 0;
    for (const auto& cp : code_points(text)) em += em_width(cp);
    return em * font_px;
}

std::vector<std::string> wrap_to_width(std::string_view text, double max_px, double font_px, std::size_t max_lines)
{
    return wrap_by(text, max_px / font_px, max_lines, em_width);
}

std::string emotion_curve_svg(const std::vector<curve_point>& points, const std::vector<double>& xs,
                              const plot_area& area, bool axes)
{
    std::string out;
    for (int v = 2; v >= -2; --v) {
        const auto y = num(value_y(area, v));
        out += "<line x1=\"" + num(area.x) + "\" y1=\"" + y + "\" x2=\"" + num(area.x + area.width) +
               "\" y2=\"" + y + "\" stroke=\"" + (v == 0 ? "#777" : "#ccc") + "\" stroke-width=\"1\"/>";
        if (axes)
            out += "<text x=\"" + num(area.x - 6) + "\" y=\"" + num(value_y(area, v) + 4) +
                   "\" text-anchor=\"end\" font-size=\"11\">" + (v > 0 ? "+" : v < 0 ? "\xE2\x88\x92" : "") +
                   std::to_string(std::abs(v)) + "</text>";
    }
    for (int series = 0; series < 2; ++series) {
        const char* color = colors[series];
        auto stats = [&](std::size_t i) { return series == 0 ? points[i].current : points[i].desired; };
        // Runs of consecutive points with a score: a point without one is a gap in the curve.
        std::size_t i = 0;
        while (i < points.size()) {
            if (!stats(i)) {
                ++i;
                continue;
            }
            std::size_t end = i;
            while (end < points.size() && stats(end)) ++end;
            std::string upper, lower, line;
            for (std::size_t k = i; k < end; ++k) {
                const auto s = *stats(k);  // a copy: stats() returns a temporary
                upper += num(xs[k]) + "," + num(value_y(area, s.mean + s.spread)) + " ";
                lower = num(xs[k]) + "," + num(value_y(area, s.mean - s.spread)) + " " + lower;
                line += num(xs[k]) + "," + num(value_y(area, s.mean)) + " ";
            }
            if (end - i == 1) {  // one point: its band is a short bar
                const auto s = *stats(i);
                out += "<rect x=\"" + num(xs[i] - 5) + "\" y=\"" + num(value_y(area, s.mean + s.spread)) +
                       "\" width=\"10\" height=\"" +
                       num(value_y(area, s.mean - s.spread) - value_y(area, s.mean + s.spread)) +
                       "\" fill=\"" + color + "\" fill-opacity=\"0.15\"/>";
            } else {
                out += "<polygon points=\"" + upper + lower.substr(0, lower.size() - 1) + "\" fill=\"" + color +
                       "\" fill-opacity=\"0.15\"/>";
                line.pop_back();
                out += "<polyline points=\"" + line + "\" fill=\"none\" stroke=\"" + color +
                       "\" stroke-width=\"2\"" + (series == 1 ? " stroke-dasharray=\"6 4\"" : "") + "/>";
            }
            for (std::size_t k = i; k < end; ++k) {
                const auto x = xs[k], y = value_y(area, stats(k)->mean);
                if (series == 0)
                    out += "<circle cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"4\" fill=\"" + color + "\"/>";
                else
                    out += "<rect x=\"" + num(x - 4) + "\" y=\"" + num(y - 4) +
                           "\" width=\"8\" height=\"8\" fill=\"#fff\" stroke=\"" + color + "\" stroke-width=\"2\"/>";
            }
            i = end;
        }
    }
    if (axes)
        for (std::size_t k = 0; k < points.size(); ++k)
            out += "<text x=\"" + num(xs[k]) + "\" y=\"" + num(area.y + area.height + 16) +
                   "\" text-anchor=\"middle\" font-size=\"11\">" + std::to_string(k + 1) + "</text>";
    return out;
}

}  // namespace jb::exporting
