// The gentle sound when the timer reaches zero: a short, soft sine tone made with WebAudio
// (nothing to download), which the user can turn off (remembered in localStorage).

const MUTE_KEY = 'jb.timerMuted';

export function timerMuted(): boolean {
  try {
    return localStorage.getItem(MUTE_KEY) === '1';
  } catch {
    return false;
  }
}

export function setTimerMuted(muted: boolean): void {
  try {
    if (muted) localStorage.setItem(MUTE_KEY, '1');
    else localStorage.removeItem(MUTE_KEY);
  } catch {
    // Not remembered.
  }
}

type AudioContextClass = typeof AudioContext;

/** Plays two soft notes (about a second); silent when muted or when the browser has no audio. */
export function playSoftTone(): void {
  if (timerMuted()) return;
  const Ctx: AudioContextClass | undefined =
    window.AudioContext ?? (window as unknown as { webkitAudioContext?: AudioContextClass }).webkitAudioContext;
  if (!Ctx) return;
  try {
    const ctx = new Ctx();
    void ctx.resume().catch(() => undefined);
    const start = ctx.currentTime + 0.05;
    [523.25, 659.25].forEach((freq, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      const t0 = start + i * 0.45;
      gain.gain.setValueAtTime(0, t0);
      gain.gain.linearRampToValueAtTime(0.06, t0 + 0.08);
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + 0.7);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t0);
      osc.stop(t0 + 0.75);
    });
    window.setTimeout(() => void ctx.close().catch(() => undefined), 2_000);
  } catch {
    // No sound; the visual signal and the announcement remain.
  }
}
