#include "room/room.hpp"
#include "util/log.hpp"
#include "util/metrics.hpp"

#include "room/durable_board.hpp"
#include "room/join_code_lifetime.hpp"
#include "util/clock.hpp"
#include "util/fault_injection.hpp"
#include "util/secrets.hpp"

#include <boost/asio/post.hpp>

#include <utility>

namespace jb::room {

namespace asio = boost::asio;
using nlohmann::json;

room::room(asio::io_context& ioc, store::store_worker& worker, store::loaded_workshop loaded,
           room_options options, std::optional<store::lease_fence> lease)
    : strand_(asio::make_strand(ioc)),
      worker_(worker),
      options_(options),
      id_(loaded.workshop.id),
      lease_(std::move(lease)),
      workshop_(std::move(loaded.workshop)),
      board_(model::board::from_json(json::parse(loaded.snapshot.state_json), options.limits)),
      seq_(loaded.snapshot.seq),
      last_snapshot_seq_(loaded.snapshot.seq),
      client_seqs_(std::move(loaded.client_seqs)),
      presence_timer_(strand_),
      round_timer_(strand_),
      idle_timer_(strand_) {
    // Replay what was logged after the snapshot. These ops were checked when they were
    // accepted; replaying them through apply() rebuilds exactly the state clients saw, as long
    // as none is missing.
    check_log_follows_snapshot(loaded);
    const auto replayed = loaded.ops_after.size();
    for (std::size_t i = 0; i < replayed; ++i) {
        const auto& logged = loaded.ops_after[i];
        auto op_doc = json::parse(logged.op_json);
        auto decoded = model::decode_operation(op_doc, true);
        if (auto* err = std::get_if<model::op_error>(&decoded))
            throw std::invalid_argument("workshop " + id_ + " op " + std::to_string(logged.seq) +
                                        " cannot be replayed: " + err->message);
        // The role does not matter to apply(): what depended on it is in the logged op.
        // Only the events a delta welcome may still send need their changed records.
        const bool kept = replayed - i <= options_.replay_window;
        auto done = board_.apply(std::get<model::operation>(decoded),
                                 model::op_context{logged.by, model::role::facilitator, logged.at}, kept);
        seq_ = logged.seq;
        recent_.push_back(logged_event{protocol::event_body(logged.seq, logged.at, logged.by, op_doc),
                                       std::move(done.visibility), {}, std::move(done.changes),
                                       logged.client_id, logged.client_seq});
        if (recent_.size() > options_.replay_window) recent_.pop_front();
    }
    committed_seq_ = seq_;
    digests_.emplace(board_);
    last_activity_ = last_activity_of(loaded);
    for (auto& p : loaded.participants) {
        token_to_participant_[p.token_hash] = p.id;
        auto id = p.id;
        participants_.emplace(std::move(id), participant{std::move(p), std::nullopt});
    }
    number_participants();
    metrics::get().rooms.add(1);  // last: a constructor that threw made no room
}

void room::join(std::shared_ptr<room_client> client, protocol::hello hello) {
    asio::post(strand_, [self = shared_from_this(), client = std::move(client),
                         hello = std::move(hello)]() mutable {
        // A bug while joining fails this join alone (docs/security.md).
        try {
            self->do_join(client, std::move(hello));
        } catch (const std::exception& e) {
            log::error("room", "a join failed", {{"workshop", self->id_}, {"error", e.what()}});
            self->joining_.erase(client);
            self->connections_.erase(client);
            self->send(client, share(protocol::encode_error("internal", "the server could not join you")));
            self->close_client(client, protocol::close_code::going_away, "join failed; reconnect");
        }
    });
}

void room::receive(std::shared_ptr<room_client> client, protocol::client_message message) {
    asio::post(strand_, [self = shared_from_this(), client = std::move(client),
                         message = std::move(message)]() mutable {
        if (auto joining = self->joining_.find(client); joining != self->joining_.end())
            joining->second.push_back(std::move(message));
        else
            self->dispatch(client, std::move(message));
    });
}

void room::dispatch(const std::shared_ptr<room_client>& client, protocol::client_message message) {
    auto it = connections_.find(client);
    if (it == connections_.end() || broken_) return;  // not (or no longer) joined
    if (auto* op = std::get_if<protocol::op_message>(&message)) {
        const auto client_seq = op->client_seq;
        // The boundary for bugs (docs/security.md). A throw before the op was applied changed
        // nothing: that op alone fails. One after it was applied leaves memory in doubt: the
        // room fails and the next join reloads it from the store. Either way the sender is
        // told, so that it drops the op instead of resending it into the same bug.
        try {
            do_op(client, it->second, std::move(*op));
        } catch (const std::exception& e) {
            log::error("room", "an operation failed", {{"workshop", id_}, {"error", e.what()}});
            send(client, share(protocol::encode_error("internal", "the server could not apply this operation",
                                                      client_seq)));
            if (std::exchange(applying_, false)) fail("an operation threw while it was applied");
        }
    } else if (auto* presence = std::get_if<protocol::presence_message>(&message)) {
        do_presence(it->second, std::move(*presence));
    }
}

void room::start() {
    asio::post(strand_, [self = shared_from_this()] {
        self->arm_round_timer();
        self->arm_idle_timer();  // loaded for a join that may never come
    });
}

void room::replace_facilitator_key_hash(std::string hash, std::function<void()> done) {
    asio::post(strand_, [self = shared_from_this(), hash = std::move(hash), done = std::move(done)] {
        self->workshop_.facilitator_key_hash = hash;
        done();
    });
}

void room::leave(std::shared_ptr<room_client> client) {
    asio::post(strand_, [self = shared_from_this(), client = std::move(client)] {
        self->joining_.erase(client);
        auto it = self->connections_.find(client);
        if (it == self->connections_.end()) return;
        auto participant_id = it->second.participant_id;
        const bool screen = it->second.screen;
        self->connections_.erase(it);
        self->count_connections();
        if (self->connections_.empty()) self->arm_idle_timer();
        if (screen) return;  // a screen is not in the presence list
        bool still_online = false;
        for (const auto& [_, conn] : self->connections_)
            still_online = still_online || conn.participant_id == participant_id;
        if (!still_online) self->participants_[participant_id].editing.reset();
        self->mark_presence_dirty();
    });
}

void room::on_broken(std::function<void()> handler) {
    asio::post(strand_, [self = shared_from_this(), handler = std::move(handler)]() mutable {
        self->on_broken_ = std::move(handler);
    });
}

void room::on_idle(std::function<void()> handler) {
    asio::post(strand_, [self = shared_from_this(), handler = std::move(handler)]() mutable {
        self->on_idle_ = std::move(handler);
    });
}

void room::arm_idle_timer() {
    if (options_.idle_unload.count() <= 0 || broken_ || shutdown_code_) return;
    idle_timer_.expires_after(options_.idle_unload);  // cancels a wait already armed
    idle_timer_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
        if (!ec) self->on_idle_timer();
    });
}

