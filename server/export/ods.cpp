// improvements.ods (P-EXP-4): the workbook sheets as an OpenDocument spreadsheet (ODF 1.2),
// the open standard Dutch government bodies must accept. The container is a zip built in
// memory with libzip: `mimetype` first and stored uncompressed (so tools recognise the file
// by its first bytes), then the manifest, content, styles and meta parts.

#include "export/exporter.hpp"
#include "export/sheets.hpp"

#include <zip.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

namespace jb::exporting {

namespace {

constexpr std::string_view ods_mime = "application/vnd.oasis.opendocument.spreadsheet";

// Appends `c`, escaped for XML text and attributes. The files are built by appending to one
// string: a large workshop's content.xml is megabytes, and copying it per cell or per sheet
// was most of the export's time (docs/performance.md, "Exports").
void append_escaped(std::string& out, char c)
{
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    case '\'': out += "&apos;"; break;
    default: out += c;
    }
}

std::string xml_escape(std::string_view s)
{
    std::string out;
    for (char c : s) append_escaped(out, c);
    return out;
}

// A cell's text as paragraphs: one <text:p> per line; tabs and runs of spaces kept (ODF
// collapses white space otherwise). Appended to `out`.
void append_paragraphs(std::string& out, std::string_view text)
{
    out += "<text:p>";
    std::size_t spaces = 0;
    bool line_start = true;
    auto flush = [&] {
        if (spaces == 0) return;
        std::size_t literal = line_start ? 0 : 1;  // one plain space is kept, except at the start
        if (literal) out += ' ';
        if (spaces > literal) out += "<text:s text:c=\"" + std::to_string(spaces - literal) + "\"/>";
        spaces = 0;
        line_start = false;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ' ') {
            ++spaces;
            continue;
        }
        flush();
        if (c == '\r') continue;
        if (c == '\n') {
            out += "</text:p><text:p>";
            line_start = true;
            continue;
        }
        line_start = false;
        if (c == '\t') out += "<text:tab/>";
        else append_escaped(out, c);
    }
    flush();
    out += "</text:p>";
}

std::string number_text(double v)
{
    std::string s = std::to_string(v);  // "4.250000"
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

void append_table(std::string& out, const sheet& s)
{
    std::size_t columns = 1;
    for (const auto& row : s.rows) columns = std::max(columns, row.size());
    out += "<table:table table:name=\"" + xml_escape(s.name) + "\">";
    out += "<table:table-column table:style-name=\"narrow\"/>";
    out += "<table:table-column table:style-name=\"wide\"/>";
    if (columns > 2)
        out += "<table:table-column table:style-name=\"normal\" table:number-columns-repeated=\"" +
               std::to_string(columns - 2) + "\"/>";
    for (std::size_t r = 0; r < s.rows.size(); ++r) {
        out += "<table:table-row>";
        const std::string style = r == s.header ? " table:style-name=\"header\"" : "";
        for (const auto& c : s.rows[r]) {
            out += "<table:table-cell";
            out += style;
            if (c.text.empty() && !c.number) {
                out += "/>";
                continue;
            }
            if (c.number)
                out += " office:value-type=\"float\" office:value=\"" + number_text(*c.number) + "\">";
            else
                out += " office:value-type=\"string\">";
            append_paragraphs(out, c.text);
            out += "</table:table-cell>";
        }
        out += "</table:table-row>";
    }
    out += "</table:table>";
}

constexpr std::string_view namespaces =
    " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
    " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
    " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
    " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
    " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""
    " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\""
    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
    " office:version=\"1.2\"";

std::string content_xml(const std::vector<sheet>& sheets)
{
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content";
    out += namespaces;
    out += "><office:automatic-styles>"
           "<style:style style:name=\"narrow\" style:family=\"table-column\">"
           "<style:table-column-properties style:column-width=\"1.6cm\"/></style:style>"
           "<style:style style:name=\"wide\" style:family=\"table-column\">"
           "<style:table-column-properties style:column-width=\"9cm\"/></style:style>"
           "<style:style style:name=\"normal\" style:family=\"table-column\">"
           "<style:table-column-properties style:column-width=\"3.5cm\"/></style:style>"
           "<style:style style:name=\"header\" style:family=\"table-cell\">"
           "<style:text-properties fo:font-weight=\"bold\"/></style:style>"
           "</office:automatic-styles><office:body><office:spreadsheet>";
    for (const auto& s : sheets) append_table(out, s);
    out += "</office:spreadsheet></office:body></office:document-content>\n";
    return out;
}

std::string styles_xml()
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-styles" +
           std::string(namespaces) + "><office:styles/></office:document-styles>\n";
}

