#pragma once
// The whole-workshop archive (protocol P-ARC-*): the stored board state and the participants
// (no secrets, no op log) as one JSON document, and the strict reader that turns an uploaded
// archive back into what a new workshop is made of. Pure: no I/O, no store calls.

#include "model/board.hpp"
#include "store/store.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace jb::archive {

inline constexpr std::int64_t format_version = 1;
inline constexpr std::string_view kind = "journeyboard.archive";
// Participants one archive may hold (a day of many rooms stays far below it).
inline constexpr std::size_t max_participants = 10'000;

// A participant as the archive carries it: everything but the token.
struct archived_participant {
    std::string id, display_name, role;  // role: "participant" | "facilitator"
    bool removed = false;
    std::int64_t created_at = 0;
    bool operator==(const archived_participant&) const = default;
};

// The archive document of a workshop: `state` is board.to_json() (the stored form), the
// participants in the order given (the store's: by created_at, then id).
nlohmann::json make_archive(const model::board& board,
                            const std::vector<store::participant_record>& participants,
                            std::int64_t exported_at);

// What a valid archive holds, ready to become a new workshop.
struct contents {
    model::workshop_info workshop;  // as the archive's state has it (id, title, createdAt)
    nlohmann::json state;           // the board state, exactly as it reads back (canonical)
    std::vector<archived_participant> participants;
};

// Reads an archive as strictly as an operation: the envelope (formatVersion 1, kind, exportedAt,
// state, participants and nothing else), the state through board::from_json, the board limits
// and the references between its parts; the state must be in the exact form the server writes.
// A problem comes back as one message that names the field, e.g.
// "archive.state.cards[3].laneId: no lane \"x\" in its journey".
std::variant<contents, std::string> read_archive(const nlohmann::json& doc,
                                                 const model::board_limits& limits = {});

// The state of `c` for a new workshop with id `new_id` (only state.workshop.id changes).
std::string state_for(const contents& c, const std::string& new_id);

}  // namespace jb::archive
