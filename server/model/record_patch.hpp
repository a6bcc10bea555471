#pragma once
// Events carry results (protocol.md P-SYNC-9): the records an operation changed, kept in the
// stored form with the event, and rendered into the patch each viewer gets (the same per-record
// views as its snapshot). A client applies a patch by record type and id, with no rules.

#include "model/visibility.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace jb::model {

class board;

// The records of the board state document one operation changed, in the stored form.
struct record_changes {
    // Section → the changed singleton (workshop, facilitation, improvements, improvementList,
    // methodFigures, evaluation) or the array of upserted records of a collection (journeys, cards, ...).
    nlohmann::json upserts = nlohmann::json::object();
    // Collection → ids of records that are gone (a score's id is "<scale>:<targetId>").
    std::map<std::string, std::vector<std::string>> removed;
    // Upserted cards whose author others may not see (P-FAC-9), decided when the event was made.
    std::set<std::string> anonymous_cards;

    bool empty() const { return upserts.empty() && removed.empty(); }
};

// The record-level difference of two stored documents (board::to_json before and after).
record_changes diff_documents(const nlohmann::json& before, const nlohmann::json& after);

// The id a record of `collection` has in patches, digests and `removed`.
std::string record_id(const std::string& collection, const nlohmann::json& record);

// The patch viewer `v` gets: each changed record in the form its snapshot would show it, a
// record it may not see as removed. `sees_event`: false for a viewer who gets the event as
// hidden, who then gets only the singletons (counts everyone may know). Null when empty.
nlohmann::json patch_for(const record_changes& c, const viewer& v, bool sees_event);
// Viewers with the same key get the same patch_for().
std::string patch_key(const record_changes& c, const viewer& v, bool sees_event);
// Whether every viewer who sees the event gets the same patch_for() (no record in a per-viewer
// form: no private or anonymous card, round, score or evaluation), so that a broadcast need not
// ask patch_key per viewer.
bool patch_same_for_everyone(const record_changes& c);

// The per-viewer view of the stored sections present in `doc` (cards, rounds, scores,
// evaluation), in place: what board::view_for and patch_for share.
void view_sections(nlohmann::json& doc, const viewer& v, const std::set<std::string>& anonymous_cards);

// A cheap check that a client holds the board the server sees (P-SYNC-10): the sum (mod 2^32,
// 8 hex digits) of the FNV-1a hash of one line per record, "<section> <canonical JSON>" for a
// singleton, "<section> <id> <canonical JSON>" for a record of a collection. A sum, so that a
// record's share can be kept and replaced on its own (model::digest_cache).
std::string board_digest(const nlohmann::json& view);
// The sum of the lines of the sections present in `view`, and one line's share.
std::uint32_t digest_sum(const nlohmann::json& view);
std::uint32_t digest_line(const std::string& section, const std::string& id, const nlohmann::json& record);
std::string digest_hex(std::uint32_t sum);

}  // namespace jb::model
