#pragma once
// The outgoing queue of one WebSocket connection, bounded in bytes and in messages (protocol
// P-WS-5). Pure bookkeeping, no I/O: websocket_session writes the messages start_batch() marks,
// one batch at a time. Every message counts against the bounds, however it arrived (one by one
// or in a room's batch).
//
// Rules (uWebSockets' contract: SUCCESS / DROPPED / BACKPRESSURE):
// - A message that must arrive is queued unless the queue would then exceed a bound: then the
//   answer is `overflow` and the session closes the connection (4008), since dropping it would
//   leave the client with a gap. A single message is accepted into an empty queue whatever its
//   size, so one large snapshot never closes a healthy client.
// - A droppable message (a whole list, where only the newest matters; presence was one before it
//   became changes, P-PRES-3) is at most once in
//   the queue: a newer one replaces an older one that is not being written yet. It is dropped
//   when the queue already holds more than half the byte or message bound, and never causes an
//   overflow.
// - The welcome (delivery::welcome) must arrive but does not count against the byte bound (it
//   is sent once per connection and may be larger than the bound): the events queued behind it
//   have the whole bound (P-WS-5, the largest board joined by a slow reader).

#include "room/room_client.hpp"

#include <cstddef>
#include <deque>

namespace jb::net {

struct send_queue_limits {
    std::size_t max_bytes = 8 * 1024 * 1024;
    std::size_t max_messages = 4096;
};

class send_queue {
public:
    enum class push_result { queued, replaced, dropped, overflow };

    explicit send_queue(send_queue_limits limits = {});

    push_result push(room::shared_text message, room::delivery kind);

    bool empty() const { return entries_.empty(); }
    std::size_t size() const { return entries_.size(); }
    std::size_t bytes() const { return bytes_; }
    // Whether messages are being written (set by start_batch, cleared by pop_written).
    bool writing() const { return writing_ > 0; }

    // Marks the next messages as being written, so they are neither replaced nor cleared until
    // pop_written(): at least one, then more while they stay within `max_messages` and
    // `max_bytes` together. Returns how many; they are at(0) … at(n - 1).
    // Precondition: !empty() && !writing().
    std::size_t start_batch(std::size_t max_messages, std::size_t max_bytes);
    const room::shared_text& at(std::size_t i) const { return entries_[i].text; }
    // The messages start_batch() marked have been written. Precondition: writing().
    void pop_written();
    // One message at a time: start_batch(1, 0) and at(0).
    const room::shared_text& start_front();
    void pop_front() { pop_written(); }
    // Forgets everything not being written (the connection is closing).
    void clear_pending();

private:
    struct entry {
        room::shared_text text;
        room::delivery kind;
    };
    static std::size_t size_of(const room::shared_text& t) { return t ? t->size() : 0; }
    // The bytes that count against the bound: all but the welcome's.
    std::size_t counted() const { return bytes_ - welcome_bytes_; }
    void forget(const entry& e);

    send_queue_limits limits_;
    std::deque<entry> entries_;
    std::size_t bytes_ = 0;
    std::size_t welcome_bytes_ = 0;
    std::size_t writing_ = 0;  // the first writing_ entries are being written
};

}  // namespace jb::net
