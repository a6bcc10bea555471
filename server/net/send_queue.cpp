#include "net/send_queue.hpp"

#include <cassert>

namespace jb::net {

send_queue::send_queue(send_queue_limits limits) : limits_(limits) {}

send_queue::push_result send_queue::push(room::shared_text message, room::delivery kind)
{
    const std::size_t size = size_of(message);
    if (kind == room::delivery::droppable) {
        // Replace a queued, not-yet-written droppable message: only the newest list matters.
        for (std::size_t i = writing_; i < entries_.size(); ++i) {
            auto& e = entries_[i];
            if (e.kind != room::delivery::droppable)
                continue;
            const std::size_t old_size = size_of(e.text);
            if (counted() - old_size + size > limits_.max_bytes) {
                // Even the replacement does not fit: keep neither stale nor oversized data.
                bytes_ -= old_size;
                entries_.erase(entries_.begin() + static_cast<std::ptrdiff_t>(i));
                return push_result::dropped;
            }
            bytes_ = bytes_ - old_size + size;
            e.text = std::move(message);
            return push_result::replaced;
        }
        if (!entries_.empty() &&
            (counted() > limits_.max_bytes / 2 || entries_.size() > limits_.max_messages / 2 ||
             counted() + size > limits_.max_bytes || entries_.size() + 1 > limits_.max_messages))
            return push_result::dropped;
    } else if (kind == room::delivery::welcome) {
        if (entries_.size() + 1 > limits_.max_messages)
            return push_result::overflow;
        welcome_bytes_ += size;
    } else if (!entries_.empty() &&
               (counted() + size > limits_.max_bytes || entries_.size() + 1 > limits_.max_messages)) {
        return push_result::overflow;
    }
    bytes_ += size;
    entries_.push_back(entry{std::move(message), kind});
    return push_result::queued;
}

void send_queue::forget(const entry& e)
{
    bytes_ -= size_of(e.text);
    if (e.kind == room::delivery::welcome)
        welcome_bytes_ -= size_of(e.text);
}

std::size_t send_queue::start_batch(std::size_t max_messages, std::size_t max_bytes)
{
    assert(!entries_.empty() && !writing_);
    std::size_t bytes = size_of(entries_.front().text);
    writing_ = 1;
    while (writing_ < entries_.size() && writing_ < max_messages) {
        const std::size_t next = size_of(entries_[writing_].text);
        if (bytes + next > max_bytes) break;
        bytes += next;
        ++writing_;
    }
    return writing_;
}

const room::shared_text& send_queue::start_front()
{
    start_batch(1, 0);
    return at(0);
}

void send_queue::pop_written()
{
    assert(writing_ && entries_.size() >= writing_);
    for (; writing_ > 0; --writing_) {
        forget(entries_.front());
        entries_.pop_front();
    }
}

void send_queue::clear_pending()
{
    const std::size_t keep = writing_;
    while (entries_.size() > keep) {
        forget(entries_.back());
        entries_.pop_back();
    }
}

}  // namespace jb::net
