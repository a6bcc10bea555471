// The room's write path: check, apply, make durable, then broadcast and acknowledge
// (protocol P-SYNC-1 … P-SYNC-4).
#include "room/room.hpp"

#include "room/room_clock.hpp"

#include <boost/asio/post.hpp>

namespace jb::room {

namespace asio = boost::asio;

namespace {

shared_text share(std::string text) {
    return std::make_shared<const std::string>(std::move(text));
}

}  // namespace

void room::do_op(const std::shared_ptr<room_client>& client, const connection& conn,
                 protocol::op_message msg) {
    if (shutdown_code_) return;  // the connection is about to be closed; the client resends later

    auto& last_client_seq = client_seqs_[conn.client_id];
    if (msg.client_seq <= last_client_seq) {
        // Already applied (P-SYNC-4). Its ack must not overtake the commit of what came before.
        deferred_acks_.push_back({client, msg.client_seq, seq_});
        flush_deferred_acks();
        return;
    }

    model::op_context ctx{conn.participant_id, conn.role, now_ms()};
    if (auto error = board_.check(msg.op, ctx)) {
        client->deliver(share(protocol::encode_error(error->code, error->message, msg.client_seq)),
                        delivery::must_arrive);
        return;
    }
    board_.apply(msg.op, ctx);
    const auto seq = ++seq_;
    last_client_seq = msg.client_seq;

    auto op_doc = model::encode_operation(msg.op);
    store::write_batch batch;
    batch.ops.push_back(store::logged_op{id_, seq, ctx.at, conn.participant_id, conn.client_id,
                                         msg.client_seq, op_doc.dump()});
    in_flight_.push_back(protocol::event_body(seq, ctx.at, conn.participant_id, conn.client_id,
                                              msg.client_seq, op_doc));
    if (seq - last_snapshot_seq_ >= options_.snapshot_every) {
        // Loading then replays at most snapshot_every ops.
        batch.snapshots.push_back(store::snapshot_record{id_, seq, board_.to_json().dump()});
        last_snapshot_seq_ = seq;
    }
    worker_.submit(std::move(batch),
                   [self = shared_from_this(), seq, sender = std::weak_ptr<room_client>(client),
                    client_seq = msg.client_seq](bool ok) {
                       asio::post(self->strand_, [self, ok, seq, sender, client_seq] {
                           self->on_op_committed(ok, seq, sender, client_seq);
                       });
                   });
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
    // Commits complete in submission order, so the oldest in-flight body is this seq's.
    auto body = std::move(in_flight_.front());
    in_flight_.pop_front();
    recent_.push_back(body);
    if (recent_.size() > options_.replay_window) recent_.pop_front();

    auto event = share(protocol::encode_event(body));
    for (auto& [client, conn] : connections_)
        if (seq > conn.skip_through) client->deliver(event, delivery::must_arrive);
    if (auto s = sender.lock(); s && connections_.contains(s))
        s->deliver(share(protocol::encode_ack(client_seq, seq, false)), delivery::must_arrive);
    flush_deferred_acks();
    finish_shutdown_if_drained();
}

void room::flush_deferred_acks() {
    std::erase_if(deferred_acks_, [this](const deferred_ack& ack) {
        if (ack.seq > committed_seq_) return false;
        if (auto client = ack.client.lock(); client && connections_.contains(client))
            client->deliver(share(protocol::encode_ack(ack.client_seq, committed_seq_, true)),
                            delivery::must_arrive);
        return true;
    });
}

}  // namespace jb::room
