#pragma once
// The node side of workshop leases (docs/cluster.md, "Leases and fencing"): with a store shared
// by several nodes, a node takes a workshop's lease before it loads the room, renews it while the
// room lives, and stops serving the room as soon as the lease may be lost. The store fences every
// commit by the lease's epoch, so safety does not depend on this class; it only makes a node that
// lost its lease stop early and tell its clients to reconnect (close 4010, P-WS-12).
// With SQLite there is no such object: one node owns every workshop of its file.

#include "store/pg_store.hpp"
#include "store/store_worker.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>

namespace jb::room {

struct lease_timing {
    // docs/cluster.md says why 3 s and 1 s: failover within 5 s, and two more tries to ride out
    // an ordinary stall before a room moves.
    std::chrono::milliseconds period{3000};
    std::chrono::milliseconds renew_every{1000};
};

class workshop_leases {
public:
    using clock = std::chrono::steady_clock;

    // `shared` is the store the worker runs on; it is used on the worker's thread only.
    // `owner` names this node for this run (new at every start, so a restarted node fences its
    // own earlier run off too).
    workshop_leases(boost::asio::io_context& ioc, store::store_worker& worker, store::pg_store& shared,
                    std::string owner, lease_timing timing = {});
    const std::string& owner() const { return owner_; }

    struct taken {
        store::lease_fence fence;
        clock::time_point asked_at;  // when the taking was sent: the lease counts from there
    };
    // On a store thread (a job or read of the worker): takes the workshop's lease, or nothing
    // while another live node holds it (which is then asked to hand it over). Throws store_error.
    std::optional<taken> take(store::store& s, const std::string& workshop_id);
    // Renews the lease until release() or its loss. `lost` runs once it may be lost: a renewal
    // was refused, or none was confirmed within the period on this node's monotonic clock (which
    // is never later than the expiry PostgreSQL computed, since each renewal counts from when it
    // was sent). `wanted` runs once when another node asked for the workshop. Both run on this
    // object's strand: post to your own.
    void keep(const taken& lease, std::function<void()> lost, std::function<void()> wanted);
    // Stops renewing and gives the lease up in the store at once, so the next owner need not
    // wait for its expiry. Call it after the room's last commit (its shutdown's done).
    void release(const store::lease_fence& fence);
    // Forgets the lease without giving it up (the room broke; a new room takes it again).
    void forget(const store::lease_fence& fence);

private:
    struct kept {
        store::lease_fence fence;
        clock::time_point valid_until;
        std::function<void()> lost, wanted;
        bool wanted_said = false;
    };
    struct renewal {
        store::lease_fence fence;
        clock::time_point sent;
        std::optional<store::lease_renewal> answer;  // none: the store failed (try again)
    };
    void arm();
    void tick();
    void on_renewed(std::vector<renewal> results);
    void drop(const store::lease_fence& fence);

    store::store_worker& worker_;
    store::pg_store& shared_;
    std::string owner_;
    lease_timing timing_;
    boost::asio::strand<boost::asio::io_context::executor_type> strand_;
    boost::asio::steady_timer timer_;
    std::map<std::string, kept> kept_;  // by workshop id; strand_ only
    bool renewing_ = false;  // a renewal job is queued on the worker: do not stack another
    bool armed_ = false;
};

// A node's id for this run: the host name and a random part (docs/cluster.md).
std::string new_node_id();

}  // namespace jb::room
