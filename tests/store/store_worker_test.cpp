// The store thread: group commit, per-batch results when a group fails, ordering of jobs and
// writes, and a stop that loses nothing. Interleavings are made deterministic with a store
// decorator whose commit can be held at a gate; nothing here depends on timing.
#include "store/store_worker.hpp"

#include "store/sqlite_store.hpp"
#include "store_test_support.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace jb::store;
using namespace jb::store::test;

namespace {

// Wraps a store, records every commit() (how many ops each carried), and can hold the next
// commit at a gate until the test releases it, so the test decides what is queued meanwhile.
class gated_store final : public store {
public:
    explicit gated_store(store& inner) : inner_(inner) {}

    void hold_next_commit() {
        std::lock_guard lock(mutex_);
        hold_ = true;
    }
    // Returns once a commit is waiting at the gate. The timeout only turns a hang into a
    // failure; no result depends on it.
    void wait_until_held() {
        std::unique_lock lock(mutex_);
        REQUIRE(changed_.wait_for(lock, std::chrono::seconds(60), [this] { return held_; }));
    }
    void release() {
        std::lock_guard lock(mutex_);
        hold_ = false;
        changed_.notify_all();
    }
    // Every commit that holds op `seq` of `workshop_id` fails, as a full disk would fail it,
    // until the test calls heal().
    void fail_commits_with(std::string workshop_id, std::int64_t seq) {
        std::lock_guard lock(mutex_);
        fail_workshop_ = std::move(workshop_id);
        fail_seq_ = seq;
    }
    void heal() {
        std::lock_guard lock(mutex_);
        fail_seq_ = 0;
    }
    std::vector<std::size_t> commit_sizes() {
        std::lock_guard lock(mutex_);
        return commit_sizes_;
    }

    void create_workshop(const workshop_record& w, const std::string& state) override {
        inner_.create_workshop(w, state);
    }
    void import_workshop(const workshop_record& w, const std::string& state,
                         const std::vector<participant_record>& participants) override {
        inner_.import_workshop(w, state, participants);
    }
    std::optional<workshop_record> find_workshop_by_code(std::string_view code) override {
        return inner_.find_workshop_by_code(code);
    }
    bool join_code_taken(std::string_view code) override { return inner_.join_code_taken(code); }
    std::vector<workshop_record> list_workshops() override { return inner_.list_workshops(); }
    std::optional<loaded_workshop> load_workshop(std::string_view id) override {
        return inner_.load_workshop(id);
    }
    std::optional<workshop_record> find_workshop(std::string_view id) override {
        return inner_.find_workshop(id);
    }
    bool set_facilitator_key_hash(std::string_view id, std::string_view hash) override {
        return inner_.set_facilitator_key_hash(id, hash);
    }
    std::optional<participant_record> find_participant_by_token(std::string_view id,
                                                                std::string_view hash) override {
        return inner_.find_participant_by_token(id, hash);
    }
    bool delete_workshop(std::string_view id) override { return inner_.delete_workshop(id); }
    std::vector<std::string> workshops_inactive_since(std::int64_t cutoff) override {
        return inner_.workshops_inactive_since(cutoff);
    }
    void append_audit(const audit_record& e) override { inner_.append_audit(e); }
    std::vector<audit_record> audit_since(std::int64_t since) override { return inner_.audit_since(since); }
    std::int64_t delete_audit_before(std::int64_t cutoff) override { return inner_.delete_audit_before(cutoff); }
    void commit(const write_batch& batch) override {
        {
            std::unique_lock lock(mutex_);
            commit_sizes_.push_back(batch.ops.size());
            if (hold_) {
                held_ = true;
                changed_.notify_all();
                changed_.wait(lock, [this] { return !hold_; });
            }
            for (const auto& op : batch.ops)
                if (fail_seq_ != 0 && op.workshop_id == fail_workshop_ && op.seq == fail_seq_)
                    throw store_error("injected failure");
        }
        inner_.commit(batch);
    }

private:
    store& inner_;
    std::mutex mutex_;
    std::condition_variable changed_;
    bool hold_ = false, held_ = false;
    std::vector<std::size_t> commit_sizes_;
    std::string fail_workshop_;
    std::int64_t fail_seq_ = 0;
};

write_batch one_op(const std::string& workshop_id, std::int64_t seq, const std::string& client = "a") {
    write_batch b;
    b.ops = {make_op(workshop_id, seq, client, seq)};
    return b;
}

// Results of submitted writes, by submission index; -1 = not called back yet.
struct results {
    explicit results(std::size_t n) : ok(n) {
        for (auto& r : ok) r = -1;
    }
    std::function<void(bool)> slot(std::size_t i) {
        return [this, i](bool good) {
            if (ok[i].exchange(good ? 1 : 0) != -1) ++called_twice;
        };
    }
    std::vector<std::atomic<int>> ok;
    std::atomic<int> called_twice{0};
};

std::int64_t op_count(store& s, const std::string& workshop_id) {
    auto loaded = s.load_workshop(workshop_id);
    REQUIRE(loaded);
    return static_cast<std::int64_t>(loaded->ops_after.size());
}

}  // namespace

