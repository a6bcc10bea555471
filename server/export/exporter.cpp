#include "export/exporter.hpp"

#include <array>

#include "util/query_pairs.hpp"

namespace jb::exporting {

namespace {

// Every export the endpoint serves. A new format adds one line here.
constexpr std::array exporters{
    exporter{"improvements.csv", render_csv},
    exporter{"improvements.xlsx", render_xlsx},
    exporter{"improvements.ods", render_ods},
    exporter{"improvements.md", render_markdown},
    exporter{"improvements.json", render_json},
    exporter{"report.html", render_report_html},
    exporter{"board.svg", render_board_svg},
};

}  // namespace

const exporter* find_exporter(std::string_view name)
{
    for (const auto& e : exporters)
        if (e.name == name)
            return &e;
    return nullptr;
}

std::vector<std::string_view> exporter_names()
{
    std::vector<std::string_view> names;
    for (const auto& e : exporters)
        names.push_back(e.name);
    return names;
}

std::variant<export_options, std::string> parse_options(std::string_view query, std::int64_t now_ms)
{
    export_options o;
    o.now_ms = now_ms;
    util::query_pairs pairs(query);
    while (const auto pair = pairs.next()) {
        const auto [key, value] = *pair;
        if (key == "lang") {
            if (value == "nl") o.lang = language::nl;
            else if (value == "en") o.lang = language::en;
            else return std::string("lang: must be nl or en");
        } else if (key == "delimiter") {
            if (value == "semicolon") o.delimiter = csv_delimiter::semicolon;
            else if (value == "comma") o.delimiter = csv_delimiter::comma;
            else if (value == "tab") o.delimiter = csv_delimiter::tab;
            else return std::string("delimiter: must be semicolon, comma or tab");
        } else {
            return "unknown query parameter \"" + std::string(key.substr(0, 40)) +
                   "\" (lang and delimiter are known)";
        }
    }
    return o;
}

std::string slug(std::string_view title)
{
    // U+00C0…U+00FF (two bytes in UTF-8, the first 0xC3) without their accents: "één" → "een".
    constexpr std::string_view latin1 = "aaaaaaaceeeeiiiidnooooo-ouuuuyts"
                                        "aaaaaaaceeeeiiiidnooooo-ouuuuyty";
    std::string out;
    for (std::size_t i = 0; i < title.size() && out.size() < 60; ++i) {
        auto c = static_cast<unsigned char>(title[i]);
        if (c == 0xC3 && i + 1 < title.size()) {
            const auto next = static_cast<unsigned char>(title[i + 1]);
            if (next >= 0x80 && next <= 0xBF) {
                c = static_cast<unsigned char>(latin1[next - 0x80]);
                ++i;
            }
        }
        if (c >= 'A' && c <= 'Z')
            out += static_cast<char>(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out += static_cast<char>(c);
        else if (!out.empty() && out.back() != '-')
            out += '-';
    }
    while (!out.empty() && out.back() == '-')
        out.pop_back();
    return out.empty() ? std::string("klantreis") : out;
}

std::string download_name(const model::board& b, std::string_view name)
{
    return slug(b.info().title) + "-" + std::string(name);
}

}  // namespace jb::exporting
