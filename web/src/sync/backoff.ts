// Reconnect delays: start small so a blip is invisible, grow to a ceiling so a room of phones
// does not hammer a restarting server, and spread with jitter so they do not return in step.

export const BACKOFF_FIRST_MS = 250;
export const BACKOFF_MAX_MS = 10_000;
/**
 * After close 4010 (P-WS-12) the workshop is being served elsewhere within a lease period (3 s):
 * waiting up to 10 s would make a failover look longer than it is.
 */
export const MOVED_BACKOFF_MAX_MS = 1_000;

/** The delay before reconnect attempt `attempt` (0-based); `random` is in [0, 1). */
export function backoffDelay(attempt: number, random: number, max = BACKOFF_MAX_MS): number {
  const ceiling = Math.min(max, BACKOFF_FIRST_MS * 2 ** Math.min(attempt, 20));
  return Math.round(ceiling * (0.5 + 0.5 * random));
}
