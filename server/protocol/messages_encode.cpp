// The messages the server sends (protocol.md, "Server → client"), serialised once so that a
// broadcast can share the buffer.

#include "protocol/messages.hpp"

namespace jb::protocol {
namespace {

using nlohmann::json;

// Never throws: every string we send was validated on the way in, but an encoder runs inside
// async handlers, so ill-formed UTF-8 (were there any) is replaced instead of thrown.
std::string dump(const json& j) {
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace

json event_body(std::int64_t seq, std::int64_t at, const std::string& by, const json& op) {
    json body{{"seq", seq}, {"at", at}};
    if (!by.empty()) body["by"] = by;
    body["op"] = op;
    return body;
}

json event_op(const json& op) {
    const auto kind = op.find("kind");
    if (kind == op.end() || !kind->is_string()) return op;
    const auto& name = kind->get_ref<const std::string&>();
    if (name != "card.add" && name != "card.update" && name != "card.move") return op;
    return json{{"kind", name}, {"cardId", op.at("cardId")}};
}

std::string encode_welcome(const welcome& w) {
    json head{
        {"type", "welcome"},
        {"protocolVersion", version},
        {"workshopId", w.workshop_id},
        {"you",
         {{"participantId", w.who.participant_id},
          {"participantToken", w.who.participant_token},
          {"displayName", w.who.display_name},
          {"role", model::to_string(w.who.role)}}},
        {"seq", w.seq},
        {"lastClientSeq", w.last_client_seq},
        {"serverTime", w.server_time},
        {"limits", {{"maxMessageBytes", w.max_message_bytes}, {"maxCardText", w.max_card_text}}},
    };
    if (w.who.number > 0) head["you"]["number"] = w.who.number;  // not for a screen
    if (w.join_code) head["joinCode"] = *w.join_code;
    if (w.screen_key) head["screenKey"] = *w.screen_key;
    if (!w.snapshot && !w.snapshot_text) head["events"] = w.events;
    if (!w.digest.empty()) head["digest"] = w.digest;
    // A snapshot can hold thousands of cards, the presence list a thousand entries: splice
    // their text in rather than copy the trees.
    std::string text = dump(head);
    text.pop_back();  // the closing '}'
    if (w.presence_text) {
        text += ",\"presence\":";
        text += *w.presence_text;
    }
    if (!w.snapshot && !w.snapshot_text) return text += '}';
    text += ",\"snapshot\":";
    if (w.snapshot_text)
        text += *w.snapshot_text;
    else
        text += dump(*w.snapshot);
    text += '}';
    return text;
}

std::string encode_event(const json& body) {
    json message = body;
    message["type"] = "event";
    return dump(message);
}

std::string encode_ack(std::int64_t client_seq, std::int64_t seq, bool duplicate,
                       const std::string& digest) {
    json message{{"type", "ack"}, {"clientSeq", client_seq}, {"seq", seq}};
    if (duplicate) message["duplicate"] = true;
    if (!digest.empty()) message["digest"] = digest;
    return dump(message);
}

std::string encode_error(std::string_view code, std::string_view message,
                         std::optional<std::int64_t> client_seq) {
    json j{{"type", "error"}, {"code", code}, {"message", message}};
    if (client_seq) j["clientSeq"] = *client_seq;
    return dump(j);
}

std::string encode_pong(const json& t) { return dump(json{{"type", "pong"}, {"t", t}}); }

}  // namespace jb::protocol
