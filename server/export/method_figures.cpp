#include "export/method_figures.hpp"

#include <algorithm>
#include <cmath>

namespace jb::exporting {

namespace {

bool key_before(const std::string& ka, const std::string& ia, const std::string& kb, const std::string& ib)
{
    return ka != kb ? ka < kb : ia < ib;
}

// The journey's touchpoint cards in board order: phase, then lane, then the card's order.
std::vector<const model::card*> touchpoints_of(const model::board& b, const model::journey& j)
{
    auto index_of = [](const auto& list, const std::string& id) {
        return static_cast<std::size_t>(
            std::find_if(list.begin(), list.end(), [&](const auto& x) { return x.id == id; }) - list.begin());
    };
    std::vector<const model::card*> out;
    for (const auto& [id, c] : b.cards()) {
        if (c.journey_id != j.id || c.private_card) continue;
        const auto lane = index_of(j.lanes, c.lane_id);
        if (lane < j.lanes.size() && j.lanes[lane].kind == model::lane_kind::touchpoint) out.push_back(&c);
    }
    std::sort(out.begin(), out.end(), [&](const model::card* a, const model::card* c) {
        const auto pa = index_of(j.phases, a->phase_id), pc = index_of(j.phases, c->phase_id);
        if (pa != pc) return pa < pc;
        const auto la = index_of(j.lanes, a->lane_id), lc = index_of(j.lanes, c->lane_id);
        if (la != lc) return la < lc;
        return key_before(a->order_key, a->id, c->order_key, c->id);
    });
    return out;
}

}  // namespace

method_data::method_data(const model::board& b)
{
    const auto state = b.to_json();
    if (const auto it = state.find("scores"); it != state.end() && it->is_array())
        for (const auto& entry : *it) {
            auto& values = scores_[{entry.value("scale", ""), entry.value("targetId", "")}];
            // Held in a local: items() of a temporary would dangle in the loop.
            const auto given = entry.value("values", nlohmann::json::object());
            for (const auto& [who, v] : given.items())
                if (v.is_number_integer()) values.push_back(v.get<std::int64_t>());
        }
    for (const auto& c : state.at("cards"))
        if (const auto ch = c.find("channel"); ch != c.end() && ch->is_string())
            channels_[c.at("id").get<std::string>()] = ch->get<std::string>();
}

std::optional<score_stats> method_data::stats(std::string_view scale, const std::string& target_id) const
{
    const auto it = scores_.find(std::pair<std::string, std::string>{std::string(scale), target_id});
    if (it == scores_.end() || it->second.empty()) return std::nullopt;
    // Emotion runs −2…+2, expectation and experience 1…5 (P-METH-2).
    const std::int64_t low = scale == "current" || scale == "desired" ? -2 : 1;
    score_stats s;
    double sum = 0;
    for (const auto v : it->second) {
        if (v >= low && v <= low + 4) ++s.counts[static_cast<std::size_t>(v - low)];
        ++s.n;
        sum += static_cast<double>(v);
    }
    s.mean = sum / static_cast<double>(s.n);
    double squares = 0;
    for (const auto v : it->second) squares += (static_cast<double>(v) - s.mean) * (static_cast<double>(v) - s.mean);
    s.spread = std::sqrt(squares / static_cast<double>(s.n));
    return s;
}

std::string method_data::channel(const std::string& card_id) const
{
    const auto it = channels_.find(card_id);
    return it == channels_.end() ? std::string() : it->second;
}

bool journey_figures::any_emotion() const
{
    return std::any_of(curve.begin(), curve.end(), [](const auto& p) { return p.current || p.desired; });
}

bool journey_figures::any_gap() const
{
    return std::any_of(gaps.begin(), gaps.end(), [](const auto& g) { return g.gap.has_value(); });
}

std::vector<journey_figures> method_figures(const model::board& b, const method_data& data)
{
    std::vector<const model::journey*> journeys;
    for (const auto& [id, j] : b.journeys()) journeys.push_back(&j);
    std::sort(journeys.begin(), journeys.end(), [](const auto* a, const auto* c) {
        return key_before(a->order_key, a->id, c->order_key, c->id);
    });
    std::vector<journey_figures> out;
    for (const auto* j : journeys) {
        journey_figures f;
        f.journey = j;
        const auto cards = touchpoints_of(b, *j);
        for (const auto& p : j->phases) {
            auto row = [&](const std::string& id, bool is_phase, const model::card* card) {
                gap_row g{id, is_phase, &p, card, data.stats("expected", id), data.stats("experienced", id),
                          std::nullopt, false};
                if (g.expected && g.experienced) g.gap = g.expected->mean - g.experienced->mean;
                f.gaps.push_back(std::move(g));
            };
            row(p.id, true, nullptr);
            for (const auto* c : cards) {
                if (c->phase_id != p.id) continue;
                f.curve.push_back({c, data.channel(c->id), &p, data.stats("current", c->id),
                                   data.stats("desired", c->id)});
                row(c->id, false, c);
            }
        }
        // The three largest positive gaps; ties keep board order (stable sort).
        std::vector<gap_row*> positive;
        for (auto& g : f.gaps)
            if (g.gap && *g.gap > 0) positive.push_back(&g);
        std::stable_sort(positive.begin(), positive.end(), [](const auto* a, const auto* c) { return *a->gap > *c->gap; });
        for (std::size_t i = 0; i < positive.size() && i < 3; ++i) positive[i]->largest = true;
        out.push_back(std::move(f));
    }
    return out;
}

}  // namespace jb::exporting
