// WebSocket messages (protocol.md, "Messages"): strict decoding of what clients send, with
// errors that name the problem, and the exact shape of what the server sends.
#include "protocol/messages.hpp"

#include <catch2/catch.hpp>

#include <string>

using nlohmann::json;
using namespace jb::protocol;
namespace model = jb::model;

namespace {

client_message decodes(const std::string& text) {
    auto result = decode_client_message(text);
    if (auto* e = std::get_if<decode_error>(&result))
        FAIL("rejected " << text << ": " << e->code << " " << e->message);
    return std::get<client_message>(result);
}

decode_error rejects(const std::string& text) {
    auto result = decode_client_message(text);
    if (!std::holds_alternative<decode_error>(result)) FAIL("accepted: " << text);
    return std::get<decode_error>(result);
}

json valid_hello() {
    return {{"type", "hello"},         {"protocolVersion", version}, {"workshopId", "w1"},
            {"clientId", "tab-1"},     {"displayName", "Anna"}, {"lastSeq", 0}};
}

json valid_op() {
    return {{"type", "op"},
            {"clientSeq", 7},
            {"op", {{"kind", "card.delete"}, {"cardId", "c1"}}}};
}

}  // namespace

TEST_CASE("P-WS-1 a message that is not JSON is bad_json", "[protocol]") {
    for (const char* text : {"", "hello", "{", "{\"type\":\"ping\",}", "{\"type\":'ping'}",
                             "{\"type\":\"ping\",\"t\":1e999}", "{\"type\":\"ping\"} {}"}) {
        INFO(text);
        const decode_error e = rejects(text);
        CHECK(e.code == "bad_json");
        CHECK(e.message.rfind("not valid JSON: ", 0) == 0);
        CHECK_FALSE(e.client_seq);
    }
}

TEST_CASE("P-WS-1 ill-formed UTF-8 is bad_json, and the error does not echo it", "[protocol]") {
    const decode_error e = rejects("{\"type\":\"ping\",\"t\":1,\"x\":\"\xC3\x28\"}");
    CHECK(e.code == "bad_json");
    CHECK(e.message.find("UTF-8") != std::string::npos);
    CHECK(e.message.find("\xC3") == std::string::npos);
    CHECK(rejects("{\"type\":\"hello\",\"displayName\":\"\\udc00\"}").code == "bad_json");
}

TEST_CASE("P-WS-1 a message must be an object with a string type", "[protocol]") {
    for (const char* text : {"[]", "1", "\"hello\"", "null"}) {
        const decode_error e = rejects(text);
        CHECK(e.code == "bad_message");
        CHECK(e.message == "message: must be a JSON object");
    }
    CHECK(rejects("{}").message == "type: missing");
    const decode_error e = rejects(R"({"type":1})");
    CHECK(e.code == "bad_message");
    CHECK(e.message == "type: must be a string");
}

TEST_CASE("an unknown message type is unknown_type", "[protocol]") {
    const decode_error e = rejects(R"({"type":"shout","text":"hi"})");
    CHECK(e.code == "unknown_type");
    CHECK(e.message == "type: unknown message type \"shout\"");
}

TEST_CASE("P-MSG-1 a field given twice is a bad message", "[protocol]") {
    const decode_error e = rejects(R"({"type":"op","clientSeq":1,"clientSeq":2,"op":{}})");
    CHECK(e.code == "bad_message");
    CHECK(e.message == "field \"clientSeq\" given twice");
    CHECK_FALSE(e.client_seq);  // which of the two?
    CHECK(rejects(R"({"type":"op","clientSeq":1,"op":{"kind":"card.delete","cardId":"a","cardId":"b"}})")
              .message == "field \"cardId\" given twice");
    CHECK_FALSE(rejects(R"({"type":"op","type":"op","clientSeq":3,"op":{}})").client_seq);
    CHECK_FALSE(rejects(R"({"type":"ping","t":1,"t":2})").client_seq);
}

TEST_CASE("P-SYNC-2 an op with a field given twice gets its error with its clientSeq", "[protocol]") {
    decode_error e =
        rejects(R"({"type":"op","clientSeq":5,"op":{"kind":"card.delete","cardId":"a","cardId":"b"}})");
    CHECK(e.code == "bad_message");
    CHECK(e.message == "field \"cardId\" given twice");
    CHECK(e.client_seq == 5);
    e = rejects(R"({"type":"op","op":{"kind":"card.delete","cardId":"a"},"op":{},"clientSeq":6})");
    CHECK(e.message == "field \"op\" given twice");
    CHECK(e.client_seq == 6);
}

