#pragma once
// The one thread that talks to the store. Group commit without waiting (leader/follower): a
// write that finds the thread idle is committed at once, so a lone op pays only its fsync;
// everything submitted while a transaction runs goes into the next one, so a busy server gets
// large groups by itself. Each submitter is called back after its data is durable. Other jobs
// (one-off writes such as creating a workshop, and reads that must see the writes queued before
// them) run on the same thread, in order.
//
// Reads that need not (room loads, exports, join-code lookups) go through read(): with a store
// that has a read pool (PostgreSQL, `--db-read-connections`) they run on reader threads of their
// own, one per connection, so they never wait behind a commit; without (SQLite) they run on the
// store thread like run().
// Callbacks run on the worker's threads: post them to your own strand.

#include "store/store.hpp"

#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace jb::store {

// Told once per committed group, after the `done` of every write of that group that named it
// (on the store thread): a room hands all the events of one group to its connections at once
// instead of one hand-off per event (docs/performance.md, issue 13).
class group_listener {
public:
    virtual ~group_listener() = default;
    virtual void group_done() = 0;
};

class store_worker {
public:
    // `readers`: threads for read(), one per read connection of the store (0: none).
    explicit store_worker(store& s, std::size_t readers = 0);
    ~store_worker();  // stops after everything submitted is committed
    store_worker(const store_worker&) = delete;
    store_worker& operator=(const store_worker&) = delete;

    // Queues a write; `done(ok)` runs after the transaction that holds it committed (ok=true) or
    // failed (ok=false; nothing of that transaction was written).
    // With a `listener`, its group_done() follows the `done` of the last write of the group
    // that named it (once per group, however many of its writes did); after stop(), at once.
    void submit(write_batch batch, std::function<void(bool ok)> done,
                std::shared_ptr<group_listener> listener = nullptr);
    // Runs `job` on the worker thread with the store, in order with the writes (lookups,
    // loads, and one-off writes such as creating a workshop).
    void run(std::function<void(store&)> job);
    // Runs `job` on a reader thread, beside the commits: it may call only the store's read
    // methods that its implementation allows from several threads (pg_store: the find_*,
    // load_workshop, list_workshops, workshops_inactive_since, audit_since, acquire_lease), and
    // sees what was committed when it runs, not the writes still queued. Writes it needs go
    // through run() or submit(). Without readers it is run().
    void read(std::function<void(store&)> job);
    // Commits everything queued, then stops the threads (the readers finish their reads first).
    // Idempotent. After it, submit() calls done(false) at once and run() and read() drop the
    // job (all say so on stderr).
    void stop();
    // Jobs, reads and writes waiting for a thread (GET /metrics).
    std::size_t queue_depth();

private:
    void loop();
    void read_loop();

    struct pending_write {
        write_batch batch;
        std::function<void(bool)> done;
        std::shared_ptr<group_listener> listener;
    };
    struct task {
        std::optional<pending_write> write;
        std::function<void(store&)> job;
    };
    // Commits a group as one transaction and calls each submitter back.
    void commit_group(std::vector<pending_write>& group);
    // Whether `batch` holds an op that follows a failed op of its workshop: committing it would
    // leave a gap in the log, which replay would step over. Forgets a failure once an op at or
    // before the failed seq comes (the room was reloaded from the store and goes on from there).
    bool follows_failed_op(const write_batch& batch);
    void remember_failed_ops(const write_batch& batch);

    store& store_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<task> queue_;
    bool stopping_ = false;
    std::thread thread_;
    std::deque<std::function<void(store&)>> reads_;  // under mutex_
    std::condition_variable read_wake_;
    std::vector<std::thread> readers_;
    // Worker thread only: workshop id → the lowest seq whose commit failed.
    std::map<std::string, std::int64_t> failed_from_;
};

}  // namespace jb::store
