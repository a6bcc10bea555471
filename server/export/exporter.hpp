#pragma once
// The exports of a workshop (protocol.md, P-EXP-*): each format is one function from the
// durable board and the request's options to the bytes of a file. Pure: no I/O but what a
// format's library needs (libxlsxwriter writes through a temporary file), never run on a
// network thread. net/api_export.cpp serves them at GET /api/workshops/{id}/export/{name}.

#include "model/board.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace jb::exporting {

enum class language { nl, en };
enum class csv_delimiter { semicolon, comma, tab };

struct export_options {
    language lang = language::nl;
    csv_delimiter delimiter = csv_delimiter::semicolon;  // improvements.csv only
    std::int64_t now_ms = 0;                             // the export's time (exportedAt)
};

// One exported file: its bytes, its Content-Type, and the name it is downloaded as.
struct export_file {
    std::string body, content_type, file_name;
};

using render_fn = export_file (*)(const model::board&, const export_options&);

struct exporter {
    std::string_view name;  // the {name} of the URL, also the end of the file name
    render_fn render;
};

// The exporter called `name`, or nullptr.
const exporter* find_exporter(std::string_view name);
// Every exporter's name, in the order they are listed.
std::vector<std::string_view> exporter_names();

// Reads the query string of an export request (`lang=nl|en`, `delimiter=semicolon|comma|tab`);
// an unknown parameter or value is an error message naming it.
std::variant<export_options, std::string> parse_options(std::string_view query, std::int64_t now_ms);

// The title's letters and digits in lower case ASCII (accented Latin letters without their
// accent), the rest as single '-', at most 60 characters; "klantreis" when nothing is left.
std::string slug(std::string_view title);
// "<slug of the workshop title>-<name>", the download's file name.
std::string download_name(const model::board& b, std::string_view name);

// The formats (one file each under export/).
export_file render_csv(const model::board& b, const export_options& o);
export_file render_markdown(const model::board& b, const export_options& o);
export_file render_json(const model::board& b, const export_options& o);
export_file render_xlsx(const model::board& b, const export_options& o);
export_file render_ods(const model::board& b, const export_options& o);

}  // namespace jb::exporting
