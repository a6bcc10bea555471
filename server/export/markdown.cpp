// improvements.md (P-EXP-5): the results as Markdown (GitHub tables): the title, the list,
// each closed round, the evaluation. Text a participant typed is escaped, so it shows as typed
// and never becomes markup or HTML.

#include "export/exporter.hpp"
#include "export/sheets.hpp"

namespace jb::exporting {

namespace {

// Inline text: Markdown's active characters get a backslash (CommonMark allows it before any
// ASCII punctuation); line breaks become <br> so that a table row stays one line.
std::string inline_text(const std::string& s)
{
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '\r') continue;
        if (c == '\n') {
            out += "<br>";
            continue;
        }
        if (std::string_view("\\`*_[]<>|#~&!").find(c) != std::string_view::npos) out += '\\';
        out += c == '\t' ? ' ' : c;
    }
    return out;
}

void table(std::string& out, const sheet& s)
{
    const auto& rows = s.rows;
    const std::size_t header = s.header;
    for (std::size_t r = header; r < rows.size(); ++r) {
        out += "|";
        for (const auto& c : rows[r]) out += " " + (c.from_user ? inline_text(c.text) : c.text) + " |";
        out += "\n";
        if (r == header) {
            out += "|";
            for (std::size_t i = 0; i < rows[r].size(); ++i) out += " --- |";
            out += "\n";
        }
    }
}

}  // namespace

export_file render_markdown(const model::board& b, const export_options& o)
{
    const auto r = make_results(b, o.now_ms);
    const auto& l = labels_for(o.lang);
    std::string out = "# " + inline_text(r.title) + "\n\n";
    out += std::string(l.exported_at) + ": " + local_time(r.exported_at) + "\n\n";

    out += "## " + std::string(l.improvement_list) + "\n\n";
    if (r.items.empty())
        out += std::string(l.no_items) + "\n\n";
    else {
        table(out, list_sheet(r, o.lang));
        out += "\n";
    }

    out += "## " + std::string(l.rounds) + "\n\n";
    if (r.closed.empty())
        out += std::string(l.no_rounds) + "\n\n";
    for (const auto& c : r.closed) {
        out += "### " + inline_text(round_heading(l, c.number, c.criterion)) + "\n\n";
        out += std::string(l.voters) + ": " + std::to_string(c.voters) + "\n\n";
        table(out, round_sheet(c, o.lang));
        out += "\n";
    }

    const auto& e = r.evaluation;
    out += "## " + std::string(l.evaluation) + "\n\n";
    if (e.responses.empty())
        return {out + std::string(l.no_responses) + "\n", "text/markdown; charset=utf-8",
                download_name(b, "improvements.md")};
    out += std::string(l.responses) + ": " + std::to_string(e.count) + "  \n";
    out += std::string(l.average) + ": " + decimal(o.lang, e.average.value_or(0)) + "\n\n";
    table(out, evaluation_sheet(e, o.lang));
    return {std::move(out), "text/markdown; charset=utf-8", download_name(b, "improvements.md")};
}

}  // namespace jb::exporting
