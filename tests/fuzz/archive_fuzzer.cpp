// The archive reader (archive::read_archive, what POST /api/workshops/import goes through):
// never a crash or an exception; an accepted archive's state is already in the exact stored
// form (from_json then to_json gives it back), and the archive made again from what was read
// reads back to the same contents.
#include "archive/archive.hpp"

#include "fuzz_check.hpp"

#include <variant>

using namespace jb;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto doc = fuzz::parse(data, size);
    if (doc.is_discarded()) return 0;
    auto read = archive::read_archive(doc);
    auto* c = std::get_if<archive::contents>(&read);
    if (!c) return 0;

    const auto b = model::board::from_json(c->state);
    fuzz::require(b.to_json() == c->state, "an accepted archive's state is in the exact stored form");

    std::vector<store::participant_record> records;
    for (const auto& p : c->participants)
        records.push_back({c->workshop.id, p.id, "", p.display_name, p.role, p.created_at, p.removed});
    auto again = archive::read_archive(archive::make_archive(b, records, 1));
    auto* back = std::get_if<archive::contents>(&again);
    fuzz::require(back != nullptr, "an archive made from an accepted one reads back");
    fuzz::require(back->state == c->state && back->participants == c->participants,
                  "an archive round-trips");
    return 0;
}
