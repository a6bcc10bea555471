#pragma once
// When a fan-out client's operations are due, in periods (1 / its rate): intervals drawn
// uniformly from 0.5 to 1.5 periods keep clients from firing in lockstep, and the first op comes
// as far into an interval as it would in the middle of a run, so the rate is the same from the
// first second on. (A uniform first phase sent 20–40 % more ops in the 3rd to 5th interval than
// later: the first round meeting the second; docs/performance.md, session 13.)

namespace jb::bench {

// An interval between two ops of a client, from `u` uniform in [0, 1).
double send_interval(double u);

// How far after the start a client's first op is due: a point (`u_point`) in an interval drawn
// with a density proportional to its length (`u_length`), as an observer arriving at a random
// moment of a running client would find it. Both uniform in [0, 1).
double first_send_offset(double u_length, double u_point);

}  // namespace jb::bench