TEST_CASE("store worker: every write submitted from several threads is committed and called back once", "[store]") {
    sqlite_store db(":memory:");
    constexpr int threads = 4, per_thread = 100;
    for (int t = 0; t < threads; ++t) db.create_workshop(make_workshop("w" + std::to_string(t), "CODE2" + std::to_string(t + 2)), "{}");
    results r(threads * per_thread);
    {
        store_worker worker(db);
        std::vector<std::thread> submitters;
        for (int t = 0; t < threads; ++t) {
            submitters.emplace_back([&, t] {
                for (int i = 0; i < per_thread; ++i) {
                    worker.submit(one_op("w" + std::to_string(t), i + 1, "c" + std::to_string(t)),
                                  r.slot(static_cast<std::size_t>(t * per_thread + i)));
                }
            });
        }
        for (auto& s : submitters) s.join();
        worker.stop();
    }
    CHECK(r.called_twice == 0);
    for (std::size_t i = 0; i < r.ok.size(); ++i) {
        INFO("write " << i);
        CHECK(r.ok[i] == 1);
    }
    for (int t = 0; t < threads; ++t) {
        auto loaded = db.load_workshop("w" + std::to_string(t));
        REQUIRE(loaded);
        CHECK(loaded->ops_after.size() == per_thread);
        CHECK(loaded->client_seqs.at("c" + std::to_string(t)) == per_thread);
    }
}

TEST_CASE("store worker: writes queued during a commit go into one transaction (group commit)", "[store]") {
    sqlite_store db(":memory:");
    db.create_workshop(make_workshop("w1", "ABC234"), "{}");
    gated_store gate(db);
    store_worker worker(gate);
    results r(11);

    gate.hold_next_commit();
    worker.submit(one_op("w1", 1), r.slot(0));
    gate.wait_until_held();
    for (std::size_t i = 1; i <= 10; ++i) worker.submit(one_op("w1", static_cast<std::int64_t>(i) + 1), r.slot(i));
    gate.release();
    worker.stop();

    // 11 submissions, 2 transactions: the first alone, the ten queued behind it together.
    CHECK(gate.commit_sizes() == std::vector<std::size_t>{1, 10});
    for (auto& ok : r.ok) CHECK(ok == 1);
    CHECK(op_count(db, "w1") == 11);
}

TEST_CASE("store worker: a failing batch fails alone, the other workshops in its group commit", "[store]") {
    sqlite_store db(":memory:");
    db.create_workshop(make_workshop("w1", "ABC234"), "{}");
    db.create_workshop(make_workshop("w2", "ABC235"), "{}");
    db.commit(one_op("w2", 1));
    gated_store gate(db);
    store_worker worker(gate);
    results r(4);

    gate.hold_next_commit();
    worker.submit(one_op("w1", 1), r.slot(0));
    gate.wait_until_held();
    worker.submit(one_op("w1", 2), r.slot(1));
    write_batch bad = one_op("w2", 1);  // seq 1 is taken
    bad.participants = {make_participant("w2", "p-bad", "Nobody")};
    worker.submit(bad, r.slot(2));
    worker.submit(one_op("w1", 3), r.slot(3));
    gate.release();
    worker.stop();

    CHECK(r.ok[0] == 1);
    CHECK(r.ok[1] == 1);
    CHECK(r.ok[2] == 0);
    CHECK(r.ok[3] == 1);
    CHECK(r.called_twice == 0);
    // The merged group (3 ops) was tried first, then each of its batches on its own.
    CHECK(gate.commit_sizes() == std::vector<std::size_t>{1, 3, 1, 1, 1});
    CHECK(op_count(db, "w1") == 3);
    auto loaded = db.load_workshop("w2");
    REQUIRE(loaded);
    CHECK(loaded->ops_after.size() == 1);
    CHECK(loaded->participants.empty());
}

