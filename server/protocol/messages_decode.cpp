// decode_client_message: the strict reading of what a client sends (protocol.md, "Client →
// server"). The JSON parser rejects ill-formed UTF-8; on top of it we reject duplicate keys,
// which different parsers would resolve differently.

#include "protocol/messages.hpp"

#include "model/field_reader.hpp"
#include "model/text_rules.hpp"

#include <set>
#include <vector>

namespace jb::protocol {
namespace {

using nlohmann::json;
using model::field_reader;
using model::quote_name;

// The largest integer a JavaScript client can hold exactly (Number.MAX_SAFE_INTEGER).
constexpr std::int64_t max_safe_integer = 9'007'199'254'740'991;

decode_error from(const model::op_error& e, std::optional<std::int64_t> client_seq = {}) {
    return decode_error{e.code, e.message, client_seq};
}

// What the parser says went wrong, without the "last read" part that echoes the input.
std::string parse_problem(const json::exception& e) {
    std::string what = e.what();
    if (const auto bracket = what.find("] "); what.rfind("[json.exception.", 0) == 0 &&
                                              bracket != std::string::npos)
        what.erase(0, bracket + 2);
    if (const auto echo = what.find("; last read"); echo != std::string::npos) what.erase(echo);
    return what;
}

// A key given twice in one object: different parsers would keep different values (P-MSG-1).
struct duplicate_key {
    std::string name;
    bool top_level;  // in the message object itself, not nested in one of its fields
};

struct parsed_message {
    json value;
    std::optional<duplicate_key> duplicate;
};

std::variant<parsed_message, decode_error> parse(std::string_view text) {
    // One set of keys per open object, to find a key given twice.
    std::vector<std::set<std::string>> open;
    std::optional<duplicate_key> duplicate;
    const json::parser_callback_t track = [&](int, json::parse_event_t event, json& parsed) {
        switch (event) {
        case json::parse_event_t::object_start:
            open.emplace_back();
            break;
        case json::parse_event_t::object_end:
            open.pop_back();
            break;
        case json::parse_event_t::key:
            if (!open.empty() && !open.back().insert(parsed.get<std::string>()).second &&
                !duplicate)
                duplicate = duplicate_key{parsed.get<std::string>(), open.size() == 1};
            break;
        default:
            break;
        }
        return true;
    };
    try {
        return parsed_message{json::parse(text.begin(), text.end(), track), std::move(duplicate)};
    } catch (const json::exception& e) {
        return decode_error{"bad_json", "not valid JSON: " + parse_problem(e), {}};
    }
}

// The clientSeq of an op message, when it can be read without doubt: so that the error about
// the rest of the message names the operation it is about (P-SYNC-2).
std::optional<std::int64_t> readable_client_seq(const json& j, const duplicate_key& duplicate) {
    if (!j.is_object() || j.value("type", json()) != "op") return std::nullopt;
    if (duplicate.top_level && (duplicate.name == "clientSeq" || duplicate.name == "type"))
        return std::nullopt;
    field_reader r(j, "");
    const std::int64_t client_seq = r.integer("clientSeq", 1, max_safe_integer);
    if (!r.ok()) return std::nullopt;
    return client_seq;
}

std::variant<client_message, decode_error> read_hello(const json& j) {
    // The version comes first: a newer client may send fields this server does not know.
    const auto version_it = j.find("protocolVersion");
    if (version_it == j.end()) return decode_error{"bad_message", "protocolVersion: missing", {}};
    const auto [status, value] = model::integral(*version_it);  // 1.0 is 1 (P-MSG-2)
    if (status == model::integral_value::not_a_number ||
        status == model::integral_value::not_integral)
        return decode_error{"bad_message", "protocolVersion: must be an integer", {}};
    const bool newer = status == model::integral_value::too_large ||
                       (status == model::integral_value::ok && value > version);
    const bool older = status == model::integral_value::too_small ||
                       (status == model::integral_value::ok && value < version);
    if (newer || older) {
        return decode_error{"protocol_version",
                            "protocolVersion " + version_it->dump() + ": " +
                                (older ? "client too old" : "server too old") +
                                " (this server speaks version " + std::to_string(version) + ")",
                            {}};
    }

    field_reader r(j, "");
    r.allow_only({"type", "protocolVersion", "workshopId", "clientId", "displayName", "lastSeq",
                  "participantToken", "facilitatorKey", "screenKey"});
    hello h;
    h.protocol_version = version;
    h.workshop_id = r.id("workshopId");
    h.client_id = r.id("clientId");
    h.display_name = r.name_text("displayName", model::text::max_display_name);
    h.last_seq = r.integer("lastSeq", 0, max_safe_integer);
    h.participant_token = r.maybe_secret("participantToken", model::text::participant_token);
    h.facilitator_key = r.maybe_secret("facilitatorKey", model::text::facilitator_key);
    h.screen_key = r.maybe_secret("screenKey", model::text::screen_key);
    if (r.ok() && h.facilitator_key && h.screen_key)
        r.fail("bad_message", "screenKey", "give facilitatorKey or screenKey, not both");
    if (!r.ok()) return from(*r.error());
    return h;
}

std::variant<client_message, decode_error> read_op(const json& j) {
    field_reader r(j, "");
    // clientSeq first, so that every later error can name the operation it is about.
    const std::int64_t client_seq = r.integer("clientSeq", 1, max_safe_integer);
    if (!r.ok()) return from(*r.error());
    r.allow_only({"type", "clientSeq", "op"});
    const json* op = r.find("op");
    if (!op) r.fail("bad_message", "op", "missing");
    if (!r.ok()) return from(*r.error(), client_seq);
    auto decoded = model::decode_operation(*op);
    if (auto* e = std::get_if<model::op_error>(&decoded)) return from(*e, client_seq);
    return op_message{client_seq, std::move(std::get<model::operation>(decoded))};
}

std::variant<client_message, decode_error> read_presence(const json& j) {
    field_reader r(j, "");
    r.allow_only({"type", "editing"});
    presence_message p;
    const json* editing = r.find("editing");
    if (!editing)
        r.fail("bad_message", "editing", "missing");
    else if (!editing->is_null())
        p.editing = r.maybe_id("editing");
    if (!r.ok()) return from(*r.error());
    return p;
}

std::variant<client_message, decode_error> read_ping(const json& j) {
    field_reader r(j, "");
    r.allow_only({"type", "t"});
    const json* t = r.find("t");
    if (!t)
        r.fail("bad_message", "t", "missing");
    else if (!t->is_number())
        r.fail("bad_message", "t", "must be a number");
    if (!r.ok()) return from(*r.error());
    return ping_message{*t};
}

}  // namespace

std::variant<client_message, decode_error> decode_client_message(std::string_view text) {
    auto parsed = parse(text);
    if (auto* e = std::get_if<decode_error>(&parsed)) return std::move(*e);
    const auto& [j, duplicate] = std::get<parsed_message>(parsed);
    if (duplicate)
        return decode_error{"bad_message", "field " + quote_name(duplicate->name) + " given twice",
                            readable_client_seq(j, *duplicate)};
    if (!j.is_object()) return decode_error{"bad_message", "message: must be a JSON object", {}};
    const auto type = j.find("type");
    if (type == j.end()) return decode_error{"bad_message", "type: missing", {}};
    if (!type->is_string()) return decode_error{"bad_message", "type: must be a string", {}};
    const auto& name = type->get_ref<const std::string&>();
    if (name == "hello") return read_hello(j);
    if (name == "op") return read_op(j);
    if (name == "presence") return read_presence(j);
    if (name == "ping") return read_ping(j);
    return decode_error{"unknown_type", "type: unknown message type " + quote_name(name), {}};
}

}  // namespace jb::protocol
