// The facilitator's requests on one workshop (P-HTTP-9..11): its structure as a template
// download, deleting it with all its data, and replacing its facilitator key. All carry the
// facilitator key (or a facilitator's own token) as a bearer token, checked against the store
// on the store thread.

#include "net/api.hpp"
#include "store/audit.hpp"
#include "util/log.hpp"

#include "export/exporter.hpp"
#include "model/board.hpp"
#include "model/text_rules.hpp"
#include "room/durable_board.hpp"
#include "util/clock.hpp"
#include "util/secrets.hpp"

#include <boost/beast/http/field.hpp>
#include <boost/beast/version.hpp>

#include <cctype>

namespace jb::net {

namespace http = boost::beast::http;

namespace {

// A file name for the download: the title's slug (exporting::slug).
std::string file_name_for(const std::string& title)
{
    return exporting::slug(title) + ".template.json";
}

}  // namespace

http_response key_required()
{
    return json_error(http::status::unauthorized, "unauthorized",
                      "this needs the facilitator key: Authorization: Bearer <key>");
}

std::optional<std::string> bearer_key(const http_request& req)
{
    const auto it = req.find(http::field::authorization);
    if (it == req.end())
        return std::nullopt;
    const auto value = to_std(it->value());
    constexpr std::string_view scheme = "bearer ";
    if (value.size() <= scheme.size())
        return std::nullopt;
    for (std::size_t i = 0; i < scheme.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(value[i])) != scheme[i])
            return std::nullopt;
    std::string key(value.substr(scheme.size()));
    // The facilitator key, or a co-facilitator's participant token (authorize): the wider shape.
    if (!model::text::fits(key, model::text::participant_token))
        return std::nullopt;
    return key;
}

std::variant<store::workshop_record, http_response> authorize(store::store& s,
                                                              const std::string& workshop_id,
                                                              const std::string& key)
{
    auto w = s.find_workshop(workshop_id);
    if (!w)
        return json_error(http::status::not_found, "not_found", "no such workshop");
    const auto hash = util::sha256_hex(key);
    if (hash == w->facilitator_key_hash)
        return *w;
    // A co-facilitator (made one with participant.role, P-ROLE-3) never saw the key: their own
    // participant token stands in for it while their stored role is facilitator. The role is
    // written in the op's transaction on this same store thread, so a demotion or removal that
    // was acknowledged is already seen here.
    if (const auto p = s.find_participant_by_token(workshop_id, hash);
        p && !p->removed && p->role == "facilitator")
        return *w;
    return json_error(http::status::forbidden, "forbidden",
                      "this is neither the workshop's facilitator key nor the token of one of its "
                      "facilitators");
}

std::variant<store::workshop_record, http_response> authorize_audited(store::store& s,
                                                                      const std::string& workshop_id,
                                                                      const std::string& key,
                                                                      std::string action, std::string detail)
{
    auto allowed = authorize(s, workshop_id, key);
    if (auto* refused = std::get_if<http_response>(&allowed);
        refused && refused->result() == http::status::forbidden)
        store::record_audit(s, {0, workshop_id, store::actor_for_key(s, workshop_id, key),
                                std::move(action), "refused", std::move(detail)});
    return allowed;
}

void api::audit_later(store::audit_record entry)
{
    // Stamped now, when it happened: the store thread may write it only after the client's next
    // step (a role change the room stamps at once), and the trail is ordered by time.
    if (entry.at == 0)
        entry.at = util::now_ms();
    worker_.run([entry = std::move(entry)](store::store& s) { store::record_audit(s, entry); });
}

std::variant<templates::journey_template, http_response> copy_structure(
    store::store& s, const std::string& workshop_id, const std::string& key)
{
    auto allowed = authorize(s, workshop_id, key);
    if (auto* refused = std::get_if<http_response>(&allowed))
        return std::move(*refused);
    auto loaded = s.load_workshop(workshop_id);
    if (!loaded)
        return json_error(http::status::not_found, "not_found", "no such workshop");
    return templates::from_board(room::durable_board(*loaded));
}

