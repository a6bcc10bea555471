#pragma once
// Synchronous test clients for the real server: HTTP requests and a WebSocket client, every
// wait bounded by a timeout so that a missing message fails the test instead of hanging it.
//
// With JB_CONTRACT_LOG set, every well-formed message sent (send()) and every message received
// is appended to that file as one JSON line {"from":"client"|"server","msg":...}; the contract
// tests (tests/contract) validate them against schemas/. Messages malformed on purpose
// (send_invalid()) are logged with "expectInvalid":true: the schemas must reject them too.

#include "protocol/messages.hpp"
#include "support/presence_list.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/verb.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace jb::test {

using json = nlohmann::json;

inline constexpr std::chrono::seconds default_timeout{15};

// ---- HTTP ----
struct http_result {
    int status = 0;
    std::map<std::string, std::string> headers;  // names lower-cased
    std::string body;

    json json_body() const { return json::parse(body); }
    std::string header(const std::string& lower_name) const;
    bool has_header(const std::string& lower_name) const { return headers.contains(lower_name); }
};

// One HTTP/1.1 connection that can carry several requests in turn (keep-alive).
class http_connection {
public:
    explicit http_connection(unsigned short port);
    http_result request(boost::beast::http::verb method, std::string target, std::string body = {},
                        std::map<std::string, std::string> headers = {});
    // Whether the server has closed the connection (reads end of stream).
    bool closed_by_server();

private:
    boost::asio::io_context ioc_;
    boost::beast::tcp_stream stream_;
    boost::beast::flat_buffer buffer_;
    unsigned short port_;
};

// One request on a fresh connection.
http_result http_request(unsigned short port, boost::beast::http::verb method, std::string target,
                         std::string body = {}, std::map<std::string, std::string> headers = {});
http_result http_get(unsigned short port, std::string target,
                     std::map<std::string, std::string> headers = {});

// A workshop made through POST /api/workshops.
struct workshop {
    std::string id, join_code, facilitator_key, title, screen_key;
};
workshop create_workshop(unsigned short port, const std::string& title = "Omgevingsvergunning");

// ---- WebSocket ----
struct close_info {
    int code = 0;  // 1006 when the connection ended without a close frame
    std::string reason;
    std::vector<json> before;  // messages read before the close
};

// Raised when the server refuses the upgrade; carries the HTTP answer.
struct upgrade_refused : std::runtime_error {
    upgrade_refused(int status, std::string body)
        : std::runtime_error("upgrade refused with HTTP " + std::to_string(status)),
          status(status), body(std::move(body))
    {
    }
    int status;
    std::string body;
};

struct hello_options {
    std::string display_name = "Tester";
    std::int64_t last_seq = 0;
    std::optional<std::string> participant_token, facilitator_key, screen_key;
    int protocol_version = jb::protocol::version;  // the server's own
};

class ws_client {
public:
    struct options {
        std::optional<std::string> origin;
        std::chrono::milliseconds timeout = default_timeout;
        int receive_buffer = 0;  // SO_RCVBUF before connecting (0: the system's default)
        std::string client_id;   // empty: a fresh random one
        bool contract_log = true;  // false: keep bulk traffic out of the contract log
        std::string target = "/ws";  // the upgrade URL's path and query
    };

    explicit ws_client(unsigned short port);
    ws_client(unsigned short port, options opts);
    ~ws_client();
    ws_client(const ws_client&) = delete;
    ws_client& operator=(const ws_client&) = delete;

    const std::string& client_id() const { return client_id_; }

    void send(const json& message);             // logged for the contract tests
    void send_invalid(const std::string& text);  // logged as expected to break the contract
    void send_text(const std::string& text);     // sent as is, not logged
    void send_binary(const std::string& data);   // a binary frame, not logged

    // The next message; throws on timeout or close.
    json receive();
    // Reads until a message satisfies `pred`, which it returns; others go to skipped().
    json receive_until(const std::function<bool(const json&)>& pred, const std::string& what);
    json wait_for(const std::string& type);
    // Reads until the server closes the connection.
    close_info wait_closed();
    // Round trip: sends a ping and returns every message received before its pong, so a test
    // can prove that something was NOT sent.
    std::vector<json> sync();
    std::vector<json>& skipped() { return skipped_; }

