// Reconnect delays: start small so a blip is invisible, grow to a ceiling so a room of phones
// does not hammer a restarting server, and spread with jitter so they do not return in step.

export const BACKOFF_FIRST_MS = 250;
export const BACKOFF_MAX_MS = 10_000;

/** The delay before reconnect attempt `attempt` (0-based); `random` is in [0, 1). */
export function backoffDelay(attempt: number, random: number): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** Math.min(attempt, 20));
  return Math.round(ceiling * (0.5 + 0.5 * random));
}
