#include "app/backup_schedule.hpp"

#include "util/log.hpp"
#include "util/metrics.hpp"

#include <boost/asio/post.hpp>

#include <algorithm>
#include <ctime>
#include <vector>

namespace jb::app {

namespace asio = boost::asio;
namespace fs = std::filesystem;

namespace {

constexpr std::string_view prefix = "journeyboard-";

std::string file_name_now()
{
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[40];
    std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
    return std::string(prefix) + buf + ".db";
}

}  // namespace

struct backup_schedule::copy {
    fs::path final_path, partial_path;
    std::unique_ptr<store::sqlite_store::backup> backup;
    std::function<void(fs::path)> done;
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
    std::chrono::steady_clock::duration longest_step{};
    int steps = 0;
};

backup_schedule::backup_schedule(asio::io_context& ioc, store::store_worker& worker,
                                 store::sqlite_store& db, backup_options options)
    : worker_(worker), db_(db), options_(std::move(options)), strand_(asio::make_strand(ioc)),
      timer_(strand_)
{
}

void backup_schedule::start()
{
    asio::post(strand_, [this] { arm(std::chrono::seconds(0)); });
}

void backup_schedule::stop()
{
    asio::post(strand_, [this] {
        stopped_ = true;
        timer_.cancel();
    });
}

void backup_schedule::arm(std::chrono::steady_clock::duration after)
{
    if (stopped_)
        return;
    timer_.expires_after(after);
    timer_.async_wait([this](boost::system::error_code ec) {
        if (ec || stopped_)
            return;
        run_once([](const fs::path&) {});
        arm(options_.every);
    });
}

void backup_schedule::run_once(std::function<void(fs::path)> done)
{
    worker_.run([this, done = std::move(done)](store::store&) mutable {
        auto c = std::make_shared<copy>();
        c->final_path = options_.dir / file_name_now();
        c->partial_path = c->final_path.string() + ".partial";
        c->done = std::move(done);
        try {
            fs::create_directories(options_.dir);
            c->backup = db_.start_backup(c->partial_path.string());
        } catch (const std::exception& e) {
            log::error("backup", "backup failed", {{"file", c->final_path.string()}, {"error", e.what()}});
            metrics::get().backups.add("failed");
            return c->done({});
        }
        step(std::move(c));
    });
}

void backup_schedule::step(std::shared_ptr<copy> c)
{
    // On the store thread. One step, then back into the queue behind what arrived meanwhile.
    const auto started = std::chrono::steady_clock::now();
    bool complete = false;
    try {
        complete = c->backup->step(options_.pages_per_step);
    } catch (const std::exception& e) {
        log::error("backup", "backup failed", {{"file", c->final_path.string()}, {"error", e.what()}});
        metrics::get().backups.add("failed");
        return c->done({});
    }
    c->longest_step = std::max(c->longest_step, std::chrono::steady_clock::now() - started);
    ++c->steps;
    if (!complete)
        return worker_.run([this, c](store::store&) { step(c); });
    finish(*c);
}

void backup_schedule::finish(const copy& c)
{
    using std::chrono::duration_cast;
    using std::chrono::milliseconds;
    std::error_code ec;
    fs::rename(c.partial_path, c.final_path, ec);
    if (ec) {
        log::error("backup", "backup failed", {{"file", c.final_path.string()}, {"error", ec.message()}});
        metrics::get().backups.add("failed");
        return c.done({});
    }
    metrics::get().backups.add("ok");
    log::info("backup", "backup made",
              {{"file", c.final_path.string()}, {"bytes", fs::file_size(c.final_path, ec)},
               {"duration_ms", duration_cast<milliseconds>(std::chrono::steady_clock::now() - c.started).count()},
               {"steps", c.steps}, {"longest_step_ms", duration_cast<std::chrono::microseconds>(c.longest_step).count() / 1000.0}});
    // The newest `keep` stay; names sort by time.
    std::vector<fs::path> copies;
    for (const auto& entry : fs::directory_iterator(options_.dir, ec))
        if (const auto name = entry.path().filename().string();
            name.starts_with(prefix) && name.ends_with(".db"))
            copies.push_back(entry.path());
    std::sort(copies.begin(), copies.end());
    for (std::size_t i = 0; i + options_.keep < copies.size(); ++i) {
        fs::remove(copies[i], ec);
        log::info("backup", "old backup removed", {{"file", copies[i].string()}});
    }
    c.done(c.final_path);
}

}  // namespace jb::app
