// jb_export_bench: how long each export of a large workshop takes to build (docs/performance.md,
// "Exports"). Builds one generated workshop through the board's own operations (as the wire
// sends them), then renders every export (export/exporter.hpp) and the archive document
// (archive/archive.hpp) several times, and prints the median and the range of the wall time
// and the size of each file. It prints figures only; it never passes or fails on them.
//
// What an export request costs besides rendering: reading the durable board back from its
// stored state (board::from_json, room::durable_board without a log) is timed on its own line.

#include "../play_op.hpp"
#include "archive/archive.hpp"
#include "export/exporter.hpp"
#include "export/results.hpp"
#include "model/board.hpp"
#include "model/operation.hpp"
#include "model/order_key.hpp"

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using nlohmann::json;
using namespace jb;

struct settings {
    int ideas = 500, touchpoints = 100, rounds = 5, participants = 30, runs = 7;
    std::string write_files;    // also write every file (and archive.json) into this folder
    std::string only;           // time only this line (e.g. improvements.ods), for a profiler
};

using bench::play;

// The default board (journey j1, phases p1…p5, lanes l1 touchpoint, l2 expectation,
// l3 experience, l4 emotion, l5 pain point, l6 idea) filled as a long workshop day leaves it.
struct generated {
    model::board board;
    std::vector<store::participant_record> participants;
};

