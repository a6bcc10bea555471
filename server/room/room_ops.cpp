// The room's write path: check, apply, make durable, then send each recipient the event as it
// may see it and acknowledge (protocol P-SYNC-1 … P-SYNC-4, P-FAC-6, P-FAC-9, P-VOTE-6).
#include "room/room.hpp"
#include "util/metrics.hpp"

#include "util/clock.hpp"
#include "util/fault_injection.hpp"

#include <boost/asio/post.hpp>

namespace jb::room {

namespace asio = boost::asio;

namespace {

// Ops whose effect shows in the presence list (roles, removal, voting progress).
bool touches_presence(const nlohmann::json& op) {
    const auto& kind = op.at("kind").get_ref<const std::string&>();
    return kind.starts_with("participant.") || kind.starts_with("vote.") || kind.starts_with("round.");
}

}  // namespace

void room::do_op(const std::shared_ptr<room_client>& client, const connection& conn,
                 protocol::op_message msg) {
    if (shutdown_code_) return;  // the connection is about to be closed; the client resends later
    if (conn.screen) {  // P-ROLE-5: a screen only watches
        send(client, share(protocol::encode_error("forbidden", "op: a screen may not change the board",
                                                  msg.client_seq)));
        return;
    }

    // Removed, and the removal not yet durable (its connections close after the commit): the
    // record already says so, and nothing more of theirs is accepted (P-ROLE-4).
    if (auto who = participants_.find(conn.participant_id);
        who != participants_.end() && who->second.record.removed) {
        send(client, share(protocol::encode_error("removed", "op: you were removed from this workshop",
                                                  msg.client_seq)));
        return;
    }

    auto& last_client_seq = client_seqs_[conn.client_id];
    if (msg.client_seq <= last_client_seq) {
        // Already applied (P-SYNC-4). Its ack must not overtake the commit of what came before.
        deferred_acks_.push_back({client, msg.client_seq, seq_});
        flush_deferred_acks();
        return;
    }

