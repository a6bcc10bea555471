// A bug must not take every workshop down (docs/security.md): with the test hook
// JB_FAULT_INJECTION=1 the server throws where a message carries "jb-fault:<place>", and the
// boundaries catch it: that message or that room fails with error `internal`, it is logged,
// and the server keeps serving.
#include "support/server_process.hpp"
#include "support/ws_client.hpp"

#include <catch2/catch.hpp>

#include <boost/beast/http/verb.hpp>

using namespace jb::test;
using boost::beast::http::verb;

namespace {

launch_options with_faults()
{
    return launch_options{.env = {"JB_FAULT_INJECTION=1"}};
}

}  // namespace

TEST_CASE("a throw while handling a WebSocket message fails that message alone", "[ws][faults]")
{
    test_server server({}, true, with_faults());
    const auto w = create_workshop(server.port());
    ws_client c(server.port());
    const auto board = c.join(w.id).at("snapshot");
    c.send_text(R"({"type":"presence","editing":"jb-fault:ws"})");
    CHECK(c.wait_for("error").at("code") == "internal");
    CHECK(c.apply(card_add(board, new_id("card"), "nog steeds")).contains("seq"));
    CHECK(server.log().find("injected fault at ws") != std::string::npos);
}

TEST_CASE("a throw while checking an op fails that op with its clientSeq, the room goes on",
          "[ws][faults]")
{
    test_server server({}, true, with_faults());
    const auto w = create_workshop(server.port());
    ws_client a(server.port()), b(server.port());
    const auto board = a.join(w.id).at("snapshot");
    b.join(w.id);
    const auto bad = a.send_op(card_add(board, new_id("card"), "jb-fault:room"));
    CHECK(a.wait_error(bad).at("code") == "internal");
    const auto good = new_id("card");
    const auto ok = a.apply(card_add(board, good, "goed"));
    CHECK(patched_card(b.wait_event(ok.at("seq")), good).at("text") == "goed");
    CHECK(ok.at("seq") == 1);  // the failed op took no seq
}

TEST_CASE("a throw while applying an op fails the room, it reloads from the store", "[ws][faults]")
{
    test_server server({}, true, with_faults());
    const auto w = create_workshop(server.port());
    const auto other = create_workshop(server.port());
    ws_client a(server.port()), b(server.port()), elsewhere(server.port());
    const auto board = a.join(w.id).at("snapshot");
    b.join(w.id);
    const auto other_board = elsewhere.join(other.id).at("snapshot");
    a.apply(card_add(board, "kept", "blijft"));
    const auto bad = a.send_op(card_add(board, "lost", "jb-fault:apply"));
    CHECK(a.wait_error(bad).at("code") == "internal");
    CHECK(a.wait_closed().code == 1001);
    CHECK(b.wait_closed().code == 1001);
    // Another workshop never noticed; this one comes back with what was acknowledged.
    CHECK(elsewhere.apply(card_add(other_board, new_id("card"), "elders")).contains("seq"));
    ws_client again(server.port());
    const auto cards = again.join(w.id).at("snapshot").at("cards");
    REQUIRE(cards.size() == 1);
    CHECK(cards[0].at("id") == "kept");
    CHECK(server.log().find("injected fault at apply") != std::string::npos);
}

TEST_CASE("a throw while reading a template file fails that request with 500 alone", "[http][faults]")
{
    test_server server({}, true, with_faults());
    const json body{{"title", "Uit bestand"},
                    {"source", {{"kind", "file"},
                                {"template", {{"formatVersion", 1}, {"title", "jb-fault:template"},
                                              {"journeys", json::array()}}}}}};
    const auto res = http_request(server.port(), verb::post, "/api/workshops", body.dump());
    CHECK(res.status == 500);
    CHECK(res.json_body().at("error").at("code") == "internal");
    CHECK(http_get(server.port(), "/healthz").status == 200);
    CHECK(create_workshop(server.port()).id.size() > 0);
}
