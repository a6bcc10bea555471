// The codecs of the operation fields that are objects of their own (operation_spec.hpp): a
// voting round's scope, a nested union on its `kind` (P-VOTE-2), and a paper tally's votes.

#include "model/operation_spec.hpp"
#include "model/text_rules.hpp"

namespace jb::model {

namespace lim = session_limits;

nlohmann::json encode_scope(const round_scope& s) {
    nlohmann::json j{{"kind", to_string(s.kind)}};
    switch (s.kind) {
    case scope_kind::ideas: break;
    case scope_kind::lanes: j["laneIds"] = s.ids; break;
    case scope_kind::phases: j["phaseIds"] = s.ids; break;
    case scope_kind::cards: j["cardIds"] = s.ids; break;
    case scope_kind::top:
        j["roundId"] = s.round_id;
        j["n"] = s.n;
        break;
    }
    return j;
}

std::optional<round_scope> codec::scope::read(field_reader& outer, std::string_view n) const {
    round_scope scope;
    const nlohmann::json* object = outer.object(n);
    if (!object) return std::nullopt;
    field_reader r(*object, outer.prefix() + std::string(n) + ".");
    scope.kind = r.scope("kind");
    if (r.ok()) {
        switch (scope.kind) {
        case scope_kind::ideas:
            r.allow_only({"kind"});
            break;
        case scope_kind::lanes:
            r.allow_only({"kind", "laneIds"});
            scope.ids = r.id_list("laneIds", 1, lim::max_scope_ids);
            break;
        case scope_kind::phases:
            r.allow_only({"kind", "phaseIds"});
            scope.ids = r.id_list("phaseIds", 1, lim::max_scope_ids);
            break;
        case scope_kind::cards:
            r.allow_only({"kind", "cardIds"});
            scope.ids = r.id_list("cardIds", 1, lim::max_scope_ids);
            break;
        case scope_kind::top:
            r.allow_only({"kind", "roundId", "n"});
            scope.round_id = r.id("roundId");
            scope.n = r.integer("n", 1, lim::max_top_n);
            break;
        }
    }
    if (!r.ok()) {
        outer.fail_with(*r.error());
        return std::nullopt;
    }
    return scope;
}

std::optional<codec::paper_votes::type> codec::paper_votes::read(field_reader& r,
                                                                 std::string_view n) const {
    const nlohmann::json* votes = r.object(n);
    if (!votes) return std::nullopt;
    if (votes->size() > lim::max_paper_items) {
        r.fail("invalid", n, "names more than " + std::to_string(lim::max_paper_items) + " items");
        return std::nullopt;
    }
    type out;
    field_reader v(*votes, r.prefix() + std::string(n) + ".");
    for (const auto& [item, count] : votes->items()) {
        if (!text::is_valid_id(item)) {
            v.fail("invalid", item, "an item id must match ^[A-Za-z0-9_-]{1,64}$");
            break;
        }
        out.emplace_back(item, v.integer(item, 0, lim::max_paper_votes));
    }
    if (!v.ok()) {
        r.fail_with(*v.error());
        return std::nullopt;
    }
    return out;
}

nlohmann::json codec::paper_votes::write(const type& votes) const {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [item, n] : votes) j[item] = n;
    return j;
}

}  // namespace jb::model