void room::on_idle_timer() {
    if (broken_ || shutdown_code_ || !connections_.empty() || !joining_.empty()) return;
    // A running round must still be closed on time by this room, and ops in flight must reach
    // the disk first: look again later.
    if (round_timer_for_ || committed_seq_ != seq_ || !on_idle_) return arm_idle_timer();
    on_idle_();
}

void room::turn_away(const std::shared_ptr<room_client>& client) {
    const auto code = shutdown_code_.value_or(protocol::close_code::going_away);
    if (code == protocol::close_code::not_found)  // deleted: say so, as for any unknown id (P-DEL-2)
        send(client, share(protocol::encode_error("not_found", "no workshop with this id")));
    close_client(client, code, shutdown_reason_);
}

void room::refuse(const std::shared_ptr<room_client>& client, std::string_view code, const char* why) {
    send(client, share(protocol::encode_error(code, why)));
    close_client(client, protocol::close_code::forbidden, why);
}

// P-ROLE-5: a screen has no participant record and is not in the presence list.
void room::join_screen(const std::shared_ptr<room_client>& client, const protocol::hello& hello) {
    if (workshop_.screen_key.empty() || *hello.screen_key != workshop_.screen_key)
        return refuse(client, "forbidden", "wrong screen key");
    connections_[client] = connection{"", hello.client_id, true, 0, std::nullopt};
    count_connections();
    auto anonymous = hello;
    anonymous.participant_token = "";
    send_welcome(client, anonymous);
}