generated make_workshop(const settings& s)
{
    int next_id = 0;
    const std::array<std::string, 12> default_ids{"j1", "p1", "p2", "p3", "p4", "p5",
                                                  "l1", "l2", "l3", "l4", "l5", "l6"};
    generated g{model::board::make_default({"w1", "Omgevingsvergunning aanvragen: één loket, één dag", 1'764'400'000'000},
                                           [&] { return default_ids.at(static_cast<std::size_t>(next_id++)); }),
                {}};
    auto& b = g.board;
    std::mt19937 random(20261129);  // the same workshop every run
    const model::op_context fran{"f0", model::role::facilitator, 1'764'400'100'000};
    g.participants.push_back({"w1", "f0", "", "Fran (facilitator)", "facilitator", 1'764'400'000'000, false});
    std::vector<model::op_context> people;
    for (int i = 1; i <= s.participants; ++i) {
        const std::string id = "u" + std::to_string(i);
        people.push_back({id, model::role::participant, 1'764'400'200'000 + i});
        g.participants.push_back({"w1", id, "", "Deelnemer " + std::to_string(i), "participant",
                                  1'764'400'000'000 + i, false});
    }
    const std::array<const char*, 5> phases{"p1", "p2", "p3", "p4", "p5"};
    const std::array<const char*, 7> channels{"website", "phone", "desk", "letter", "email", "app", "other"};
    // Cards in a cell get increasing order keys.
    std::map<std::string, std::string> last_key;
    const auto add = [&](const std::string& id, const char* phase, const char* lane, const std::string& text) {
        auto& key = last_key[std::string(phase) + "/" + lane];
        key = model::order_key_between(key.empty() ? std::nullopt : std::optional<std::string_view>(key),
                                       std::nullopt);
        json op{{"kind", "card.add"}, {"cardId", id}, {"journeyId", "j1"}, {"phaseId", phase},
                {"laneId", lane}, {"text", text}, {"color", "yellow"}, {"orderKey", key}};
        return op;
    };

    // Touchpoints with a channel, their scores (emotion now and desired, expectation and
    // experience) by every participant.
    std::vector<std::string> touchpoints;
    for (int i = 0; i < s.touchpoints; ++i) {
        const std::string id = "t" + std::to_string(i + 1);
        auto op = add(id, phases[static_cast<std::size_t>(i) % phases.size()], "l1",
                      "Contactmoment " + std::to_string(i + 1) + ": de inwoner zoekt het juiste formulier op de website");
        op["channel"] = channels[static_cast<std::size_t>(i) % channels.size()];
        play(b, op, people[static_cast<std::size_t>(i) % people.size()]);
        touchpoints.push_back(id);
    }
    for (const auto& who : people)
        for (const auto& t : touchpoints) {
            std::uniform_int_distribution<int> emotion(-2, 2), rating(1, 5);
            for (const char* scale : {"current", "desired"})
                play(b, {{"kind", "score.set"}, {"scale", scale}, {"targetId", t}, {"value", emotion(random)}}, who);
            for (const char* scale : {"expected", "experienced"})
                play(b, {{"kind", "score.set"}, {"scale", scale}, {"targetId", t}, {"value", rating(random)}}, who);
        }

    // Pain points, and ideas of which every other one solves one of its phase.
    std::vector<std::string> pains, ideas;
    for (int i = 0; i < s.ideas / 10; ++i) {
        const std::string id = "k" + std::to_string(i + 1);
        play(b, add(id, phases[static_cast<std::size_t>(i) % phases.size()], "l5",
                    "Knelpunt " + std::to_string(i + 1) + ": het is onduidelijk wat de \"status\" van de aanvraag is"),
             people[0]);
        pains.push_back(id);
    }
    for (int i = 0; i < s.ideas; ++i) {
        const std::string id = "i" + std::to_string(i + 1);
        const auto& who = people[static_cast<std::size_t>(i) % people.size()];
        play(b, add(id, phases[static_cast<std::size_t>(i) % phases.size()], "l6",
                    "Idee " + std::to_string(i + 1) + ": één contactpersoon per aanvraag; bel de inwoner terug binnen twee werkdagen"),
             who);
        if (i % 2 == 0 && !pains.empty())
            play(b, {{"kind", "card.link"}, {"cardId", id},
                     {"targetId", pains[static_cast<std::size_t>(i / 2) % pains.size()]}}, who);
        ideas.push_back(id);
    }

    // Voting rounds over every idea: each participant spends the whole budget.
    std::vector<std::string> round_ids;
    std::uniform_int_distribution<std::size_t> pick(0, ideas.size() - 1);
    for (int r = 0; r < s.rounds; ++r) {
        const std::string id = "r" + std::to_string(r + 1);
        play(b, {{"kind", "round.start"}, {"roundId", id}, {"criterion", "impact voor de inwoner " + std::to_string(r + 1)},
                 {"budget", 10}, {"maxPerItem", 3}, {"durationMs", nullptr}, {"anonymous", true},
                 {"facilitatorVotes", false}, {"scope", {{"kind", "ideas"}}}},
             fran);
        for (const auto& who : people) {
            std::map<std::string, int> mine;
            for (int v = 0; v < 10;) {
                const auto& item = ideas[pick(random)];
                if (mine[item] == 3) continue;
                ++mine[item];
                ++v;
                play(b, {{"kind", "vote.add"}, {"roundId", id}, {"itemId", item}}, who);
            }
        }
        play(b, {{"kind", "round.close"}, {"roundId", id}}, fran);
        round_ids.push_back(id);
    }
    play(b, {{"kind", "improvements.rounds"}, {"roundIds", round_ids}}, fran);
    const std::array<const char*, 4> statuses{"planned", "in_progress", "done", "dropped"};
    for (int i = 0; i < s.ideas; i += 7)
        play(b, {{"kind", "improvement.update"}, {"itemId", ideas[static_cast<std::size_t>(i)]},
                 {"owner", "Team Vergunningen " + std::to_string(i)}, {"status", statuses[static_cast<std::size_t>(i) % 4]}},
             fran);

    // The closing poll: every participant answers.
    play(b, {{"kind", "evaluation.open"}, {"open", true}}, fran);
    std::uniform_int_distribution<int> rating(1, 5);
    for (const auto& who : people)
        play(b, {{"kind", "evaluation.submit"}, {"rating", rating(random)},
                 {"remarks", "Nuttige dag; de klantreis gaf één beeld van het proces.\nVolgende keer meer tijd voor de ideeën."}},
             who);
    play(b, {{"kind", "evaluation.open"}, {"open", false}}, fran);
    return g;
}

double ms_since(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// Times `run` (which returns the output's size) `runs` times; prints median, min and max.
void measure(const settings& s, const std::string& name, const std::function<std::size_t()>& run)
{
    if (!s.only.empty() && s.only != name) return;
    const int runs = s.runs;
    std::vector<double> times;
    std::size_t bytes = 0;
    run();  // warm-up: first-touch allocations, the page cache of the temporary file
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        bytes = run();
        times.push_back(ms_since(start));
    }
    std::sort(times.begin(), times.end());
    std::printf("%-28s %10.1f %10.1f %10.1f %12zu\n", name.c_str(), times[times.size() / 2], times.front(),
                times.back(), bytes);
}

}  // namespace

