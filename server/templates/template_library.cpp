#include "templates/template_library.hpp"

#include "model/text_rules.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace jb::templates {

namespace fs = std::filesystem;

template_library template_library::load(const std::string& folder, const model::board_limits& limits) {
    template_library lib;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder))  // throws if the folder is missing
        if (entry.is_regular_file() && entry.path().extension() == ".json")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());

    std::vector<std::pair<std::string, nlohmann::json>> entries;
    for (const auto& path : files) {
        const std::string id = path.stem().string();
        const std::string name = path.filename().string();
        if (!model::text::is_valid_id(id))
            throw std::runtime_error("template " + name + ": the file name must be an id (" +
                                     "letters, digits, - and _) followed by .json");
        std::ifstream in(path, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        const auto doc = nlohmann::json::parse(text.str(), nullptr, false);
        if (doc.is_discarded()) throw std::runtime_error("template " + name + ": not valid JSON");
        auto parsed = parse_template(doc, limits);
        if (auto* problem = std::get_if<std::string>(&parsed))
            throw std::runtime_error("template " + name + ": " + *problem);
        auto& t = std::get<journey_template>(parsed);
        auto listed = to_json(t);
        listed["id"] = id;
        entries.emplace_back(t.title, std::move(listed));
        lib.templates_.emplace(id, std::move(t));
    }
    std::stable_sort(entries.begin(), entries.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [_, doc] : entries) lib.listing_["templates"].push_back(std::move(doc));
    return lib;
}

const journey_template* template_library::find(const std::string& id) const {
    const auto it = templates_.find(id);
    return it == templates_.end() ? nullptr : &it->second;
}

}  // namespace jb::templates