void room::do_join(std::shared_ptr<room_client> client, protocol::hello hello) {
    if (broken_ || shutdown_code_) return turn_away(client);
    if (hello.screen_key) return join_screen(client, hello);
    // Find the participant by token (P-JOIN-5), or make a new one below.
    participant* who = nullptr;
    std::string token;
    if (hello.participant_token) {
        auto found = token_to_participant_.find(util::sha256_hex(*hello.participant_token));
        if (found != token_to_participant_.end()) {
            who = &participants_.at(found->second);
            if (who->record.removed)  // P-ROLE-4
                return refuse(client, "removed", "you were removed from this workshop");
            token = *hello.participant_token;
        }
    }
    bool facilitator = false;
    if (hello.facilitator_key) {
        facilitator = util::sha256_hex(*hello.facilitator_key) == workshop_.facilitator_key_hash;
        // A key replaced meanwhile (P-HTTP-11) does not lock out a facilitator whose own
        // token says who they are: their stored role decides (P-JOIN-4).
        if (!facilitator && !(who && who->record.role == "facilitator"))
            return refuse(client, "forbidden", "wrong facilitator key");
    }
    bool changed = false;
    if (!who && !facilitator && refuse_newcomer(client)) return;
    const bool fresh = !who;  // made by this join: owns nothing on the board yet
    if (!who) {
        token = util::random_token(32);
        // Strictly after everyone the room knows: a reloaded room numbers its participants by
        // created_at (number_participants), and two joins within one millisecond must keep the
        // order they were numbered in live.
        newest_participant_at_ = std::max(util::now_ms(), newest_participant_at_ + 1);
        store::participant_record record{workshop_.id,       util::random_id(),
                                         util::sha256_hex(token), hello.display_name,
                                         facilitator ? "facilitator" : "participant", newest_participant_at_};
        token_to_participant_[record.token_hash] = record.id;
        last_activity_ = std::max(last_activity_, record.created_at);
        auto id = record.id;
        who = &participants_.emplace(id, participant{std::move(record), std::nullopt, ++last_number_})
                   .first->second;
        changed = true;
    }
    if (who->record.display_name != hello.display_name) {  // P-JOIN-6
        who->record.display_name = hello.display_name;
        changed = true;
    }
    if (facilitator && who->record.role != "facilitator") {
        who->record.role = "facilitator";
        changed = true;
    }

    auto welcome = [self = shared_from_this(), client, hello, token, fresh,
                    participant_id = who->record.id] {
        self->connections_[client] = connection{participant_id, hello.client_id, false, 0, std::nullopt};
        self->count_connections();
        // The token goes back in welcome.you; hello carries it in for send_welcome.
        auto with_token = hello;
        with_token.participant_token = token;
        self->send_welcome(client, with_token, fresh);
        self->mark_presence_dirty();
    };
    if (!changed) {
        welcome();
        return;
    }
    // The participant must be durable before its token is handed out, or a crash could
    // forget who they are.
    joining_[client];
    store::write_batch batch;
    batch.participants.push_back(who->record);
    submit(std::move(batch), [self = shared_from_this(), welcome, client](bool ok) {
        asio::post(self->strand_, [self, ok, welcome, client] {
            auto queued = self->joining_.find(client);
            if (queued == self->joining_.end()) return;  // left while joining
            auto messages = std::move(queued->second);
            self->joining_.erase(queued);
            if (!ok) {
                self->send(client, share(protocol::encode_error("internal", "could not save participant")));
                // A fenced write (the lease was lost) means another node serves it now.
                self->close_client(client,
                                   self->lease_ ? protocol::close_code::moved : protocol::close_code::going_away,
                                   "store failure");
                return;
            }
            if (self->broken_ || self->shutdown_code_) return self->turn_away(client);
            welcome();
            // A welcome that waits for in-flight ops keeps the client joining: its messages
            // wait with it, in order.
            if (auto held = self->joining_.find(client); held != self->joining_.end())
                held->second.insert(held->second.begin(), std::make_move_iterator(messages.begin()),
                                    std::make_move_iterator(messages.end()));
            else
                for (auto& message : messages) self->dispatch(client, std::move(message));
        });
    });
}

