#pragma once
// The join codes of every workshop, in memory (P-HTTP-12): `GET /api/join/{code}` is answered
// from here on the network thread, so a flood of guesses never queues on the store thread ahead
// of commits. Filled from the store at start and kept in step with every creation, import and
// deletion. Thread-safe: network threads, the store thread and the registry all use it.

#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace jb::store {
struct workshop_record;
}

namespace jb::net {

struct join_entry {
    std::string workshop_id, title;
    bool operator==(const join_entry&) const = default;
};

class join_code_index {
public:
    // Replaces the whole index (at start, from store::list_workshops).
    void reset(const std::vector<store::workshop_record>& workshops);
    void add(const std::string& code, join_entry entry);
    void remove_workshop(const std::string& workshop_id);
    // Exact match: normalise a typed code first (util::normalize_join_code).
    std::optional<join_entry> find(const std::string& code) const;
    std::size_t size() const;

private:
    mutable std::mutex mutex_;
    std::unordered_map<std::string, join_entry> by_code_;
    std::unordered_map<std::string, std::string> code_of_;  // workshop id → code
};

}  // namespace jb::net