TEST_CASE("P-MSG-2 an integer may be written as 7.0 or 6e4 when its value is integral and in range",
          "[protocol]") {
    json j = valid_op();
    j["clientSeq"] = 7.0;
    CHECK(std::get<op_message>(decodes(j.dump())).client_seq == 7);
    CHECK(std::get<op_message>(decodes(R"({"type":"op","clientSeq":7e0,"op":{"kind":"card.delete","cardId":"c1"}})"))
              .client_seq == 7);

    const auto timer = decodes(R"({"type":"op","clientSeq":1,"op":{"kind":"timer.set","durationMs":6e4}})");
    CHECK(std::get<model::timer_set>(std::get<op_message>(timer).op).duration_ms == 60000);

    json h = valid_hello();
    h["protocolVersion"] = static_cast<double>(version);
    h["lastSeq"] = 12.0;
    CHECK(std::get<hello>(decodes(h.dump())).last_seq == 12);
    h["protocolVersion"] = static_cast<double>(version + 1);
    CHECK(rejects(h.dump()).code == "protocol_version");
    h["protocolVersion"] = 1.5;
    CHECK(rejects(h.dump()).message == "protocolVersion: must be an integer");

    // Integral but out of range is invalid, as for any integer; a fraction is not an integer.
    j["clientSeq"] = 0.0;
    CHECK(rejects(j.dump()).message == "clientSeq: must be at least 1");
    j["clientSeq"] = -0.0;
    CHECK(rejects(j.dump()).message == "clientSeq: must be at least 1");
    j["clientSeq"] = 1e300;
    CHECK(rejects(j.dump()).message == "clientSeq: must be at most 9007199254740991");
    j["clientSeq"] = -1e300;
    CHECK(rejects(j.dump()).message == "clientSeq: must be at least 1");
    j["clientSeq"] = 7.5;
    decode_error e = rejects(j.dump());
    CHECK(e.code == "bad_message");
    CHECK(e.message == "clientSeq: must be an integer, not a fraction");
}

TEST_CASE("P-JOIN-5 P-ROLE-5 keys and tokens have the lengths of the schemas", "[protocol]") {
    const auto with = [](const char* field, std::size_t length) {
        json h = valid_hello();
        h[field] = std::string(length, 'A');
        return decode_client_message(h.dump());
    };
    const auto accepted = [&](const char* field, std::size_t length) {
        return std::holds_alternative<client_message>(with(field, length));
    };
    CHECK(accepted("facilitatorKey", 43));
    CHECK_FALSE(accepted("facilitatorKey", 42));
    CHECK_FALSE(accepted("facilitatorKey", 44));
    CHECK_FALSE(accepted("facilitatorKey", 128));
    CHECK(std::get<decode_error>(with("facilitatorKey", 42)).message ==
          "facilitatorKey: must match ^[A-Za-z0-9_-]{43}$");
    CHECK(std::get<decode_error>(with("facilitatorKey", 42)).code == "invalid");
    CHECK(accepted("screenKey", 22));
    CHECK(accepted("screenKey", 43));
    CHECK_FALSE(accepted("screenKey", 21));
    CHECK_FALSE(accepted("screenKey", 44));
    CHECK(std::get<decode_error>(with("screenKey", 21)).message == "screenKey: must match ^[A-Za-z0-9_-]{22,43}$");
    CHECK(accepted("participantToken", 1));
    CHECK(accepted("participantToken", 128));
    CHECK_FALSE(accepted("participantToken", 129));
}

TEST_CASE("very deep nesting is rejected without harm", "[protocol]") {
    // Also: the same key in nested objects ("a" at every level) is not a duplicate.
    const std::string deep = std::string(30000, '[') + std::string(30000, ']');
    CHECK(rejects(deep).code == "bad_message");
    const std::string deep_objects = "{\"type\":\"ping\",\"t\":1,\"x\":" +
                                     [] {
                                         std::string s;
                                         for (int i = 0; i < 20000; ++i) s += "{\"a\":";
                                         s += "1";
                                         s += std::string(20000, '}');
                                         return s;
                                     }() +
                                     "}";
    CHECK(rejects(deep_objects).message == "unknown field \"x\"");
}

