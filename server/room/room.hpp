#pragma once
// One workshop, live: an actor on its own strand that owns the board, the participants and the
// connections. Sessions post messages to it; it validates, applies, hands the write to the store
// worker, and after the commit broadcasts the event and acks the sender (protocol P-SYNC-1).
// No mutex: every member is touched only on strand_.

#include "model/board.hpp"
#include "model/digest_cache.hpp"
#include "protocol/messages.hpp"
#include "protocol/presence.hpp"
#include "room/room_client.hpp"
#include "store/store_worker.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include <array>
#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

namespace jb::room {

struct room_options {
    std::size_t max_message_bytes = 64 * 1024;
    std::size_t replay_window = 10'000;   // events kept in memory for reconnects (P-SYNC-5)
    std::int64_t snapshot_every = 1'000;  // ops between durable snapshots
    std::chrono::milliseconds presence_interval{100};
    // P-PRES-6: above this many participants in everyone's list, participants and screens get
    // only those who matter to everyone listed, and counts of the rest (facilitators, all).
    std::size_t presence_list_max = 100;
    // A room nobody is connected to is unloaded after this long (0: never), so memory follows
    // the workshops in use, not every workshop opened since start-up.
    std::chrono::milliseconds idle_unload{std::chrono::minutes(5)};
    model::board_limits limits;
    // Hostile clients (docs/security.md): participants a workshop may have (P-JOIN-8; at most
    // what an archive may hold), and new ones it admits per minute (P-JOIN-9).
    std::size_t max_participants = 1'000;
    std::size_t new_participants_per_minute = 60;
    // P-JOIN-12: the join code admits no newcomers this long after the workshop's last activity
    // (0: never expires; the server's default is --join-code-hours).
    std::chrono::milliseconds join_code_lifetime{0};
};

class room : public std::enable_shared_from_this<room> {
public:
    using strand_type = boost::asio::strand<boost::asio::io_context::executor_type>;

    // Built by the registry from what the store loaded; replays the log after the snapshot.
    // With a `lease` (a store shared by nodes), every write carries it as a fence, so that
    // nothing of this room commits once another node took the workshop over.
    room(boost::asio::io_context& ioc, store::store_worker& worker, store::loaded_workshop loaded,
         room_options options, std::optional<store::lease_fence> lease = std::nullopt);
    ~room();

    // All public calls are thread-safe: they post onto the room's strand.
    // Answers with welcome, or with error + close (P-JOIN-*).
    void join(std::shared_ptr<room_client> client, protocol::hello hello);
    // An op or presence message from a joined client (others are ignored).
    void receive(std::shared_ptr<room_client> client, protocol::client_message message);
    void leave(std::shared_ptr<room_client> client);
    // Closes every connection with `code` and `reason` once every accepted op is durable, then
    // calls done. Joins after it are closed the same way.
    void shutdown(std::uint16_t code, std::function<void()> done,
                  std::string reason = "server shutting down");
    // Called (on the room's strand) if a commit failed: the room has closed every connection
    // and must be dropped, so that the next join reloads the workshop from the store.
    void on_broken(std::function<void()> handler);
    // Called (on the room's strand) once nobody has been connected for idle_unload, no op is
    // in flight to the disk and no round timer is running: the registry may unload the room.
    void on_idle(std::function<void()> handler);
    // Starts the room's own clock: a round whose time ran out while the server was down is
    // closed now, a running one when its time is up (P-VOTE-10). Called once after loading.
    void start();
    // The facilitator key was replaced in the store (P-HTTP-11): later hellos are checked
    // against `hash`. Calls done on the room's strand once it holds.
    void replace_facilitator_key_hash(std::string hash, std::function<void()> done);

    const std::string& id() const { return id_; }
    // Set once at construction: safe from any thread.
    const std::optional<store::lease_fence>& lease() const { return lease_; }
    // The lease may be lost (workshop_leases): closes every connection with 4010 at once
    // (P-WS-12) and breaks, as after a failed commit; whatever is in flight is fenced off.
    void lose_lease();

private:
    struct participant {
        store::participant_record record;
        std::optional<std::string> editing;
        // Short and per workshop: what events' `by` says instead of the id (P-SYNC-11). Given
        // in order of joining (a reloaded room numbers by join time, then id); it never changes
        // while the room is loaded, and every welcome's presence list says it.
        std::int64_t number = 0;

