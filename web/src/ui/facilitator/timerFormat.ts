// How the countdown reads: m:ss (h:mm:ss from an hour), rounded up so "0:00" appears only when
// the time is really up, and the same on every screen for the same server time.

export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Whole minutes typed by a facilitator → milliseconds, or null outside 1 … 240. */
export function minutesToMs(text: string): number | null {
  const value = Number(text.trim().replace(',', '.'));
  if (!Number.isFinite(value) || value < 1 || value > 240) return null;
  return Math.round(value * 60) * 1000;
}
