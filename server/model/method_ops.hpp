#pragma once
// The operations of the journey method (protocol.md, P-METH-*, P-EVAL-*): a touchpoint's
// channel, the scores (emotion now and desired, expectation and experience) and the closing
// evaluation poll. Plain data, decoded and encoded with the board's other operations.

#include <cstdint>
#include <optional>
#include <string>

namespace jb::model {

// How a touchpoint reaches the customer (P-METH-1).
enum class channel_kind { website, phone, desk, letter, email, app, other };
// What a score measures (P-METH-2): emotion as it is (current) and as it should be (desired),
// −2…+2; expectation and experience, 1…5.
enum class score_scale { current, desired, expected, experienced };

struct score_set {
    score_scale scale = score_scale::current;
    std::string target_id;              // a touchpoint card, or (expected/experienced) a phase
    std::optional<std::int64_t> value;  // nothing: remove the sender's score
};
struct evaluation_open {
    bool open = false;
};
struct evaluation_submit {
    std::int64_t rating = 1;
    std::string remarks;
};
// Puts a response's remarks on the big screen, or takes them off (P-EVAL-4).
struct evaluation_show {
    std::string response_id;
    bool shown = false;
};

// The lowest and highest value of a scale (P-METH-2).
constexpr std::int64_t scale_min(score_scale s) {
    return s == score_scale::current || s == score_scale::desired ? -2 : 1;
}
constexpr std::int64_t scale_max(score_scale s) { return scale_min(s) + 4; }
constexpr bool is_emotion(score_scale s) {
    return s == score_scale::current || s == score_scale::desired;
}

}  // namespace jb::model

namespace jb::model::method_limits {
inline constexpr std::size_t max_remarks = 2'000;
inline constexpr std::int64_t min_rating = 1, max_rating = 5;
// What a projector shows at reading size beside the average and the distribution (P-EVAL-4).
inline constexpr std::size_t max_shown_remarks = 3;
}  // namespace jb::model::method_limits
