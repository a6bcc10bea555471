// The largest board the limits allow (P-LIM-1), on a server with its default bounds: a joiner
// that reads its welcome slowly while others edit is not closed (P-WS-5), and its archive is
// within the import limit and imports back (P-ARC-2, P-ARC-4).
#include "support/server_process.hpp"
#include "support/ws_client.hpp"

#include <catch2/catch.hpp>

#include <boost/beast/http/verb.hpp>

using namespace jb::test;
using boost::beast::http::verb;

namespace {

constexpr std::size_t max_cards = 10'000;
constexpr std::size_t max_text_bytes = 2 * 1024 * 1024;

// Applies `ops` in batches (a group commit delivers a batch at once), waiting for every ack;
// returns the last seq.
std::int64_t apply_all(ws_client& c, const std::vector<json>& ops)
{
    constexpr std::size_t batch = 50;
    std::int64_t last = 0;
    for (std::size_t done = 0; done < ops.size(); done += batch) {
        std::vector<std::int64_t> sent;
        for (std::size_t i = done; i < std::min(ops.size(), done + batch); ++i)
            sent.push_back(c.send_op(ops[i]));
        for (auto s : sent)
            last = c.wait_ack(s).at("seq").get<std::int64_t>();
    }
    return last;
}

}  // namespace

// [scale]: not in the ThreadSanitizer pass (scripts/lib/checks.sh says why).
TEST_CASE("P-LIM-1 P-WS-5 P-ARC-2 the largest board the limits allow joins slowly while others edit, "
          "and its archive imports back",
          "[ws][archive][slow][scale]")
{
    // Only the senders' rate limit is raised, to build the board quickly; every bound under
    // test (queue, archive, board) keeps its default.
    test_server server({"--ws-rate-burst", "100000", "--ws-rate-per-second", "100000"});
    const auto w = create_workshop(server.port());
    ws_client editor(server.port(), {.contract_log = false});
    const auto board = editor.join(w.id, {.facilitator_key = w.facilitator_key}).at("snapshot");

    // Every card, and all the text the cards may hold together; quotes, so that JSON doubles
    // every character of it (the largest form the board can take on the wire).
    const std::size_t per_card = max_text_bytes / max_cards;
    std::vector<json> cards;
    for (std::size_t i = 0; i < max_cards; ++i)
        cards.push_back(card_add(board, "c" + std::to_string(i), std::string(per_card, '"'), "a0"));
    apply_all(editor, cards);
    // The bounds hold: no card more; cards grown to the longest text until the text is all used.
    CHECK(editor.wait_error(editor.send_op(card_add(board, "one-more", "x"))).at("code") == "limit");
    const std::size_t left = max_text_bytes - per_card * max_cards, growth = 2000 - per_card;
    const std::string longest(2000, 'x');
    for (std::size_t i = 1; i <= left / growth; ++i)
        editor.apply(card_update_text("c" + std::to_string(i), longest));
    const auto refused = editor.wait_error(editor.send_op(card_update_text("c0", longest)));
    CHECK(refused.at("code") == "limit");

    // A joiner that reads nothing yet while others edit, then reads everything.
    ws_client joiner(server.port(), {.receive_buffer = 4096, .contract_log = false});
    joiner.send({{"type", "hello"}, {"protocolVersion", hello_options{}.protocol_version},
                 {"workshopId", w.id}, {"clientId", joiner.client_id()}, {"displayName", "Traag"},
                 {"lastSeq", 0}});
    std::vector<json> edits;
    for (int i = 0; i < 200; ++i)
        edits.push_back(card_update_text("c" + std::to_string(i), "kort " + std::to_string(i)));
    const auto last = apply_all(editor, edits);
    const auto welcome = joiner.wait_for("welcome");
    CHECK(welcome.at("snapshot").at("cards").size() == max_cards);
    CHECK(welcome.dump().size() > 8u * 1024 * 1024 / 2);  // larger than half the queue bound
    CHECK(patched_card(joiner.wait_event(last), "c199").at("text") == "kort 199");

    // Its archive fits the default import limit and comes back whole.
    const std::map<std::string, std::string> key{{"authorization", "Bearer " + w.facilitator_key}};
    const auto archive = http_request(server.port(), verb::get, "/api/workshops/" + w.id + "/archive", {}, key);
    REQUIRE(archive.status == 200);
    INFO("archive of the largest board: " << archive.body.size() << " bytes");
    CHECK(archive.body.size() < 16u * 1024 * 1024);
    const auto res = http_request(server.port(), verb::post, "/api/workshops/import", archive.body,
                                  {{"content-type", "application/json"}});
    INFO(res.body.substr(0, 500));
    REQUIRE(res.status == 201);
    const auto copy_id = res.json_body().at("workshopId").get<std::string>();
    const auto copy_key = res.json_body().at("facilitatorKey").get<std::string>();
    const auto again = http_request(server.port(), verb::get, "/api/workshops/" + copy_id + "/archive", {},
                                    {{"authorization", "Bearer " + copy_key}});
    REQUIRE(again.status == 200);
    CHECK(json::parse(again.body).at("state").at("cards") == json::parse(archive.body).at("state").at("cards"));
}
