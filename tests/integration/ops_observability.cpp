// Running it as a service (docs/operations.md): structured logs that never hold a secret or
// card text, GET /metrics in the Prometheus format (P-OPS-2), GET /readyz (P-OPS-1), and the
// audit trail of create → export → role change → removal → delete.
#include "support/server_process.hpp"
#include "support/ws_client.hpp"
#include "store/sqlite_handle.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <optional>
#include <regex>
#include <sstream>
#include <thread>

using namespace jb::test;
using boost::beast::http::verb;

namespace {

std::map<std::string, std::string> bearer(const std::string& key)
{
    return {{"authorization", "Bearer " + key}};
}

std::vector<std::string> lines_of(const std::string& text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        out.push_back(line);
    return out;
}

// Output and exit status of a shell command.
run_result shell(const std::string& command)
{
    run_result r;
    FILE* p = popen((command + " 2>&1").c_str(), "r");
    REQUIRE(p);
    char buf[4096];
    while (auto n = fread(buf, 1, sizeof buf, p))
        r.output.append(buf, n);
    const int raw = pclose(p);
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return r;
}

// Waits (at most 10 s) until the log holds `needle`; the server writes the audit line after
// it has answered.
bool log_shows(const test_server& server, const std::string& needle)
{
    for (int i = 0; i < 200; ++i) {
        if (server.log().find(needle) != std::string::npos)
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

// A whole workshop: a card with `card_text`, a participant made facilitator and back, one
// removed, an export, an archive download; returns the secrets it used.
struct run_secrets {
    std::vector<std::string> secrets;
    std::string participant_id;
};

run_secrets full_run(unsigned short port, const workshop& w, const std::string& card_text)
{
    ws_client fac(port);
    const auto snapshot = fac.join(w.id, {.display_name = "Fenna", .facilitator_key = w.facilitator_key}).at("snapshot");
    fac.apply(card_add(snapshot, "c1", card_text));
    ws_client anna(port);
    const auto you = anna.join(w.id, {.display_name = "Anna"}).at("you");
    const std::string anna_id = you.at("participantId"), anna_token = you.at("participantToken");
    fac.apply({{"kind", "participant.role"}, {"participantId", anna_id}, {"role", "facilitator"}});
    CHECK(http_get(port, "/api/workshops/" + w.id + "/export/improvements.csv", bearer(anna_token)).status == 200);
    fac.apply({{"kind", "participant.role"}, {"participantId", anna_id}, {"role", "participant"}});
    fac.apply({{"kind", "participant.remove"}, {"participantId", anna_id}});
    CHECK(http_get(port, "/api/workshops/" + w.id + "/archive", bearer(w.facilitator_key)).status == 200);
    CHECK(http_get(port, "/api/join/" + w.join_code).status == 200);
    CHECK(http_get(port, "/api/workshops/" + w.id + "/export/improvements.csv?lang=en",
                   bearer("wrong-key-wrong-key-wrong-key-00")).status == 403);
    return {{w.facilitator_key, anna_token, w.join_code, w.screen_key, card_text}, anna_id};
}

}  // namespace

TEST_CASE("logs: a full run logs structured lines and never a key, token, join code or card text",
          "[ops][logs]")
{
    test_server server({}, true);
    const auto w = create_workshop(server.port(), "Afvalpas aanvragen");
    const std::string card_text = "Kwetsbare-burger-kaarttekst-7731";
    const auto run = full_run(server.port(), w, card_text);
    REQUIRE(http_request(server.port(), verb::delete_, "/api/workshops/" + w.id, {}, bearer(w.facilitator_key)).status == 204);
    REQUIRE(log_shows(server, "msg=workshop.delete"));
    REQUIRE(server.stop() == 0);

    const auto log = server.log();
    for (const auto& secret : run.secrets) {
        INFO(secret);
        CHECK(log.find(secret) == std::string::npos);
    }
    // Every line is logfmt with time, level, component and msg first.
    const std::regex line(R"(^time=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z level=(debug|info|warn|error) component=[a-z]+ msg=.*)");
    const auto lines = lines_of(log);
    REQUIRE(lines.size() > 10);
    for (const auto& l : lines) {
        INFO(l);
        CHECK(std::regex_match(l, line));
    }
    CHECK(log.find("component=access msg=\"http request\" method=GET path=/api/join/{code} status=200") != std::string::npos);
    CHECK(log.find("component=access msg=\"websocket closed\"") != std::string::npos);
    CHECK(log.find("workshop=" + w.id + " code=") != std::string::npos);
}

TEST_CASE("logs: --log-format json writes one JSON object per line, --access-log false drops access lines",
          "[ops][logs]")
{
    test_server server({"--log-format", "json", "--access-log", "false", "--log-level", "info"}, true);
    create_workshop(server.port(), "Json");
    REQUIRE(log_shows(server, "\"msg\":\"workshop.create\""));
    REQUIRE(server.stop() == 0);
    for (const auto& l : lines_of(server.log())) {
        INFO(l);
        const auto j = nlohmann::json::parse(l);
        CHECK(j.at("time").get<std::string>().ends_with("Z"));
        CHECK(j.contains("level"));
        CHECK(j.contains("component"));
        CHECK(j.at("component") != "access");
    }
}

TEST_CASE("P-OPS-2 /metrics answers loopback clients in the Prometheus format, not proxied ones",
          "[ops][metrics]")
{
    test_server server;
    const auto w = create_workshop(server.port(), "Meten");
    {
        ws_client fac(server.port());
        const auto snapshot = fac.join(w.id, {.facilitator_key = w.facilitator_key}).at("snapshot");
        fac.apply(card_add(snapshot, "c1", "een"));
        fac.wait_error(fac.send_op(card_update_text("no-such-card", "x")));
        CHECK(http_get(server.port(), "/api/workshops/" + w.id + "/export/improvements.csv",
                       bearer(w.facilitator_key)).status == 200);
    }
    // The export's audit entry is written on the store thread after the answer was queued;
    // /readyz's query runs behind it there, so once it answers the entry is counted.
    REQUIRE(http_get(server.port(), "/readyz").status == 200);
    const auto res = http_get(server.port(), "/metrics");
    REQUIRE(res.status == 200);
    CHECK(res.header("content-type").starts_with("text/plain; version=0.0.4"));
    for (const char* needle :
         {"journeyboard_operations_accepted_total{kind=\"card.add\"} 1", "journeyboard_operations_refused_total{code=",
          "journeyboard_commit_duration_seconds_bucket{le=\"+Inf\"}", "journeyboard_commit_batch_size_count",
          "journeyboard_ack_duration_seconds_count 1", "journeyboard_http_requests_total{status=\"201\"} 1",
          "journeyboard_exports_total{format=\"improvements.csv\"} 1", "journeyboard_rooms_live 1",
          "# TYPE journeyboard_websocket_closes_total counter", "journeyboard_store_queue_depth",
          "journeyboard_send_queue_bytes", "journeyboard_audit_events_total{action=\"export\"} 1",
          "process_resident_memory_bytes", "process_open_fds"}) {
        INFO(needle);
        CHECK(res.body.find(needle) != std::string::npos);
    }
    // promtool (Debian's prometheus package) accepts it.
    if (shell("command -v promtool").status == 0) {
        temp_dir dir;
        std::ofstream(dir.path() / "metrics.txt") << res.body;
        const auto check = shell("promtool check metrics < " + (dir.path() / "metrics.txt").string());
        INFO(check.output);
        CHECK(check.status == 0);
    } else {
        WARN("promtool not installed (Debian package prometheus): format not checked by it");
    }
    // Through a reverse proxy on this host it is not there.
    CHECK(http_get(server.port(), "/metrics", {{"X-Real-IP", "203.0.113.9"}}).status == 404);
    CHECK(http_get(server.port(), "/metrics", {{"X-Forwarded-For", "203.0.113.9"}}).status == 404);
}

TEST_CASE("P-OPS-1 P-OPS-2 /readyz answers 200 when the store answers, --metrics-bind moves /metrics",
          "[ops][metrics]")
{
    temp_dir dir;
    // A free port for the metrics listener: bind port 0 once, read it, let it go. Another test
    // running beside this one may take it in between, so a server that cannot listen there is
    // tried again on another.
    std::optional<test_server> started;
    unsigned short metrics_port = 0;
    for (int attempt = 0; !started; ++attempt) {
        boost::asio::io_context ioc;
        boost::asio::ip::tcp::acceptor probe(ioc, {boost::asio::ip::make_address("127.0.0.1"), 0});
        metrics_port = probe.local_endpoint().port();
        probe.close();
        try {
            started.emplace(std::vector<std::string>{"--metrics-bind", "127.0.0.1:" + std::to_string(metrics_port)});
        } catch (const std::exception& e) {
            INFO("port " << metrics_port << ": " << e.what());
            REQUIRE(attempt < 4);
        }
    }
    auto& server = *started;
    const auto ready = http_get(server.port(), "/readyz");
    CHECK(ready.status == 200);
    CHECK(ready.json_body().at("status") == "ready");
    CHECK(http_get(server.port(), "/metrics").status == 404);
    CHECK(http_get(metrics_port, "/metrics").status == 200);
    CHECK(http_get(metrics_port, "/readyz").status == 200);
    CHECK(http_get(metrics_port, "/healthz").status == 200);
    CHECK(http_get(metrics_port, "/api/templates").status == 404);
    CHECK(http_request(server.port(), verb::post, "/readyz").status == 405);
}

TEST_CASE("audit: create, export, role change, removal, refused key and delete are recorded and outlive the workshop",
          "[ops][audit]")
{
    test_server server({}, true);
    const auto w = create_workshop(server.port(), "Verantwoording");
    const auto run = full_run(server.port(), w, "kaart");
    REQUIRE(http_request(server.port(), verb::delete_, "/api/workshops/" + w.id, {}, bearer(w.facilitator_key)).status == 204);
    REQUIRE(log_shows(server, "msg=workshop.delete"));

    // Read while the server runs, as the admin would.
    auto res = run_server_binary({"audit", "--db", server.db_path().string()});
    INFO(res.output);
    REQUIRE(res.status == 0);
    std::vector<std::string> actions;
    for (const auto& l : lines_of(res.output)) {
        std::vector<std::string> cols;
        std::istringstream in(l);
        for (std::string c; std::getline(in, c, '\t');)
            cols.push_back(c);
        REQUIRE(cols.size() >= 5);
        if (cols[0] == "time")
            continue;
        CHECK(cols[1] == w.id);
        actions.push_back(cols[3] + " " + cols[4]);
    }
    const std::vector<std::string> expected{
        "workshop.create ok",       "participant.role ok", "export ok",         "participant.role ok",
        "participant.remove ok",    "archive.download ok", "export refused",    "workshop.delete ok"};
    CHECK(actions == expected);
    CHECK(res.output.find("key:") != std::string::npos);
    CHECK(res.output.find("participant:" + run.participant_id + " Anna\texport") != std::string::npos);
    for (const auto& secret : run.secrets)
        CHECK(res.output.find(secret) == std::string::npos);

    // --since in the future: nothing but the header.
    res = run_server_binary({"audit", "--db", server.db_path().string(), "--since", "2999-01-01"});
    CHECK(lines_of(res.output).size() == 1);
    CHECK(run_server_binary({"audit", "--db", server.db_path().string(), "--since", "yesterday"}).status == 2);
}

TEST_CASE("audit: a deletion by retention is recorded with actor retention", "[ops][audit]")
{
    test_server server({"--retention-days", "30"});
    const auto old_one = create_workshop(server.port(), "Oud");
    REQUIRE(server.stop() == 0);
    {
        jb::store::sqlite::database db(server.db_path().string());
        const auto forty_days_ago = std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::system_clock::now().time_since_epoch())
                                        .count() - 40LL * 86'400'000;
        db.exec("UPDATE workshops SET created_at = " + std::to_string(forty_days_ago) + " WHERE id = '" +
                old_one.id + "'");
    }
    server.start();
    const std::string needle = old_one.id + "\tretention\tworkshop.delete\tok\t";
    std::string output;
    for (int i = 0; i < 200 && output.find(needle) == std::string::npos; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        output = run_server_binary({"audit", "--db", server.db_path().string()}).output;
    }
    INFO(output);
    CHECK(output.find(needle) != std::string::npos);
    // The workshop's creation is still in the trail; its title is not.
    CHECK(output.find(old_one.id + "\tkey:") != std::string::npos);
    CHECK(output.find("Oud") == std::string::npos);
}
