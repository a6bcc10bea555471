#include "net/api.hpp"

#include "model/board.hpp"
#include "model/text_rules.hpp"
#include "util/secrets.hpp"

#include <boost/beast/http/verb.hpp>

#include <chrono>
#include <iostream>

namespace jb::net {

namespace http = boost::beast::http;

namespace {

constexpr int max_join_code_attempts = 32;

std::int64_t now_ms()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string_view path_of(std::string_view target)
{
    return target.substr(0, target.find_first_of("?#"));
}

// Percent-decoding for one path segment; an invalid escape gives nothing usable.
std::optional<std::string> decode_segment(std::string_view s)
{
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '%') {
            out += s[i];
            continue;
        }
        if (i + 2 >= s.size())
            return std::nullopt;
        int v = 0;
        for (char c : s.substr(i + 1, 2)) {
            v *= 16;
            if (c >= '0' && c <= '9') v += c - '0';
            else if (c >= 'a' && c <= 'f') v += c - 'a' + 10;
            else if (c >= 'A' && c <= 'F') v += c - 'A' + 10;
            else return std::nullopt;
        }
        out += static_cast<char>(v);
        i += 2;
    }
    return out;
}

http_response internal_error(const char* what, const std::exception& e)
{
    std::cerr << "journeyboard: api: " << what << ": " << e.what() << std::endl;
    return json_error(http::status::internal_server_error, "internal",
                      "the server could not do this; try again");
}

}  // namespace

api::api(store::store_worker& worker, rate_limit create_rate)
    : worker_(worker), create_limiter_(create_rate)
{
}

bool api::handles(std::string_view target)
{
    const auto path = path_of(target);
    return path == "/api" || path.starts_with("/api/");
}

void api::handle(const http_request& req, const std::string& client_address, done_handler done)
{
    const auto path = path_of(to_std(req.target()));
    if (path == "/api/workshops") {
        if (req.method() != http::verb::post)
            return done(method_not_allowed("POST"));
        return create_workshop(req, client_address, std::move(done));
    }
    constexpr std::string_view join_prefix = "/api/join/";
    if (path.starts_with(join_prefix) && path.find('/', join_prefix.size()) == std::string_view::npos) {
        if (req.method() != http::verb::get)
            return done(method_not_allowed("GET"));
        return find_by_code(path.substr(join_prefix.size()), std::move(done));
    }
    done(json_error(http::status::not_found, "not_found", "no such API endpoint"));
}

void api::create_workshop(const http_request& req, const std::string& client_address,
                          done_handler done)
{
    {
        std::lock_guard lock(mutex_);
        if (!create_limiter_.take(client_address, rate_clock::now()))
            return done(json_error(http::status::too_many_requests, "rate_limited",
                                   "too many workshops created from this address; wait a minute"));
    }
    const auto body = nlohmann::json::parse(req.body(), nullptr, false);
    if (body.is_discarded() || !body.is_object())
        return done(json_error(http::status::bad_request, "bad_json",
                               "the request body must be a JSON object"));
    const auto t = body.find("title");
    if (t == body.end() || !t->is_string())
        return done(json_error(http::status::bad_request, "invalid",
                               "title: a string of 1 to 200 characters is required"));
    std::string title = t->get<std::string>();
    if (auto problem = model::text::normalize_name(title, model::text::max_title))
        return done(json_error(http::status::bad_request, "invalid", "title: " + *problem));

    // Everything that needs no store is made here, on the network thread; the worker only
    // picks a free join code and writes.
    store::workshop_record w;
    w.id = util::random_id();
    w.title = title;
    w.created_at = now_ms();
    const std::string key = util::random_token(32);
    w.facilitator_key_hash = util::sha256_hex(key);
    w.screen_key = util::random_token(16);  // 128 bits, 22 characters (P-ROLE-5)
    std::string state;
    try {
        state = model::board::make_default(model::workshop_info{w.id, w.title, w.created_at},
                                           [] { return util::random_id(); })
                    .to_json()
                    .dump();
    } catch (const std::exception& e) {
        return done(internal_error("making the initial board", e));
    }

    worker_.run([w = std::move(w), key, state = std::move(state),
                 done = std::move(done)](store::store& s) mutable {
        try {
            for (int i = 0; i < max_join_code_attempts && w.join_code.empty(); ++i) {
                auto code = util::random_join_code();
                if (!s.join_code_taken(code))
                    w.join_code = std::move(code);
            }
            if (w.join_code.empty())
                return done(json_error(http::status::service_unavailable, "internal",
                                       "no free join code found; try again"));
            s.create_workshop(w, state);
        } catch (const std::exception& e) {
            return done(internal_error("creating a workshop", e));
        }
        done(json_response(http::status::created, {{"workshopId", w.id},
                                                    {"joinCode", w.join_code},
                                                    {"facilitatorKey", key},
                                                    {"screenKey", w.screen_key},
                                                    {"title", w.title}}));
    });
}

void api::find_by_code(std::string_view typed_code, done_handler done)
{
    const auto decoded = decode_segment(typed_code);
    const std::string code = decoded ? util::normalize_join_code(*decoded) : std::string();
    if (code.empty())
        return done(json_error(http::status::not_found, "not_found", "no workshop has this code"));
    worker_.run([code, done = std::move(done)](store::store& s) {
        std::optional<store::workshop_record> w;
        try {
            w = s.find_workshop_by_code(code);
        } catch (const std::exception& e) {
            return done(internal_error("finding a workshop", e));
        }
        if (!w)
            return done(json_error(http::status::not_found, "not_found",
                                   "no workshop has this code"));
        done(json_response(http::status::ok, {{"workshopId", w->id}, {"title", w->title}}));
    });
}

}  // namespace jb::net