        // The stored role ("facilitator" or "participant") as the model names it.
        model::role role() const {
            return record.role == "facilitator" ? model::role::facilitator : model::role::participant;
        }
    };
    // Every how many acks a client's board is checked (P-SYNC-10): the client hashes its whole
    // board to compare, so not on every ack.
    static constexpr int digest_every = 16;
    struct connection {
        std::string participant_id, client_id;  // participant_id is empty for a screen
        bool screen = false;
        // Events up to this seq are already in the snapshot this connection got: skip them.
        std::int64_t skip_through = 0;
        // The form of the presence list this connection holds (none before its welcome): its
        // changes build on it (P-PRES-3); a role change moves it to the other form (P-PRES-4).
        std::optional<std::size_t> presence_form;
        // Its own entry as last sent as `you`, while a crowded room's list leaves it out (P-PRES-7).
        std::optional<protocol::presence_entry> presence_you;
        // Acks since the last one that carried a digest (P-SYNC-10); the first one carries it.
        int acks_without_digest = digest_every;
        // Its batch in outbox_ while a commit group is handed out: outbox_[outbox_slot] if
        // outbox_round is the round under way.
        std::uint64_t outbox_round = 0;
        std::size_t outbox_slot = 0;
    };
    // P-PRES-5: facilitators see every participant; everyone else (participants, screens) the
    // online ones and the offline ballot holders of an open round, and a count of the rest.
    enum : std::size_t { presence_for_everyone = 0, presence_for_facilitators = 1 };
    // An event body as the log makes it, with who may see it in which form (kept with it, so
    // that a delta replay shows each viewer what it showed them live).
    struct logged_event {
        nlohmann::json body;
        model::event_visibility visibility;
        std::string removed_participant;  // participant.remove: whose connections to close
        model::record_changes changes;    // the records it changed, stored form (P-SYNC-9)
        // Who sent it (empty: the server made it): only the sender's own copy says its
        // clientSeq (P-SYNC-11).
        std::string client_id;
        std::int64_t client_seq = 0;
    };
    // The event as `viewer` gets it on a connection of `client_id`: its form
    // (model::render_event) with its patch, `by` as a number, clientSeq if it sent it.
    nlohmann::json event_for(const logged_event& event, const model::viewer& viewer,
                             const std::string& client_id) const;
    // The participant's number for events' `by` (P-SYNC-11); 0 if unknown.
    std::int64_t number_of(const std::string& participant_id) const;
    // Gives each loaded participant its number, in order of joining (then id).
    void number_participants();
    // A duplicate op's ack waits until everything applied before it is durable (P-SYNC-1).
    struct deferred_ack {
        std::weak_ptr<room_client> client;
        std::int64_t client_seq = 0, seq = 0;
    };

