#pragma once
// Finds the live room of a workshop, loading it from the store on first use. Its own map is
// touched only on its own strand.

#include "room/room.hpp"
#include "room/workshop_leases.hpp"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace jb::room {

// Why a workshop that exists is not served now (registry::open).
struct load_failure {
    std::string why;  // for the server's log
    // The store could not be reached (store::store_unavailable): nothing is known to be wrong
    // with the workshop, and the next open may well succeed. Otherwise its stored log cannot be
    // replayed (P-JOIN-7).
    bool store_unreachable = false;
};

class registry {
public:
    // With `leases` (a store shared by nodes, docs/cluster.md), a room is served only under its
    // workshop's lease; without, this node owns every workshop (SQLite).
    registry(boost::asio::io_context& ioc, store::store_worker& worker, room_options options,
             workshop_leases* leases = nullptr);

    // Calls `done` with the room, or nullptr if no such workshop exists. A workshop that cannot
    // be served (its stored log cannot be replayed: a gap, an op that does not decode; or the
    // store could not be reached) calls `unavailable` with the reason instead, if given, else
    // `done(nullptr)`; each open tries to load it again. A workshop another node serves (it holds the lease), or this
    // node is handing over or no longer takes (draining), calls `elsewhere` if given, else
    // `done(nullptr)`: the client is to reconnect (P-WS-12). All run on the registry's strand:
    // post to your own.
    void open(std::string workshop_id, std::function<void(std::shared_ptr<room>)> done,
              std::function<void(load_failure)> unavailable = {},
              std::function<void()> elsewhere = {});
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
        std::function<void(load_failure)> unavailable;
        std::function<void()> elsewhere;
        void moved() { elsewhere ? elsewhere() : done(nullptr); }
    };
    // `elsewhere`: another node holds the workshop's lease.
    void on_loaded(const std::string& id, std::shared_ptr<room> loaded, load_failure failed, bool elsewhere);
    // Closes a room and gives its lease up once its accepted ops are durable (handing over to
    // the node that asked for it, P-WS-12). Opens of the id meanwhile are sent elsewhere.
    void hand_over(const std::string& id, const std::weak_ptr<room>& held);
    // The lease of a room that no longer serves is given up (after its last commit), or
    // forgotten if it broke (a new room of this node takes it again, at a new epoch).
    void release_lease(const std::shared_ptr<room>& r);
    // Drops an idle room (room::on_idle). Until its accepted ops are durable and its
    // connections closed, open() of the id waits, so that the next load reads everything the
    // old room acknowledged and no session ever talks to a room the registry has dropped.
    void unload(const std::string& id, const std::weak_ptr<room>& idle);
    // What unload and hand_over share: the room leaves rooms_, closes once durable, gives its
    // lease up, and the opens that waited meanwhile are opened again (or sent elsewhere).
    void close_live(const std::string& id, const std::weak_ptr<room>& which, bool handing_over);

    boost::asio::io_context& ioc_;
    boost::asio::strand<boost::asio::io_context::executor_type> strand_;
    store::store_worker& worker_;
    room_options options_;
    workshop_leases* leases_;
    std::map<std::string, std::shared_ptr<room>> rooms_;
    std::map<std::string, std::vector<waiter>> loading_;
    std::map<std::string, int> removing_;  // workshop id → deletions under way
    std::set<std::string> removed_while_loading_;  // deletions that began during a load of the id
    // An idle room being unloaded, and the opens of its id waiting for that to finish.
    struct unloading {
        std::shared_ptr<room> live;
        std::vector<waiter> waiting;
        bool handing_over = false;  // its opens go elsewhere, not to a room loaded here again
    };
    std::map<std::string, unloading> unloading_;  // by workshop id
    bool shutting_down_ = false;
};

}  // namespace jb::room
