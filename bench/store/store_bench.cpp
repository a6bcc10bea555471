// jb_store_bench: the commit latency of a store, per group commit (docs/performance.md "Store
// commit latency"). Commits --commits transactions of G operations each, one after the other,
// for each G in --groups, and times each store::commit() call: that is what the store worker
// does once per group, and what every operation of the group waits for before its ack. Each
// operation also advances its client's clientSeq (30 clients take turns), as the room's writes do.
// --db takes a SQLite file or a postgresql:// URL, as the server's does. Prints figures; never
// passes or fails on them.

#include "store/open_store.hpp"

#include <boost/program_options.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <vector>

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

}  // namespace

int main(int argc, char** argv)
{
    namespace po = boost::program_options;
    std::string db, groups_text = "1,10,50";
    int commits = 300;
    po::options_description desc("jb_store_bench options");
    desc.add_options()("help,h", "this text")
        ("db", po::value(&db)->required(), "a new SQLite file, or a postgresql:// URL of an empty database")
        ("groups", po::value(&groups_text)->default_value(groups_text), "operations per transaction, comma-separated")
        ("commits", po::value(&commits)->default_value(commits), "timed transactions per group size");
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
    std::vector<int> groups;
    std::stringstream list(groups_text);
    for (std::string g; std::getline(list, g, ',');)
        groups.push_back(std::stoi(g));

    try {
        const auto store = open_store(db);
        store->create_workshop({"bench", "Bench", "ABCD-EFGH", std::string(64, 'a'), 1, "screen"}, "{}");
        std::int64_t seq = 0;
        std::printf("%s store: %d commits per group size, each timed around store::commit()\n",
                    is_postgresql_url(db) ? "PostgreSQL" : "SQLite", commits);
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
                const auto t0 = clock_type::now();
                store->commit(batch);
                ms.push_back(std::chrono::duration<double, std::milli>(clock_type::now() - t0).count());
            }
            const double seconds = std::chrono::duration<double>(clock_type::now() - began).count();
            std::sort(ms.begin(), ms.end());
            std::printf("  group of %3d ops: p50 %6.2f ms   p99 %6.2f ms   max %6.2f ms   %7.0f ops/s\n", g,
                        at_rank(ms, 0.5), at_rank(ms, 0.99), ms.back(), g * commits / seconds);
        }
    } catch (const std::exception& e) {
        std::cerr << "jb_store_bench: " << describe_db(db) << ": " << e.what() << "\n";
        return 1;
    }
    return 0;
}
