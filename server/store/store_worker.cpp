#include "store/store_worker.hpp"

#include <exception>
#include <iostream>
#include <utility>
#include <vector>

namespace jb::store {
namespace {

void report(const char* what, const char* why) {
    std::cerr << "store_worker: " << what << ": " << why << '\n';
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

}  // namespace

store_worker::store_worker(store& s) : store_(s) {
    thread_ = std::thread([this] { loop(); });
}

store_worker::~store_worker() { stop(); }

void store_worker::submit(write_batch batch, std::function<void(bool ok)> done) {
    {
        std::lock_guard lock(mutex_);
        if (!stopping_) {
            queue_.push_back({pending_write{std::move(batch), std::move(done)}, {}});
            wake_.notify_one();
            return;
        }
    }
    // Nothing will commit it any more: say so at once rather than never.
    report("submit after stop", "the write is refused");
    call_back(done, false);
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

void store_worker::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    // From a callback on the worker itself the loop ends on its own once the queue is empty.
    if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
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
            try {
                if (job) job(store_);
            } catch (const std::exception& e) {
                report("a job threw", e.what());
            } catch (...) {
                report("a job threw", "unknown exception");
            }
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
    bool ok = false;
    if (group.size() == 1) {
        ok = try_commit(store_, group.front().batch);
    } else {
        write_batch merged;
        for (const auto& w : group) {
            append(merged.ops, w.batch.ops);
            append(merged.participants, w.batch.participants);
            append(merged.snapshots, w.batch.snapshots);
        }
        ok = try_commit(store_, merged);
        if (!ok) {
            // The merged transaction rolled back as a whole. Retry each submission on its own so
            // one bad batch fails only its own submitter.
            for (auto& w : group) call_back(w.done, try_commit(store_, w.batch));
            return;
        }
    }
    for (auto& w : group) call_back(w.done, ok);
}

}  // namespace jb::store
