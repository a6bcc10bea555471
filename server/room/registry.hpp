#pragma once
// Finds the live room of a workshop, loading it from the store on first use. Its own map is
// touched only on its own strand.

#include "room/room.hpp"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace jb::room {

class registry {
public:
    registry(boost::asio::io_context& ioc, store::store_worker& worker, room_options options);

    // Calls `done` with the room, or nullptr if no such workshop exists. A workshop that exists
    // but cannot be served (its stored log cannot be replayed: a gap, an op that does not
    // decode) calls `unavailable` with the reason instead, if given, else `done(nullptr)`; each
    // open tries to load it again. Both run on the registry's strand: post to your own.
    void open(std::string workshop_id, std::function<void(std::shared_ptr<room>)> done,
              std::function<void(std::string why)> unavailable = {});
    // Shuts every room down (closing connections with `code`), then calls done.
    void shutdown(std::uint16_t code, std::function<void()> done);
    // Deletes a workshop and all its data (AVG). From the call on, no session can join it:
    // open() answers nullptr (P-DEL-2). Its live room, if any, makes its accepted operations
    // durable and closes every connection with 4004 "workshop deleted"; then the store deletes
    // every row of it in one transaction. `done(existed)` runs on the registry's strand:
    // whether the workshop existed, or nothing if the store failed (logged; nothing deleted).
    void remove(std::string workshop_id, std::function<void(std::optional<bool> existed)> done);

private:
    struct waiter {
        std::function<void(std::shared_ptr<room>)> done;
        std::function<void(std::string)> unavailable;
    };
    void on_loaded(const std::string& id, std::shared_ptr<room> loaded, std::string why);
    // Drops an idle room (room::on_idle). Until its accepted ops are durable and its
    // connections closed, open() of the id waits, so that the next load reads everything the
    // old room acknowledged and no session ever talks to a room the registry has dropped.
    void unload(const std::string& id, const std::weak_ptr<room>& idle);

    boost::asio::io_context& ioc_;
    boost::asio::strand<boost::asio::io_context::executor_type> strand_;
    store::store_worker& worker_;
    room_options options_;
    std::map<std::string, std::shared_ptr<room>> rooms_;
    std::map<std::string, std::vector<waiter>> loading_;
    std::map<std::string, int> removing_;  // workshop id → deletions under way
    // An idle room being unloaded, and the opens of its id waiting for that to finish.
    struct unloading {
        std::shared_ptr<room> live;
        std::vector<waiter> waiting;
    };
    std::map<std::string, unloading> unloading_;  // by workshop id
    bool shutting_down_ = false;
};

}  // namespace jb::room
