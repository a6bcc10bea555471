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

std::variant<json, decode_error> parse(std::string_view text) {
    // One set of keys per open object, to find a key given twice.
    std::vector<std::set<std::string>> open;
    std::optional<std::string> duplicate;
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
                duplicate = parsed.get<std::string>();
            break;
        default:
            break;
        }
        return true;
    };
    try {
        json j = json::parse(text.begin(), text.end(), track);
        if (duplicate)
            return decode_error{"bad_message", "field " + quote_name(*duplicate) + " given twice", {}};
        return j;
    } catch (const json::exception& e) {
        return decode_error{"bad_json", "not valid JSON: " + parse_problem(e), {}};
    }
}

std::variant<client_message, decode_error> read_hello(const json& j) {
    // The version comes first: a newer client may send fields this server does not know.
    const auto version_it = j.find("protocolVersion");
    if (version_it == j.end()) return decode_error{"bad_message", "protocolVersion: missing", {}};
    if (!version_it->is_number_integer())
        return decode_error{"bad_message", "protocolVersion: must be an integer", {}};
    // The parser keeps non-negative integers unsigned and negative ones signed.
    const auto& v = *version_it;
    const bool newer = v.is_number_unsigned()
                           ? v.get<std::uint64_t>() > static_cast<std::uint64_t>(version)
                           : v.get<std::int64_t>() > version;
    const bool older = v.is_number_unsigned()
                           ? v.get<std::uint64_t>() < static_cast<std::uint64_t>(version)
                           : v.get<std::int64_t>() < version;
    if (newer || older) {
        return decode_error{"protocol_version",
                            "protocolVersion " + v.dump() + ": " +
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
    h.participant_token = r.maybe_secret("participantToken");
    h.facilitator_key = r.maybe_secret("facilitatorKey");
    h.screen_key = r.maybe_secret("screenKey");
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
    const json& j = std::get<json>(parsed);
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
