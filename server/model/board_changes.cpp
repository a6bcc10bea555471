// board::apply with the records it changed (P-SYNC-9): named directly for the frequent
// operations, found by comparing the stored document before and after for the rest.

#include "model/board.hpp"

#include "model/improvement_list.hpp"
#include "model/method_figures.hpp"
#include "model/overloaded.hpp"
#include "model/rules.hpp"
#include "model/session_json.hpp"

namespace jb::model {
namespace {

using nlohmann::json;

// The one record of `section` with this id in a freshly written part of the document.
json pick(const json& records, const std::string& section, const std::string& id) {
    for (const auto& r : records)
        if (record_id(section, r) == id) return r;
    return nullptr;
}

void upsert_or_remove(record_changes& out, const std::string& section, const std::string& id, json record) {
    if (record.is_null())
        out.removed[section].push_back(id);
    else
        out.upserts[section].push_back(std::move(record));
}

// The clients' improvement list (P-IMP-4), computed only when a closed round can make one.
json improvement_list_of(const board& b) {
    for (const auto& r : b.state().rounds)
        if (r.status == round_status::closed) return improvement_list_json(b);
    return json{{"roundIds", json::array()}, {"rows", json::array()}, {"latestRoundId", nullptr}};
}

}  // namespace

std::optional<record_changes> board::named_changes(const operation& op) const {
    const auto card_change = [&](const std::string& id) {
        record_changes out;
        const auto it = cards_.find(id);
        upsert_or_remove(out, "cards", id, it == cards_.end() ? json(nullptr) : card_to_json(it->second));
        return out;
    };
    const auto session_part = [&](const char* section, const std::string& id) {
        json doc = json::object();
        write_session(doc, session_, 0);
        write_method(doc, session_);
        record_changes out;
        if (id.empty())
            out.upserts[section] = doc[section];
        else
            upsert_or_remove(out, section, id, pick(doc[section], section, id));
        return out;
    };
    return std::visit(
        overloaded{
            [&](const card_add& o) -> std::optional<record_changes> {
                if (o.private_card) return std::nullopt;  // the private count changes too
                return card_change(o.card_id);
            },
            [&](const card_update& o) -> std::optional<record_changes> { return card_change(o.card_id); },
            [&](const card_move& o) -> std::optional<record_changes> { return card_change(o.card_id); },
            [&](const vote_add& o) -> std::optional<record_changes> { return session_part("rounds", o.round_id); },
            [&](const vote_remove& o) -> std::optional<record_changes> { return session_part("rounds", o.round_id); },
            [&](const vote_done& o) -> std::optional<record_changes> { return session_part("rounds", o.round_id); },
            [&](const score_set& o) -> std::optional<record_changes> {
                return session_part("scores", std::string(to_string(o.scale)) + ":" + o.target_id);
            },
            [&](const evaluation_submit&) -> std::optional<record_changes> {
                return session_part("evaluation", "");
            },
            [](const auto&) -> std::optional<record_changes> { return std::nullopt; },
        },
        op);
}

applied board::apply(const operation& op, const op_context& ctx, bool track_changes) {
    if (!track_changes) return apply_state(op, ctx);
    // The kinds named_changes names (it throws, through value(), should the two lists differ).
    const bool named = std::visit(
        overloaded{[](const card_add& o) { return !o.private_card; }, [](const card_update&) { return true; },
                   [](const card_move&) { return true; }, [](const vote_add&) { return true; },
                   [](const vote_remove&) { return true; }, [](const vote_done&) { return true; },
                   [](const score_set&) { return true; }, [](const evaluation_submit&) { return true; },
                   [](const auto&) { return false; }},
        op);
    json before = named ? json(nullptr) : to_json();
    json list_before = improvement_list_of(*this);
    // The figures hold only scored targets: cheap to compare, and unchanged by most operations.
    json figures_before = method_figures_json(*this);
    applied out = apply_state(op, ctx);
    out.changes = named ? named_changes(op).value() : diff_documents(before, to_json());
    // Changes a viewer sees though the stored records stay the same: who may see a card's
    // author (P-FAC-9) follows the anonymity setting and the lane's kind.
    if (std::holds_alternative<settings_update>(op) || std::holds_alternative<lane_update>(op)) {
        json all = json::array();
        for (const auto& [id, c] : cards_) all.push_back(card_to_json(c));
        out.changes.upserts["cards"] = std::move(all);
    }
    // A new role changes what its holder sees though no record changed: a facilitator sees the
    // evaluation's answers (P-EVAL-3), and each round's mayVote follows the role (P-VOTE-5).
    if (std::holds_alternative<participant_role>(op)) {
        json doc = json::object();
        write_session(doc, session_, 0);
        write_method(doc, session_);
        out.changes.upserts["evaluation"] = doc["evaluation"];
        if (!doc["rounds"].empty()) out.changes.upserts["rounds"] = doc["rounds"];
    }
    // A patch's evaluation carries its summary as of this operation (P-EVAL-4).
    if (out.changes.upserts.contains("evaluation"))
        out.changes.upserts["evaluation"]["summary"] = evaluation_summary(session_.evaluation);
    // The list reads cards, groups, links and rounds: any operation may change it.
    if (auto list = improvement_list_of(*this); list != list_before)
        out.changes.upserts["improvementList"] = std::move(list);
    if (auto figures = method_figures_json(*this); figures != figures_before)
        out.changes.upserts["methodFigures"] = std::move(figures);
    if (out.changes.upserts.contains("cards"))
        for (const auto& c : out.changes.upserts["cards"])
            if (anonymous_lane(c.at("laneId").get<std::string>()))
                out.changes.anonymous_cards.insert(c.at("id").get<std::string>());
    return out;
}

}  // namespace jb::model