void api::download_template(const http_request& req, std::string workshop_id, done_handler done)
{
    auto key = bearer_key(req);
    if (!key)
        return done(key_required());
    worker_.read([id = std::move(workshop_id), key = std::move(*key),
                  done = std::move(done)](store::store& s) {
        std::variant<templates::journey_template, http_response> copied;
        try {
            copied = copy_structure(s, id, key);
        } catch (const std::exception& e) {
            return done(internal_error("reading a workshop's structure", e));
        }
        if (auto* refused = std::get_if<http_response>(&copied))
            return done(std::move(*refused));
        const auto& t = std::get<templates::journey_template>(copied);
        auto res = json_response(http::status::ok, templates::to_json(t));
        res.set(http::field::content_disposition,
                "attachment; filename=\"" + file_name_for(t.title) + "\"");
        done(std::move(res));
    });
}

void api::delete_workshop(const http_request& req, std::string workshop_id, done_handler done)
{
    auto key = bearer_key(req);
    if (!key)
        return done(json_error(http::status::unauthorized, "unauthorized",
                               "deleting a workshop needs its facilitator key: "
                               "Authorization: Bearer <key>"));
    // The key is checked on the store thread first; only then are the room and the rows
    // removed (P-DEL-*).
    worker_.run([this, id = std::move(workshop_id), key = std::move(*key),
                 done = std::move(done)](store::store& s) mutable {
        std::string actor;
        try {
            auto allowed = authorize_audited(s, id, key, "workshop.delete", "by hand");
            if (auto* refused = std::get_if<http_response>(&allowed))
                return done(std::move(*refused));
            actor = store::actor_for_key(s, id, key);  // now: the participant rows go with it
        } catch (const std::exception& e) {
            return done(internal_error("checking a facilitator key", e));
        }
        rooms_.remove(id, [this, id, actor, done = std::move(done)](std::optional<bool> existed) {
            if (existed && *existed)
                codes_.remove_workshop(id);
            if (!existed) {
                audit_later({0, id, actor, "workshop.delete", "failed", "by hand"});
                return done(json_error(http::status::internal_server_error, "internal",
                                       "the workshop could not be deleted; try again"));
            }
            if (!*existed)
                return done(json_error(http::status::not_found, "not_found", "no such workshop"));
            audit_later({0, id, actor, "workshop.delete", "ok", "by hand"});
            http_response res{http::status::no_content, 11};
            res.set(http::field::server, "journeyboard");
            res.set(http::field::cache_control, "no-store");
            res.prepare_payload();
            done(std::move(res));
        });
    });
}

void api::replace_facilitator_key(const http_request& req, std::string workshop_id, done_handler done)
{
    auto key = bearer_key(req);
    if (!key)
        return done(key_required());
    // A new key replaces the old one in the store, then in the live room, and only then is the
    // answer sent: from that moment the old key opens nothing (P-HTTP-11). Roles already given
    // stay; taking one away is participant.role's job.
    worker_.run([this, id = std::move(workshop_id), key = std::move(*key),
                 done = std::move(done)](store::store& s) mutable {
        std::string fresh = util::random_token(32);
        try {
            auto allowed = authorize_audited(s, id, key, "key.replace", "");
            if (auto* refused = std::get_if<http_response>(&allowed))
                return done(std::move(*refused));
            const auto actor = store::actor_for_key(s, id, key);
            if (!s.set_facilitator_key_hash(id, util::sha256_hex(fresh)))
                return done(json_error(http::status::not_found, "not_found", "no such workshop"));
            store::record_audit(s, {0, id, actor, "key.replace", "ok", "new key " + store::key_actor(util::sha256_hex(fresh))});
        } catch (const std::exception& e) {
            return done(internal_error("replacing a facilitator key", e));
        }
        // open() loads the room if it is not live (it then reads the new hash anyway) and
        // waits for a room being unloaded. No room (deleted meanwhile, or the server shutting
        // down) has nothing to update; the store holds the new key, so it is answered still.
        const auto hash = util::sha256_hex(fresh);
        rooms_.open(id, [hash, fresh = std::move(fresh), done = std::move(done)](std::shared_ptr<room::room> r) {
            auto answer = [fresh, done] {
                auto res = json_response(http::status::ok, nlohmann::json{{"facilitatorKey", fresh}});
                res.set(http::field::cache_control, "no-store");
                done(std::move(res));
            };
            if (!r)
                return answer();
            r->replace_facilitator_key_hash(hash, std::move(answer));
        });
    });
}

}  // namespace jb::net