    void do_join(std::shared_ptr<room_client> client, protocol::hello hello);
    // `fresh`: the participant was made by this join and owns nothing yet, so its snapshot is
    // the one every fresh viewer of its role gets (cached per seq).
    void send_welcome(const std::shared_ptr<room_client>& client, const protocol::hello& hello,
                      bool fresh = false);
    // The board as a fresh viewer of `viewer.who` sees it, serialised; rebuilt once per seq.
    shared_text fresh_snapshot(const model::viewer& viewer);
    // Sends the welcomes whose state is now durable, each before any later event.
    void flush_welcomes();
    // Sends a welcome with the presence list as the others hold it now (P-PRES-3).
    void deliver_welcome(const std::shared_ptr<room_client>& client, protocol::welcome& w);
    void do_op(const std::shared_ptr<room_client>& client, const connection& conn,
               protocol::op_message msg);
    // Applies an accepted op, logs it and hands it to the store. An empty client_id is an op
    // the server makes itself (no sender, no clientSeq).
    void commit_op(const model::operation& op, const model::op_context& ctx,
                   const std::string& client_id, std::int64_t client_seq,
                   std::weak_ptr<room_client> sender);
    // participant.role / participant.remove against the participant records (P-ROLE-3, -4).
    std::optional<model::op_error> check_participant_op(const model::operation& op,
                                                        const model::op_context& ctx) const;
    void apply_participant_op(const model::operation& op, store::write_batch& batch,
                              logged_event& event);
    void deliver_event(const logged_event& event, std::int64_t seq);
    model::role role_of(const connection& conn) const;
    model::viewer viewer_of(const connection& conn) const;
    void join_screen(const std::shared_ptr<room_client>& client, const protocol::hello& hello);
    // Error `code` with message `why`, then close 4003.
    void refuse(const std::shared_ptr<room_client>& client, std::string_view code, const char* why);
    // Why a new participant may not join now (door closed, full, too many this minute), as the
    // error sent before the close; nothing if they may. A right facilitator key is never refused.
    bool refuse_newcomer(const std::shared_ptr<room_client>& client);
    // A join that reaches a room shutting down or broken: closed as the room closes.
    void turn_away(const std::shared_ptr<room_client>& client);
    void arm_round_timer();
    void on_round_timer(const std::string& round_id, std::int64_t ends_at);
    void do_presence(const connection& conn, protocol::presence_message msg);
    void dispatch(const std::shared_ptr<room_client>& client, protocol::client_message message);
    void on_op_committed(bool ok, std::int64_t seq, std::weak_ptr<room_client> sender,
                         std::int64_t client_seq);
    // What the store said of one op, kept until its whole group is done.
    struct commit_outcome {
        bool ok = false;
        std::int64_t seq = 0, client_seq = 0;
        std::weak_ptr<room_client> sender;
        std::chrono::steady_clock::time_point arrived;  // for the ack latency on /metrics
    };
    // Collects the outcomes of the room's ops on the store thread and posts them to the strand
    // once per committed group (store::group_listener).
    class commit_mailbox;
    // Hands an op's write to the store; its outcome reaches the strand with its group's.
    void submit_op(store::write_batch batch, std::int64_t seq, std::weak_ptr<room_client> sender,
                   std::int64_t client_seq, std::optional<store::audit_record> audit);
    // One commit group: each op as on_op_committed, and everything the connections get meanwhile
    // handed to each as one batch (one post per connection, not one per message).
    void on_group_committed(std::vector<commit_outcome> outcomes);
    // Every message to a connection goes through here: straight to it, or while a group is
    // handed out into its batch, in order.
    void send(const std::shared_ptr<room_client>& client, shared_text text,
              delivery kind = delivery::must_arrive);
    void send(const std::shared_ptr<room_client>& client, connection& conn, shared_text text,
              delivery kind = delivery::must_arrive);
    // Hands the client what it has in the outbox first, then closes it.
    void close_client(const std::shared_ptr<room_client>& client, std::uint16_t code, std::string reason);
    // Hands every batch of the outbox to its connection; the outbox stays open if it was.
    void flush_outbox();
    void flush_deferred_acks();
    void fail(std::string_view what);
    // Every write of the room goes through here: it carries the lease's fence.
    void submit(store::write_batch batch, std::function<void(bool)> done,
                std::shared_ptr<store::group_listener> listener = nullptr);
    // The audit entry of a participant removal or role change (room_participants.cpp), its
    // outcome left to the commit.
    std::optional<store::audit_record> participant_audit(const model::operation& op,
                                                         const model::op_context& ctx) const;
    // Keeps /metrics' participants_online in step with connections_ (after each change).
    void count_connections();
    void finish_shutdown_if_drained();
    void arm_idle_timer();
    void on_idle_timer();
    void mark_presence_dirty();
    void send_presence();
    // The presence list in each form as it is now (P-PRES-5).
    std::array<protocol::presence_view, 2> presence_now();
    std::size_t presence_form_of(const connection& conn) const;
    // The connection's own entry when its form's list leaves it out (P-PRES-7), else nothing.
    std::optional<protocol::presence_entry> presence_you_of(const connection& conn,
                                                            const std::array<protocol::presence_view, 2>& now) const;
    // Whether everyone's list counts instead of listing (P-PRES-6), decided afresh each time.
    bool crowded_now(std::size_t listed);
    // presence_sent_[form] serialised for a welcome; rebuilt once per change.
    shared_text presence_list_text(std::size_t form);
    std::optional<protocol::voting_progress> voting_progress_of(const model::voting_round& round,
                                                                const std::string& id,
                                                                const participant& p, bool online);

