#pragma once
// The shipped journey templates, read once at start-up from a folder of `<id>.json` files
// (templates/ in the repository). Immutable after loading, so every thread may read it.

#include "templates/journey_template.hpp"

#include <map>
#include <string>

namespace jb::templates {

/// The templates a workshop can be created from, by id (the file name without `.json`).
class template_library {
public:
    template_library() = default;
    // Reads every `*.json` in `folder`. Throws std::runtime_error naming the file and the
    // problem (not JSON, a field that breaks the schema, a file name that is not a valid id),
    // so that a broken template stops the server at start instead of failing a facilitator.
    static template_library load(const std::string& folder, const model::board_limits& limits = {});

    const journey_template* find(const std::string& id) const;
    // {"templates": [{"id", ...the template document}]}, sorted by title (GET /api/templates).
    const nlohmann::json& listing() const { return listing_; }
    std::size_t size() const { return templates_.size(); }

private:
    std::map<std::string, journey_template> templates_;
    nlohmann::json listing_ = nlohmann::json{{"templates", nlohmann::json::array()}};
};

}  // namespace jb::templates