bool room::refuse_newcomer(const std::shared_ptr<room_client>& client) {
    auto say = [&](std::string_view code, const std::string& message, std::uint16_t close_code,
                   const char* reason) {
        send(client, share(protocol::encode_error(code, message)));
        close_client(client, close_code, reason);
        return true;
    };
    if (!board_.state().facilitation.door_open)  // P-JOIN-10
        return say("closed", "the facilitator has closed this workshop to new participants",
                   protocol::close_code::forbidden, "closed to new participants");
    if (join_code_expired(last_activity_, util::now_ms(), options_.join_code_lifetime))  // P-JOIN-12
        return say("closed",
                   "this join code has expired: nothing happened in this workshop for " +
                       lifetime_text(options_.join_code_lifetime) +
                       "; a facilitator reopens it by changing the board",
                   protocol::close_code::forbidden, "join code expired");
    if (participants_.size() >= options_.max_participants)  // P-JOIN-8
        return say("limit",
                   "this workshop is full: it has " + std::to_string(participants_.size()) +
                       " participants, the most it may have",
                   protocol::close_code::forbidden, "workshop full");
    // P-JOIN-9: a sliding minute, so a flood of hellos without a token cannot make thousands.
    const auto now = std::chrono::steady_clock::now();
    while (!recent_newcomers_.empty() && now - recent_newcomers_.front() >= std::chrono::minutes(1))
        recent_newcomers_.pop_front();
    if (recent_newcomers_.size() >= options_.new_participants_per_minute)
        return say("rate_limited", "too many new participants in this workshop this minute; try again shortly",
                   protocol::close_code::rate_limited, "too many new participants");
    recent_newcomers_.push_back(now);
    return false;
}

model::role room::role_of(const connection& conn) const {
    if (conn.screen) return model::role::screen;
    const auto it = participants_.find(conn.participant_id);
    return it != participants_.end() ? it->second.role() : model::role::participant;
}

model::viewer room::viewer_of(const connection& conn) const {
    return model::viewer{conn.participant_id, role_of(conn)};
}

void room::send_welcome(const std::shared_ptr<room_client>& client, const protocol::hello& hello,
                        bool fresh) {
    auto& conn = connections_.at(client);
    const auto viewer = viewer_of(conn);
    protocol::welcome w;
    w.workshop_id = workshop_.id;
    if (conn.screen) {
        w.who = protocol::you{"", "", hello.display_name, model::role::screen};
    } else {
        const auto& record = participants_.at(conn.participant_id).record;
        w.who = protocol::you{record.id, hello.participant_token.value_or(""), record.display_name,
                              viewer.who, participants_.at(conn.participant_id).number};
    }
    auto last = client_seqs_.find(hello.client_id);
    w.last_client_seq = last == client_seqs_.end() ? 0 : last->second;
    w.max_message_bytes = options_.max_message_bytes;
    // A facilitator who opens the board elsewhere with only the key still sees the code; the
    // big screen shows it to the room with its QR code (P-ROLE-5).
    if (viewer.who == model::role::facilitator || viewer.who == model::role::screen)
        w.join_code = workshop_.join_code;
    if (viewer.who == model::role::facilitator) w.screen_key = workshop_.screen_key;

    // Delta when every event after lastSeq is still in memory; a new client (lastSeq 0), or one
    // that is too far behind or ahead of the durable log, gets a snapshot (P-SYNC-5).
    std::int64_t first_kept = recent_.empty() ? committed_seq_ + 1 : recent_.front().body["seq"].get<std::int64_t>();
    bool delta = hello.last_seq > 0 && hello.last_seq <= committed_seq_ && hello.last_seq + 1 >= first_kept;
    if (delta) {
        w.seq = committed_seq_;
        for (const auto& event : recent_)
            if (event.body["seq"].get<std::int64_t>() > hello.last_seq)
                w.events.push_back(event_for(event, viewer, hello.client_id));
        // Checks a board the browser kept (P-SYNC-10) when memory is at the welcome's seq.
        if (in_flight_.empty()) w.digest = digests_->digest_for(board_, viewer);
    } else {
        // The board includes ops still in flight to the disk; this connection skips their events.
        w.seq = seq_;
        if (fresh || conn.screen)
            w.snapshot_text = fresh_snapshot(viewer);
        else
            w.snapshot = board_.view_for(viewer);
        conn.skip_through = seq_;
    }
    if (w.seq <= committed_seq_) return deliver_welcome(client, w);
    // P-SYNC-8: the snapshot includes ops not yet durable; it goes out once they are.
    joining_[client];
    held_welcomes_.push_back({client, std::move(w)});
}