TEST_CASE("hello decodes with its optional fields", "[protocol]") {
    json j = valid_hello();
    j["displayName"] = "  Anna de Vries ";
    j["lastSeq"] = 42;
    j["participantToken"] = "tok_-123";
    j["facilitatorKey"] = std::string(43, 'k');
    const auto h = std::get<hello>(decodes(j.dump()));
    CHECK(h.protocol_version == version);
    CHECK(h.workshop_id == "w1");
    CHECK(h.client_id == "tab-1");
    CHECK(h.display_name == "Anna de Vries");
    CHECK(h.last_seq == 42);
    CHECK(h.participant_token == "tok_-123");
    CHECK(h.facilitator_key == std::string(43, 'k'));

    const auto plain = std::get<hello>(decodes(valid_hello().dump()));
    CHECK_FALSE(plain.participant_token);
    CHECK_FALSE(plain.facilitator_key);
}

TEST_CASE("P-JOIN-2 another protocol version says who is too old", "[protocol]") {
    CHECK(version == 5);
    json j = valid_hello();
    j["protocolVersion"] = 4;  // a page cached from before protocol 5 (P-SYNC-12, P-PRES-3)
    decode_error e = rejects(j.dump());
    CHECK(e.code == "protocol_version");
    CHECK(e.message == "protocolVersion 4: client too old (this server speaks version 5)");

    j["protocolVersion"] = 6;
    e = rejects(j.dump());
    CHECK(e.code == "protocol_version");
    CHECK(e.message == "protocolVersion 6: server too old (this server speaks version 5)");

    j["protocolVersion"] = -5;
    CHECK(rejects(j.dump()).message.find("client too old") != std::string::npos);
    j["protocolVersion"] = 18446744073709551615ull;
    CHECK(rejects(j.dump()).message.find("server too old") != std::string::npos);
}

TEST_CASE("P-JOIN-2 the version is checked before anything else in hello", "[protocol]") {
    // A newer client's hello may have fields and values this server does not know.
    const json newer = {{"type", "hello"}, {"protocolVersion", version + 1}, {"workshop", {{"id", 5}}}};
    CHECK(rejects(newer.dump()).code == "protocol_version");

    json j = valid_hello();
    j.erase("protocolVersion");
    decode_error e = rejects(j.dump());
    CHECK(e.code == "bad_message");
    CHECK(e.message == "protocolVersion: missing");
    for (const json& wrong : {json("1"), json(1.5), json(nullptr)}) {  // 1.0 is 1 (P-MSG-2)
        j["protocolVersion"] = wrong;
        e = rejects(j.dump());
        CHECK(e.code == "bad_message");
        CHECK(e.message == "protocolVersion: must be an integer");
    }
}

TEST_CASE("hello fields are checked and named", "[protocol]") {
    const auto check = [](const char* field, const json& value, const char* code,
                          const std::string& message) {
        json j = valid_hello();
        if (value.is_discarded())
            j.erase(field);
        else
            j[field] = value;
        INFO(j.dump());
        const decode_error e = rejects(j.dump());
        CHECK(e.code == code);
        CHECK(e.message == message);
        CHECK_FALSE(e.client_seq);
    };
    const json absent = json::value_t::discarded;
    check("workshopId", absent, "bad_message", "workshopId: missing");
    check("workshopId", "w 1", "invalid", "workshopId: must match ^[A-Za-z0-9_-]{1,64}$");
    check("clientId", 12, "bad_message", "clientId: must be a string, not a number");
    check("clientId", std::string(65, 'c'), "invalid", "clientId: must match ^[A-Za-z0-9_-]{1,64}$");
    check("displayName", absent, "bad_message", "displayName: missing");
    check("displayName", "   ", "invalid", "displayName: must not be empty");
    check("displayName", std::string(61, 'n'), "invalid", "displayName: longer than 60 characters");
    check("displayName", "a\tb", "invalid", "displayName: contains a control character (U+0009)");
    check("lastSeq", absent, "bad_message", "lastSeq: missing");
    check("lastSeq", -1, "invalid", "lastSeq: must be at least 0");
    check("lastSeq", "0", "bad_message", "lastSeq: must be an integer, not a string");
    check("lastSeq", 0.5, "bad_message", "lastSeq: must be an integer, not a fraction");
    check("lastSeq", "3", "bad_message", "lastSeq: must be an integer, not a string");
    check("lastSeq", 9007199254740992LL, "invalid", "lastSeq: must be at most 9007199254740991");
    check("participantToken", "", "invalid", "participantToken: must match ^[A-Za-z0-9_-]{1,128}$");
    check("participantToken", nullptr, "bad_message", "participantToken: must be a string, not null");
    check("facilitatorKey", std::string(129, 'k'), "invalid", "facilitatorKey: must match ^[A-Za-z0-9_-]{43}$");
    check("facilitatorKey", std::string(42, 'k') + "=", "invalid",
          "facilitatorKey: must match ^[A-Za-z0-9_-]{43}$");
    check("role", "facilitator", "bad_message", "unknown field \"role\"");
}

