#pragma once
// The client messages the load generator sends (docs/protocol.md), and what it needs to know
// about a board to make valid card operations.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace jb::bench {

// The cells cards can go in: the first journey of a snapshot, its phases and its lanes.
struct board_layout {
    std::string journey_id;
    std::vector<std::string> phase_ids, lane_ids;
};

// Fields of a received message, without exceptions: "" or `fallback` when absent or of
// another type.
std::string string_field(const nlohmann::json& message, const char* key);
std::int64_t int_field(const nlohmann::json& message, const char* key, std::int64_t fallback);

// Reads the layout from a `welcome` snapshot; nothing if the snapshot has no journey with at
// least one phase and one lane.
std::optional<board_layout> layout_of(const nlohmann::json& welcome);

// The protocolVersion hello sends (--protocol-version): the server's own (5) by default; an
// older one to measure an older server (4: card operations whole in events, presence keyed by
// participant id and every online participant listed to everyone, 3: events named their
// sender's clientId, 2: without patches, 1: whole presence lists), whose messages the load
// generator reads alike (it reads an event's seq and clientSeq, never its op or patch).
inline int hello_protocol_version = 5;

std::string hello_message(const std::string& workshop_id, const std::string& client_id,
                          const std::string& display_name);

std::string card_add_message(std::int64_t client_seq, const std::string& card_id,
                             const board_layout& layout, std::size_t phase, std::size_t lane,
                             const std::string& text, const std::string& order_key);

std::string card_move_message(std::int64_t client_seq, const std::string& card_id,
                              const board_layout& layout, std::size_t phase, std::size_t lane,
                              const std::string& order_key);

// The n-th key of an ascending sequence ("b" + two base-62 digits: 3,844 keys).
std::string sequential_order_key(std::size_t n);
// A valid key somewhere in the "a" range, with a random fractional part, for moves.
std::string random_order_key(std::mt19937_64& rng);
// Card text of realistic length (60–140 characters), in the workshop's language.
std::string card_text(std::mt19937_64& rng, std::size_t n);

}  // namespace jb::bench
