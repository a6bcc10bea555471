#include "net/join_codes.hpp"

#include "store/store.hpp"

namespace jb::net {

void join_code_index::reset(const std::vector<store::workshop_record>& workshops)
{
    std::lock_guard lock(mutex_);
    by_code_.clear();
    code_of_.clear();
    for (const auto& w : workshops) {
        by_code_[w.join_code] = join_entry{w.id, w.title};
        code_of_[w.id] = w.join_code;
    }
}

void join_code_index::add(const std::string& code, join_entry entry)
{
    std::lock_guard lock(mutex_);
    code_of_[entry.workshop_id] = code;
    by_code_[code] = std::move(entry);
}

void join_code_index::remove_workshop(const std::string& workshop_id)
{
    std::lock_guard lock(mutex_);
    const auto it = code_of_.find(workshop_id);
    if (it == code_of_.end())
        return;
    by_code_.erase(it->second);
    code_of_.erase(it);
}

std::optional<join_entry> join_code_index::find(const std::string& code) const
{
    std::lock_guard lock(mutex_);
    const auto it = by_code_.find(code);
    if (it == by_code_.end())
        return std::nullopt;
    return it->second;
}

std::size_t join_code_index::size() const
{
    std::lock_guard lock(mutex_);
    return by_code_.size();
}

}  // namespace jb::net
