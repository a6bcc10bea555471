// One hand-off per connection per commit group (issue 13, docs/performance.md). The store
// commits the ops that arrived together as one group; the room learns of the whole group at
// once (commit_mailbox) and collects what each connection gets meanwhile (events, acks, held
// welcomes, the errors of messages that waited for them) into one batch per connection, in
// order, handed over at the end: one post to each connection's strand per group instead of one
// per message.
#include "room/room.hpp"
#include "store/audit.hpp"
#include "util/metrics.hpp"

#include <boost/asio/post.hpp>

#include <mutex>

namespace jb::room {

namespace asio = boost::asio;

// Filled on the store thread by each op's callback, emptied by group_done() on the same thread;
// the mutex is for a write refused after the worker stopped, whose callback runs on the
// submitting thread while the store thread may still be finishing its last group.
class room::commit_mailbox : public store::group_listener {
public:
    explicit commit_mailbox(std::weak_ptr<room> owner) : owner_(std::move(owner)) {}

    void add(commit_outcome outcome) {
        std::lock_guard lock(mutex_);
        outcomes_.push_back(std::move(outcome));
    }

    void group_done() override {
        std::vector<commit_outcome> taken;
        {
            std::lock_guard lock(mutex_);
            taken.swap(outcomes_);
        }
        // The callbacks of this group still hold the room, so it is there.
        auto owner = owner_.lock();
        if (taken.empty() || !owner) return;
        asio::post(owner->strand_, [owner, taken = std::move(taken)]() mutable {
            owner->on_group_committed(std::move(taken));
        });
    }

private:
    std::weak_ptr<room> owner_;
    std::mutex mutex_;
    std::vector<commit_outcome> outcomes_;
};

void room::submit_op(store::write_batch batch, std::int64_t seq, std::weak_ptr<room_client> sender,
                     std::int64_t client_seq, std::optional<store::audit_record> audit) {
    const auto arrived = std::chrono::steady_clock::now();  // for the ack latency on /metrics
    if (!mailbox_) mailbox_ = std::make_shared<commit_mailbox>(weak_from_this());
    submit(std::move(batch),
           [self = shared_from_this(), mailbox = mailbox_, seq, sender = std::move(sender), client_seq,
            arrived, audit = std::move(audit)](bool ok) mutable {
               if (audit) {  // on the store thread: recorded after the op's own commit
                   audit->outcome = ok ? "ok" : "failed";
                   self->worker_.run([audit = std::move(*audit)](store::store& s) { store::record_audit(s, audit); });
               }
               mailbox->add(commit_outcome{ok, seq, client_seq, std::move(sender), arrived});
           },
           mailbox_);
}

void room::on_group_committed(std::vector<commit_outcome> outcomes) {
    // Whatever happens below, what was collected is handed out and the outbox closed.
    struct hand_out {
        room& r;
        ~hand_out() {
            r.flush_outbox();
            r.handing_out_ = false;
        }
    } at_end{*this};
    handing_out_ = true;
    outbox_.reserve(connections_.size());  // grown once, not connection by connection
    for (auto& done : outcomes) {
        on_op_committed(done.ok, done.seq, std::move(done.sender), done.client_seq);
        metrics::get().ack_seconds.observe(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - done.arrived).count());
    }
}

void room::send(const std::shared_ptr<room_client>& client, shared_text text, delivery kind) {
    if (handing_out_)
        if (auto it = connections_.find(client); it != connections_.end())
            return send(client, it->second, std::move(text), kind);
    client->deliver(std::move(text), kind);
}

void room::send(const std::shared_ptr<room_client>& client, connection& conn, shared_text text,
                delivery kind) {
    if (!handing_out_) return client->deliver(std::move(text), kind);
    if (conn.outbox_round != outbox_round_) {
        conn.outbox_round = outbox_round_;
        conn.outbox_slot = outbox_.size();
        outbox_.emplace_back(client, outgoing_batch{});
    }
    outbox_[conn.outbox_slot].second.push_back({std::move(text), kind});
}

void room::close_client(const std::shared_ptr<room_client>& client, std::uint16_t code,
                        std::string reason) {
    if (handing_out_)
        if (auto it = connections_.find(client);
            it != connections_.end() && it->second.outbox_round == outbox_round_) {
            auto& batch = outbox_[it->second.outbox_slot].second;
            if (!batch.empty()) client->deliver_batch(std::exchange(batch, {}));
        }
    client->close(code, std::move(reason));
}

void room::flush_outbox() {
    // Two lists take turns, each keeping its capacity: a group costs no allocation for its list
    // (issue 13's profile: a fresh list's growth, and then one large reservation per group,
    // made malloc consolidate its free lists on every group, 3 % of the server's time).
    auto batches = std::exchange(outbox_, std::move(spare_outbox_));
    ++outbox_round_;  // every connection's slot is stale now
    for (auto& [client, batch] : batches)
        if (!batch.empty()) client->deliver_batch(std::move(batch));
    batches.clear();
    spare_outbox_ = std::move(batches);
}

}  // namespace jb::room
