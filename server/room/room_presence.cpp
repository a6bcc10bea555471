// Presence: who is online and what they edit. Ephemeral (never logged), coalesced to one
// message per presence_interval, and droppable under backpressure (P-PRES-1, P-PRES-2).
#include "room/room.hpp"

#include <boost/asio/post.hpp>

#include <set>

namespace jb::room {

void room::do_presence(const connection& conn, protocol::presence_message msg) {
    if (conn.screen) return;  // a screen edits nothing and is not in the list
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

// P-VOTE-7: during an open round, each voter's used votes and whether they are done; never
// which items.
void room::send_presence() {
    std::set<std::string> online;
    for (const auto& [_, conn] : connections_) online.insert(conn.participant_id);
    const model::voting_round* round = board_.state().open_round();
    std::vector<protocol::presence_entry> entries;
    entries.reserve(participants_.size());
    for (const auto& [id, p] : participants_) {
        if (p.record.removed) continue;
        const bool facilitator = p.record.role == "facilitator";
        const bool is_online = online.contains(id);
        entries.push_back({id, p.record.display_name,
                           facilitator ? model::role::facilitator : model::role::participant,
                           is_online, is_online ? p.editing : std::nullopt,
                           round ? voting_progress_of(*round, id, p, is_online) : std::nullopt});
    }
    auto message = std::make_shared<const std::string>(protocol::encode_presence(entries));
    for (const auto& [client, _] : connections_)
        if (!joining_.contains(client)) client->deliver(message, delivery::droppable);  // welcome first
}

// A voter of the round counts in its progress while online, and also offline once they held a
// ballot in it (were online while it was open, voted, or said done): a phone that lost the
// network may hold queued votes, and the facilitator must not think everyone is done. Someone
// who left before the round opened and never came back does not count.
std::optional<protocol::voting_progress> room::voting_progress_of(const model::voting_round& round,
                                                                  const std::string& id,
                                                                  const participant& p, bool online) {
    if (p.record.role == "facilitator" && !round.facilitator_votes) return std::nullopt;
    if (ballot_holders_.first != round.id) ballot_holders_ = {round.id, {}};
    const auto used = round.used_by(id);
    const bool said_done = round.done.contains(id);
    if (online || used > 0 || said_done) ballot_holders_.second.insert(id);
    if (!ballot_holders_.second.contains(id)) return std::nullopt;
    return protocol::voting_progress{used, said_done || used >= round.budget};
}

}  // namespace jb::room
