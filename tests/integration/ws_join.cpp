// Joining a workshop over the real WebSocket endpoint: the Origin check (P-WS-3), ping before
// hello (P-WS-7), and the hello rules P-JOIN-1..6.
#include "support/server_process.hpp"
#include "support/ws_client.hpp"

#include <catch2/catch.hpp>

using namespace jb::test;

TEST_CASE("P-WS-3 an upgrade from a foreign Origin is refused with 403 JSON", "[ws]")
{
    test_server server;
    try {
        ws_client client(server.port(), {.origin = "http://evil.example"});
        FAIL("the upgrade was accepted");
    } catch (const upgrade_refused& e) {
        CHECK(e.status == 403);
        CHECK(json::parse(e.body).at("error").at("code") == "forbidden");
    }
}

TEST_CASE("P-WS-3 same origin, no Origin and allowlisted origins are accepted", "[ws]")
{
    test_server server({"--allow-origin", "https://board.example.nl", "--allow-origin",
                        "http://localhost:5173"});
    const auto w = create_workshop(server.port());
    const std::string same = "http://127.0.0.1:" + std::to_string(server.port());
    for (std::optional<std::string> origin :
         {std::optional<std::string>(same), std::optional<std::string>(),
          std::optional<std::string>("https://board.example.nl"),
          std::optional<std::string>("http://localhost:5173")}) {
        INFO(origin.value_or("(none)"));
        ws_client client(server.port(), {.origin = origin});
        CHECK(client.join(w.id).at("type") == "welcome");
    }
    CHECK_THROWS_AS(ws_client(server.port(), {.origin = "https://other.example.nl"}), upgrade_refused);
}

TEST_CASE("P-WS-7 ping is answered with pong, also before hello", "[ws]")
{
    test_server server;
    const auto w = create_workshop(server.port());
    ws_client client(server.port());
    client.send({{"type", "ping"}, {"t", 12.5}});
    auto pong = client.wait_for("pong");
    CHECK(pong == json{{"type", "pong"}, {"t", 12.5}});
    client.join(w.id);
    client.send({{"type", "ping"}, {"t", 7}});
    CHECK(client.wait_for("pong").at("t") == 7);
}

TEST_CASE("P-JOIN-1 an op before hello gets not_joined and the connection keeps working", "[ws]")
{
    test_server server;
    const auto w = create_workshop(server.port());
    ws_client client(server.port());
    client.send({{"type", "presence"}, {"editing", nullptr}});
    CHECK(client.wait_error(std::nullopt).at("code") == "not_joined");
    client.send_op({{"kind", "workshop.update"}, {"title", "x"}});
    auto error = client.wait_error(1);
    CHECK(error.at("code") == "not_joined");

    auto welcome = client.join(w.id);
    auto ack = client.apply(card_add(welcome.at("snapshot"), new_id("card"), "na de hello"));
    CHECK(ack.at("seq") == 1);
}

TEST_CASE("P-JOIN-1 a message of an unknown type gets unknown_type, before hello as after it", "[ws]")
{
    test_server server;
    const auto w = create_workshop(server.port());
    ws_client client(server.port());
    client.send_invalid(R"({"type":"shout","text":"hoi"})");
    CHECK(client.wait_error(std::nullopt).at("code") == "unknown_type");
    client.join(w.id);
    client.send_invalid(R"({"type":"shout","text":"hoi"})");
    CHECK(client.wait_error(std::nullopt).at("code") == "unknown_type");
}

TEST_CASE("P-JOIN-11 a hello refused for its content may be corrected on the same connection", "[ws]")
{
    test_server server;
    const auto w = create_workshop(server.port());
    ws_client client(server.port());
    json bad{{"type", "hello"}, {"protocolVersion", jb::protocol::version}, {"workshopId", w.id},
             {"clientId", client.client_id()}, {"displayName", std::string(61, 'x')}, {"lastSeq", 0}};
    client.send_invalid(bad.dump());
    CHECK(client.wait_error(std::nullopt).at("code") == "invalid");
    bad["displayName"] = "Anna";
    bad["facilitatorKey"] = std::string(42, 'A');  // a key is 43 characters
    client.send_invalid(bad.dump());
    CHECK(client.wait_error(std::nullopt).at("code") == "invalid");
    CHECK(client.hello(w.id).at("type") == "welcome");
}

TEST_CASE("P-JOIN-1 a second hello gets bad_message and the connection keeps working", "[ws]")
{
    test_server server;
    const auto w = create_workshop(server.port());
    ws_client client(server.port());
    auto welcome = client.join(w.id);
    CHECK(client.hello(w.id).at("code") == "bad_message");
    CHECK(client.apply(card_add(welcome.at("snapshot"), new_id("card"), "nog steeds")).at("seq") == 1);
}

