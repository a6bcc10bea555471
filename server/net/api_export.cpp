// GET /api/workshops/{id}/export/{name} (P-EXP-*): a facilitator's export of the workshop's
// results; and the export thread every heavy file job shares (exports, the archive download,
// the import's parse and check). The key is checked and the durable state read on the store
// thread; the file is built on the export thread (never on a network thread, and without
// holding up commits).

#include "net/api.hpp"

#include "export/exporter.hpp"
#include "room/durable_board.hpp"
#include "model/field_reader.hpp"
#include "store/audit.hpp"
#include "util/clock.hpp"
#include "util/metrics.hpp"

#include <boost/asio/post.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/version.hpp>

#include <chrono>

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

}  // namespace

bool api::admit_export(done_handler& done)
{
    if (pending_exports_.fetch_add(1) >= max_pending_exports) {
        --pending_exports_;
        done(json_error(http::status::too_many_requests, "rate_limited",
                        "too many exports, archives or imports are being made; try again in a moment"));
        return false;
    }
    // Every answer from here on goes through the wrapper, which counts the job as done.
    done = [this, done = std::move(done)](http_response res) {
        --pending_exports_;
        done(std::move(res));
    };
    return true;
}

void api::on_export_thread(std::function<void()> job)
{
    boost::asio::post(exports_, std::move(job));
}

void api::build_from_durable(std::string workshop_id, std::string key, done_handler done,
                             std::string what, durable_builder build, store::audit_record audit)
{
    // On a reader (store_worker::read): a big export's load does not wait behind commits. The
    // audit entries it makes are written by the store thread (audit_later).
    worker_.read([this, id = std::move(workshop_id), key = std::move(key), what = std::move(what),
                  build = std::move(build), done = std::move(done),
                  audit = std::move(audit)](store::store& s) mutable {
        std::optional<store::loaded_workshop> loaded;
        try {
            auto allowed = authorize(s, id, key);
            if (auto* refused = std::get_if<http_response>(&allowed)) {
                if (refused->result() == http::status::forbidden)
                    audit_later({0, id, store::actor_for_key(s, id, key), audit.action, "refused", audit.detail});
                return done(std::move(*refused));
            }
            audit.workshop_id = id;
            audit.actor = store::actor_for_key(s, id, key);
            loaded = s.load_workshop(id);
        } catch (const std::exception& e) {
            return done(internal_error(("reading the workshop for " + what).c_str(), e));
        }
        if (!loaded)
            return done(json_error(http::status::not_found, "not_found", "no such workshop"));
        on_export_thread([this, what = std::move(what), build = std::move(build),
                          loaded = std::move(*loaded), done = std::move(done), audit = std::move(audit)]() mutable {
            const auto started = std::chrono::steady_clock::now();
            try {
                // The durable state: every acknowledged operation, none still in flight.
                auto res = build(room::durable_board(loaded), loaded);
                metrics::get().exports.add(audit.detail);
                metrics::get().export_seconds.observe(
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(), audit.detail);
                // Queued before the answer goes: what the facilitator does next is recorded after it.
                audit.outcome = "ok";
                audit_later(std::move(audit));
                done(std::move(res));
            } catch (const std::exception& e) {
                audit.outcome = "failed";
                audit_later(std::move(audit));
                done(internal_error(what.c_str(), e));
            }
        });
    });
}

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
    const auto now = util::now_ms();
    auto parsed = exporting::parse_options(query, now);
    if (auto* problem = std::get_if<std::string>(&parsed))
        return done(json_error(http::status::bad_request, "invalid", *problem));
    if (!admit_export(done))
        return;
    build_from_durable(std::move(workshop_id), std::move(*key), std::move(done),
                       "export " + std::string(format->name),
                       [format, options = std::get<exporting::export_options>(parsed)](
                           const model::board& board, const store::loaded_workshop&) {
                           return file_response(format->render(board, options));
                       },
                       {0, {}, {}, "export", {}, std::string(format->name)});
}

}  // namespace jb::net
