// The journey-template reader (templates::parse_template, what a template upload and the
// template folder go through): never a crash or an exception; an accepted template writes back
// to a document that reads back to the same template, and the board made from it stores and
// loads back exactly.
#include "templates/journey_template.hpp"

#include "fuzz_check.hpp"

#include <string>
#include <variant>

using namespace jb;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto doc = fuzz::parse(data, size);
    if (doc.is_discarded()) return 0;
    auto read = templates::parse_template(doc);
    auto* t = std::get_if<templates::journey_template>(&read);
    if (!t) return 0;

    const auto written = templates::to_json(*t);
    auto again = templates::parse_template(written);
    auto* back = std::get_if<templates::journey_template>(&again);
    fuzz::require(back != nullptr, "a template's own document reads back");
    fuzz::require(templates::to_json(*back) == written, "a template round-trips through its document");

    int n = 0;
    auto b = templates::make_board(*t, model::workshop_info{"w1", t->title, 1000},
                                   [&] { return "id" + std::to_string(n++); });
    const auto stored = b.to_json();
    fuzz::require(model::board::from_json(stored).to_json() == stored,
                  "a template's board stores and loads back exactly");
    return 0;
}
