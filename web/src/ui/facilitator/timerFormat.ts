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

/**
 * A duration typed by a facilitator → milliseconds: minutes ("5", "1,5") or minutes and
 * seconds ("2:30", "0:45"). Null when unreadable or outside 1 second … 240 minutes (timer.set).
 */
export function parseDuration(text: string): number | null {
  const s = text.trim();
  let seconds: number;
  const ms = /^(\d{1,3}):([0-5]\d)$/.exec(s);
  if (ms) {
    seconds = Number(ms[1]) * 60 + Number(ms[2]);
  } else if (/^\d{1,3}([.,]\d+)?$/.test(s)) {
    seconds = Math.round(Number(s.replace(',', '.')) * 60);
  } else {
    return null;
  }
  if (seconds < 1 || seconds > 240 * 60) return null;
  return seconds * 1000;
}
