// Online / reconnecting / offline with N changes queued, as text (the dot is decoration) in a
// polite status region.

import type { ConnectionStatus } from '../sync/SyncClient';
import { t, tCount } from '../i18n/i18n';
import { h } from './dom';

/** Owns the status element in the top bar. */
export class ConnectionIndicator {
  readonly el: HTMLDivElement;
  private readonly text: HTMLSpanElement;
  private shown = '';

  constructor() {
    this.text = h('span', { class: 'conn__text' });
    this.el = h('div', { class: 'conn', role: 'status' }, h('span', { class: 'conn__dot', 'aria-hidden': 'true' }), this.text);
  }

  update(status: ConnectionStatus, queued: number): void {
    const parts = [t(`conn.${status}`)];
    // While online the queue drains in milliseconds; counting it would only flicker.
    if (status !== 'online' && queued > 0) parts.push(tCount('conn.queued', queued));
    const text = parts.join(' · ');
    this.el.dataset.status = status;
    this.el.dataset.queued = String(queued);  // the exact count, also while online (tests wait on it)
    if (text !== this.shown) {
      this.shown = text;
      this.text.textContent = text;
    }
  }
}
