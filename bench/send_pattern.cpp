#include "send_pattern.hpp"

#include <cmath>

namespace jb::bench {

double send_interval(double u) { return 0.5 + u; }

double first_send_offset(double u_length, double u_point) {
    // Length-biased on [0.5, 1.5]: density l / 2, so F(l) = (l² − 0.25) / 2 and l = √(0.25 + 2u).
    const double length = std::sqrt(0.25 + 2.0 * u_length);
    return length * u_point;
}

}  // namespace jb::bench
