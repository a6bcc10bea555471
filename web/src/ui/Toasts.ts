// Short visible messages at the bottom of the screen (a rejected change, a deleted card with
// an undo button). They never take focus; the live region reads them.

import { t } from '../i18n/i18n';
import { h } from './dom';

export interface ToastAction {
  label: string;
  run: () => void;
}

/** Owns the toast container and the timers that close each toast. */
export class Toasts {
  readonly el: HTMLDivElement;

  constructor() {
    this.el = h('div', { class: 'toasts', role: 'status', 'aria-live': 'polite' });
  }

  /**
   * Shows a toast for `ms`. One with a `key` replaces the open toast of the same key (only the
   * latest "undo" can be undone: older ones would pile up over the board).
   */
  show(text: string, action?: ToastAction, ms = 8_000, key?: string): () => void {
    if (key) this.el.querySelector(`[data-toast-key="${CSS.escape(key)}"]`)?.remove();
    const close = () => {
      window.clearTimeout(timer);
      toast.remove();
    };
    const closeButton = h('button', { type: 'button', class: 'toast__close', 'aria-label': t('toast.close') }, '×');
    closeButton.addEventListener('click', close);
    const actionButton = action ? h('button', { type: 'button', class: 'toast__action' }, action.label) : null;
    actionButton?.addEventListener('click', () => {
      close();
      action!.run();
    });
    const toast = h('div', { class: 'toast', 'data-toast-key': key ?? null }, h('span', { class: 'toast__text' }, text), actionButton, closeButton);
    this.el.append(toast);
    // Keep a few at most: the oldest go first.
    while (this.el.childElementCount > 3) this.el.firstElementChild?.remove();
    const timer = window.setTimeout(close, ms);
    return close;
  }

  /** Like show, unless a toast shown with the same key is still open (a burst says it once). */
  showOnce(key: string, text: string): void {
    if (this.el.querySelector(`[data-toast-key="${CSS.escape(key)}"]`)) return;
    this.show(text, undefined, undefined, key);
  }

  dispose(): void {
    this.el.remove();
  }
}