    // hello with this client's id; returns the answer (welcome, or the error).
    json hello(const std::string& workshop_id, const hello_options& opts = {});
    // hello that must succeed: returns welcome.
    json join(const std::string& workshop_id, const hello_options& opts = {});

    // Sends `op` with the next clientSeq (or `client_seq` if given); returns the clientSeq.
    std::int64_t send_op(const json& op, std::optional<std::int64_t> client_seq = std::nullopt);
    // Waits for the ack of `client_seq`, failing on an error for it.
    json wait_ack(std::int64_t client_seq);
    // Waits for the error of `client_seq`.
    json wait_error(std::optional<std::int64_t> client_seq);
    // send_op + wait_ack.
    json apply(const json& op);
    // The event with this seq: already received (events()), or the next one to arrive.
    json wait_event(std::int64_t seq);
    // The events received so far (from receive() and skipped messages), by seq.
    const std::map<std::int64_t, json>& events() const { return events_; }
    // The presence list as received so far (welcome, then every change applied), as
    // {"participants":[…],"offline":n}.
    json presence() const { return presence_.json(); }
    // Waits until the presence list received so far satisfies `holds`, checking it first: the
    // change it waits for may already have arrived while the test waited for something else.
    void wait_presence(const std::function<bool()>& holds, const std::string& what);
    // The same, with what it counts and the connection's own entry (P-PRES-6, P-PRES-7).
    const presence_list& presence_state() const { return presence_; }
    void set_next_client_seq(std::int64_t next) { next_client_seq_ = next; }

    void close();

private:
    void note(const json& message);
    void run_io(const char* what);

    boost::asio::io_context ioc_;
    boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
    boost::beast::flat_buffer buffer_;
    std::chrono::milliseconds timeout_;
    std::string client_id_;
    std::int64_t next_client_seq_ = 1;
    std::int64_t next_ping_ = 1;
    std::vector<json> skipped_;
    std::map<std::int64_t, json> events_;
    presence_list presence_;
    bool open_ = false;
    bool log_ = true;
    std::string conn_id_;  // this connection's name in the contract log
    // What log_final_views needs to join again as the same viewer.
    unsigned short port_ = 0;
    options opts_;
    json hello_;             // the last hello sent
    bool welcomed_ = false;  // a welcome answered it
    std::int64_t last_seq_ = 0;  // the highest seq received (welcome, events)
};

// For the conformance replay (web/conformance): when a test's server is stopped, each connection
// that joined and logged its messages gets two more lines in the contract log, marked "final":
// "delta" is the welcome a fresh connection of the same viewer gets for the connection's last
// seq (the events it had not read), "snapshot" the welcome for lastSeq 0 (the server's whole
// board for that viewer). The replay brings the client's board to the delta's seq and compares
// it with the snapshot. ~server_process calls it, once the test's own clients are gone.
void log_final_views(unsigned short port);

// Fresh ids for things a client adds.
std::string new_id(const std::string& prefix = "id");

// Operation builders (protocol.md "Operations").
json card_add(const json& board, const std::string& card_id, const std::string& text,
              const std::string& order_key = "a0", std::size_t phase = 0, std::size_t lane = 0);
json card_update_text(const std::string& card_id, const std::string& text);

// The card `card_id` as an event's patch holds it (P-SYNC-9), or null: since protocol 5 an
// event names a card's add, update and move by kind and card id only (P-SYNC-12), and what they
// did is read from the card.
json patched_card(const json& event, const std::string& card_id);

// The ids of the cards in a board snapshot.
std::set<std::string> card_ids(const json& snapshot);

// The snapshot's first journey, its n-th phase and lane ids.
std::string journey_id(const json& snapshot, std::size_t journey = 0);
std::string phase_id(const json& snapshot, std::size_t phase, std::size_t journey = 0);
std::string lane_id(const json& snapshot, std::size_t lane, std::size_t journey = 0);

}  // namespace jb::test
