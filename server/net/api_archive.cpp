// The whole-workshop archive (P-ARC-*): downloading it with the facilitator key, and importing
// one as a new workshop. Both are export-thread jobs under the same limit as the exports
// (admit_export): the archive is built, and an upload parsed and checked, on the export thread,
// never on a network thread; the store thread only reads the workshop, or picks a join code and
// writes the new workshop with its participants in one transaction.

#include "net/api.hpp"
#include "store/audit.hpp"

#include "archive/archive.hpp"
#include "export/exporter.hpp"
#include "util/clock.hpp"
#include "util/secrets.hpp"

#include <boost/beast/http/field.hpp>


namespace jb::net {

namespace http = boost::beast::http;

namespace {

// What an import writes, made from a valid archive (on the export thread).
struct new_workshop {
    store::workshop_record record;
    std::string key, state;
    std::vector<store::participant_record> people;
};

// The parsed and checked archive as a new workshop, or the 400 answer.
std::variant<new_workshop, http_response> read_upload(const std::string& body)
{
    auto parsed = parse_json_object(body, "a workshop archive (a JSON object)");
    if (auto* refused = std::get_if<http_response>(&parsed))
        return std::move(*refused);
    auto read = archive::read_archive(std::get<nlohmann::json>(parsed));
    if (auto* problem = std::get_if<std::string>(&read))
        return json_error(http::status::bad_request, "invalid",
                          "not a valid workshop archive: " + *problem);
    const auto& contents = std::get<archive::contents>(read);
    new_workshop w;
    w.key = util::random_token(32);
    w.record = new_workshop_record(contents.workshop.title, w.key);
    w.state = archive::state_for(contents, w.record.id);
    w.people.reserve(contents.participants.size());
    for (const auto& p : contents.participants)
        // A token nobody holds: each participant's old browser cannot come back in (its token
        // was never in the archive); a new join makes a new participant.
        w.people.push_back({w.record.id, p.id, util::sha256_hex(util::random_token(32)),
                            p.display_name, p.role, p.created_at, p.removed});
    return w;
}

}  // namespace

void api::download_archive(const http_request& req, std::string workshop_id, done_handler done)
{
    auto key = bearer_key(req);
    if (!key)
        return done(key_required());
    if (!admit_export(done))
        return;
    build_from_durable(std::move(workshop_id), std::move(*key), std::move(done), "archiving a workshop",
                       [](const model::board& board, const store::loaded_workshop& loaded) {
                           auto res = json_response(
                               http::status::ok,
                               archive::make_archive(board, loaded.participants, util::now_ms()));
                           res.set(http::field::content_disposition,
                                   "attachment; filename=\"" +
                                       exporting::download_name(board, "archive.json") + "\"");
                           return res;
                       },
                       {0, {}, {}, "archive.download", {}, "archive"});
}

void api::import_archive(http_request& req, const std::string& client_address, done_handler done)
{
    if (!admit_export(done))
        return;
    if (auto refused = take_creation(client_address))
        return done(std::move(*refused));
    on_export_thread([this, body = std::move(req.body()), done = std::move(done)]() mutable {
        std::variant<new_workshop, http_response> read;
        try {
            read = read_upload(body);
        } catch (const std::exception& e) {
            return done(internal_error("reading a workshop archive", e));
        }
        if (auto* refused = std::get_if<http_response>(&read))
            return done(std::move(*refused));
        worker_.run([this, w = std::get<new_workshop>(std::move(read)),
                     done = std::move(done)](store::store& s) mutable {
            try {
                auto code = free_join_code(s);
                if (!code)
                    return done(no_free_join_code());
                w.record.join_code = std::move(*code);
                s.import_workshop(w.record, w.state, w.people);  // all or nothing (P-ARC-3)
            } catch (const std::exception& e) {
                return done(internal_error("importing a workshop", e));
            }
            codes_.add(w.record.join_code, {w.record.id, w.record.title});
            store::record_audit(s, {0, w.record.id, store::key_actor(w.record.facilitator_key_hash),
                                    "archive.import", "ok",
                                    std::to_string(w.people.size()) + " participants"});
            done(created_response(w.record, w.key));
        });
    });
}

}  // namespace jb::net