std::string meta_xml(const std::string& title, const std::string& date)
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-meta" + std::string(namespaces) +
           "><office:meta><meta:generator>Journeyboard</meta:generator><dc:title>" + xml_escape(title) +
           "</dc:title><dc:date>" + date + "</dc:date></office:meta></office:document-meta>\n";
}

constexpr std::string_view manifest_xml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
    " manifest:version=\"1.2\">"
    "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\""
    " manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>"
    "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
    "<manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>"
    "<manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>"
    "</manifest:manifest>\n";

// An in-memory zip archive (libzip's in-memory pattern: a buffer source kept past zip_close).
class zip_writer {
public:
    explicit zip_writer(time_t mtime) : mtime_(mtime)
    {
        zip_error_init(&error_);
        source_ = zip_source_buffer_create(nullptr, 0, 0, &error_);
        if (!source_) throw std::runtime_error("libzip: " + std::string(zip_error_strerror(&error_)));
        archive_ = zip_open_from_source(source_, ZIP_TRUNCATE, &error_);
        if (!archive_) {
            zip_source_free(source_);
            throw std::runtime_error("libzip: " + std::string(zip_error_strerror(&error_)));
        }
        zip_source_keep(source_);  // the archive's close must not free it: the bytes are in it
    }
    ~zip_writer()
    {
        if (archive_) zip_discard(archive_);
        zip_source_free(source_);
        zip_error_fini(&error_);
    }
    zip_writer(const zip_writer&) = delete;
    zip_writer& operator=(const zip_writer&) = delete;

    // Adds a file; the data must live until finish().
    void add(const char* name, std::string_view data, bool compress)
    {
        zip_source_t* src = zip_source_buffer(archive_, data.data(), data.size(), 0);
        if (!src) fail();
        const zip_int64_t index = zip_file_add(archive_, name, src, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(src);
            fail();
        }
        const auto i = static_cast<zip_uint64_t>(index);
        if (zip_set_file_compression(archive_, i, compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0) < 0 ||
            zip_file_set_mtime(archive_, i, mtime_, 0) < 0)
            fail();
    }

    std::string finish()
    {
        if (zip_close(archive_) < 0) fail();
        archive_ = nullptr;
        if (zip_source_open(source_) < 0) throw std::runtime_error("libzip: cannot read the archive back");
        zip_source_seek(source_, 0, SEEK_END);
        const zip_int64_t size = zip_source_tell(source_);
        zip_source_seek(source_, 0, SEEK_SET);
        std::string bytes(static_cast<std::size_t>(std::max<zip_int64_t>(size, 0)), '\0');
        const zip_int64_t read = zip_source_read(source_, bytes.data(), bytes.size());
        zip_source_close(source_);
        if (size < 0 || read != size) throw std::runtime_error("libzip: cannot read the archive back");
        return bytes;
    }

private:
    [[noreturn]] void fail()
    {
        throw std::runtime_error("libzip: " + std::string(zip_strerror(archive_)));
    }
    time_t mtime_;
    zip_error_t error_;
    zip_source_t* source_ = nullptr;
    zip_t* archive_ = nullptr;
};

}  // namespace

export_file render_ods(const model::board& b, const export_options& o)
{
    const auto sheets = workbook(make_results(b, o.now_ms), o.lang);
    const std::string content = content_xml(sheets), styles = styles_xml(),
                      meta = meta_xml(b.info().title, utc_time(o.now_ms, "%Y-%m-%dT%H:%M:%SZ"));
    zip_writer zip(static_cast<time_t>(o.now_ms / 1000));
    zip.add("mimetype", ods_mime, false);
    zip.add("META-INF/manifest.xml", manifest_xml, true);
    zip.add("content.xml", content, true);
    zip.add("styles.xml", styles, true);
    zip.add("meta.xml", meta, true);
    return {zip.finish(), std::string(ods_mime), download_name(b, "improvements.ods")};
}

}  // namespace jb::exporting