int main(int argc, char** argv)
{
    namespace po = boost::program_options;
    settings s;
    po::options_description opts("jb_export_bench: times every export of a generated workshop");
    opts.add_options()("help,h", "this text")
        ("ideas", po::value(&s.ideas)->default_value(s.ideas), "idea cards (also ideas/10 pain points)")
        ("touchpoints", po::value(&s.touchpoints)->default_value(s.touchpoints), "touchpoint cards, each with a channel")
        ("rounds", po::value(&s.rounds)->default_value(s.rounds), "closed voting rounds forming the list")
        ("participants", po::value(&s.participants)->default_value(s.participants),
         "participants: each scores every touchpoint on 4 scales, votes 10 per round, answers the poll")
        ("runs", po::value(&s.runs)->default_value(s.runs), "timed runs per export (after one warm-up)")
        ("only", po::value(&s.only), "time only this line (e.g. improvements.ods), e.g. under perf record")
        ("write-files", po::value(&s.write_files), "also write every file built, and archive.json, into this folder");
    po::variables_map vm;
    try {
        po::store(po::parse_command_line(argc, argv, opts), vm);
        po::notify(vm);
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n" << opts;
        return 2;
    }
    if (vm.count("help")) {
        std::cout << opts;
        return 0;
    }
    if (s.ideas < 1 || s.touchpoints < 1 || s.rounds < 1 || s.rounds > 20 || s.participants < 1 || s.runs < 1) {
        std::cerr << "--ideas, --touchpoints, --participants and --runs must be at least 1, --rounds 1 to 20\n";
        return 2;
    }

    if (!s.only.empty() && s.only != "stored state read back" && s.only != "results (shared part)" &&
        s.only != "archive.json" && !jb::exporting::find_exporter(s.only)) {
        std::cerr << "--only: no line called \"" << s.only << "\"\n";
        return 2;
    }

    const auto build_start = std::chrono::steady_clock::now();
    generated g;
    try {
        g = make_workshop(s);
    } catch (const std::exception& e) {
        std::cerr << "jb_export_bench: " << e.what() << "\n";
        return 1;
    }
    const double build_ms = ms_since(build_start);
    const auto& b = g.board;
    const json state = b.to_json();
    std::printf("Workshop: %zu cards (%d ideas, %d touchpoints with channels, %d pain points), %d closed rounds, "
                "%d participants scoring every touchpoint on 4 scales, %zu poll responses; stored state %zu bytes; "
                "built in %.0f ms\n",
                b.cards().size(), s.ideas, s.touchpoints, s.ideas / 10, s.rounds, s.participants,
                b.state().evaluation.responses.size(), state.dump().size(), build_ms);
    std::printf("Each figure: wall time of one build of the file on one thread, median of %d runs after a warm-up\n\n",
                s.runs);
    std::printf("%-28s %10s %10s %10s %12s\n", "export", "median ms", "min ms", "max ms", "bytes");

    const jb::exporting::export_options options{jb::exporting::language::nl, jb::exporting::csv_delimiter::semicolon,
                                                1'764'430'000'000};
    // Bytes: what was read (the stored state), or the file built; the results are no file.
    const std::size_t state_bytes = state.dump().size();
    measure(s, "stored state read back", [&] {
        model::board::from_json(state);
        return state_bytes;
    });
    measure(s, "results (shared part)", [&] {
        const auto r = jb::exporting::make_results(b, options.now_ms);
        return std::size_t{0};
    });
    for (const auto name : jb::exporting::exporter_names()) {
        const auto* e = jb::exporting::find_exporter(name);
        measure(s, std::string(name), [&] { return e->render(b, options).body.size(); });
    }
    measure(s, "archive.json", [&] { return archive::make_archive(b, g.participants, options.now_ms).dump().size(); });

    if (!s.write_files.empty()) {
        const auto write = [&](std::string_view name, const std::string& bytes) {
            const auto path = std::filesystem::path(s.write_files) / name;
            std::ofstream out(path, std::ios::binary);
            out << bytes;
            if (!out) throw std::runtime_error("cannot write " + path.string());
        };
        try {
            std::filesystem::create_directories(s.write_files);
            for (const auto name : jb::exporting::exporter_names())
                write(name, jb::exporting::find_exporter(name)->render(b, options).body);
            write("archive.json", archive::make_archive(b, g.participants, options.now_ms).dump());
        } catch (const std::exception& e) {
            std::cerr << "jb_export_bench: " << e.what() << "\n";
            return 1;
        }
    }
    return 0;
}
