#include "model/method_figures.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace jb::model {

namespace {

using nlohmann::json;

// Means are fractions of small integers: a difference below this is rounding, not a gap.
constexpr double gap_epsilon = 1e-9;

bool key_before(const std::string& ka, const std::string& ia, const std::string& kb, const std::string& ib) {
    return ka != kb ? ka < kb : ia < ib;
}

// The journey's touchpoint cards that are not private (of `only`, when given), in board order:
// phase, lane, then the card's order.
std::vector<const card*> touchpoints_of(const board& b, const journey& j, const std::set<std::string>* only) {
    std::map<std::string, std::size_t> phase_at, lane_at;
    for (std::size_t i = 0; i < j.phases.size(); ++i) phase_at[j.phases[i].id] = i;
    for (std::size_t i = 0; i < j.lanes.size(); ++i)
        if (j.lanes[i].kind == lane_kind::touchpoint) lane_at[j.lanes[i].id] = i;
    if (lane_at.empty()) return {};
    std::vector<const card*> out;
    const auto consider = [&](const card& c) {
        if (c.journey_id == j.id && !c.private_card && lane_at.contains(c.lane_id)) out.push_back(&c);
    };
    if (only) {
        for (const auto& id : *only)
            if (const card* c = b.find_card(id)) consider(*c);
    } else {
        for (const auto& [id, c] : b.cards()) consider(c);
    }
    std::sort(out.begin(), out.end(), [&](const card* x, const card* y) {
        const auto px = phase_at[x->phase_id], py = phase_at[y->phase_id];
        if (px != py) return px < py;
        const auto lx = lane_at[x->lane_id], ly = lane_at[y->lane_id];
        if (lx != ly) return lx < ly;
        return key_before(x->order_key, x->id, y->order_key, y->id);
    });
    return out;
}

// Rounded to 3 decimals, −0 as 0: the JSON both sides write the same way (P-SYNC-10).
json figure(double v) {
    const double r = std::round(v * 1000) / 1000;
    return r == 0 ? json(0) : json(r);
}

json stats_json(const std::optional<score_stats>& s) {
    if (!s) return nullptr;
    return json{{"n", s->n}, {"mean", figure(s->mean)}, {"spread", figure(s->spread)}};
}

}  // namespace

bool journey_figures::any_emotion() const {
    return std::any_of(curve.begin(), curve.end(), [](const auto& p) { return p.current || p.desired; });
}

bool journey_figures::any_gap() const {
    return std::any_of(gaps.begin(), gaps.end(), [](const auto& g) { return g.gap.has_value(); });
}

std::optional<score_stats> stats_of(const board& b, score_scale scale, const std::string& target_id) {
    const auto& table = b.state().scores;
    const auto it = table.find({scale, target_id});
    if (it == table.end() || it->second.empty()) return std::nullopt;
    const std::int64_t low = scale_min(scale);
    score_stats s;
    double sum = 0;
    for (const auto& [who, v] : it->second) {
        if (v >= low && v <= low + 4) ++s.counts[static_cast<std::size_t>(v - low)];
        ++s.n;
        sum += static_cast<double>(v);
    }
    s.mean = sum / static_cast<double>(s.n);
    double squares = 0;
    for (const auto& [who, v] : it->second) squares += (static_cast<double>(v) - s.mean) * (static_cast<double>(v) - s.mean);
    s.spread = std::sqrt(squares / static_cast<double>(s.n));
    return s;
}

std::vector<journey_figures> method_figures(const board& b, figure_targets which) {
    const bool scored = which == figure_targets::scored;
    std::set<std::string> scored_ids;
    for (const auto& [key, values] : b.state().scores) scored_ids.insert(key.second);
    if (scored && scored_ids.empty()) return {};
    std::vector<const journey*> journeys;
    for (const auto& [id, j] : b.journeys()) journeys.push_back(&j);
    std::sort(journeys.begin(), journeys.end(),
              [](const auto* x, const auto* y) { return key_before(x->order_key, x->id, y->order_key, y->id); });
    std::vector<journey_figures> out;
    for (const auto* j : journeys) {
        journey_figures f;
        f.journey = j;
        const auto cards = touchpoints_of(b, *j, scored ? &scored_ids : nullptr);
        auto next = cards.begin();
        for (const auto& p : j->phases) {
            auto row = [&](const std::string& id, bool is_phase, const card* c) {
                gap_row g{id, is_phase, &p, c, stats_of(b, score_scale::expected, id),
                          stats_of(b, score_scale::experienced, id), std::nullopt, 0};
                if (g.expected && g.experienced) g.gap = g.expected->mean - g.experienced->mean;
                if (!scored || g.expected || g.experienced) f.gaps.push_back(std::move(g));
            };
            row(p.id, true, nullptr);
            for (; next != cards.end() && (*next)->phase_id == p.id; ++next) {
                const card* c = *next;
                curve_point point{c, c->channel ? std::string(to_string(*c->channel)) : std::string(), &p,
                                  stats_of(b, score_scale::current, c->id), stats_of(b, score_scale::desired, c->id)};
                if (!scored || point.current || point.desired) f.curve.push_back(std::move(point));
                row(c->id, false, c);
            }
        }
        // The three largest positive gaps; ties keep board order (stable sort).
        std::vector<gap_row*> positive;
        for (auto& g : f.gaps)
            if (g.gap && *g.gap > gap_epsilon) positive.push_back(&g);
        std::stable_sort(positive.begin(), positive.end(), [](const auto* x, const auto* y) {
            return *x->gap - *y->gap > gap_epsilon;
        });
        for (std::size_t i = 0; i < positive.size() && i < 3; ++i) positive[i]->rank = static_cast<int>(i) + 1;
        if (!scored || !f.curve.empty() || !f.gaps.empty()) out.push_back(std::move(f));
    }
    return out;
}

json method_figures_json(const board& b) {
    json journeys = json::array();
    for (const auto& f : method_figures(b, figure_targets::scored)) {
        json curve = json::array();
        for (const auto& p : f.curve)
            curve.push_back({{"cardId", p.card->id},
                             {"phaseId", p.phase->id},
                             {"current", stats_json(p.current)},
                             {"desired", stats_json(p.desired)}});
        json gaps = json::array();
        for (const auto& g : f.gaps)
            gaps.push_back({{"targetId", g.target_id},
                            {"phaseId", g.phase->id},
                            {"isPhase", g.is_phase},
                            {"expected", stats_json(g.expected)},
                            {"experienced", stats_json(g.experienced)},
                            {"gap", g.gap ? figure(*g.gap) : json(nullptr)},
                            {"rank", g.rank ? json(g.rank) : json(nullptr)}});
        journeys.push_back({{"journeyId", f.journey->id}, {"curve", std::move(curve)}, {"gaps", std::move(gaps)}});
    }
    return json{{"journeys", std::move(journeys)}};
}

}  // namespace jb::model
