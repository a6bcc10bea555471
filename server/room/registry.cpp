#include "room/registry.hpp"
#include "util/log.hpp"

#include <boost/asio/post.hpp>


namespace jb::room {

namespace asio = boost::asio;

registry::registry(asio::io_context& ioc, store::store_worker& worker, room_options options,
                   workshop_leases* leases)
    : ioc_(ioc), strand_(asio::make_strand(ioc)), worker_(worker), options_(options), leases_(leases) {}

void registry::open(std::string workshop_id, std::function<void(std::shared_ptr<room>)> done,
                    std::function<void(load_failure)> unavailable, std::function<void()> elsewhere) {
    asio::post(strand_, [this, id = std::move(workshop_id),
                         w = waiter{std::move(done), std::move(unavailable), std::move(elsewhere)}]() mutable {
        // Draining: another node takes the workshop (P-WS-12); alone, the client finds this
        // node back after its restart.
        if (shutting_down_) return w.moved();
        if (removing_.count(id)) return w.done(nullptr);
        if (auto it = unloading_.find(id); it != unloading_.end()) {
            if (it->second.handing_over) return w.moved();
            return it->second.waiting.push_back(std::move(w));  // opened again once unloaded
        }
        if (auto it = rooms_.find(id); it != rooms_.end()) return w.done(it->second);
        auto& waiting = loading_[id];
        waiting.push_back(std::move(w));
        if (waiting.size() > 1) return;  // a load is already under way

        // Loading reads the disk and replays the log: a store thread does it, never a network
        // thread; with PostgreSQL a reader beside the commits (store_worker::read), which sees
        // everything this node acknowledged: an earlier room of the id was unloaded only once
        // its ops were durable (unloading_ above).
        worker_.read([this, id](store::store& s) {
            std::shared_ptr<room> loaded;
            load_failure failed;
            std::optional<workshop_leases::taken> lease;
            bool elsewhere = false;
            try {
                // The lease first, then the load: every op the previous owner committed is
                // durable by then, and any it still tries is fenced off (docs/cluster.md). An
                // unknown id takes no lease (no row for every id a client makes up).
                if (leases_ && s.find_workshop(id)) {
                    lease = leases_->take(s, id);
                    elsewhere = !lease;
                }
                if (!elsewhere)
                    if (auto data = s.load_workshop(id))
                        loaded = std::make_shared<room>(ioc_, worker_, std::move(*data), options_,
                                                        lease ? std::optional(lease->fence) : std::nullopt);
            } catch (const store::store_unavailable& e) {
                failed = {e.what(), true};
                log::error("room", "workshop could not be loaded: the store is not reachable",
                           {{"workshop", id}, {"error", failed.why}});
            } catch (const std::exception& e) {
                failed = {e.what(), false};
                log::error("room", "workshop could not be loaded, and is not served",
                           {{"workshop", id}, {"error", failed.why}});
            }
            if (lease && loaded)
                leases_->keep(*lease,
                              [weak = std::weak_ptr<room>(loaded)] {
                                  if (auto r = weak.lock()) r->lose_lease();  // broken: dropped by on_broken
                              },
                              [this, id, weak = std::weak_ptr<room>(loaded)] {
                                  asio::post(strand_, [this, id, weak] { hand_over(id, weak); });
                              });
            else if (lease)
                leases_->release(lease->fence);  // taken for a room that could not be built
            asio::post(strand_, [this, id, loaded, failed, elsewhere] { on_loaded(id, loaded, failed, elsewhere); });
        });
    });
}

void registry::on_loaded(const std::string& id, std::shared_ptr<room> loaded, load_failure failed, bool elsewhere) {
    // A deletion that began while this load ran may have finished already (a load on a reader
    // is not ordered with the store thread's delete): its room, loaded before the rows went,
    // must not be served.
    const bool deleted_meanwhile = removed_while_loading_.erase(id) > 0;
    if ((removing_.count(id) || shutting_down_ || deleted_meanwhile) && loaded) {
        release_lease(loaded);
        loaded.reset();
    }
    if (loaded) {
        rooms_[id] = loaded;
        loaded->start();
        // A room whose commit failed is dropped; the next join reloads it from the store.
        std::weak_ptr<room> weak = loaded;
        loaded->on_broken([this, id, weak] {
            asio::post(strand_, [this, id, weak] {
                auto it = rooms_.find(id);
                if (it != rooms_.end() && it->second == weak.lock()) rooms_.erase(it);
                if (auto r = weak.lock(); r && r->lease() && leases_) leases_->forget(*r->lease());
            });
        });
        loaded->on_idle([this, id, weak] {
            asio::post(strand_, [this, id, weak] { unload(id, weak); });
        });
    }
    auto waiting = std::move(loading_[id]);
    loading_.erase(id);
    for (auto& w : waiting) {
        if (removing_.count(id) || deleted_meanwhile)
            w.done(nullptr);
        else if (elsewhere || shutting_down_)
            w.moved();
        else if (!failed.why.empty() && w.unavailable)
            w.unavailable(failed);
        else
            w.done(loaded);
    }
}

void registry::release_lease(const std::shared_ptr<room>& r) {
    if (leases_ && r->lease()) leases_->release(*r->lease());
}

void registry::hand_over(const std::string& id, const std::weak_ptr<room>& held) {
    // Durable first, then closed with 4010, then the lease given up: the clients reconnect
    // through the router to the node that asked, which loads everything this room acked.
    close_live(id, held, true);
}

void registry::unload(const std::string& id, const std::weak_ptr<room>& idle) {
    // A session that got the room just before is closed with 1001 and reconnects (P-WS-6).
    close_live(id, idle, false);
}

void registry::close_live(const std::string& id, const std::weak_ptr<room>& which, bool handing_over) {
    auto it = rooms_.find(id);
    if (shutting_down_ || it == rooms_.end() || it->second != which.lock()) return;
    auto live = std::move(it->second);
    rooms_.erase(it);
    auto& entry = unloading_[id];  // from now on, opens of this id wait (or go elsewhere)
    entry.live = live;
    entry.handing_over = handing_over;
    auto closed = [this, id, live, handing_over] {
        asio::post(strand_, [this, id, live, handing_over] {
            release_lease(live);
            auto waiting = std::move(unloading_[id].waiting);
            unloading_.erase(id);
            log::info("room", handing_over ? "workshop handed over" : "workshop unloaded (idle)", {{"workshop", id}});
            for (auto& w : waiting) open(id, std::move(w.done), std::move(w.unavailable), std::move(w.elsewhere));
        });
    };
    if (handing_over)
        live->shutdown(protocol::close_code::moved, std::move(closed), "workshop moved; reconnect");
    else
        live->shutdown(protocol::close_code::going_away, std::move(closed), "room unloaded; reconnect");
}

void registry::shutdown(std::uint16_t code, std::function<void()> done) {
    asio::post(strand_, [this, code, done = std::move(done)]() mutable {
        shutting_down_ = true;
        if (rooms_.empty()) return done();
        auto remaining = std::make_shared<std::size_t>(rooms_.size());
        auto shared_done = std::make_shared<std::function<void()>>(std::move(done));
        for (auto& entry : rooms_) {
            // A copy, not a structured binding: clang 14 (the sanitizer builds) cannot capture one.
            auto r = entry.second;
            // Draining (docs/cluster.md): each lease is given up once the room's ops are
            // durable, so the next owner need not wait for it to run out.
            r->shutdown(code, [this, r, remaining, shared_done] {
                asio::post(strand_, [this, r, remaining, shared_done] {
                    release_lease(r);
                    if (--*remaining == 0) (*shared_done)();
                });
            });
        }
    });
}

void registry::remove(std::string workshop_id, std::function<void(std::optional<bool>)> done) {
    asio::post(strand_, [this, id = std::move(workshop_id), done = std::move(done)]() mutable {
        ++removing_[id];
        if (loading_.count(id)) removed_while_loading_.insert(id);
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
                       [this, live, erase = std::move(erase_from_store)]() mutable {
                           asio::post(strand_, [this, live, erase = std::move(erase)]() mutable {
                               release_lease(live);
                               erase();
                           });
                       },
                       "workshop deleted");
    });
}

}  // namespace jb::room
