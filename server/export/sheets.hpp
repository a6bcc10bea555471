#pragma once
// The results as tables, the way the spreadsheet formats and CSV show them: the improvement
// list, one table per closed round, the evaluation. XLSX and ODS write every sheet, CSV the
// list, Markdown the list and the rounds; all from these, so their cells cannot differ.

#include "export/labels.hpp"
#include "export/results.hpp"

#include <optional>
#include <string>
#include <vector>

namespace jb::exporting {

struct cell {
    std::string text;               // as shown (a number in the language's notation)
    std::optional<double> number;   // set for numeric cells
    bool from_user = false;         // typed by a participant (CSV guards it against formulas)
};

struct sheet {
    std::string name;  // at most 31 characters, none of []:*?/\ (spreadsheet rules)
    std::vector<std::vector<cell>> rows;
    std::size_t header = 0;  // the row that names the columns
};

cell text_cell(std::string text, bool from_user = false);
cell int_cell(std::int64_t n);
cell empty_cell();

// A touchpoint list, one per line: "Loket (Balie)\nFormulier (Website)".
std::string touchpoint_list(const labels& l, const std::vector<touchpoint>& tps);

// A group's cards, one per line; empty for a card.
std::string member_list(const std::vector<model::improvement_member>& members);

// The list: a header row, then one row per item in rank order.
sheet list_sheet(const results& r, language lang);
// A closed round: its heading and voters, a header row, then its ranking.
sheet round_sheet(const closed_round& c, language lang);
// The evaluation: responses and average, a header row, then each rating with its remarks.
sheet evaluation_sheet(const evaluation_summary& e, language lang);
// Every sheet: the list, each closed round by number, the evaluation.
std::vector<sheet> workbook(const results& r, language lang);

}  // namespace jb::exporting
