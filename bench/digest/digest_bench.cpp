// jb_digest_bench: what the board digest (protocol.md P-SYNC-10) costs the room's strand on a
// large board (docs/performance.md "Protocol 3 patches: before/after"). The room digests a
// viewer's board for the first ack on a connection and every 16th after it, and for each delta
// welcome. This builds a board of --cards cards written by --participants participants through
// the board's own operations, then times, --runs times each for one participant's view: building
// the whole view (board::view_for) and hashing it (model::board_digest), as the room did in
// protocol 3, and the room's way now (model::digest_cache). It prints the medians and what they
// make per second for --clients clients sending --rate operations a second each. Figures only;
// it exits non-zero only if the two digests differ (a bug, not a slow run).

#include "../play_op.hpp"
#include "model/board.hpp"
#include "model/digest_cache.hpp"
#include "model/operation.hpp"
#include "model/order_key.hpp"
#include "model/record_patch.hpp"

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using nlohmann::json;
using namespace jb;
using steady = std::chrono::steady_clock;

struct settings {
    int cards = 5000, participants = 200, runs = 21, clients = 200;
    double rate = 1;
};

// The default board (journey j1, phases p1…p5, lanes l1…l6), its cards spread over every cell
// as the fan-out benchmark's clients write them: about 100 characters each.
model::board make_board(const settings& s)
{
    int next_id = 0;
    const std::array<std::string, 12> ids{"j1", "p1", "p2", "p3", "p4", "p5", "l1", "l2", "l3", "l4", "l5", "l6"};
    auto b = model::board::make_default({"w1", "Parkeervergunning aanvragen", 1'764'400'000'000},
                                        [&] { return ids.at(static_cast<std::size_t>(next_id++)); });
    std::map<std::string, std::string> last_key;
    for (int i = 0; i < s.cards; ++i) {
        const std::string phase = ids.at(1 + static_cast<std::size_t>(i % 5));
        const std::string lane = ids.at(6 + static_cast<std::size_t>((i / 5) % 6));
        auto& key = last_key[phase + "/" + lane];
        key = model::order_key_between(key.empty() ? std::nullopt : std::optional<std::string_view>(key),
                                       std::nullopt);
        const model::op_context who{"participant-" + std::to_string(i % s.participants),
                                    model::role::participant, 1'764'400'100'000 + i};
        bench::play(b,
             {{"kind", "card.add"}, {"cardId", "card-" + std::to_string(i)}, {"journeyId", "j1"},
              {"phaseId", phase}, {"laneId", lane}, {"color", "yellow"}, {"orderKey", key},
              {"text", "#" + std::to_string(i) +
                           " Inwoner zoekt op de website naar de voorwaarden voor een vergunning"}},
             who, false);
    }
    return b;
}

double median_ms(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// The settings from the command line; nothing if it asked for help or was wrong.
std::optional<settings> parse(int argc, char** argv)
{
    namespace po = boost::program_options;
    settings s;
    po::options_description desc("jb_digest_bench: what a board digest costs the room");
    desc.add_options()("help,h", "this text")
        ("cards", po::value(&s.cards)->default_value(s.cards), "cards on the board")
        ("participants", po::value(&s.participants)->default_value(s.participants), "authors of the cards")
        ("runs", po::value(&s.runs)->default_value(s.runs), "timed digests (the median is printed)")
        ("clients", po::value(&s.clients)->default_value(s.clients), "clients, for the per-second figure")
        ("rate", po::value(&s.rate)->default_value(s.rate), "operations per second per client, for the same");
    po::variables_map vm;
    po::store(po::parse_command_line(argc, argv, desc), vm);
    po::notify(vm);
    if (vm.count("help") || s.runs < 1) {
        std::cout << desc;
        return std::nullopt;
    }
    return s;
}

}  // namespace

int main(int argc, char** argv)
{
    const auto parsed = parse(argc, argv);
    if (!parsed) return 0;
    const auto& s = *parsed;
    const auto board = make_board(s);
    const model::viewer viewer{"participant-1", model::role::participant};
    const auto took_ms = [](steady::time_point since) {
        return std::chrono::duration<double, std::milli>(steady::now() - since).count();
    };
    // The whole view, hashed: what the room did per digest before model::digest_cache (and what
    // a client does, P-SYNC-10).
    std::vector<double> view_ms, hash_ms, cached_ms;
    std::string whole, cached;
    for (int i = 0; i < s.runs; ++i) {
        auto t = steady::now();
        const auto view = board.view_for(viewer);
        view_ms.push_back(took_ms(t));
        t = steady::now();
        whole = model::board_digest(view);
        hash_ms.push_back(took_ms(t));
    }
    // The room's way now: the cards' shares kept, the other records hashed per digest.
    auto t = steady::now();
    const model::digest_cache cache(board);
    const double build_ms = took_ms(t);
    for (int i = 0; i < s.runs; ++i) {
        t = steady::now();
        cached = cache.digest_for(board, viewer);
        cached_ms.push_back(took_ms(t));
    }
    const double view = median_ms(view_ms), hash = median_ms(hash_ms), with_cache = median_ms(cached_ms);
    // One digest per 16 acks per connection (P-SYNC-10): N·r/16 a second for the room.
    const double per_second = s.clients * s.rate / 16.0;
    std::printf("Board digest (P-SYNC-10), %d cards by %d participants, median of %d:\n", s.cards,
                s.participants, s.runs);
    std::printf("  viewer's board (board::view_for)       %9.3f ms\n", view);
    std::printf("  its digest (model::board_digest)       %9.3f ms  (%s)\n", hash, whole.c_str());
    std::printf("  the room's cached digest (digest_for)  %9.3f ms  (%s)\n", with_cache, cached.c_str());
    std::printf("  building the cache (once per room load)%9.3f ms\n", build_ms);
    std::printf("  %d clients x %g op/s: %.1f digests/s = %.1f ms (whole view) or %.2f ms (cached) of the\n"
                "  room's strand per second\n",
                s.clients, s.rate, per_second, per_second * (view + hash), per_second * with_cache);
    return whole == cached ? 0 : 1;
}
