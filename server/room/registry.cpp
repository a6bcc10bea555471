#include "room/registry.hpp"
#include "util/log.hpp"

#include <boost/asio/post.hpp>


namespace jb::room {

namespace asio = boost::asio;

registry::registry(asio::io_context& ioc, store::store_worker& worker, room_options options)
    : ioc_(ioc), strand_(asio::make_strand(ioc)), worker_(worker), options_(options) {}

void registry::open(std::string workshop_id, std::function<void(std::shared_ptr<room>)> done,
                    std::function<void(std::string)> unavailable) {
    asio::post(strand_, [this, id = std::move(workshop_id), w = waiter{std::move(done), std::move(unavailable)}]() mutable {
        if (shutting_down_ || removing_.count(id)) return w.done(nullptr);
        if (auto it = unloading_.find(id); it != unloading_.end())
            return it->second.waiting.push_back(std::move(w));  // opened again once unloaded
        if (auto it = rooms_.find(id); it != rooms_.end()) return w.done(it->second);
        auto& waiting = loading_[id];
        waiting.push_back(std::move(w));
        if (waiting.size() > 1) return;  // a load is already under way

        // Loading reads the disk and replays the log: the store thread does it, never a
        // network thread.
        worker_.run([this, id](store::store& s) {
            std::shared_ptr<room> loaded;
            std::string why;
            try {
                if (auto data = s.load_workshop(id))
                    loaded = std::make_shared<room>(ioc_, worker_, std::move(*data), options_);
            } catch (const std::exception& e) {
                why = e.what();
                log::error("room", "workshop could not be loaded, and is not served",
                           {{"workshop", id}, {"error", why}});
            }
            asio::post(strand_, [this, id, loaded, why] { on_loaded(id, loaded, why); });
        });
    });
}

void registry::on_loaded(const std::string& id, std::shared_ptr<room> loaded, std::string why) {
    // A load that started before a deletion finishes before the deletion reaches the store
    // (one store thread, in order), so it lands here while the id is still being removed.
    if (removing_.count(id)) loaded.reset();
    if (loaded && !shutting_down_) {
        rooms_[id] = loaded;
        loaded->start();
        // A room whose commit failed is dropped; the next join reloads it from the store.
        std::weak_ptr<room> weak = loaded;
        loaded->on_broken([this, id, weak] {
            asio::post(strand_, [this, id, weak] {
                auto it = rooms_.find(id);
                if (it != rooms_.end() && it->second == weak.lock()) rooms_.erase(it);
            });
        });
        loaded->on_idle([this, id, weak] {
            asio::post(strand_, [this, id, weak] { unload(id, weak); });
        });
    }
    auto waiting = std::move(loading_[id]);
    loading_.erase(id);
    for (auto& w : waiting) {
        if (!why.empty() && w.unavailable && !shutting_down_ && !removing_.count(id))
            w.unavailable(why);
        else
            w.done(shutting_down_ ? nullptr : loaded);
    }
}

void registry::unload(const std::string& id, const std::weak_ptr<room>& idle) {
    auto it = rooms_.find(id);
    if (shutting_down_ || it == rooms_.end() || it->second != idle.lock()) return;
    auto live = std::move(it->second);
    rooms_.erase(it);
    unloading_[id].live = live;  // from now on, opens of this id wait
    // A session that got the room just before is closed with 1001 and reconnects (P-WS-6).
    live->shutdown(protocol::close_code::going_away,
                   [this, id] {
                       asio::post(strand_, [this, id] {
                           auto waiting = std::move(unloading_[id].waiting);
                           unloading_.erase(id);
                           log::info("room", "workshop unloaded (idle)", {{"workshop", id}});
                           for (auto& w : waiting) open(id, std::move(w.done), std::move(w.unavailable));
                       });
                   },
                   "room unloaded; reconnect");
}

void registry::shutdown(std::uint16_t code, std::function<void()> done) {
    asio::post(strand_, [this, code, done = std::move(done)]() mutable {
        shutting_down_ = true;
        if (rooms_.empty()) return done();
        auto remaining = std::make_shared<std::size_t>(rooms_.size());
        auto shared_done = std::make_shared<std::function<void()>>(std::move(done));
        for (auto& [_, r] : rooms_) {
            r->shutdown(code, [this, remaining, shared_done] {
                asio::post(strand_, [remaining, shared_done] {
                    if (--*remaining == 0) (*shared_done)();
                });
            });
        }
    });
}

void registry::remove(std::string workshop_id, std::function<void(std::optional<bool>)> done) {
    asio::post(strand_, [this, id = std::move(workshop_id), done = std::move(done)]() mutable {
        ++removing_[id];
        auto erase_from_store = [this, id, done = std::move(done)]() mutable {
            worker_.run([this, id, done = std::move(done)](store::store& s) mutable {
                std::optional<bool> existed;
                try {
                    existed = s.delete_workshop(id);
                } catch (const std::exception& e) {
                    log::error("room", "workshop could not be deleted", {{"workshop", id}, {"error", e.what()}});
                }
                asio::post(strand_, [this, id, existed, done = std::move(done)] {
                    if (--removing_[id] == 0) removing_.erase(id);
                    done(existed);
                });
            });
        };
        std::shared_ptr<room> live;
        if (auto it = rooms_.find(id); it != rooms_.end()) {
            live = std::move(it->second);
            rooms_.erase(it);
        } else if (auto idle = unloading_.find(id); idle != unloading_.end()) {
            live = idle->second.live;  // still making its last ops durable
        }
        if (!live) return erase_from_store();
        // The room's accepted ops reach the store before the deletion does, so nothing it
        // acknowledged is written after the rows are gone.
        live->shutdown(protocol::close_code::not_found,
                       [this, erase = std::move(erase_from_store)]() mutable {
                           asio::post(strand_, std::move(erase));
                       },
                       "workshop deleted");
    });
}

}  // namespace jb::room
