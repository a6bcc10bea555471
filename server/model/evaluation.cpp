// The closing evaluation poll (protocol.md, P-EVAL-1 … P-EVAL-4): the facilitator opens and
// closes it; each participant's latest response counts, anonymous to everyone else; the
// facilitator chooses which remarks the big screen shows beside the average and distribution.

#include "model/rules.hpp"
#include "model/session_json.hpp"

#include <algorithm>
#include <cmath>

namespace jb::model {

using nlohmann::json;

namespace {

evaluation_response* find_response(board& b, const std::string& id) {
    auto& responses = b.state_mut().evaluation.responses;
    const auto it = std::find_if(responses.begin(), responses.end(),
                                 [&](const evaluation_response& r) { return r.id == id; });
    return it == responses.end() ? nullptr : &*it;
}

bool has_remarks(const evaluation_response& r) {
    return std::any_of(r.remarks.begin(), r.remarks.end(),
                       [](char c) { return c != ' ' && c != '\n' && c != '\t' && c != '\r'; });
}

}  // namespace

json evaluation_summary(const evaluation_state& e) {
    json ratings = json::array({0, 0, 0, 0, 0});
    std::int64_t sum = 0;
    json shown = json::array();
    for (const auto& r : e.responses) {
        auto& c = ratings[static_cast<std::size_t>(r.rating - method_limits::min_rating)];
        c = c.get<std::int64_t>() + 1;
        sum += r.rating;
        if (r.shown) shown.push_back(json{{"id", r.id}, {"remarks", r.remarks}});
    }
    const auto n = static_cast<double>(e.responses.size());
    // One decimal, as people read an average; the browser only formats it.
    const json average = e.responses.empty() ? json(nullptr) : json(std::round(sum * 10.0 / n) / 10.0);
    return json{{"ratings", std::move(ratings)}, {"average", average}, {"shown", std::move(shown)}};
}

check_result check_rule(const board&, const evaluation_open&, const op_context&) {
    return std::nullopt;
}
void apply_rule(board& b, const evaluation_open& o, const op_context&) {
    b.state_mut().evaluation.open = o.open;
}

check_result check_rule(const board& b, const evaluation_submit&, const op_context& ctx) {
    if (!b.state().evaluation.open) return op_error{"conflict", "op: the evaluation poll is closed"};
    if (ctx.actor_id.empty()) return op_error{"forbidden", "op.kind: a screen does not answer the poll"};
    return std::nullopt;
}
// Submitting again replaces the response in place, keeping its id. New remarks leave the big
// screen: the facilitator chose the old ones (P-EVAL-4).
void apply_rule(board& b, const evaluation_submit& o, const op_context& ctx) {
    auto& responses = b.state_mut().evaluation.responses;
    auto it = std::find_if(responses.begin(), responses.end(),
                           [&](const evaluation_response& r) { return r.participant_id == ctx.actor_id; });
    if (it == responses.end()) {
        evaluation_response r;
        r.id = "r" + std::to_string(responses.size() + 1);
        r.participant_id = ctx.actor_id;
        it = responses.insert(responses.end(), std::move(r));
    }
    if (it->remarks != o.remarks) it->shown = false;
    it->rating = o.rating;
    it->remarks = o.remarks;
    it->at = ctx.at;
}

check_result check_rule(const board& b, const evaluation_show& o, const op_context&) {
    const auto& responses = b.state().evaluation.responses;
    const auto it = std::find_if(responses.begin(), responses.end(),
                                 [&](const evaluation_response& r) { return r.id == o.response_id; });
    if (it == responses.end())
        return rule_error("not_found", "responseId", "no response " + quote_name(o.response_id));
    if (!o.shown || it->shown) return std::nullopt;
    if (!has_remarks(*it))
        return rule_error("invalid", "responseId", "response " + quote_name(o.response_id) + " has no remarks");
    const auto on_screen = std::count_if(responses.begin(), responses.end(),
                                         [](const evaluation_response& r) { return r.shown; });
    if (static_cast<std::size_t>(on_screen) >= method_limits::max_shown_remarks)
        return rule_error("limit", "shown",
                          "the big screen already shows " + std::to_string(method_limits::max_shown_remarks) +
                              " remarks");
    return std::nullopt;
}
void apply_rule(board& b, const evaluation_show& o, const op_context&) {
    find_response(b, o.response_id)->shown = o.shown;
}

}  // namespace jb::model
