#include "store/store_worker.hpp"
#include "store/reader_thread.hpp"
#include "util/log.hpp"
#include "util/metrics.hpp"

#include <algorithm>
#include <exception>
#include <unordered_set>
#include <utility>
#include <vector>

namespace jb::store {
namespace {

void report(const char* what, const char* why) {
    log::error("store", what, {{"error", why}});
}

// Calls a submitter back; its exceptions stay here.
void call_back(const std::function<void(bool)>& done, bool ok) {
    if (!done) return;
    try {
        done(ok);
    } catch (const std::exception& e) {
        report("a write callback threw", e.what());
    } catch (...) {
        report("a write callback threw", "unknown exception");
    }
}

// Tells a listener its group is done; its exceptions stay here.
void tell_group_done(const std::shared_ptr<group_listener>& listener) {
    if (!listener) return;
    try {
        listener->group_done();
    } catch (const std::exception& e) {
        report("a group listener threw", e.what());
    } catch (...) {
        report("a group listener threw", "unknown exception");
    }
}

// Runs a job or read; its exceptions stay here.
void run_job(const std::function<void(store&)>& job, store& s, const char* on_throw) {
    try {
        if (job) job(s);
    } catch (const std::exception& e) {
        report(on_throw, e.what());
    } catch (...) {
        report(on_throw, "unknown exception");
    }
}

// Commits one batch; false (and a line on stderr) if the store refused it.
bool try_commit(store& s, const write_batch& batch) {
    try {
        s.commit(batch);
        return true;
    } catch (const std::exception& e) {
        report("commit failed", e.what());
    } catch (...) {
        report("commit failed", "unknown exception");
    }
    return false;
}

template <class T>
void append(std::vector<T>& to, const std::vector<T>& from) {
    to.insert(to.end(), from.begin(), from.end());
}

thread_local bool reader_thread = false;

}  // namespace

bool on_reader_thread() { return reader_thread; }

reader_thread_scope::reader_thread_scope() : was_(std::exchange(reader_thread, true)) {}

reader_thread_scope::~reader_thread_scope() { reader_thread = was_; }

store_worker::store_worker(store& s, std::size_t readers) : store_(s) {
    thread_ = std::thread([this] { loop(); });
    for (std::size_t i = 0; i < readers; ++i) readers_.emplace_back([this] { read_loop(); });
}

store_worker::~store_worker() { stop(); }

void store_worker::submit(write_batch batch, std::function<void(bool ok)> done,
                          std::shared_ptr<group_listener> listener) {
    {
        std::lock_guard lock(mutex_);
        if (!stopping_) {
            queue_.push_back({pending_write{std::move(batch), std::move(done), std::move(listener)}, {}});
            wake_.notify_one();
            return;
        }
    }
    // Nothing will commit it any more: say so at once rather than never.
    report("submit after stop", "the write is refused");
    call_back(done, false);
    tell_group_done(listener);
}

void store_worker::run(std::function<void(store&)> job) {
    std::lock_guard lock(mutex_);
    if (stopping_) {
        report("run after stop", "the job is dropped");
        return;
    }
    queue_.push_back({std::nullopt, std::move(job)});
    wake_.notify_one();
}

void store_worker::read(std::function<void(store&)> job) {
    if (readers_.empty()) return run(std::move(job));
    std::lock_guard lock(mutex_);
    if (stopping_) {
        report("read after stop", "the job is dropped");
        return;
    }
    reads_.push_back(std::move(job));
    read_wake_.notify_one();
}

void store_worker::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    read_wake_.notify_all();
    // From a callback on the worker itself the loops end on their own once the queues are empty.
    const auto self = std::this_thread::get_id();
    for (auto& reader : readers_)
        if (reader.joinable() && reader.get_id() != self) reader.join();
    if (thread_.joinable() && thread_.get_id() != self) thread_.join();
}

std::size_t store_worker::queue_depth()
{
    std::lock_guard lock(mutex_);
    return queue_.size() + reads_.size();
}

