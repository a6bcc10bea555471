// jb_backup_bench: how long commits wait while a backup of a 10,000-card database is made
// (docs/performance.md "Backups"). A store worker commits a one-op write every millisecond and
// times each from submit to durable, first with no backup, then while a backup is copied in
// steps of --pages pages on the store thread (as app/backup_schedule does), then while one
// copy is made in a single step. Prints figures; never passes or fails on them.

#include "store/sqlite_store.hpp"
#include "store/store_worker.hpp"

#include <boost/program_options.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <future>
#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using namespace jb::store;
using clock_type = std::chrono::steady_clock;

namespace {

std::string card_op(int i)
{
    return R"({"kind":"card.add","cardId":"card)" + std::to_string(i) +
           R"(","journeyId":"j1","phaseId":"p1","laneId":"l1","color":"yellow","orderKey":"a0","text":"Een idee van een deelnemer over de aanvraag, met wat uitleg erbij, nummer )" +
           std::to_string(i) + R"("})";
}

void fill(sqlite_store& db, int cards)
{
    db.create_workshop({"w1", "Bench", "ABCD-EFGH", std::string(64, 'a'), 1, "screen"}, "{}");
    std::string state = R"({"cards":[)";
    for (int i = 0; i < cards; ++i)
        state += (i ? "," : "") + card_op(i);
    state += "]}";
    for (int start = 0; start < cards; start += 500) {
        write_batch b;
        for (int i = start; i < std::min(cards, start + 500); ++i)
            b.ops.push_back({"w1", i + 1, 1000 + i, "p1", "c1", i + 1, card_op(i)});
        db.commit(b);
    }
    write_batch s;
    s.snapshots.push_back({"w1", cards, state});
    db.commit(s);
}

struct figures {
    std::vector<double> waits_ms;
    void print(const char* what) {
        std::sort(waits_ms.begin(), waits_ms.end());
        auto at = [&](double q) { return waits_ms.empty() ? 0 : waits_ms[std::size_t(q * (waits_ms.size() - 1))]; };
        std::printf("%-34s commits %5zu  p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms\n", what,
                    waits_ms.size(), at(0.5), at(0.99), waits_ms.empty() ? 0 : waits_ms.back());
    }
};

// Commits one op per millisecond until `stop`; each wait from submit to durable.
figures commit_while(store_worker& worker, std::int64_t& seq, const std::function<bool()>& stop)
{
    figures f;
    std::mutex m;
    std::atomic<int> pending{0};
    while (!stop()) {
        write_batch b;
        ++seq;
        b.ops.push_back({"w1", seq, 0, "p1", "c2", seq, card_op(int(seq))});
        const auto t0 = clock_type::now();
        ++pending;
        worker.submit(std::move(b), [&, t0](bool) {
            std::lock_guard lock(m);
            f.waits_ms.push_back(std::chrono::duration<double, std::milli>(clock_type::now() - t0).count());
            --pending;
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    while (pending) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return f;
}

// A backup on the store thread, `pages` per store job (-1: all in one), each step queued behind
// the commits that arrived meanwhile, as app/backup_schedule does.
struct chained_backup : std::enable_shared_from_this<chained_backup> {
    store_worker& worker;
    std::unique_ptr<sqlite_store::backup> copy;
    int pages;
    clock_type::time_point started = clock_type::now();
    std::atomic<bool> done{false};
    double seconds = 0;

    chained_backup(store_worker& w, int p) : worker(w), pages(p) {}
    void start(sqlite_store& db, const std::string& dest) {
        worker.run([self = shared_from_this(), &db, dest](store&) {
            self->copy = db.start_backup(dest);
            self->step();
        });
    }
    void step() {
        if (!copy->step(pages))
            return worker.run([self = shared_from_this()](store&) { self->step(); });
        seconds = std::chrono::duration<double>(clock_type::now() - started).count();
        done = true;
    }
};

}  // namespace

int main(int argc, char** argv)
{
    namespace po = boost::program_options;
    int cards = 10'000, pages = 256;
    double baseline_s = 3;
    std::string dir = (fs::temp_directory_path() / "jb_backup_bench").string();
    po::options_description desc("jb_backup_bench: commit waits during a backup");
    desc.add_options()("help,h", "this text")
        ("cards", po::value(&cards)->default_value(cards), "cards in the database")
        ("pages", po::value(&pages)->default_value(pages), "pages per backup step (app/backup_schedule: 256)")
        ("baseline", po::value(&baseline_s)->default_value(baseline_s), "seconds of commits with no backup")
        ("dir", po::value(&dir)->default_value(dir), "scratch folder (emptied)");
    po::variables_map vm;
    po::store(po::parse_command_line(argc, argv, desc), vm);
    po::notify(vm);
    if (vm.count("help")) {
        std::cout << desc << "\n";
        return 0;
    }
    fs::remove_all(dir);
    fs::create_directories(dir);
    sqlite_store db(dir + "/journeyboard.db");
    fill(db, cards);
    std::int64_t seq = cards + 1;
    std::printf("database: %d cards, %.1f MiB (with its WAL)\n", cards,
                (fs::file_size(dir + "/journeyboard.db") +
                 (fs::exists(dir + "/journeyboard.db-wal") ? fs::file_size(dir + "/journeyboard.db-wal") : 0)) /
                    1048576.0);
    store_worker worker(db);

    const auto until = clock_type::now() + std::chrono::duration<double>(baseline_s);
    commit_while(worker, seq, [&] { return clock_type::now() >= until; }).print("no backup");

    for (int step_pages : {pages, -1}) {
        auto b = std::make_shared<chained_backup>(worker, step_pages);
        const auto dest = dir + "/copy" + std::to_string(step_pages) + ".db";
        b->start(db, dest);
        auto f = commit_while(worker, seq, [&] { return b->done.load(); });
        char what[64];
        std::snprintf(what, sizeof what, step_pages < 0 ? "during a one-step backup" : "during a backup, %d pages/step",
                      step_pages);
        f.print(what);
        std::printf("%-34s took %.2f s, copy %.1f MiB\n", "", b->seconds, fs::file_size(dest) / 1048576.0);
    }
    worker.stop();
    fs::remove_all(dir);
    return 0;
}
