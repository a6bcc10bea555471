// Screen reader announcements through two polite live regions: one for what the user just did
// (said at once), one for others' changes (batched so a busy board does not drown the user: at
// most one message per interval, and a burst becomes "N changes by others"). Two regions, so
// a batch of others' changes never overwrites the answer to the user's own action.

import { t } from '../i18n/i18n';
import { browserClock } from '../sync/environment';
import { AnnounceQueue } from './AnnounceQueue';
import { h } from './dom';

/** Owns the live regions and the queue of what is still to be said. */
export class Announcer {
  readonly el: HTMLDivElement;
  private readonly own: HTMLDivElement;
  private readonly others: HTMLDivElement;
  private readonly queue: AnnounceQueue;

  constructor(intervalMs = 3_000) {
    this.own = h('div', { class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true', 'data-announce': 'own' });
    this.others = h('div', { class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true', 'data-announce': 'others' });
    this.el = h('div', {}, this.own, this.others);
    this.queue = new AnnounceQueue(
      browserClock,
      (text) => this.speak(this.others, text),
      (count) => t('announce.many', { count }),
      { intervalMs, settleMs: 300 },
    );
  }

  /** The user's own action: said at once. */
  now(text: string): void {
    this.speak(this.own, text);
  }

  /** Someone else's change: said soon, coalesced with others (see AnnounceQueue). */
  remoteChange(text: string): void {
    this.queue.push(text);
  }

  /** A change to the session that everyone must hear (round, stage, lock): rate-limited like
   *  others' changes, but never folded into "N wijzigingen". */
  sessionChange(text: string): void {
    this.queue.push(text, true);
  }

  private speak(region: HTMLDivElement, text: string): void {
    // Clearing first makes a repeated message be read again.
    region.textContent = '';
    window.setTimeout(() => {
      region.textContent = text;
    }, 50);
  }

  /** Forgets what was said (after a language switch, old words must not linger in the page). */
  clear(): void {
    this.own.textContent = '';
    this.others.textContent = '';
  }

  dispose(): void {
    this.queue.dispose();
    this.el.remove();
  }
}
