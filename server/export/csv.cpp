// improvements.csv (P-EXP-2): the improvement list as CSV for spreadsheets. UTF-8 with a byte
// order mark (so Excel reads it as UTF-8), CRLF line ends, RFC 4180 quoting, and the delimiter
// the facilitator chose (semicolon by default: what Excel expects with Dutch regional settings).

#include "export/exporter.hpp"
#include "export/sheets.hpp"

namespace jb::exporting {

namespace {

char delimiter_char(csv_delimiter d)
{
    switch (d) {
    case csv_delimiter::comma: return ',';
    case csv_delimiter::tab: return '\t';
    case csv_delimiter::semicolon: break;
    }
    return ';';
}

// One field. Text a participant typed that starts like a formula (= + - @) gets a leading
// apostrophe, so a spreadsheet shows it instead of evaluating it (CSV injection).
std::string field(const cell& c, char delimiter)
{
    std::string v = c.text;
    if (c.from_user && !v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@'))
        v.insert(v.begin(), '\'');
    if (v.find_first_of(std::string{'"', '\r', '\n', delimiter}) == std::string::npos)
        return v;
    std::string quoted = "\"";
    for (char ch : v) {
        if (ch == '"') quoted += '"';
        quoted += ch;
    }
    return quoted + '"';
}

}  // namespace

export_file render_csv(const model::board& b, const export_options& o)
{
    const char delimiter = delimiter_char(o.delimiter);
    std::string out = "\xEF\xBB\xBF";
    for (const auto& row : list_sheet(make_results(b, o.now_ms), o.lang).rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i > 0) out += delimiter;
            out += field(row[i], delimiter);
        }
        out += "\r\n";
    }
    return {std::move(out), "text/csv; charset=utf-8", download_name(b, "improvements.csv")};
}

}  // namespace jb::exporting
