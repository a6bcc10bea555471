// jb_store_bench: the commit latency of a store, per group commit (docs/performance.md "Store
// commit latency"). Commits --commits transactions of G operations each, one after the other,
// for each G in --groups, and times each store::commit() call: that is what the store worker
// does once per group, and what every operation of the group waits for before its ack. Each
// operation also advances its client's clientSeq (30 clients take turns), as the room's writes do.
// --db takes a SQLite file or a postgresql:// URL, as the server's does. Prints figures; never
// passes or fails on them.
//
// --idle MS pauses that long before each timed commit: a lone operation on a quiet server (the
// `ack` row of scripts/bench --peers sends one every 250 ms) meets a disk and CPUs that have been
// idle, and on a virtual machine that costs more than the commit itself. With a SQLite file it
// also times the disk alone at the same pace: 12 KiB written (a lone op's three WAL pages) and
// fdatasync'ed in a file beside the database, the "fsync time" of issue 13's ack target.

#include "store/open_store.hpp"

#include <boost/program_options.hpp>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

using namespace jb::store;
using clock_type = std::chrono::steady_clock;

namespace {

constexpr int clients = 30;  // a workshop's participants

std::string card_op(std::int64_t i)
{
    return R"({"kind":"card.add","cardId":"card)" + std::to_string(i) +
           R"(","journeyId":"j1","phaseId":"p1","laneId":"l1","color":"yellow","orderKey":"a0","text":"Een idee van een deelnemer over de aanvraag, met wat uitleg erbij, nummer )" +
           std::to_string(i) + R"("})";
}

double at_rank(const std::vector<double>& sorted, double q)
{
    const auto i = static_cast<std::size_t>(q * static_cast<double>(sorted.size() - 1) + 0.5);
    return sorted[std::min(i, sorted.size() - 1)];
}

// Prints `what` and the p50, p99 and max of `ms` (sorted here), then `tail`.
void print_times(const std::string& what, std::vector<double>& ms, const std::string& tail = "")
{
    std::sort(ms.begin(), ms.end());
    std::printf("  %-28s p50 %6.2f ms   p99 %6.2f ms   max %6.2f ms%s\n", what.c_str(), at_rank(ms, 0.5),
                at_rank(ms, 0.99), ms.back(), tail.c_str());
}

// The disk alone: 12 KiB written and fdatasync'ed in a file of its own beside the database,
// overwriting the same 4 MiB as a WAL that has been checkpointed does (no growth to journal).
void time_disk_alone(const std::string& beside, int count, std::chrono::milliseconds idle)
{
    const std::string path = beside + "-fsync-probe";
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) throw std::runtime_error("cannot create " + path + ": " + std::strerror(errno));
    const std::string page(12 * 1024, 'w');
    constexpr off_t span = 4 * 1024 * 1024;
    const auto write_at = [&](off_t at) {
        if (::pwrite(fd, page.data(), page.size(), at) != static_cast<ssize_t>(page.size()) || ::fdatasync(fd) != 0)
            throw std::runtime_error(path + ": " + std::strerror(errno));
    };
    for (off_t at = 0; at < span; at += static_cast<off_t>(page.size())) write_at(at);  // allocated once
    std::vector<double> ms;
    for (int c = 0; c < count; ++c) {
        std::this_thread::sleep_for(idle);
        const auto t0 = clock_type::now();
        write_at(static_cast<off_t>(c) * static_cast<off_t>(page.size()) % (span - static_cast<off_t>(page.size())));
        ms.push_back(std::chrono::duration<double, std::milli>(clock_type::now() - t0).count());
    }
    print_times("disk alone (12 KiB + fsync)", ms);
    ::close(fd);
    ::unlink(path.c_str());
}

}  // namespace

int main(int argc, char** argv)
{
    namespace po = boost::program_options;
    std::string db, groups_text = "1,10,50";
    int commits = 300, idle_ms = 0;
    po::options_description desc("jb_store_bench options");
    desc.add_options()("help,h", "this text")
        ("db", po::value(&db)->required(), "a new SQLite file, or a postgresql:// URL of an empty database")
        ("groups", po::value(&groups_text)->default_value(groups_text), "operations per transaction, comma-separated")
        ("commits", po::value(&commits)->default_value(commits), "timed transactions per group size")
        ("idle", po::value(&idle_ms)->default_value(idle_ms),
         "milliseconds of pause before each timed commit (a lone op on a quiet server); with a "
         "SQLite file, the disk alone is timed at the same pace too");
    po::variables_map vm;
    try {
        po::store(po::parse_command_line(argc, argv, desc), vm);
        if (vm.count("help")) {
            std::cout << desc;
            return 0;
        }
        po::notify(vm);
    } catch (const std::exception& e) {
        std::cerr << "jb_store_bench: " << e.what() << "\n" << desc;
        return 2;
    }
    if (commits < 1 || idle_ms < 0) {
        std::cerr << "jb_store_bench: --commits takes at least 1 and --idle no negative number\n";
        return 2;
    }
    std::vector<int> groups;
    std::stringstream list(groups_text);
    for (std::string g; std::getline(list, g, ',');)
        groups.push_back(std::stoi(g));

    try {
        const auto store = open_store(db);
        store->create_workshop({"bench", "Bench", "ABCD-EFGH", std::string(64, 'a'), 1, "screen"}, "{}");
        std::int64_t seq = 0;
        const std::chrono::milliseconds idle(idle_ms);
        std::printf("%s store: %d commits per group size, each timed around store::commit()%s\n",
                    is_postgresql_url(db) ? "PostgreSQL" : "SQLite", commits,
                    idle_ms > 0 ? (", each after " + std::to_string(idle_ms) + " ms idle").c_str() : "");
        for (const int g : groups) {
            std::vector<double> ms;
            ms.reserve(static_cast<std::size_t>(commits));
            const auto began = clock_type::now();
            for (int c = 0; c < commits; ++c) {
                write_batch batch;
                for (int i = 0; i < g; ++i) {
                    ++seq;
                    batch.ops.push_back({"bench", seq, 1000 + seq, "p1", "client" + std::to_string(seq % clients),
                                         seq, card_op(seq)});
                }
                std::this_thread::sleep_for(idle);
                const auto t0 = clock_type::now();
                store->commit(batch);
                ms.push_back(std::chrono::duration<double, std::milli>(clock_type::now() - t0).count());
            }
            const double seconds = std::chrono::duration<double>(clock_type::now() - began).count();
            // Operations per second mean nothing when the pauses set the pace.
            char rate[32];
            std::snprintf(rate, sizeof rate, "   %7.0f ops/s", g * commits / seconds);
            print_times("group of " + std::to_string(g) + " ops:", ms, idle_ms > 0 ? "" : rate);
        }
        if (idle_ms > 0 && !is_postgresql_url(db)) time_disk_alone(db, commits, idle);
    } catch (const std::exception& e) {
        std::cerr << "jb_store_bench: " << describe_db(db) << ": " << e.what() << "\n";
        return 1;
    }
    return 0;
}