    strand_type strand_;
    store::store_worker& worker_;
    room_options options_;
    std::string id_;
    std::optional<store::lease_fence> lease_;
    store::workshop_record workshop_;
    model::board board_;
    // The cards' share of each viewer's digest (P-SYNC-10), following board_ op by op: a digest
    // costs the few other records, not the board (set once the log is replayed).
    std::optional<model::digest_cache> digests_;
    std::int64_t seq_ = 0;            // last applied (some may still be in flight to the disk)
    std::int64_t committed_seq_ = 0;  // last durable
    std::int64_t last_snapshot_seq_ = 0;
    std::int64_t last_number_ = 0;    // the highest participant number given (P-SYNC-11)
    std::int64_t newest_participant_at_ = 0;  // the latest created_at: a newcomer's is later still
    std::map<std::string, std::int64_t> client_seqs_;
    std::map<std::string, participant> participants_;        // by participant id
    std::map<std::string, std::string> token_to_participant_;  // token hash → participant id
    std::deque<std::chrono::steady_clock::time_point> recent_newcomers_;  // within the last minute
    std::int64_t last_activity_ = 0;  // ms since the epoch: creation, last op, last newcomer (P-JOIN-12)
    std::map<std::shared_ptr<room_client>, connection> connections_;
    std::size_t counted_connections_ = 0;  // connections_.size() as /metrics last heard it
    // Messages from clients whose participant record is still being written: handled after
    // their welcome, in order, so a client may send right after its hello.
    std::map<std::shared_ptr<room_client>, std::vector<protocol::client_message>> joining_;
    std::deque<logged_event> recent_;     // committed events, seq ascending (P-SYNC-5)
    std::deque<logged_event> in_flight_;  // applied, not yet durable, seq ascending
    std::vector<deferred_ack> deferred_acks_;
    std::shared_ptr<commit_mailbox> mailbox_;  // made with the first op
    // While a commit group is handed out: each connection's messages, in order (see send).
    bool handing_out_ = false;
    std::uint64_t outbox_round_ = 1;
    std::vector<std::pair<std::shared_ptr<room_client>, outgoing_batch>> outbox_;
    decltype(outbox_) spare_outbox_;  // empty, with the capacity of an earlier group's list
    // A welcome holds only durable state (P-SYNC-8): one whose snapshot includes ops still in
    // flight waits here (its connection's messages in joining_) until they are committed.
    struct held_welcome {
        std::shared_ptr<room_client> client;
        protocol::welcome message;  // encoded when sent, with the presence list of then
    };
    std::vector<held_welcome> held_welcomes_;
    struct cached_snapshot {
        std::int64_t seq = -1;
        shared_text text;
    };
    std::map<model::role, cached_snapshot> fresh_snapshots_;  // by the viewer's role
    // The presence list in each form as last sent: every welcomed connection holds the one of
    // its form, and the next change is sent against it (P-PRES-3).
    std::array<protocol::presence_view, 2> presence_sent_;
    std::array<shared_text, 2> presence_list_texts_;
    boost::asio::steady_timer presence_timer_;
    boost::asio::steady_timer round_timer_;
    boost::asio::steady_timer idle_timer_;
    std::optional<std::pair<std::string, std::int64_t>> round_timer_for_;  // round id, endsAt
    bool presence_scheduled_ = false;
    bool presence_crowded_ = false;  // P-PRES-6, with its hysteresis (crowded_now)
    // P-VOTE-7: who held a ballot in the open round (round id, participant ids), so that a voter
    // who goes offline stays in its progress. Ephemeral: after a restart, votes and "done" count.
    std::pair<std::string, std::set<std::string>> ballot_holders_;
    bool broken_ = false;
    bool applying_ = false;  // commit_op is changing memory
    std::function<void()> on_broken_, on_idle_;
    std::optional<std::uint16_t> shutdown_code_;
    std::string shutdown_reason_ = "room closing";
    std::vector<std::function<void()>> shutdown_waiters_;
};

}  // namespace jb::room
