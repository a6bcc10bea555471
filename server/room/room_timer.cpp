// The round timer (protocol P-VOTE-10): when an open round's endsAt passes, the room makes its
// own round.close, through the same durable path as a client's op (no sender, no clientSeq).
// The timer lives on the room's strand; it is re-armed after every op and after a restart, and a
// round whose time passed while the server was down is closed at once.
#include "room/room.hpp"

#include "util/clock.hpp"
#include "util/log.hpp"

#include <algorithm>

namespace jb::room {

void room::arm_round_timer() {
    if (broken_ || shutdown_code_) return;
    const model::voting_round* r = board_.state().open_round();
    if (!r || !r->ends_at) {
        if (round_timer_for_) round_timer_.cancel();
        round_timer_for_.reset();
        return;
    }
    auto wanted = std::make_pair(r->id, *r->ends_at);
    if (round_timer_for_ == wanted) return;
    round_timer_for_ = wanted;
    const auto delay = std::max<std::int64_t>(0, *r->ends_at - util::now_ms());
    round_timer_.expires_after(std::chrono::milliseconds(delay));
    round_timer_.async_wait([self = shared_from_this(), id = r->id,
                             ends = *r->ends_at](boost::system::error_code ec) {
        if (!ec) self->on_round_timer(id, ends);
    });
}

void room::on_round_timer(const std::string& round_id, std::int64_t ends_at) {
    round_timer_for_.reset();
    if (broken_ || shutdown_code_) return;
    const model::voting_round* r = board_.state().open_round();
    if (!r || r->id != round_id || r->ends_at != ends_at || util::now_ms() < ends_at) {
        arm_round_timer();  // changed meanwhile, or woke early
        return;
    }
    const model::operation op = model::round_close{round_id};
    const model::op_context ctx{"", model::role::facilitator, util::now_ms()};
    // The same boundary as room::dispatch: a throw here fails this room, never the server.
    try {
        if (board_.check(op, ctx)) return;
        commit_op(op, ctx, "", 0, {});
    } catch (const std::exception& e) {
        log::error("room", "closing a round failed", {{"workshop", id_}, {"error", e.what()}});
        applying_ = false;
        fail("closing a round threw");
    }
}

}  // namespace jb::room
