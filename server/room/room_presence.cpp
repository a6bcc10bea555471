// Presence: who is online and what they edit. Ephemeral (never logged), coalesced to one
// message per presence_interval, and droppable under backpressure (P-PRES-1, P-PRES-2).
#include "room/room.hpp"

#include <boost/asio/post.hpp>

#include <set>

namespace jb::room {

void room::do_presence(const connection& conn, protocol::presence_message msg) {
    auto& editing = participants_.at(conn.participant_id).editing;
    if (editing == msg.editing) return;
    editing = std::move(msg.editing);
    mark_presence_dirty();
}

void room::mark_presence_dirty() {
    if (presence_scheduled_ || connections_.empty()) return;
    presence_scheduled_ = true;
    presence_timer_.expires_after(options_.presence_interval);
    presence_timer_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
        self->presence_scheduled_ = false;
        if (!ec) self->send_presence();
    });
}

void room::send_presence() {
    std::set<std::string> online;
    for (const auto& [_, conn] : connections_) online.insert(conn.participant_id);
    std::vector<protocol::presence_entry> entries;
    entries.reserve(participants_.size());
    for (const auto& [id, p] : participants_) {
        bool is_online = online.contains(id);
        entries.push_back({id, p.record.display_name,
                           p.record.role == "facilitator" ? model::role::facilitator
                                                          : model::role::participant,
                           is_online, is_online ? p.editing : std::nullopt});
    }
    auto message = std::make_shared<const std::string>(protocol::encode_presence(entries));
    for (const auto& [client, _] : connections_) client->deliver(message, delivery::droppable);
}

}  // namespace jb::room
