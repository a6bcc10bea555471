#pragma once
// What a room needs of one connection. net::websocket_session implements it; tests use a fake
// that records what it got. Every call may come from any thread: implementations post to
// their own strand.

#include <boost/container/small_vector.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace jb::room {

// A serialised message, shared by every recipient of a broadcast (serialised once).
using shared_text = std::shared_ptr<const std::string>;

inline shared_text share(std::string text) {
    return std::make_shared<const std::string>(std::move(text));
}

// A droppable message may be dropped under backpressure when a newer one replaces it; the room
// sends none today (presence changes build on each other, P-PRES-3). Everything else must
// arrive or the connection is closed (protocol P-WS-5). The welcome must arrive too, but its size does not count against
// the queue's byte bound: a joiner reading the largest board slowly still has the whole bound
// for the events that follow it.
enum class delivery { must_arrive, droppable, welcome };

// One message of a batch handed to a connection at once.
struct outgoing {
    shared_text text;
    delivery kind = delivery::must_arrive;
};
// Most batches hold one or two messages (an event; an event and its ack): kept inline, a
// batch costs no allocation of its own on the way to each connection.
using outgoing_batch = boost::container::small_vector<outgoing, 2>;

class room_client {
public:
    virtual ~room_client() = default;
    virtual void deliver(shared_text message, delivery kind) = 0;
    // Several messages, in order, as one hand-off: what a room has for this connection from one
    // commit group (its events, acks, a welcome), queued together and written together.
    virtual void deliver_batch(outgoing_batch messages) {
        for (auto& m : messages) deliver(std::move(m.text), m.kind);
    }
    // Sends a close frame after what is queued, then closes.
    virtual void close(std::uint16_t code, std::string reason) = 0;
};

}  // namespace jb::room
