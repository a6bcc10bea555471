#pragma once
// Scheduled backups (--backup-dir, --backup-every, --backup-keep): at start and then every
// interval, a consistent copy of the database in the backup folder, named
// journeyboard-<UTC time>.db, of which the newest `keep` are kept. The copy is made on the
// store thread with SQLite's online backup API, `pages_per_step` pages per store job: commits
// queued meanwhile run between two steps, so they wait for one step at most, never for the
// whole copy.

#include "store/sqlite_store.hpp"
#include "store/store_worker.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>

namespace jb::app {

struct backup_options {
    std::filesystem::path dir;  // empty: no scheduled backups
    std::chrono::hours every{24};
    unsigned keep = 7;
    int pages_per_step = 256;  // 1 MiB of 4 KiB pages
};

class backup_schedule {
public:
    backup_schedule(boost::asio::io_context& ioc, store::store_worker& worker, store::sqlite_store& db,
                    backup_options options);
    void start();
    void stop();  // a copy under way is dropped (its file removed) when the worker stops
    // One copy now, outside the schedule; `done(path or "")` on the store thread (tests, bench).
    void run_once(std::function<void(std::filesystem::path)> done);

private:
    struct copy;
    void arm(std::chrono::steady_clock::duration after);
    void step(std::shared_ptr<copy> c);
    void finish(const copy& c);

    store::store_worker& worker_;
    store::sqlite_store& db_;
    backup_options options_;
    boost::asio::strand<boost::asio::io_context::executor_type> strand_;
    boost::asio::steady_timer timer_;
    bool stopped_ = false;  // on strand_
};

}  // namespace jb::app
