#include "export/sheets.hpp"

namespace jb::exporting {

cell text_cell(std::string text, bool from_user)
{
    return {std::move(text), std::nullopt, from_user};
}

cell int_cell(std::int64_t n)
{
    return {std::to_string(n), static_cast<double>(n), false};
}

cell empty_cell()
{
    return {};
}

std::string touchpoint_list(const labels& l, const std::vector<touchpoint>& tps)
{
    std::string out;
    for (const auto& tp : tps) {
        if (!out.empty()) out += "\n";
        out += tp.text;
        if (const auto ch = channel_label(l, tp.channel); !ch.empty())
            out += " (" + std::string(ch) + ")";
    }
    return out;
}

std::string member_list(const std::vector<model::improvement_member>& members)
{
    std::string out;
    for (const auto& m : members) {
        if (!out.empty()) out += "\n";
        out += m.text;
    }
    return out;
}

sheet list_sheet(const results& r, language lang)
{
    const auto& l = labels_for(lang);
    sheet s{std::string(l.improvement_list), {}};
    std::vector<cell> header{text_cell(std::string(l.rank)), text_cell(std::string(l.idea)),
                             text_cell(std::string(l.members)), text_cell(std::string(l.total_votes))};
    for (const auto& round : r.rounds)
        header.push_back(text_cell(round_heading(l, round.number, round.criterion), true));
    for (auto h : {l.journey, l.phase, l.touchpoints, l.pain_point, l.owner, l.status})
        header.push_back(text_cell(std::string(h)));
    s.rows.push_back(std::move(header));
    for (const auto& item : r.items) {
        const auto& row = item.row;
        std::vector<cell> cells{int_cell(row.rank), text_cell(row.text, true),
                                text_cell(member_list(row.members), true), int_cell(row.total)};
        for (const auto& v : item.votes)
            cells.push_back(v ? int_cell(*v) : empty_cell());
        cells.push_back(text_cell(item.journey, true));
        cells.push_back(text_cell(item.phase, true));
        cells.push_back(text_cell(touchpoint_list(l, item.touchpoints), true));
        cells.push_back(text_cell(row.pain_point.value_or(""), true));
        cells.push_back(text_cell(row.owner, true));
        cells.push_back(text_cell(std::string(status_label(l, row.status))));
        s.rows.push_back(std::move(cells));
    }
    return s;
}

sheet round_sheet(const closed_round& c, language lang)
{
    const auto& l = labels_for(lang);
    sheet s{std::string(l.round) + " " + std::to_string(c.number), {}, 2};
    s.rows.push_back({text_cell(round_heading(l, c.number, c.criterion), true)});
    s.rows.push_back({text_cell(std::string(l.voters)), int_cell(c.voters)});
    s.rows.push_back({text_cell(std::string(l.rank)), text_cell(std::string(l.idea)),
                      text_cell(std::string(l.votes)), text_cell(std::string(l.digital)),
                      text_cell(std::string(l.paper))});
    for (const auto& e : c.ranking)
        s.rows.push_back({int_cell(e.rank),
                          e.exists ? text_cell(e.text, true) : text_cell(std::string(l.deleted_item)),
                          int_cell(e.votes), int_cell(e.digital), int_cell(e.paper)});
    return s;
}

sheet evaluation_sheet(const evaluation_summary& e, language lang)
{
    const auto& l = labels_for(lang);
    sheet s{std::string(l.evaluation), {}, 2};
    s.rows.push_back({text_cell(std::string(l.responses)), int_cell(e.count)});
    s.rows.push_back({text_cell(std::string(l.average)),
                      e.average ? cell{decimal(lang, *e.average), *e.average, false} : empty_cell()});
    s.rows.push_back({text_cell(std::string(l.rating)), text_cell(std::string(l.remarks))});
    for (const auto& r : e.responses)
        s.rows.push_back({int_cell(r.rating), text_cell(r.remarks, true)});
    return s;
}

std::vector<sheet> workbook(const results& r, language lang)
{
    std::vector<sheet> sheets{list_sheet(r, lang)};
    for (const auto& c : r.closed)
        sheets.push_back(round_sheet(c, lang));
    sheets.push_back(evaluation_sheet(r.evaluation, lang));
    return sheets;
}

}  // namespace jb::exporting