TEST_CASE("op decodes its clientSeq and operation", "[protocol]") {
    const auto m = std::get<op_message>(decodes(valid_op().dump()));
    CHECK(m.client_seq == 7);
    CHECK(std::get<model::card_delete>(m.op).card_id == "c1");
}

TEST_CASE("P-SYNC-2 an invalid op's error carries its clientSeq once that is readable",
          "[protocol]") {
    json j = valid_op();
    j["op"]["text"] = "x";
    decode_error e = rejects(j.dump());
    CHECK(e.code == "bad_message");
    CHECK(e.message == "unknown field \"op.text\"");
    CHECK(e.client_seq == 7);

    j = valid_op();
    j["op"] = {{"kind", "card.add"}, {"cardId", "c1"}, {"journeyId", "j"}, {"phaseId", "p"},
               {"laneId", "l"}, {"text", std::string(2001, 'x')}, {"color", "yellow"},
               {"orderKey", "a0"}};
    e = rejects(j.dump());
    CHECK(e.code == "invalid");
    CHECK(e.message == "op.text: longer than 2000 characters");
    CHECK(e.client_seq == 7);

    j = valid_op();
    j["op"]["kind"] = "card.fold";
    e = rejects(j.dump());
    CHECK(e.code == "unknown_type");
    CHECK(e.client_seq == 7);

    j = valid_op();
    j.erase("op");
    e = rejects(j.dump());
    CHECK(e.message == "op: missing");
    CHECK(e.client_seq == 7);

    j = valid_op();
    j["op"] = "card.delete";
    e = rejects(j.dump());
    CHECK(e.message == "op: must be an object");
    CHECK(e.client_seq == 7);

    j = valid_op();
    j["extra"] = true;
    e = rejects(j.dump());
    CHECK(e.message == "unknown field \"extra\"");
    CHECK(e.client_seq == 7);
}

TEST_CASE("an op without a usable clientSeq gets an error without one", "[protocol]") {
    json j = valid_op();
    j["clientSeq"] = 0;
    decode_error e = rejects(j.dump());
    CHECK(e.code == "invalid");
    CHECK(e.message == "clientSeq: must be at least 1");
    CHECK_FALSE(e.client_seq);

    j["clientSeq"] = 2.5;
    e = rejects(j.dump());
    CHECK(e.code == "bad_message");
    CHECK_FALSE(e.client_seq);

    j.erase("clientSeq");
    e = rejects(j.dump());
    CHECK(e.message == "clientSeq: missing");
    CHECK_FALSE(e.client_seq);

    j["clientSeq"] = 18446744073709551615ull;
    e = rejects(j.dump());
    CHECK(e.code == "invalid");
    CHECK(e.message == "clientSeq: must be at most 9007199254740991");
}

TEST_CASE("presence carries a card id or null", "[protocol]") {
    CHECK(std::get<presence_message>(decodes(R"({"type":"presence","editing":"c1"})")).editing == "c1");
    CHECK_FALSE(std::get<presence_message>(decodes(R"({"type":"presence","editing":null})")).editing);
    decode_error e = rejects(R"({"type":"presence"})");
    CHECK(e.code == "bad_message");
    CHECK(e.message == "editing: missing");
    e = rejects(R"({"type":"presence","editing":"c 1"})");
    CHECK(e.code == "invalid");
    CHECK(e.message == "editing: must match ^[A-Za-z0-9_-]{1,64}$");
    e = rejects(R"({"type":"presence","editing":3})");
    CHECK(e.code == "bad_message");
    CHECK(e.message == "editing: must be a string, not a number");
    CHECK(rejects(R"({"type":"presence","editing":null,"x":1})").message == "unknown field \"x\"");
}