// The seqs of a workshop's log (a gap would be replayed past).
std::vector<std::int64_t> logged_seqs(store& s, const std::string& workshop_id) {
    auto loaded = s.load_workshop(workshop_id);
    REQUIRE(loaded);
    std::vector<std::int64_t> seqs;
    for (const auto& op : loaded->ops_after) seqs.push_back(op.seq);
    return seqs;
}

TEST_CASE("store worker: after a failed op of a workshop, its later ops in the group fail untried", "[store]") {
    sqlite_store db(":memory:");
    db.create_workshop(make_workshop("w1", "ABC234"), "{}");
    db.create_workshop(make_workshop("w2", "ABC235"), "{}");
    gated_store gate(db);
    gate.fail_commits_with("w1", 3);
    store_worker worker(gate);
    results r(5);

    gate.hold_next_commit();
    worker.submit(one_op("w1", 1), r.slot(0));
    gate.wait_until_held();
    worker.submit(one_op("w1", 2), r.slot(1));
    worker.submit(one_op("w1", 3), r.slot(2));  // fails
    worker.submit(one_op("w2", 1), r.slot(3));  // another workshop: unaffected
    worker.submit(one_op("w1", 4), r.slot(4));  // would leave a gap at 3
    gate.release();
    worker.stop();

    CHECK(r.ok[1] == 1);
    CHECK(r.ok[2] == 0);
    CHECK(r.ok[3] == 1);
    CHECK(r.ok[4] == 0);
    CHECK(r.called_twice == 0);
    CHECK(logged_seqs(db, "w1") == std::vector<std::int64_t>{1, 2});
    CHECK(logged_seqs(db, "w2") == std::vector<std::int64_t>{1});
    // The merged group, then seq 2, 3 and w2's op on their own; seq 4 is never tried.
    CHECK(gate.commit_sizes() == std::vector<std::size_t>{1, 4, 1, 1, 1});
}

TEST_CASE("store worker: a failed op also fails its workshop's ops in later groups, until the log is taken up again",
          "[store]") {
    sqlite_store db(":memory:");
    db.create_workshop(make_workshop("w1", "ABC234"), "{}");
    gated_store gate(db);
    gate.fail_commits_with("w1", 2);
    store_worker worker(gate);
    results r(5);

    worker.submit(one_op("w1", 1), r.slot(0));
    worker.submit(one_op("w1", 2), r.slot(1));  // fails
    worker.run([](store&) {});                  // a job between: the next op is a group of its own
    worker.submit(one_op("w1", 3), r.slot(2));  // submitted before the room heard of the failure
    worker.run([&](store&) { gate.heal(); });
    // The room reloaded from the store (last seq 1) goes on from seq 2.
    worker.submit(one_op("w1", 2), r.slot(3));
    worker.submit(one_op("w1", 3), r.slot(4));
    worker.stop();

    CHECK(r.ok[0] == 1);
    CHECK(r.ok[1] == 0);
    CHECK(r.ok[2] == 0);
    CHECK(r.ok[3] == 1);
    CHECK(r.ok[4] == 1);
    CHECK(logged_seqs(db, "w1") == std::vector<std::int64_t>{1, 2, 3});
}

TEST_CASE("store worker: a lone failing batch is reported failed and writes nothing", "[store]") {
    sqlite_store db(":memory:");
    db.create_workshop(make_workshop("w1", "ABC234"), "{}");
    results r(1);
    {
        store_worker worker(db);
        write_batch bad;
        bad.ops = {make_op("w1", 1), make_op("w1", 1)};
        worker.submit(bad, r.slot(0));
    }
    CHECK(r.ok[0] == 0);
    CHECK(op_count(db, "w1") == 0);
}

TEST_CASE("store worker: a job sees every write submitted before it and none after it", "[store]") {
    sqlite_store db(":memory:");
    db.create_workshop(make_workshop("w1", "ABC234"), "{}");
    gated_store gate(db);
    store_worker worker(gate);
    std::int64_t seen = -1;

    gate.hold_next_commit();
    worker.submit(one_op("w1", 1), {});
    gate.wait_until_held();
    worker.submit(one_op("w1", 2), {});
    worker.submit(one_op("w1", 3), {});
    worker.run([&](store& s) { seen = op_count(s, "w1"); });
    worker.submit(one_op("w1", 4), {});
    gate.release();
    worker.stop();

    CHECK(seen == 3);
    // The job split the queue: the writes after it were not merged with those before it.
    CHECK(gate.commit_sizes() == std::vector<std::size_t>{1, 2, 1});
    CHECK(op_count(db, "w1") == 4);
}

