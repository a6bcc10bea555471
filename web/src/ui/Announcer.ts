// Screen reader announcements through two polite live regions: one for what the user just did
// (said at once), one for others' changes (batched so a busy board does not drown the user: at
// most one message per interval, and a burst becomes "N changes by others"). Two regions, so
// a batch of others' changes never overwrites the answer to the user's own action.

import { t } from '../i18n/i18n';
import { h } from './dom';

/** Owns the live regions and the queue of what is still to be said. */
export class Announcer {
  readonly el: HTMLDivElement;
  private readonly own: HTMLDivElement;
  private readonly others: HTMLDivElement;
  private remote: string[] = [];
  private timer: number | null = null;
  private lastSpoke = 0;

  constructor(private readonly intervalMs = 2_000) {
    this.own = h('div', { class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true', 'data-announce': 'own' });
    this.others = h('div', { class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true', 'data-announce': 'others' });
    this.el = h('div', {}, this.own, this.others);
  }

  /** The user's own action: said at once. */
  now(text: string): void {
    this.speak(this.own, text);
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
    if (batch.length === 1) this.speak(this.others, batch[0]!);
    else if (batch.length > 1) this.speak(this.others, t('announce.many', { count: batch.length }));
  }

  private speak(region: HTMLDivElement, text: string): void {
    if (region === this.others) this.lastSpoke = Date.now();
    // Clearing first makes a repeated message be read again.
    region.textContent = '';
    window.setTimeout(() => {
      region.textContent = text;
    }, 50);
  }

  dispose(): void {
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.el.remove();
  }
}
