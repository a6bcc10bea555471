// Screen reader announcements through one polite live region. Others' changes are batched
// so a busy board does not drown the user: at most one message per interval, and a burst
// becomes "N changes by others".

import { t } from '../i18n/i18n';
import { h } from './dom';

/** Owns the live region and the queue of what is still to be said. */
export class Announcer {
  readonly el: HTMLDivElement;
  private remote: string[] = [];
  private timer: number | null = null;
  private lastSpoke = 0;

  constructor(private readonly intervalMs = 2_000) {
    this.el = h('div', { class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true' });
  }

  /** The user's own action: said at once. */
  now(text: string): void {
    this.speak(text);
  }

  /** Someone else's change: said soon, coalesced with others. */
  remoteChange(text: string): void {
    this.remote.push(text);
    if (this.timer !== null) return;
    const wait = Math.max(0, this.lastSpoke + this.intervalMs - Date.now());
    this.timer = window.setTimeout(() => this.flush(), Math.max(wait, 300));
  }

  private flush(): void {
    this.timer = null;
    const batch = this.remote;
    this.remote = [];
    if (batch.length === 1) this.speak(batch[0]!);
    else if (batch.length > 1) this.speak(t('announce.many', { count: batch.length }));
  }

  private speak(text: string): void {
    this.lastSpoke = Date.now();
    // Clearing first makes a repeated message be read again.
    this.el.textContent = '';
    window.setTimeout(() => {
      this.el.textContent = text;
    }, 50);
  }

  dispose(): void {
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.el.remove();
  }
}