TEST_CASE("store worker: stop commits and runs everything queued before it returns", "[store]") {
    sqlite_store db(":memory:");
    db.create_workshop(make_workshop("w1", "ABC234"), "{}");
    gated_store gate(db);
    store_worker worker(gate);
    results r(20);
    std::atomic<bool> job_ran{false};

    gate.hold_next_commit();
    worker.submit(one_op("w1", 1), r.slot(0));
    gate.wait_until_held();
    for (std::size_t i = 1; i < 20; ++i) worker.submit(one_op("w1", static_cast<std::int64_t>(i) + 1), r.slot(i));
    worker.run([&](store&) { job_ran = true; });
    std::thread stopper([&] { worker.stop(); });
    gate.release();
    stopper.join();

    CHECK(job_ran);
    for (auto& ok : r.ok) CHECK(ok == 1);
    CHECK(op_count(db, "w1") == 20);
}

TEST_CASE("store worker: a lone write on an idle worker commits without waiting for company", "[store]") {
    sqlite_store db(":memory:");
    db.create_workshop(make_workshop("w1", "ABC234"), "{}");
    store_worker worker(db);
    // Nothing else is submitted and nobody stops the worker: the write must commit on its own
    // (leader/follower group commit, no group window). The timeout only turns a hang into a
    // failure.
    std::mutex mutex;
    std::condition_variable called;
    int result = -1;
    worker.submit(one_op("w1", 1), [&](bool ok) {
        std::lock_guard lock(mutex);
        result = ok ? 1 : 0;
        called.notify_all();
    });
    std::unique_lock lock(mutex);
    REQUIRE(called.wait_for(lock, std::chrono::seconds(60), [&] { return result != -1; }));
    CHECK(result == 1);
    lock.unlock();
    CHECK(op_count(db, "w1") == 1);
}

TEST_CASE("store worker: the destructor flushes what was submitted", "[store]") {
    sqlite_store db(":memory:");
    db.create_workshop(make_workshop("w1", "ABC234"), "{}");
    results r(3);
    {
        store_worker worker(db);
        for (std::size_t i = 0; i < 3; ++i) worker.submit(one_op("w1", static_cast<std::int64_t>(i) + 1), r.slot(i));
    }
    for (auto& ok : r.ok) CHECK(ok == 1);
    CHECK(op_count(db, "w1") == 3);
}

TEST_CASE("store worker: a throwing job or callback does not stop the worker", "[store]") {
    sqlite_store db(":memory:");
    db.create_workshop(make_workshop("w1", "ABC234"), "{}");
    bool later_job_ran = false;
    results r(1);
    {
        store_worker worker(db);
        worker.run([](store&) { throw std::runtime_error("job failure (expected by the test)"); });
        worker.submit(one_op("w1", 1), [](bool) { throw std::runtime_error("callback failure (expected by the test)"); });
        worker.submit(one_op("w1", 2), r.slot(0));
        worker.run([&](store& s) { later_job_ran = op_count(s, "w1") == 2; });
    }
    CHECK(r.ok[0] == 1);
    CHECK(later_job_ran);
}

TEST_CASE("store worker: after stop, a write is refused at once and a job is dropped", "[store]") {
    sqlite_store db(":memory:");
    db.create_workshop(make_workshop("w1", "ABC234"), "{}");
    store_worker worker(db);
    worker.stop();
    worker.stop();  // idempotent

    int result = -1;
    worker.submit(one_op("w1", 1), [&](bool ok) { result = ok ? 1 : 0; });
    CHECK(result == 0);
    bool ran = false;
    worker.run([&](store&) { ran = true; });
    CHECK_FALSE(ran);
    CHECK(op_count(db, "w1") == 0);
}

TEST_CASE("store worker: callbacks and jobs run on the worker thread, not the caller's", "[store]") {
    sqlite_store db(":memory:");
    db.create_workshop(make_workshop("w1", "ABC234"), "{}");
    std::thread::id callback_thread, job_thread;
    {
        store_worker worker(db);
        worker.submit(one_op("w1", 1), [&](bool) { callback_thread = std::this_thread::get_id(); });
        worker.run([&](store&) { job_thread = std::this_thread::get_id(); });
    }
    CHECK(callback_thread != std::thread::id{});
    CHECK(callback_thread != std::this_thread::get_id());
    CHECK(job_thread == callback_thread);
}
