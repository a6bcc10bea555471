// GET /api/workshops/{id}/export/{name} (P-EXP-*): a facilitator's export of the workshop's
// results. The key is checked and the durable state read on the store thread; the file is
// built on the export thread (never on a network thread, and without holding up commits).

#include "net/api.hpp"

#include "export/exporter.hpp"
#include "room/durable_board.hpp"
#include "model/field_reader.hpp"

#include <boost/asio/post.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/version.hpp>

#include <chrono>
#include <iostream>

namespace jb::net {

namespace http = boost::beast::http;

namespace {

http_response file_response(exporting::export_file file)
{
    http_response res{http::status::ok, 11};
    res.set(http::field::server, "journeyboard");
    res.set(http::field::content_type, file.content_type);
    res.set(http::field::content_disposition, "attachment; filename=\"" + file.file_name + "\"");
    res.set(http::field::cache_control, "no-store");
    res.set("X-Content-Type-Options", "nosniff");
    res.body() = std::move(file.body);
    res.prepare_payload();
    return res;
}

http_response failed(const char* what, const std::exception& e)
{
    std::cerr << "journeyboard: export: " << what << ": " << e.what() << std::endl;
    return json_error(http::status::internal_server_error, "internal",
                      "the export could not be made; try again");
}

}  // namespace

void api::download_export(const http_request& req, std::string workshop_id, std::string name,
                          std::string_view query, done_handler done)
{
    auto key = bearer_key(req);
    if (!key)
        return done(json_error(http::status::unauthorized, "unauthorized",
                               "an export needs the facilitator key: Authorization: Bearer <key>"));
    const auto* format = exporting::find_exporter(name);
    if (!format)
        return done(json_error(http::status::not_found, "not_found",
                               "no export called " + model::quote_name(name.substr(0, 60))));
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    auto parsed = exporting::parse_options(query, now);
    if (auto* problem = std::get_if<std::string>(&parsed))
        return done(json_error(http::status::bad_request, "invalid", *problem));
    if (pending_exports_.fetch_add(1) >= max_pending_exports) {
        --pending_exports_;
        return done(json_error(http::status::too_many_requests, "rate_limited",
                               "too many exports are being made; try again in a moment"));
    }
    // Every answer from here on goes through `finish`, which counts the export as done.
    done_handler finish = [this, done = std::move(done)](http_response res) {
        --pending_exports_;
        done(std::move(res));
    };
    worker_.run([this, id = std::move(workshop_id), key = std::move(*key), format,
                 options = std::get<exporting::export_options>(parsed),
                 done = std::move(finish)](store::store& s) mutable {
        std::optional<store::loaded_workshop> loaded;
        try {
            auto allowed = authorize(s, id, key);
            if (auto* refused = std::get_if<http_response>(&allowed))
                return done(std::move(*refused));
            loaded = s.load_workshop(id);
        } catch (const std::exception& e) {
            return done(failed("reading the workshop", e));
        }
        if (!loaded)
            return done(json_error(http::status::not_found, "not_found", "no such workshop"));
        boost::asio::post(exports_, [format, options, loaded = std::move(*loaded),
                                     done = std::move(done)] {
            try {
                done(file_response(format->render(room::durable_board(loaded), options)));
            } catch (const std::exception& e) {
                done(failed(std::string(format->name).c_str(), e));
            }
        });
    });
}

}  // namespace jb::net