void store_worker::read_loop() {
    const reader_thread_scope reading;  // pg_store: this thread's reads use the read pool
    std::unique_lock lock(mutex_);
    for (;;) {
        read_wake_.wait(lock, [this] { return stopping_ || !reads_.empty(); });
        if (reads_.empty()) return;  // stopping, and every read taken
        auto job = std::move(reads_.front());
        reads_.pop_front();
        lock.unlock();
        run_job(job, store_, "a read threw");
        lock.lock();
    }
}

void store_worker::loop() {
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (queue_.empty()) return;  // stopping, and everything before it is done

        if (!queue_.front().write) {
            // A job sees every write queued before it committed: those writes were taken and
            // committed by earlier turns of this loop.
            auto job = std::move(queue_.front().job);
            queue_.pop_front();
            lock.unlock();
            run_job(job, store_, "a job threw");
            lock.lock();
            continue;
        }

        // Take every write up to the next job and commit at once: never wait for company. What
        // arrives during this commit's fsync is the next group.
        std::vector<pending_write> group;
        while (!queue_.empty() && queue_.front().write) {
            group.push_back(std::move(*queue_.front().write));
            queue_.pop_front();
        }
        lock.unlock();
        commit_group(group);
        lock.lock();
    }
}

void store_worker::commit_group(std::vector<pending_write>& group) {
    const auto started = std::chrono::steady_clock::now();
    struct timing {  // /metrics: every way out of here counts the commit
        std::chrono::steady_clock::time_point started;
        std::size_t size;
        ~timing() {
            metrics::get().commit_seconds.observe(
                std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
            metrics::get().commit_batch.observe(static_cast<double>(size));
        }
    } timed{started, group.size()};
    // A workshop's ops must commit in seq order without holes: once one fails, its later ones
    // fail too, without being tried (the room reloads from what is durable).
    std::vector<char> ok(group.size(), 0);
    std::vector<std::size_t> to_try;
    for (std::size_t i = 0; i < group.size(); ++i)
        if (!follows_failed_op(group[i].batch)) to_try.push_back(i);

    bool merged_ok = false;
    if (to_try.size() == 1) {
        merged_ok = try_commit(store_, group[to_try.front()].batch);
        if (!merged_ok) remember_failed_ops(group[to_try.front()].batch);
    } else if (to_try.size() > 1) {
        write_batch merged;
        for (auto i : to_try) {
            append(merged.ops, group[i].batch.ops);
            append(merged.participants, group[i].batch.participants);
            append(merged.snapshots, group[i].batch.snapshots);
            append(merged.fences, group[i].batch.fences);
        }
        merged_ok = try_commit(store_, merged);
        if (!merged_ok) {
            // The merged transaction rolled back as a whole. Retry each submission on its own so
            // one bad batch fails only its own submitter (and its workshop's later batches).
            for (auto i : to_try) {
                if (follows_failed_op(group[i].batch)) continue;
                ok[i] = try_commit(store_, group[i].batch);
                if (!ok[i]) remember_failed_ops(group[i].batch);
            }
        }
    }
    if (merged_ok)
        for (auto i : to_try) ok[i] = 1;
    for (std::size_t i = 0; i < group.size(); ++i) call_back(group[i].done, ok[i] != 0);
    // Each listener once, after all of its writes' callbacks.
    std::unordered_set<group_listener*> told;
    for (auto& write : group)
        if (write.listener && told.insert(write.listener.get()).second) tell_group_done(write.listener);
}

bool store_worker::follows_failed_op(const write_batch& batch) {
    bool follows = false;
    for (const auto& op : batch.ops) {
        auto failed = failed_from_.find(op.workshop_id);
        if (failed == failed_from_.end()) continue;
        if (op.seq > failed->second)
            follows = true;
        else
            failed_from_.erase(failed);  // a reloaded room takes up the log from its end again
    }
    return follows;
}

void store_worker::remember_failed_ops(const write_batch& batch) {
    for (const auto& op : batch.ops) {
        auto [it, added] = failed_from_.emplace(op.workshop_id, op.seq);
        if (!added) it->second = std::min(it->second, op.seq);
    }
}

}  // namespace jb::store
