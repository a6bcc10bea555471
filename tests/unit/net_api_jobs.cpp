// Where the archive's work runs (P-ARC-1, P-ARC-2): the download is built and an upload read on
// the export thread, neither on the caller's (network) thread nor on the store thread, and both
// count against the exports' limit of jobs under way (429 past it). The store thread is held by a
// job that waits for the test, so every count is exact, with no timing.
#include "net/api.hpp"

#include "model/board.hpp"
#include "room/registry.hpp"
#include "store/sqlite_store.hpp"
#include "util/secrets.hpp"

#include <catch2/catch.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/beast/http/field.hpp>

#include <condition_variable>
#include <future>
#include <mutex>
#include <set>
#include <thread>

using namespace jb;
namespace http = boost::beast::http;

namespace {

constexpr const char* key = "facilitator-key-for-tests-0123456789abcdefghi";

// Answers as they arrive from whichever thread gives them.
struct answers {
    std::mutex mutex;
    std::condition_variable changed;
    std::vector<std::pair<int, std::thread::id>> got;  // status, the thread that answered

    net::api::done_handler handler() {
        return [this](net::http_response res) {
            std::lock_guard lock(mutex);
            got.emplace_back(static_cast<int>(res.result_int()), std::this_thread::get_id());
            changed.notify_all();
        };
    }
    std::vector<std::pair<int, std::thread::id>> wait_for(std::size_t n) {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return got.size() >= n; });
        return got;
    }
};

struct fixture {
    boost::asio::io_context ioc;
    store::sqlite_store sqlite{":memory:"};
    store::store_worker worker{sqlite};
    room::registry rooms{ioc, worker, {}};
    templates::template_library library;
    net::join_code_index codes;
    net::api api{worker, rooms, library, net::rate_limit{1000, 1}, codes};

    fixture() {
        int n = 0;
        const auto board = model::board::make_default({"ws1", "Archief", 1000},
                                                      [&] { return "id" + std::to_string(n++); });
        sqlite.create_workshop({"ws1", "Archief", "ABC234", util::sha256_hex(key), 1000, "screen-key-for-tests-0"},
                               board.to_json().dump());
    }

    net::http_request download() {
        net::http_request req{http::verb::get, "/api/workshops/ws1/archive", 11};
        req.set(http::field::authorization, std::string("Bearer ") + key);
        return req;
    }
    static net::http_request upload(std::string body) {
        net::http_request req{http::verb::post, "/api/workshops/import", 11};
        req.body() = std::move(body);
        return req;
    }
    std::thread::id store_thread() {
        std::promise<std::thread::id> id;
        worker.run([&](store::store&) { id.set_value(std::this_thread::get_id()); });
        return id.get_future().get();
    }
};

}  // namespace

TEST_CASE("P-ARC-1 P-ARC-2 the archive is built and an upload read on the export thread", "[http][archive]") {
    fixture f;
    const auto store_thread = f.store_thread();
    answers got;
    auto req = f.download();
    f.api.handle(req, "127.0.0.1", got.handler());
    auto bad = fixture::upload("{\"formatVersion\": 2}");
    f.api.handle(bad, "127.0.0.1", got.handler());
    auto broken = fixture::upload("{\"formatVersion\": ");
    f.api.handle(broken, "127.0.0.1", got.handler());
    const auto all = got.wait_for(3);
    std::multiset<int> statuses;
    for (const auto& [status, thread] : all) {
        statuses.insert(status);
        CHECK(thread != std::this_thread::get_id());  // not the network thread that asked
        CHECK(thread != store_thread);
    }
    CHECK(statuses == std::multiset<int>{200, 400, 400});
}

TEST_CASE("P-ARC-1 P-ARC-2 archives and imports share the exports' limit: 429 past it", "[http][archive]") {
    fixture f;
    // Hold the store thread: every download waits there, counted as under way.
    std::promise<void> gate;
    f.worker.run([release = gate.get_future().share()](store::store&) { release.wait(); });
    // Opened on every way out, so a failed REQUIRE below fails the test instead of leaving the
    // store thread waiting (and the fixture's worker.stop() with it).
    struct opener {
        std::promise<void>& gate;
        bool open = false;
        void operator()() { if (!open) { open = true; gate.set_value(); } }
        ~opener() { (*this)(); }
    } release_gate{gate};
    answers held;
    for (int i = 0; i < 8; ++i) {
        auto req = f.download();
        f.api.handle(req, "127.0.0.1", held.handler());
    }
    answers refused;
    auto ninth = f.download();
    f.api.handle(ninth, "127.0.0.1", refused.handler());
    auto import = fixture::upload("{}");
    f.api.handle(import, "127.0.0.1", refused.handler());
    auto export_req = f.download();
    export_req.target("/api/workshops/ws1/export/improvements.csv");
    f.api.handle(export_req, "127.0.0.1", refused.handler());
    // Refused at once, on the asking thread, without waiting for the store.
    {
        std::lock_guard lock(refused.mutex);
        REQUIRE(refused.got.size() == 3);
        for (const auto& [status, thread] : refused.got) CHECK(status == 429);
    }

    release_gate();
    for (const auto& [status, thread] : held.wait_for(8))
        CHECK(status == 200);
    // Answered jobs no longer count: the next one is taken again.
    answers later;
    auto again = f.download();
    f.api.handle(again, "127.0.0.1", later.handler());
    CHECK(later.wait_for(1).at(0).first == 200);
}