TEST_CASE("P-JOIN-2 a protocol version mismatch gets protocol_version and close 4000", "[ws]")
{
    test_server server;
    const auto w = create_workshop(server.port());
    ws_client client(server.port());
    // The version before this one (3, record patches): a client that would not understand them.
    auto error = client.hello(w.id, {.protocol_version = 2});
    CHECK(error.at("type") == "error");
    CHECK(error.at("code") == "protocol_version");
    CHECK(error.at("message").get<std::string>().find("client too old") != std::string::npos);
    CHECK(client.wait_closed().code == 4000);
}

TEST_CASE("P-JOIN-3 an unknown workshop gets not_found and close 4004", "[ws]")
{
    test_server server;
    ws_client client(server.port());
    auto error = client.hello("no-such-workshop");
    CHECK(error.at("code") == "not_found");
    CHECK(client.wait_closed().code == 4004);
}

TEST_CASE("P-JOIN-4 a wrong facilitator key gets forbidden and close 4003", "[ws]")
{
    test_server server;
    const auto w = create_workshop(server.port());
    ws_client client(server.port());
    auto error = client.hello(w.id, {.facilitator_key = std::string(43, 'A')});
    CHECK(error.at("code") == "forbidden");
    CHECK(client.wait_closed().code == 4003);
}

TEST_CASE("P-JOIN-4 the right facilitator key makes a facilitator, without it a participant", "[ws]")
{
    test_server server;
    const auto w = create_workshop(server.port());
    ws_client facilitator(server.port()), participant(server.port());
    CHECK(facilitator.join(w.id, {.facilitator_key = w.facilitator_key}).at("you").at("role") ==
          "facilitator");
    CHECK(participant.join(w.id).at("you").at("role") == "participant");
}

TEST_CASE("P-JOIN-5 P-JOIN-6 a participant token rejoins as the same participant, from any connection",
          "[ws]")
{
    test_server server;
    const auto w = create_workshop(server.port());
    ws_client first(server.port());
    auto welcome = first.join(w.id, {.display_name = "Fatima"});
    const auto you = welcome.at("you");
    CHECK(you.at("displayName") == "Fatima");
    const std::string id = you.at("participantId"), token = you.at("participantToken");
    REQUIRE_FALSE(token.empty());

    // A second tab while the first is still open: same participant; a new name renames it.
    ws_client second(server.port());
    auto again = second.join(w.id, {.display_name = "Fatima B.", .participant_token = token});
    CHECK(again.at("you").at("participantId") == id);
    CHECK(again.at("you").at("displayName") == "Fatima B.");

    // After both are gone, a later connection is still the same participant.
    first.close();
    second.close();
    ws_client later(server.port());
    CHECK(later.join(w.id, {.display_name = "Fatima B.", .participant_token = token})
              .at("you").at("participantId") == id);

    // Someone without the token is someone else.
    ws_client stranger(server.port());
    CHECK(stranger.join(w.id).at("you").at("participantId") != id);
}

TEST_CASE("P-JOIN-5 a participant token that is not valid for the workshop is ignored", "[ws]")
{
    test_server server;
    const auto w = create_workshop(server.port());
    const auto other = create_workshop(server.port(), "Ander");
    ws_client a(server.port());
    const std::string token = a.join(other.id).at("you").at("participantToken");

    ws_client b(server.port());
    auto welcome = b.join(w.id, {.participant_token = token});
    CHECK(welcome.at("you").at("participantToken") != token);
    ws_client c(server.port());
    CHECK(c.join(w.id, {.participant_token = std::string(43, 'z')}).at("you").at("participantId") !=
          welcome.at("you").at("participantId"));
}

namespace {
json entry_of_list(const json& presence, const std::string& id)
{
    for (const auto& p : presence.at("participants"))
        if (p.at("participantId") == id)
            return p;
    return json::object();
}
}  // namespace

TEST_CASE("P-PRES-1 P-PRES-2 presence lists who is online and what they edit", "[ws]")
{
    test_server server;
    const auto w = create_workshop(server.port());
    ws_client anna(server.port()), bram(server.port());
    auto welcome = anna.join(w.id, {.display_name = "Anna"});
    const std::string anna_id = welcome.at("you").at("participantId");
    const std::string bram_id = bram.join(w.id, {.display_name = "Bram"}).at("you").at("participantId");
    const std::string card = new_id("card");
    anna.apply(card_add(welcome.at("snapshot"), card, "Wachttijd"));

    anna.send({{"type", "presence"}, {"editing", card}});
    auto entry_of = [](const json& presence, const std::string& id) {
        for (const auto& p : presence.at("participants"))
            if (p.at("participantId") == id)
                return p;
        return json();
    };
    // Presence is coalesced: wait until Bram's list shows Anna editing the card.
    bram.receive_until(
        [&](const json& m) {
            return m.at("type") == "presence" && entry_of(bram.presence(), anna_id).value("editing", json()) == card;
        },
        "presence with Anna editing");
    CHECK(entry_of(bram.presence(), anna_id).at("online") == true);
    CHECK(entry_of(bram.presence(), anna_id).at("displayName") == "Anna");
    CHECK(entry_of(bram.presence(), bram_id).at("online") == true);

    // P-PRES-5: to a participant, Bram offline is a count, not an entry.
    bram.close();
    anna.receive_until(
        [&](const json& m) {
            return m.at("type") == "presence" && entry_of(anna.presence(), bram_id).is_null() &&
                   anna.presence().at("offline") == 1;
        },
        "presence with Bram gone offline");
}