void room::deliver_welcome(const std::shared_ptr<room_client>& client, protocol::welcome& w) {
    auto& conn = connections_.at(client);
    const auto form = presence_form_of(conn);
    w.presence_text = presence_list_text(form);
    w.server_time = util::now_ms();  // when it is sent: clients measure their clock skew with it
    conn.presence_form = form;
    send(client, conn, share(protocol::encode_welcome(w)), delivery::welcome);
    // In a crowded room its own entry comes as `you` with the next change (P-PRES-7), and a
    // welcome held for a commit (P-SYNC-8) may have missed the one its join caused.
    if (presence_crowded_ && !conn.screen) mark_presence_dirty();
}

shared_text room::fresh_snapshot(const model::viewer& viewer) {
    // Only the viewer's role shapes what a viewer who owns nothing sees; nothing about the
    // board changes without a new seq.
    auto& cached = fresh_snapshots_[viewer.who];
    if (cached.seq != seq_ || !cached.text) {
        cached.text = share(board_.view_for(viewer).dump(-1, ' ', false,
                                                         nlohmann::json::error_handler_t::replace));
        cached.seq = seq_;
    }
    return cached.text;
}

void room::flush_welcomes() {
    std::erase_if(held_welcomes_, [this](held_welcome& held) {
        if (held.message.seq > committed_seq_) return false;
        auto queued = joining_.find(held.client);
        if (queued == joining_.end()) return true;  // left meanwhile
        auto messages = std::move(queued->second);
        joining_.erase(queued);
        deliver_welcome(held.client, held.message);
        for (auto& message : messages) dispatch(held.client, std::move(message));
        return true;
    });
}

void room::shutdown(std::uint16_t code, std::function<void()> done, std::string reason) {
    asio::post(strand_, [self = shared_from_this(), code, done = std::move(done),
                         reason = std::move(reason)]() mutable {
        self->shutdown_code_ = code;
        self->shutdown_reason_ = std::move(reason);
        self->shutdown_waiters_.push_back(std::move(done));
        self->finish_shutdown_if_drained();
    });
}

void room::finish_shutdown_if_drained() {
    // Wait until every op is durable; a broken room's never will be, and it has already closed
    // everything (fail), so it is done.
    if (!shutdown_code_ || (!broken_ && committed_seq_ != seq_)) return;
    flush_outbox();  // what the last group had for them goes out before the close
    for (const auto& [client, _] : connections_) client->close(*shutdown_code_, shutdown_reason_);
    connections_.clear();
    count_connections();
    presence_timer_.cancel();
    round_timer_.cancel();
    idle_timer_.cancel();
    auto waiters = std::move(shutdown_waiters_);
    shutdown_waiters_.clear();
    for (auto& done : waiters) done();
}

room::~room() {
    metrics::get().rooms.add(-1);
    metrics::get().participants_online.add(-static_cast<std::int64_t>(counted_connections_));
}

void room::count_connections() {
    metrics::get().participants_online.add(static_cast<std::int64_t>(connections_.size()) -
                                           static_cast<std::int64_t>(counted_connections_));
    counted_connections_ = connections_.size();
}

void room::submit(store::write_batch batch, std::function<void(bool)> done,
                  std::shared_ptr<store::group_listener> listener) {
    if (lease_) batch.fences.push_back(*lease_);
    worker_.submit(std::move(batch), std::move(done), std::move(listener));
}

void room::lose_lease() {
    asio::post(strand_, [self = shared_from_this()] {
        if (!self->broken_) self->fail("the workshop's lease was lost");
    });
}

void room::fail(std::string_view what) {
    log::error("room", "room failed; closing its connections", {{"workshop", id_}, {"error", what}});
    broken_ = true;
    flush_outbox();  // the events of the group's ops before the failed one go out first
    // In a cluster the workshop may come back on another node (P-WS-12); alone, on this one
    // after a reload. The client reconnects either way.
    for (const auto& [client, _] : connections_)
        client->close(lease_ ? protocol::close_code::moved : protocol::close_code::going_away,
                      "room failed; reconnect");
    connections_.clear();
    count_connections();
    for (const auto& held : held_welcomes_) joining_.erase(held.client);
    held_welcomes_.clear();
    presence_timer_.cancel();
    round_timer_.cancel();
    idle_timer_.cancel();
    if (on_broken_) on_broken_();
    auto waiters = std::move(shutdown_waiters_);
    shutdown_waiters_.clear();
    for (auto& done : waiters) done();
}

}  // namespace jb::room
