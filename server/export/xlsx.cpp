// improvements.xlsx (P-EXP-3): the workbook sheets (the list, one per closed round, the
// evaluation) written with libxlsxwriter. It writes to a file, so the workbook goes to a
// private temporary file that is read back and removed.

#include "export/exporter.hpp"
#include "export/sheets.hpp"

#include <xlsxwriter.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

namespace jb::exporting {

namespace {

// A cell holds at most 32,767 characters; cut longer text at a UTF-8 boundary.
std::string fit(std::string s)
{
    constexpr std::size_t max_bytes = 32'000;
    if (s.size() <= max_bytes) return s;
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    s.resize(cut);
    return s;
}

// A temporary file that is removed when it goes out of scope.
class temp_file {
public:
    temp_file()
    {
        auto pattern = (std::filesystem::temp_directory_path() / "journeyboard-export-XXXXXX").string();
        const int fd = ::mkstemp(pattern.data());
        if (fd < 0) throw std::runtime_error("cannot make a temporary file for the workbook");
        ::close(fd);
        path_ = pattern;
    }
    ~temp_file() { std::remove(path_.c_str()); }
    temp_file(const temp_file&) = delete;
    temp_file& operator=(const temp_file&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

void write_sheet(lxw_workbook* wb, const sheet& s, lxw_format* bold, lxw_format* wrap)
{
    const std::size_t header = s.header;
    lxw_worksheet* ws = workbook_add_worksheet(wb, s.name.c_str());
    if (!ws) throw std::runtime_error("libxlsxwriter refused the sheet " + s.name);
    worksheet_set_column(ws, 0, 0, 8, nullptr);
    worksheet_set_column(ws, 1, 1, 48, wrap);
    worksheet_set_column(ws, 2, 20, 18, wrap);
    for (std::size_t r = 0; r < s.rows.size(); ++r) {
        lxw_format* format = r == header ? bold : nullptr;
        for (std::size_t c = 0; c < s.rows[r].size(); ++c) {
            const auto& cell = s.rows[r][c];
            const auto row = static_cast<lxw_row_t>(r);
            const auto col = static_cast<lxw_col_t>(c);
            lxw_error err = LXW_NO_ERROR;
            if (cell.number)
                err = worksheet_write_number(ws, row, col, *cell.number, format);
            else if (!cell.text.empty())
                err = worksheet_write_string(ws, row, col, fit(cell.text).c_str(), format);
            if (err != LXW_NO_ERROR)
                throw std::runtime_error(std::string("libxlsxwriter: ") + lxw_strerror(err));
        }
    }
    if (header < s.rows.size()) worksheet_freeze_panes(ws, static_cast<lxw_row_t>(header + 1), 0);
}

}  // namespace

export_file render_xlsx(const model::board& b, const export_options& o)
{
    const auto sheets = workbook(make_results(b, o.now_ms), o.lang);
    temp_file file;
    lxw_workbook* wb = workbook_new(file.path().c_str());
    if (!wb) throw std::runtime_error("libxlsxwriter could not start a workbook");
    std::string title = b.info().title;
    lxw_doc_properties props{};
    props.title = title.data();
    props.created = static_cast<time_t>(o.now_ms / 1000);  // the same export, the same bytes
    workbook_set_properties(wb, &props);
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    format_set_text_wrap(bold);
    format_set_align(bold, LXW_ALIGN_VERTICAL_TOP);
    lxw_format* wrap = workbook_add_format(wb);
    format_set_text_wrap(wrap);
    format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
    try {
        for (const auto& s : sheets) write_sheet(wb, s, bold, wrap);
    } catch (...) {
        workbook_close(wb);
        throw;
    }
    if (const lxw_error err = workbook_close(wb); err != LXW_NO_ERROR)
        throw std::runtime_error(std::string("libxlsxwriter: ") + lxw_strerror(err));
    std::ifstream in(file.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in) throw std::runtime_error("cannot read the workbook back");
    return {bytes.str(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            download_name(b, "improvements.xlsx")};
}

}  // namespace jb::exporting