TEST_CASE("P-PRES-3 a joiner's welcome holds the list, and later messages carry only changes", "[ws]")
{
    test_server server;
    const auto w = create_workshop(server.port());
    ws_client fran(server.port()), anna(server.port()), bram(server.port());
    fran.join(w.id, {.display_name = "Fran", .facilitator_key = w.facilitator_key});
    const std::string anna_id = anna.join(w.id, {.display_name = "Anna"}).at("you").at("participantId");
    fran.receive_until([&](const json& m) { return m.at("type") == "presence" && fran.presence().at("participants").size() == 2; },
                       "Anna in Fran's list");

    const auto welcome = bram.join(w.id, {.display_name = "Bram"});
    const std::string bram_id = welcome.at("you").at("participantId");
    CHECK(welcome.at("presence").at("participants").size() == 2);  // Fran and Anna
    const auto change = fran.receive_until(
        [&](const json& m) { return m.at("type") == "presence" && fran.presence().at("participants").size() == 3; },
        "Bram in Fran's list");
    CHECK_FALSE(change.contains("participants"));  // not the whole list again
    CHECK(change.at("joined").size() == 1);
    CHECK(change.at("joined")[0].at("participantId") == bram_id);

    // P-PRES-5: a facilitator still sees Anna once she is offline; P-PRES-4: Bram made
    // facilitator gets that list whole.
    anna.close();
    fran.receive_until(
        [&](const json& m) {
            return m.at("type") == "presence" && entry_of_list(fran.presence(), anna_id).value("online", true) == false;
        },
        "Anna offline in Fran's list");
    bram.receive_until([&](const json& m) { return m.at("type") == "presence" && bram.presence().at("offline") == 1; },
                       "Anna counted offline in Bram's list");
    CHECK(entry_of_list(bram.presence(), anna_id).empty());
    fran.apply({{"kind", "participant.role"}, {"participantId", bram_id}, {"role", "facilitator"}});
    const auto whole = bram.receive_until(
        [&](const json& m) { return m.at("type") == "presence" && m.contains("participants"); }, "the facilitators' list");
    CHECK(whole.at("participants").size() == 3);
    CHECK(entry_of_list(bram.presence(), anna_id).at("online") == false);
}

TEST_CASE("P-HTTP-6 a new workshop starts with one journey of the default phases and lanes", "[ws]")
{
    test_server server;
    const auto w = create_workshop(server.port(), "Bouwvergunning");
    ws_client client(server.port());
    auto welcome = client.join(w.id);
    CHECK(welcome.at("seq") == 0);
    const auto& snapshot = welcome.at("snapshot");
    CHECK(snapshot.at("workshop").at("id") == w.id);
    CHECK(snapshot.at("workshop").at("title") == "Bouwvergunning");
    REQUIRE(snapshot.at("journeys").size() == 1);
    const auto& journey = snapshot.at("journeys").at(0);
    std::vector<std::string> phases, lanes, kinds;
    for (const auto& p : journey.at("phases"))
        phases.push_back(p.at("title"));
    for (const auto& l : journey.at("lanes")) {
        lanes.push_back(l.at("title"));
        kinds.push_back(l.at("kind"));
    }
    CHECK(phases == std::vector<std::string>{"Oriënteren", "Aanvragen", "Wachten", "Besluit", "Achteraf"});
    CHECK(lanes == std::vector<std::string>{"Contactmoment", "Verwachting", "Ervaring", "Emotie",
                                            "Knelpunt", "Verbeteridee"});
    CHECK(kinds == std::vector<std::string>{"touchpoint", "expectation", "experience", "emotion",
                                            "pain_point", "idea"});
    CHECK(snapshot.at("cards").empty());
}

TEST_CASE("P-WS-11 the workshop in the upgrade URL must be the hello's, without it any workshop joins",
          "[ws]")
{
    test_server server;
    const auto w = create_workshop(server.port());
    const auto other = create_workshop(server.port());

    ws_client routed(server.port(), {.target = "/ws?w=" + w.id});
    CHECK(routed.join(w.id).at("type") == "welcome");

    ws_client misrouted(server.port(), {.target = "/ws?x=1&w=" + other.id});
    auto error = misrouted.hello(w.id);
    CHECK(error.at("code") == "bad_message");
    CHECK(error.at("message").get<std::string>().find("w of the WebSocket URL") != std::string::npos);
    // The refused hello changed nothing: the same connection joins the workshop it was routed for.
    CHECK(misrouted.join(other.id).at("type") == "welcome");

    ws_client plain(server.port());
    CHECK(plain.join(other.id).at("type") == "welcome");
}
