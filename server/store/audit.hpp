#pragma once
// Writing the audit trail (AVG accountability): each entry is appended durably to the store and
// written to the log (component "audit"), and counted on /metrics. Call on the store thread.
// Actors are named without secrets: a key by 8 hex digits of its SHA-256, a participant by id
// and display name.

#include "store/store.hpp"

#include <string>

namespace jb::store {

// Appends and logs `entry` (its `at` set to now when 0). A store failure is logged, never
// thrown: the action it records has already happened.
void record_audit(store& s, audit_record entry);

// "key:1a2b3c4d" for a key whose SHA-256 hex is `key_hash`.
std::string key_actor(std::string_view key_hash);
// "participant:<id> <display name>".
std::string participant_actor(const participant_record& p);
// Who `key` is for workshop `workshop_id`: its facilitator key, a (co-)facilitator's token, or
// an unknown key ("key:…" all the same: the prefix tells the admin which one was tried).
std::string actor_for_key(store& s, const std::string& workshop_id, const std::string& key);

}  // namespace jb::store
