#include "room/workshop_leases.hpp"

#include "util/log.hpp"
#include "util/secrets.hpp"

#include <boost/asio/post.hpp>

#include <unistd.h>

namespace jb::room {

namespace asio = boost::asio;

workshop_leases::workshop_leases(asio::io_context& ioc, store::store_worker& worker, store::pg_store& shared,
                                 std::string owner, lease_timing timing)
    : worker_(worker), shared_(shared), owner_(std::move(owner)), timing_(timing),
      strand_(asio::make_strand(ioc)), timer_(strand_) {}

std::optional<workshop_leases::taken> workshop_leases::take(store::store&, const std::string& workshop_id) {
    const auto asked_at = clock::now();
    auto fence = shared_.acquire_lease(workshop_id, owner_, timing_.period);
    if (!fence) return std::nullopt;
    return taken{std::move(*fence), asked_at};
}

void workshop_leases::keep(const taken& lease, std::function<void()> lost, std::function<void()> wanted) {
    asio::post(strand_, [this, lease, lost = std::move(lost), wanted = std::move(wanted)]() mutable {
        kept_[lease.fence.workshop_id] =
            kept{lease.fence, lease.asked_at + timing_.period, std::move(lost), std::move(wanted)};
        arm();
    });
}

void workshop_leases::release(const store::lease_fence& fence) {
    // Queued on the store thread now, not from the strand: a shutdown stops the io_context as
    // soon as its rooms are closed, and the worker still runs what is queued before it stops.
    worker_.run([fence](store::store& s) {
        try {
            dynamic_cast<store::pg_store&>(s).release_lease(fence);
        } catch (const std::exception& e) {
            // It runs out by itself within the period.
            log::warn("lease", "could not release a lease", {{"workshop", fence.workshop_id}, {"error", e.what()}});
        }
    });
    asio::post(strand_, [this, fence] { drop(fence); });
}

void workshop_leases::forget(const store::lease_fence& fence) {
    asio::post(strand_, [this, fence] { drop(fence); });
}

void workshop_leases::drop(const store::lease_fence& fence) {
    if (auto it = kept_.find(fence.workshop_id); it != kept_.end() && it->second.fence == fence) kept_.erase(it);
}

void workshop_leases::arm() {
    if (armed_ || kept_.empty()) return;
    armed_ = true;
    timer_.expires_after(timing_.renew_every);
    timer_.async_wait([this](boost::system::error_code ec) {
        armed_ = false;
        if (!ec) tick();
    });
}

void workshop_leases::tick() {
    // First the monotonic clock: a lease whose last confirmed renewal is a period old may have
    // run out in PostgreSQL, whatever the store thread is busy with.
    const auto now = clock::now();
    for (auto it = kept_.begin(); it != kept_.end();) {
        if (now < it->second.valid_until) {
            ++it;
            continue;
        }
        log::warn("lease", "lease not renewed in time; the room stops", {{"workshop", it->first}, {"epoch", it->second.fence.epoch}});
        auto lost = std::move(it->second.lost);
        it = kept_.erase(it);
        lost();
    }
    if (!renewing_ && !kept_.empty()) {
        renewing_ = true;
        std::vector<renewal> batch;
        for (const auto& [_, k] : kept_) batch.push_back(renewal{k.fence, {}, std::nullopt});
        worker_.run([this, batch = std::move(batch)](store::store&) mutable {
            for (auto& r : batch) {
                r.sent = clock::now();
                try {
                    r.answer = shared_.renew_lease(r.fence, timing_.period);
                } catch (const std::exception& e) {
                    log::warn("lease", "renewal failed; trying again", {{"workshop", r.fence.workshop_id}, {"error", e.what()}});
                }
            }
            asio::post(strand_, [this, batch = std::move(batch)]() mutable { on_renewed(std::move(batch)); });
        });
    }
    arm();
}

void workshop_leases::on_renewed(std::vector<renewal> results) {
    renewing_ = false;
    for (auto& r : results) {
        auto it = kept_.find(r.fence.workshop_id);
        if (it == kept_.end() || it->second.fence != r.fence || !r.answer) continue;
        auto& k = it->second;
        if (*r.answer == store::lease_renewal::lost) {
            log::warn("lease", "lease lost; the room stops", {{"workshop", it->first}, {"epoch", k.fence.epoch}});
            auto lost = std::move(k.lost);
            kept_.erase(it);
            lost();
            continue;
        }
        k.valid_until = r.sent + timing_.period;
        if (*r.answer == store::lease_renewal::wanted && !std::exchange(k.wanted_said, true)) {
            log::info("lease", "another node asks for the workshop; handing it over", {{"workshop", it->first}});
            k.wanted();
        }
    }
    arm();
}

std::string new_node_id() {
    char host[256] = {};
    if (gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
    // The random part tells two runs (and two nodes of one host) apart.
    return std::string(host[0] ? host : "node") + "/" + util::random_token(6);
}

}  // namespace jb::room
