// Presence: who is online and what they edit. Ephemeral (never logged), coalesced to one
// message per presence_interval, and sent as changes to the list each connection holds
// (P-PRES-1 … P-PRES-5).
#include "room/room.hpp"

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

std::size_t room::presence_form_of(const connection& conn) const {
    return role_of(conn) == model::role::facilitator ? presence_for_facilitators : presence_for_everyone;
}

shared_text room::presence_list_text(std::size_t form) {
    auto& text = presence_list_texts_.at(form);
    if (!text) text = share(protocol::encode_presence_list(presence_sent_.at(form)));
    return text;
}

// P-VOTE-7: during an open round, each voter's used votes and whether they are done; never
// which items. P-PRES-5: offline participants are listed to facilitators only, except the
// offline ballot holders of an open round, whom everyone's voting progress counts. P-PRES-6: in a
// crowded room everyone else's list holds only the online facilitators and those editing a card,
// and counts the rest (online, offline, and the voters among them).
std::array<protocol::presence_view, 2> room::presence_now() {
    std::set<std::string> online;
    for (const auto& [_, conn] : connections_) online.insert(conn.participant_id);
    const model::voting_round* round = board_.state().open_round();
    std::array<protocol::presence_view, 2> views;
    for (const auto& [id, p] : participants_) {
        if (p.record.removed) continue;
        const bool is_online = online.contains(id);
        protocol::presence_entry entry{id, p.record.display_name, p.role(), is_online,
                                       is_online ? p.editing : std::nullopt,
                                       round ? voting_progress_of(*round, id, p, is_online) : std::nullopt,
                                       p.number};
        views[presence_for_facilitators].entries.emplace(p.number, std::move(entry));
    }
    auto& everyone = views[presence_for_everyone];
    std::size_t listed = 0;
    for (const auto& [_, entry] : views[presence_for_facilitators].entries)
        listed += entry.online || entry.voting ? 1 : 0;
    const bool crowded = crowded_now(listed);
    for (const auto& [number, entry] : views[presence_for_facilitators].entries) {
        const bool listed_uncrowded = entry.online || entry.voting.has_value();
        const bool matters = entry.online && (entry.role == model::role::facilitator || entry.editing);
        if (crowded ? matters : listed_uncrowded) {
            everyone.entries.emplace(number, entry);
            continue;
        }
        ++(entry.online ? everyone.online : everyone.offline);
        if (entry.voting) {
            ++everyone.voters.count;
            everyone.voters.done += entry.voting->done ? 1 : 0;
        }
    }
    return views;
}

// Crowded above presence_list_max listed; uncrowded again only at three quarters of it, so that a
// room at the limit does not swap the whole list for counts and back with each join and leave.
bool room::crowded_now(std::size_t listed) {
    const auto max = options_.presence_list_max;
    if (!presence_crowded_ && listed > max) presence_crowded_ = true;
    if (presence_crowded_ && listed <= max - max / 4) presence_crowded_ = false;
    return presence_crowded_;
}

std::optional<protocol::presence_entry> room::presence_you_of(
    const connection& conn, const std::array<protocol::presence_view, 2>& now) const {
    if (conn.screen || presence_form_of(conn) != presence_for_everyone) return std::nullopt;
    const auto number = participants_.at(conn.participant_id).number;
    if (now[presence_for_everyone].entries.contains(number)) return std::nullopt;
    const auto& all = now[presence_for_facilitators].entries;
    const auto it = all.find(number);
    if (it == all.end()) return std::nullopt;  // removed: its connections are being closed
    return it->second;
}

// Each connection gets what changed in its form since the last message (serialised once per
// form), or the whole list of its form if its role moved it to another one; and, where a crowded
// room's list leaves it out, its own entry when that changed (P-PRES-7).
void room::send_presence() {
    auto now = presence_now();
    std::array<shared_text, 2> changes, resets;
    for (std::size_t form = 0; form < now.size(); ++form)
        if (auto text = protocol::encode_presence_change(presence_sent_[form], now[form]))
            changes[form] = share(std::move(*text));
    for (auto& [client, conn] : connections_) {
        if (!conn.presence_form || joining_.contains(client)) continue;  // the welcome comes first
        const auto form = presence_form_of(conn);
        shared_text message = changes[form];
        if (*conn.presence_form != form) {
            if (!resets[form]) resets[form] = share(protocol::encode_presence_reset(now[form]));
            message = resets[form];
            conn.presence_form = form;
            conn.presence_you.reset();  // a whole list replaces what it held
        }
        auto you = presence_you_of(conn, now);
        if (you && you != conn.presence_you) message = share(protocol::encode_presence_with_you(message.get(), *you));
        conn.presence_you = std::move(you);
        // Each change builds on the one before, so it must arrive (P-PRES-3).
        if (message) client->deliver(message, delivery::must_arrive);
    }
    for (std::size_t form = 0; form < now.size(); ++form) {
        if (presence_sent_[form] == now[form]) continue;
        presence_sent_[form] = std::move(now[form]);
        presence_list_texts_[form].reset();
    }
}

// A voter of the round counts in its progress while online, and also offline once they held a
// ballot in it (were online while it was open, voted, or said done): a phone that lost the
// network may hold queued votes, and the facilitator must not think everyone is done. Someone
// who left before the round opened and never came back does not count.
std::optional<protocol::voting_progress> room::voting_progress_of(const model::voting_round& round,
                                                                  const std::string& id,
                                                                  const participant& p, bool online) {
    if (!model::votes_in_round(p.role(), round.facilitator_votes)) return std::nullopt;
    if (ballot_holders_.first != round.id) ballot_holders_ = {round.id, {}};
    const auto used = round.used_by(id);
    const bool said_done = round.done.contains(id);
    if (online || used > 0 || said_done) ballot_holders_.second.insert(id);
    if (!ballot_holders_.second.contains(id)) return std::nullopt;
    return protocol::voting_progress{used, said_done || used >= round.budget};
}

}  // namespace jb::room