    model::op_context ctx{conn.participant_id, role_of(conn), util::now_ms()};
    if (util::fault_injection_enabled()) util::inject_fault("room", model::encode_operation(msg.op).dump());
    board_.prepare(msg.op, ctx);
    auto error = board_.check(msg.op, ctx);
    if (!error) error = check_participant_op(msg.op, ctx);
    if (error) {
        metrics::get().ops_refused.add(error->code);
        send(client, share(protocol::encode_error(error->code, error->message, msg.client_seq)));
        return;
    }
    metrics::get().ops_accepted.add(std::string(model::kind_name(msg.op)));
    commit_op(msg.op, ctx, conn.client_id, msg.client_seq, client);
}

void room::commit_op(const model::operation& op, const model::op_context& ctx,
                     const std::string& client_id, std::int64_t client_seq,
                     std::weak_ptr<room_client> sender) {
    applying_ = true;  // from here a throw leaves memory in doubt (room::dispatch)
    if (util::fault_injection_enabled()) util::inject_fault("apply", model::encode_operation(op).dump());
    auto done = board_.apply(op, ctx);
    digests_->update(done.changes);
    const auto seq = ++seq_;
    if (!client_id.empty()) client_seqs_[client_id] = client_seq;
    last_activity_ = std::max(last_activity_, ctx.at);  // P-JOIN-12

    auto op_doc = model::encode_operation(op);
    store::write_batch batch;
    batch.ops.push_back(store::logged_op{id_, seq, ctx.at, ctx.actor_id, client_id, client_seq,
                                         op_doc.dump()});
    logged_event event{protocol::event_body(seq, ctx.at, ctx.actor_id, op_doc), std::move(done.visibility),
                       {}, std::move(done.changes), client_id, client_seq};
    apply_participant_op(op, batch, event);
    auto audit = participant_audit(op, ctx);
    in_flight_.push_back(std::move(event));
    if (seq - last_snapshot_seq_ >= options_.snapshot_every) {
        // Loading then replays at most snapshot_every ops.
        batch.snapshots.push_back(store::snapshot_record{id_, seq, board_.to_json().dump()});
        last_snapshot_seq_ = seq;
    }
    submit_op(std::move(batch), seq, std::move(sender), client_seq, std::move(audit));
    applying_ = false;
    arm_round_timer();
}

void room::on_op_committed(bool ok, std::int64_t seq, std::weak_ptr<room_client> sender,
                           std::int64_t client_seq) {
    if (broken_) return;
    if (!ok) {
        // Memory is now ahead of the disk: nobody may be told about this op, and the state
        // must come back from the store.
        fail("commit of seq " + std::to_string(seq) + " failed");
        return;
    }
    committed_seq_ = seq;
    flush_welcomes();  // before this seq's event, which a held welcome's client must get after it
    // Commits complete in submission order, so the oldest in-flight event is this seq's.
    auto event = std::move(in_flight_.front());
    in_flight_.pop_front();
    deliver_event(event, seq);
    if (auto s = sender.lock(); s && connections_.contains(s)) {
        auto& conn = connections_.at(s);
        std::string digest;
        // The board in memory is at this seq only when nothing later is in flight.
        if (++conn.acks_without_digest >= digest_every && in_flight_.empty()) {
            digest = digests_->digest_for(board_, viewer_of(conn));
            conn.acks_without_digest = 0;
        }
        send(s, conn, share(protocol::encode_ack(client_seq, seq, false, digest)));
    }

    if (!event.removed_participant.empty()) {
        // P-ROLE-4: the removed participant's connections are told, then closed.
        std::erase_if(connections_, [&](const auto& entry) {
            if (entry.second.participant_id != event.removed_participant) return false;
            send(entry.first, share(protocol::encode_error("removed", "you were removed from this workshop")));
            close_client(entry.first, protocol::close_code::forbidden, "removed");
            return true;
        });
        count_connections();
    }
    if (touches_presence(event.body.at("op"))) mark_presence_dirty();
    recent_.push_back(std::move(event));
    if (recent_.size() > options_.replay_window) recent_.pop_front();
    flush_deferred_acks();
    finish_shutdown_if_drained();
}

// P-SYNC-11: what an event names is as short as the client needs it: the participant's number
// for `by`, and `clientSeq` only in the sender's own copy (which it matches to its pending
// op); nobody else needs to know which tab sent it.
nlohmann::json room::event_for(const logged_event& event, const model::viewer& viewer,
                               const std::string& client_id) const {
    auto body = model::render_event(event.body, event.visibility, viewer);
    body["op"] = protocol::event_op(body["op"]);  // P-SYNC-12: the patch says the rest
    if (const auto by = body.find("by"); by != body.end()) {
        if (const auto number = number_of(by->get<std::string>()))
            *by = number;
        else
            body.erase(by);
    }
    if (body.contains("by") && !event.client_id.empty() && client_id == event.client_id)
        body["clientSeq"] = event.client_seq;
    auto patch = model::patch_for(event.changes, viewer, model::sees_event(event.visibility, viewer));
    if (!patch.is_null()) body["patch"] = std::move(patch);
    return body;
}

// Serialised once per form it takes (whole, without its sender, hidden: model::render_key;
// its patch: model::patch_key; the sender's own copy), so once in all plus the sender's when
// everyone else sees the same.
void room::deliver_event(const logged_event& event, std::int64_t seq) {
    if (event.visibility.same_for_everyone() && model::patch_same_for_everyone(event.changes)) {
        // Most events (a card's text or place): no form to look up per connection.
        shared_text others, own;
        for (auto& [client, conn] : connections_) {
            if (seq <= conn.skip_through) continue;
            auto& text = !event.client_id.empty() && conn.client_id == event.client_id ? own : others;
            if (!text) text = share(protocol::encode_event(event_for(event, viewer_of(conn), conn.client_id)));
            send(client, conn, text);
        }
        return;
    }
    std::map<std::string, shared_text> by_form;
    for (auto& [client, conn] : connections_) {
        if (seq <= conn.skip_through) continue;
        const auto viewer = viewer_of(conn);
        const bool own = !event.client_id.empty() && conn.client_id == event.client_id;
        auto& text = by_form[model::render_key(event.body, event.visibility, viewer) + "|" +
                             model::patch_key(event.changes, viewer, model::sees_event(event.visibility, viewer)) +
                             (own ? "|own" : "")];
        if (!text) text = share(protocol::encode_event(event_for(event, viewer, conn.client_id)));
        send(client, conn, text);
    }
}

void room::flush_deferred_acks() {
    std::erase_if(deferred_acks_, [this](const deferred_ack& ack) {
        if (ack.seq > committed_seq_) return false;
        if (auto client = ack.client.lock(); client && connections_.contains(client))
            send(client, share(protocol::encode_ack(ack.client_seq, committed_seq_, true)));
        return true;
    });
}

}  // namespace jb::room
