// The whole-workshop archive (P-ARC-*): downloading it with the facilitator key, and importing
// one as a new workshop. The archive is read and checked on the network thread (pure work, no
// I/O, like a template file); the store thread only reads the workshop, or picks a join code
// and writes the new workshop with its participants in one transaction.

#include "net/api.hpp"

#include "archive/archive.hpp"
#include "export/exporter.hpp"
#include "room/durable_board.hpp"
#include "util/secrets.hpp"

#include <boost/beast/http/field.hpp>

#include <iostream>

namespace jb::net {

namespace http = boost::beast::http;

void api::download_archive(const http_request& req, std::string workshop_id, done_handler done)
{
    auto key = bearer_key(req);
    if (!key)
        return done(key_required());
    worker_.run([id = std::move(workshop_id), key = std::move(*key),
                 done = std::move(done)](store::store& s) {
        try {
            auto allowed = authorize(s, id, key);
            if (auto* refused = std::get_if<http_response>(&allowed))
                return done(std::move(*refused));
            auto loaded = s.load_workshop(id);
            if (!loaded)
                return done(json_error(http::status::not_found, "not_found", "no such workshop"));
            // The durable state: every acknowledged operation, none still in flight.
            const auto board = room::durable_board(*loaded);
            auto res = json_response(http::status::ok,
                                     archive::make_archive(board, loaded->participants, wall_clock_ms()));
            res.set(http::field::content_disposition,
                    "attachment; filename=\"" + exporting::download_name(board, "archive.json") + "\"");
            done(std::move(res));
        } catch (const std::exception& e) {
            done(internal_error("archiving a workshop", e));
        }
    });
}

void api::import_archive(const http_request& req, const std::string& client_address,
                         done_handler done)
{
    auto body = creation_body(req, client_address, "a workshop archive (a JSON object)");
    if (auto* refused = std::get_if<http_response>(&body))
        return done(std::move(*refused));
    auto read = archive::read_archive(std::get<nlohmann::json>(body));
    if (auto* problem = std::get_if<std::string>(&read))
        return done(json_error(http::status::bad_request, "invalid",
                               "not a valid workshop archive: " + *problem));
    const auto& contents = std::get<archive::contents>(read);

    const std::string key = util::random_token(32);
    auto w = new_workshop_record(contents.workshop.title, key);
    std::string state = archive::state_for(contents, w.id);
    std::vector<store::participant_record> people;
    people.reserve(contents.participants.size());
    for (const auto& p : contents.participants)
        // A token nobody holds: each participant's old browser cannot come back in (its token
        // was never in the archive); a new join makes a new participant.
        people.push_back({w.id, p.id, util::sha256_hex(util::random_token(32)), p.display_name,
                          p.role, p.created_at, p.removed});

    worker_.run([w = std::move(w), key, state = std::move(state), people = std::move(people),
                 done = std::move(done)](store::store& s) mutable {
        try {
            auto code = free_join_code(s);
            if (!code)
                return done(no_free_join_code());
            w.join_code = std::move(*code);
            s.import_workshop(w, state, people);  // all or nothing (P-ARC-3)
        } catch (const std::exception& e) {
            return done(internal_error("importing a workshop", e));
        }
        std::cerr << "journeyboard: workshop " << w.id << " imported from an archive ("
                  << people.size() << " participants)\n";
        done(created_response(w, key));
    });
}

}  // namespace jb::net
