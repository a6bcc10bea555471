#pragma once
// The WebSocket messages of protocol.md: strict decoding of what clients send, and encoding of
// what the server sends. Pure functions, no I/O.

#include "model/operation.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace jb::protocol {

// 2: presence as changes after the list in the welcome (P-PRES-3).
// 3: events carry the records they changed (`patch`, P-SYNC-9), acks a board digest (P-SYNC-10).
// 4: events lose `effect` (the patch holds it) and `clientId`; `by` is the participant's number,
//    `clientSeq` only in the sender's own copy (P-SYNC-11).
// 5: a card's add, update and move name only the card in `op` (P-SYNC-12); records leave out
//    fields at their default (P-SYNC-9); presence entries keyed by number, usual values left
//    out; a crowded room lists to participants only those who matter and counts the rest
//    (P-PRES-6, P-PRES-7); each round says whether its viewer votes in it (mayVote, P-VOTE-5).
inline constexpr int version = 5;

// ---- client → server ----
struct hello {
    int protocol_version = 0;
    std::string workshop_id, client_id, display_name;
    std::int64_t last_seq = 0;
    std::optional<std::string> participant_token, facilitator_key, screen_key;
};
struct op_message {
    std::int64_t client_seq = 0;
    model::operation op;
};
struct presence_message {
    std::optional<std::string> editing;  // a card id, or nothing
};
struct ping_message {
    nlohmann::json t;
};
using client_message = std::variant<hello, op_message, presence_message, ping_message>;

// A message that could not be decoded. `client_seq` is set when the message was an `op` whose
// clientSeq could be read, so the error can name it.
struct decode_error {
    std::string code;  // bad_json, bad_message, unknown_type, invalid
    std::string message;
    std::optional<std::int64_t> client_seq;
};

std::variant<client_message, decode_error> decode_client_message(std::string_view text);

// ---- server → client ----
struct you {
    std::string participant_id, participant_token, display_name;
    model::role role = model::role::participant;
    std::int64_t number = 0;  // the participant's number in events' `by` (P-SYNC-11); 0: a screen
};

// A voter's progress in the open round (P-VOTE-7): counts only, never which items.
struct voting_progress {
    std::int64_t used = 0;
    bool done = false;
    bool operator==(const voting_progress&) const = default;
};

struct presence_entry {
    std::string participant_id, display_name;
    model::role role = model::role::participant;
    bool online = false;
    std::optional<std::string> editing;
    std::optional<voting_progress> voting;
    std::int64_t number = 0;  // what events' `by` says for this participant (P-SYNC-11)
    bool operator==(const presence_entry&) const = default;
};

// The body of an `event` as the room keeps it: seq, at, by (the participant's id), op. An empty
// `by` is an operation the server made itself: the body has no by. What a connection gets
// differs (P-SYNC-11): `by` becomes the participant's number, and the sender's own copy alone
// carries its `clientSeq` (room::event_for).
nlohmann::json event_body(std::int64_t seq, std::int64_t at, const std::string& by,
                          const nlohmann::json& op);

// The operation as an event names it (P-SYNC-12): where the event's patch holds everything the
// operation says (a card's add, update and move: the card), only its kind and card id; any
// other operation as it is.
nlohmann::json event_op(const nlohmann::json& op);

// `history` is either a snapshot (board state document) or a list of event bodies.
struct welcome {
    std::string workshop_id;
    you who;
    std::int64_t seq = 0, last_client_seq = 0;
    std::size_t max_message_bytes = 0, max_card_text = 2000;
    std::optional<std::string> join_code;   // only for facilitators: the code they share
    std::optional<std::string> screen_key;  // only for facilitators: the big screen's key
    std::int64_t server_time = 0;           // server clock when sent (P-FAC-2)
    std::optional<nlohmann::json> snapshot;
    // The snapshot already serialised (shared by several joins); used instead of `snapshot`.
    std::shared_ptr<const std::string> snapshot_text;
    std::vector<nlohmann::json> events;  // used when there is no snapshot
    std::string digest;  // with events: model::board_digest at seq (P-SYNC-10), or empty
    // The presence list as this viewer's form holds it (protocol/presence.hpp), serialised.
    std::shared_ptr<const std::string> presence_text;
};

std::string encode_welcome(const welcome& w);
std::string encode_event(const nlohmann::json& body);  // {"type":"event", ...body}
// `digest`: model::board_digest of the sender's board at `seq` (P-SYNC-10), when sent.
std::string encode_ack(std::int64_t client_seq, std::int64_t seq, bool duplicate,
                       const std::string& digest = "");
std::string encode_error(std::string_view code, std::string_view message,
                         std::optional<std::int64_t> client_seq = std::nullopt);
std::string encode_pong(const nlohmann::json& t);

// Close codes of protocol.md.
namespace close_code {
inline constexpr std::uint16_t going_away = 1001;
inline constexpr std::uint16_t too_big = 1009;
inline constexpr std::uint16_t internal_error = 1011;
inline constexpr std::uint16_t try_again_later = 1013;  // P-JOIN-7: the store is not reachable now
inline constexpr std::uint16_t protocol_version = 4000;
inline constexpr std::uint16_t forbidden = 4003;
inline constexpr std::uint16_t not_found = 4004;
inline constexpr std::uint16_t too_slow = 4008;
inline constexpr std::uint16_t moved = 4010;  // P-WS-12: another node serves it now; reconnect
inline constexpr std::uint16_t rate_limited = 4029;
}  // namespace close_code

}  // namespace jb::protocol
