#include "store/audit.hpp"

#include "util/clock.hpp"
#include "util/log.hpp"
#include "util/metrics.hpp"
#include "util/secrets.hpp"


namespace jb::store {

void record_audit(store& s, audit_record entry)
{
    if (entry.at == 0)
        entry.at = util::now_ms();
    try {
        s.append_audit(entry);
    } catch (const std::exception& e) {
        log::error("audit", "cannot write the audit trail", {{"action", entry.action}, {"workshop", entry.workshop_id},
                                                             {"error", e.what()}});
    }
    metrics::get().audit_events.add(entry.action);
    log::info("audit", entry.action, {{"workshop", entry.workshop_id}, {"actor", entry.actor},
                                      {"outcome", entry.outcome}, {"detail", entry.detail}});
}

std::string key_actor(std::string_view key_hash)
{
    return "key:" + std::string(key_hash.substr(0, 8));
}

std::string participant_actor(const participant_record& p)
{
    return "participant:" + p.id + " " + p.display_name;
}

std::string actor_for_key(store& s, const std::string& workshop_id, const std::string& key)
{
    const auto hash = util::sha256_hex(key);
    if (const auto w = s.find_workshop(workshop_id); w && w->facilitator_key_hash == hash)
        return key_actor(hash);
    if (const auto p = s.find_participant_by_token(workshop_id, hash))
        return participant_actor(*p);
    return key_actor(hash);
}

}  // namespace jb::store