TEST_CASE("P-WS-7 ping carries any number, and pong echoes it", "[protocol]") {
    for (const char* t : {"0", "-3", "1712345678901", "0.25", "1e300", "18446744073709551615"}) {
        const auto p = std::get<ping_message>(decodes(std::string(R"({"type":"ping","t":)") + t + "}"));
        CHECK(p.t == json::parse(t));
        CHECK(json::parse(encode_pong(p.t)) == json{{"type", "pong"}, {"t", json::parse(t)}});
    }
    for (const char* t : {"\"1\"", "null", "[1]", "{}", "true"}) {
        const decode_error e = rejects(std::string(R"({"type":"ping","t":)") + t + "}");
        CHECK(e.code == "bad_message");
        CHECK(e.message == "t: must be a number");
    }
    CHECK(rejects(R"({"type":"ping"})").message == "t: missing");
    CHECK(rejects(R"({"type":"ping","t":1,"u":2})").message == "unknown field \"u\"");
}

TEST_CASE("welcome with a snapshot has exactly the documented fields", "[protocol]") {
    welcome w;
    w.workshop_id = "w1";
    w.who = {"p1", "tok", "Anna", model::role::facilitator};
    w.seq = 12;
    w.last_client_seq = 3;
    w.max_message_bytes = 65536;
    w.max_card_text = 2000;
    w.server_time = 1700;
    w.join_code = "ABC234";
    w.screen_key = "screen-key-0123456789a";
    w.snapshot = json{{"workshop", {{"id", "w1"}}}, {"journeys", json::array()}, {"cards", json::array()}};
    const json expected = {
        {"type", "welcome"},
        {"protocolVersion", version},
        {"workshopId", "w1"},
        {"you", {{"participantId", "p1"}, {"participantToken", "tok"}, {"displayName", "Anna"},
                 {"role", "facilitator"}}},
        {"seq", 12},
        {"lastClientSeq", 3},
        {"serverTime", 1700},
        {"limits", {{"maxMessageBytes", 65536}, {"maxCardText", 2000}}},
        {"joinCode", "ABC234"},
        {"screenKey", "screen-key-0123456789a"},
        {"snapshot", *w.snapshot},
    };
    CHECK(json::parse(encode_welcome(w)) == expected);
}

TEST_CASE("P-SYNC-5 welcome without a snapshot carries the events, possibly none", "[protocol]") {
    welcome w;
    w.workshop_id = "w1";
    w.who = {"p1", "tok", "Anna", model::role::participant};
    w.seq = 0;
    json doc = json::parse(encode_welcome(w));
    CHECK(doc["events"] == json::array());
    CHECK_FALSE(doc.contains("snapshot"));
    CHECK(doc["you"]["role"] == "participant");

    w.seq = 2;
    const json op = {{"kind", "card.delete"}, {"cardId", "c1"}};
    w.events = {event_body(1, 100, "p1", op), event_body(2, 200, "p2", op)};
    doc = json::parse(encode_welcome(w));
    REQUIRE(doc["events"].size() == 2);
    CHECK(doc["events"][1]["seq"] == 2);
    CHECK(doc["events"][1]["by"] == "p2");
    CHECK_FALSE(doc.contains("snapshot"));

    // P-SYNC-11: a participant's welcome says its number; a screen's has none.
    CHECK_FALSE(doc["you"].contains("number"));
    w.who.number = 7;
    CHECK(json::parse(encode_welcome(w))["you"]["number"] == 7);
}

