#include "net/api.hpp"
#include "net/query_string.hpp"
#include "store/audit.hpp"
#include "util/clock.hpp"
#include "util/log.hpp"

#include "model/board.hpp"
#include "model/field_reader.hpp"
#include "model/text_rules.hpp"
#include "util/fault_injection.hpp"
#include "util/secrets.hpp"

#include <boost/beast/http/verb.hpp>

#include <algorithm>
#include <chrono>

namespace jb::net {

namespace http = boost::beast::http;

namespace {

constexpr int max_join_code_attempts = 32;

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

// Where a new workshop's structure comes from (P-TPL-2): a journey template (a shipped one, an
// imported file, or the empty board), the default board, or an earlier workshop's structure.
struct structure_source {
    std::optional<templates::journey_template> structure;  // nothing: the default board
    std::optional<std::string> copy_from;                  // an earlier workshop's id
};

templates::journey_template empty_board(const std::string& title)
{
    templates::journey_template t;
    t.title = title;
    t.journeys.push_back({"Klantreis", model::target_group::inwoner, std::nullopt, {}, {}});
    return t;
}

// Reads body.source; on a problem returns the 400 response.
std::variant<structure_source, http_response> read_source(const nlohmann::json& body,
                                                          const std::string& title,
                                                          const templates::template_library& library)
{
    auto invalid = [](const std::string& message) {
        return json_error(http::status::bad_request, "invalid", message);
    };
    const auto it = body.find("source");
    if (it == body.end())
        return structure_source{};
    if (!it->is_object() || !it->contains("kind") || !(*it)["kind"].is_string())
        return invalid("source: must be an object with a string kind");
    const auto& source = *it;
    const auto kind = source["kind"].get<std::string>();
    auto only = [&](std::initializer_list<std::string_view> fields) -> std::optional<std::string> {
        for (const auto& [key, _] : source.items())
            if (key != "kind" && std::find(fields.begin(), fields.end(), key) == fields.end())
                return "source: unknown field " + model::quote_name(key) + " for kind " + kind;
        for (auto field : fields)
            if (!source.contains(field))
                return "source." + std::string(field) + ": missing";
        return std::nullopt;
    };
    if (kind == "default" || kind == "empty") {
        if (auto problem = only({}))
            return invalid(*problem);
        return kind == "empty" ? structure_source{empty_board(title), std::nullopt}
                               : structure_source{};
    }
    if (kind == "template") {
        if (auto problem = only({"templateId"}))
            return invalid(*problem);
        const auto& id = source["templateId"];
        const auto* found = id.is_string() ? library.find(id.get<std::string>()) : nullptr;
        if (!found)
            return invalid("source.templateId: no such template (GET /api/templates lists them)");
        return structure_source{*found, std::nullopt};
    }
    if (kind == "file") {
        if (auto problem = only({"template"}))
            return invalid(*problem);
        if (util::fault_injection_enabled())
            util::inject_fault("template", source["template"].dump());
        auto parsed = templates::parse_template(source["template"]);
        if (auto* problem = std::get_if<std::string>(&parsed))
            return invalid("source.template: not a valid journey template: " + *problem);
        return structure_source{std::get<templates::journey_template>(std::move(parsed)),
                                std::nullopt};
    }
    if (kind == "workshop") {
        if (auto problem = only({"workshopId"}))
            return invalid(*problem);
        const auto& id = source["workshopId"];
        if (!id.is_string() || !model::text::is_valid_id(id.get<std::string>()))
            return invalid("source.workshopId: must match ^[A-Za-z0-9_-]{1,64}$");
        return structure_source{std::nullopt, id.get<std::string>()};
    }
    return invalid("source.kind: must be one of default, empty, template, file, workshop");
}

}  // namespace

http_response internal_error(const char* what, const std::exception& e)
{
    log::error("api", what, {{"error", e.what()}});
    return json_error(http::status::internal_server_error, "internal",
                      "the server could not do this; try again");
}

api::api(store::store_worker& worker, room::registry& rooms,
         const templates::template_library& library, rate_limit create_rate,
         join_code_index& codes, join_guard_limits lookup_limits)
    : worker_(worker), rooms_(rooms), library_(library), create_limiter_(create_rate),
      codes_(codes), lookup_guard_(lookup_limits)
{
}

bool api::is_archive_upload(std::string_view target)
{
    return path_of(target) == "/api/workshops/import";
}

bool api::handles(std::string_view target)
{
    const auto path = path_of(target);
    return path == "/api" || path.starts_with("/api/");
}

void api::handle(http_request& req, const std::string& client_address, done_handler done)
{
    const auto path = path_of(to_std(req.target()));
    if (path == "/api/workshops") {
        if (req.method() != http::verb::post)
            return done(method_not_allowed("POST"));
        return create_workshop(req, client_address, std::move(done));
    }
    if (path == "/api/templates") {
        if (req.method() != http::verb::get)
            return done(method_not_allowed("GET"));
        return done(json_response(http::status::ok, library_.listing()));
    }
    if (path == "/api/workshops/import") {
        if (req.method() != http::verb::post)
            return done(method_not_allowed("POST"));
        return import_archive(req, client_address, std::move(done));
    }
    // /api/workshops/{id}, /api/workshops/{id}/{template|archive|facilitator-key},
    // /api/workshops/{id}/export/{name}
    constexpr std::string_view workshop_prefix = "/api/workshops/";
    if (path.starts_with(workshop_prefix)) {
        auto rest = path.substr(workshop_prefix.size());
        if (const auto at = rest.find("/export/"); at != std::string_view::npos) {
            const auto id = decode_segment(rest.substr(0, at));
            const auto name = decode_segment(rest.substr(at + std::string_view("/export/").size()));
            if (id && model::text::is_valid_id(*id) && name) {
                if (req.method() != http::verb::get)
                    return done(method_not_allowed("GET"));
                const auto target = to_std(req.target());
                const auto q = target.find('?');
                const auto query = q == std::string_view::npos ? std::string_view() : target.substr(q + 1);
                return download_export(req, *id, *name, query.substr(0, query.find('#')),
                                       std::move(done));
            }
        }
        const auto slash = rest.find('/');
        const auto sub = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
        const auto id = decode_segment(rest.substr(0, slash));
        if (id && model::text::is_valid_id(*id)) {
            if (sub == "template" || sub == "archive") {
                if (req.method() != http::verb::get)
                    return done(method_not_allowed("GET"));
                if (sub == "archive")
                    return download_archive(req, *id, std::move(done));
                return download_template(req, *id, std::move(done));
            }
            if (sub == "facilitator-key") {
                if (req.method() != http::verb::post)
                    return done(method_not_allowed("POST"));
                return replace_facilitator_key(req, *id, std::move(done));
            }
            if (slash == std::string_view::npos) {
                if (req.method() != http::verb::delete_)
                    return done(method_not_allowed("DELETE"));
                return delete_workshop(req, *id, std::move(done));
            }
        }
    }
    constexpr std::string_view join_prefix = "/api/join/";
    if (path.starts_with(join_prefix) && path.find('/', join_prefix.size()) == std::string_view::npos) {
        if (req.method() != http::verb::get)
            return done(method_not_allowed("GET"));
        return find_by_code(path.substr(join_prefix.size()), client_address, std::move(done));
    }
    done(json_error(http::status::not_found, "not_found", "no such API endpoint"));
}

void api::create_workshop(const http_request& req, const std::string& client_address,
                          done_handler done)
{
    auto parsed = creation_body(req, client_address, "a JSON object");
    if (auto* refused = std::get_if<http_response>(&parsed))
        return done(std::move(*refused));
    const auto& body = std::get<nlohmann::json>(parsed);
    const auto t = body.find("title");
    if (t == body.end() || !t->is_string())
        return done(json_error(http::status::bad_request, "invalid",
                               "title: a string of 1 to 200 characters is required"));
    std::string title = t->get<std::string>();
    if (auto problem = model::text::normalize_name(title, model::text::max_title))
        return done(json_error(http::status::bad_request, "invalid", "title: " + *problem));
    // A bug in the template reader fails this request alone (docs/security.md).
    std::variant<structure_source, http_response> read;
    try {
        read = read_source(body, title, library_);
    } catch (const std::exception& e) {
        return done(internal_error("reading the new workshop's source", e));
    }
    if (auto* bad = std::get_if<http_response>(&read))
        return done(std::move(*bad));
    auto source = std::get<structure_source>(std::move(read));
    std::string source_key;
    if (source.copy_from) {  // the earlier workshop's facilitator key (P-HTTP-9)
        auto key = bearer_key(req);
        if (!key)
            return done(json_error(http::status::unauthorized, "unauthorized",
                                   "copying a workshop needs its facilitator key: "
                                   "Authorization: Bearer <key>"));
        source_key = std::move(*key);
    }

    // Everything that needs no store is made here, on the network thread; the worker only
    // picks a free join code and writes.
    const std::string key = util::random_token(32);
    auto w = new_workshop_record(title, key);
    const model::workshop_info info{w.id, w.title, w.created_at};
    auto make_state = [info](const std::optional<templates::journey_template>& structure) {
        const auto make_id = [] { return util::random_id(); };
        return (structure ? templates::make_board(*structure, info, make_id)
                          : model::board::make_default(info, make_id))
            .to_json()
            .dump();
    };
    std::string state;
    if (!source.copy_from) {
        try {
            state = make_state(source.structure);
        } catch (const std::exception& e) {
            return done(internal_error("making the initial board", e));
        }
    }

    worker_.run([this, w = std::move(w), key, state = std::move(state), source = std::move(source),
                 source_key = std::move(source_key), make_state,
                 done = std::move(done)](store::store& s) mutable {
        try {
            if (source.copy_from) {  // the earlier workshop's structure, as it is now
                auto copied = copy_structure(s, *source.copy_from, source_key);
                if (auto* refused = std::get_if<http_response>(&copied))
                    return done(std::move(*refused));
                state = make_state(std::get<templates::journey_template>(copied));
            }
            auto code = free_join_code(s);
            if (!code)
                return done(no_free_join_code());
            w.join_code = std::move(*code);
            s.create_workshop(w, state);
        } catch (const std::exception& e) {
            return done(internal_error("creating a workshop", e));
        }
        codes_.add(w.join_code, {w.id, w.title});
        store::record_audit(s, {0, w.id, store::key_actor(w.facilitator_key_hash), "workshop.create", "ok",
                                source.copy_from ? "copy of " + *source.copy_from : std::string()});
        done(created_response(w, key));
    });
}

std::optional<std::string> free_join_code(store::store& s)
{
    for (int i = 0; i < max_join_code_attempts; ++i) {
        auto code = util::random_join_code();
        if (!s.join_code_taken(code))
            return code;
    }
    return std::nullopt;
}

http_response no_free_join_code()
{
    return json_error(http::status::service_unavailable, "internal",
                      "no free join code found; try again");
}

store::workshop_record new_workshop_record(const std::string& title, const std::string& key)
{
    store::workshop_record w;
    w.id = util::random_id();
    w.title = title;
    w.created_at = util::now_ms();
    w.facilitator_key_hash = util::sha256_hex(key);
    w.screen_key = util::random_token(16);  // 128 bits, 22 characters (P-ROLE-5)
    return w;
}

http_response created_response(const store::workshop_record& w, const std::string& key)
{
    return json_response(http::status::created, {{"workshopId", w.id},
                                                 {"joinCode", w.join_code},
                                                 {"facilitatorKey", key},
                                                 {"screenKey", w.screen_key},
                                                 {"title", w.title}});
}

std::optional<http_response> api::take_creation(const std::string& client_address)
{
    std::lock_guard lock(mutex_);
    if (!create_limiter_.take(client_address, rate_clock::now()))
        return json_error(http::status::too_many_requests, "rate_limited",
                          "too many workshops created from this address; wait a minute");
    return std::nullopt;
}

std::variant<nlohmann::json, http_response> api::creation_body(const http_request& req,
                                                               const std::string& client_address,
                                                               std::string_view what)
{
    if (auto refused = take_creation(client_address))
        return std::move(*refused);
    return parse_json_object(req.body(), what);
}

std::variant<nlohmann::json, http_response> parse_json_object(std::string_view text, std::string_view what)
{
    auto body = nlohmann::json::parse(text, nullptr, false);
    if (body.is_discarded() || !body.is_object())
        return json_error(http::status::bad_request, "bad_json",
                          "the request body must be " + std::string(what));
    return body;
}

void api::find_by_code(std::string_view typed_code, const std::string& client_address,
                       done_handler done)
{
    std::optional<std::chrono::seconds> refused;
    {
        std::lock_guard lock(mutex_);
        refused = lookup_guard_.admit(client_address, rate_clock::now());
    }
    if (refused) {
        auto res = json_error(http::status::too_many_requests, "rate_limited",
                              "too many join-code lookups from this address; try again in " +
                                  std::to_string(refused->count()) + " s");
        res.set(http::field::retry_after, std::to_string(refused->count()));
        return done(std::move(res));
    }
    const auto decoded = decode_segment(typed_code);
    const std::string code = decoded ? util::normalize_join_code(*decoded) : std::string();
    const auto found = code.empty() ? std::nullopt : codes_.find(code);
    // `unreachable`: the store could not be asked (docs/cluster.md); that is no miss.
    auto answer = [this, client_address, done = std::move(done)](std::optional<join_entry> entry,
                                                                  bool unreachable = false) {
        if (unreachable)
            return done(json_error(http::status::service_unavailable, "internal",
                                   "the workshops' store cannot be reached now; try again"));
        if (!entry) {
            {
                std::lock_guard lock(mutex_);
                lookup_guard_.missed(client_address, rate_clock::now());
            }
            return done(json_error(http::status::not_found, "not_found", "no workshop has this code"));
        }
        done(json_response(http::status::ok, {{"workshopId", entry->workshop_id}, {"title", entry->title}}));
    };
    if (found || code.empty() || !store_lookups_) return answer(found);
    // Made on another node after this one started: the index learns it. Guessing stays bounded
    // by the guard above, per node (docs/cluster.md).
    worker_.read([this, code, answer = std::move(answer)](store::store& s) {
        std::optional<join_entry> entry;
        try {
            if (auto w = s.find_workshop_by_code(code)) {
                entry = join_entry{w->id, w->title};
                codes_.add(code, *entry);
            }
        } catch (const std::exception& e) {
            log::error("api", "join-code lookup in the store failed", {{"error", e.what()}});
            return answer(std::nullopt, true);
        }
        answer(std::move(entry));
    });
}

}  // namespace jb::net