TEST_CASE("event, ack, error: exact shapes", "[protocol]") {
    const json op = {{"kind", "card.delete"}, {"cardId", "c1"}};
    // The room's own form: the room makes `by` a number per connection (P-SYNC-11).
    CHECK(json::parse(encode_event(event_body(5, 1700, "p1", op))) ==
          json{{"type", "event"}, {"seq", 5}, {"at", 1700}, {"by", "p1"}, {"op", op}});

    // P-VOTE-10: an op the server made itself has no sender.
    CHECK(json::parse(encode_event(event_body(6, 1800, "", op))) ==
          json{{"type", "event"}, {"seq", 6}, {"at", 1800}, {"op", op}});

    CHECK(json::parse(encode_ack(3, 5, false)) == json{{"type", "ack"}, {"clientSeq", 3}, {"seq", 5}});
    CHECK(json::parse(encode_ack(3, 5, true)) ==
          json{{"type", "ack"}, {"clientSeq", 3}, {"seq", 5}, {"duplicate", true}});

    CHECK(json::parse(encode_error("not_joined", "send hello first")) ==
          json{{"type", "error"}, {"code", "not_joined"}, {"message", "send hello first"}});
    CHECK(json::parse(encode_error("not_found", "op.cardId: no card \"x\"", 4)) ==
          json{{"type", "error"}, {"code", "not_found"}, {"message", "op.cardId: no card \"x\""},
               {"clientSeq", 4}});
}

TEST_CASE("P-SYNC-12 an event names a card's add, update and move by kind and card id only", "[protocol]") {
    const json add = {{"kind", "card.add"}, {"cardId", "c1"}, {"journeyId", "j1"}, {"phaseId", "p1"},
                      {"laneId", "l1"}, {"text", "Balie"}, {"color", "yellow"}, {"orderKey", "a0"},
                      {"private", true}};
    CHECK(event_op(add) == json{{"kind", "card.add"}, {"cardId", "c1"}});
    CHECK(event_op({{"kind", "card.update"}, {"cardId", "c1"}, {"text", "Loket"}}) ==
          json{{"kind", "card.update"}, {"cardId", "c1"}});
    CHECK(event_op({{"kind", "card.move"}, {"cardId", "c1"}, {"phaseId", "p2"}, {"laneId", "l1"}, {"orderKey", "a1"}}) ==
          json{{"kind", "card.move"}, {"cardId", "c1"}});
    // Every other operation says more than its patch (or its patch may be absent): as it is.
    for (const json& op : {json{{"kind", "card.delete"}, {"cardId", "c1"}},
                           json{{"kind", "card.link"}, {"cardId", "c1"}, {"targetId", "c2"}},
                           json{{"kind", "round.start"}, {"roundId", "r1"}, {"criterion", "impact"}},
                           json{{"kind", "score.set"}, {"scale", "current"}, {"targetId", "c1"}},
                           json{{"kind", "hidden"}}})
        CHECK(event_op(op) == op);
}

TEST_CASE("P-ROLE-5 hello takes a screen key, but not together with a facilitator key", "[protocol]") {
    const std::string base =
        R"({"type":"hello","protocolVersion":)" + std::to_string(version) +
        R"(,"workshopId":"w1","clientId":"c1","displayName":"Scherm","lastSeq":0)";
    const auto screen = decode_client_message(base + R"(,"screenKey":"Zp4Q9rT2vX7yA1bC3dE5fG"})");
    REQUIRE(std::holds_alternative<client_message>(screen));
    CHECK(std::get<hello>(std::get<client_message>(screen)).screen_key == "Zp4Q9rT2vX7yA1bC3dE5fG");
    const auto both = decode_client_message(base + R"(,"screenKey":"Zp4Q9rT2vX7yA1bC3dE5fG","facilitatorKey":")" +
                                            std::string(43, 'k') + "\"}");
    REQUIRE(std::holds_alternative<decode_error>(both));
    CHECK(std::get<decode_error>(both).code == "bad_message");
    CHECK(std::get<decode_error>(both).message == "screenKey: give facilitatorKey or screenKey, not both");
}

TEST_CASE("encoders do not throw on ill-formed UTF-8", "[protocol]") {
    std::string text;
    REQUIRE_NOTHROW(text = encode_error("internal", "bad \xC3 byte"));
    CHECK(json::parse(text)["code"] == "internal");
}

TEST_CASE("close codes are protocol.md's", "[protocol]") {
    CHECK(close_code::going_away == 1001);
    CHECK(close_code::too_big == 1009);
    CHECK(close_code::protocol_version == 4000);
    CHECK(close_code::forbidden == 4003);
    CHECK(close_code::not_found == 4004);
    CHECK(close_code::too_slow == 4008);
    CHECK(close_code::rate_limited == 4029);
}
