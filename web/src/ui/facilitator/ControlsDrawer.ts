// The drawer with the facilitator's other controls (join code and QR, the big screen, stages and
// their instructions, timer settings, anonymity, follow a phase, the closing poll, participants):
// the board's side panel, closed until asked for, so the board has the whole width. A
// disclosure, not a modal dialog: the facilitator keeps working on the board while it is open.
// On a wide screen it opens as a column beside the board, on a narrow one as a sheet over it
// (CSS). Esc or its close button put it away and give focus back to the button that opened it.
// For participants the same element is the plain side panel (who is here), always shown.

import { t } from '../../i18n/i18n';
import { h } from '../dom';

/** Owns the open/closed state of the side panel and the buttons that toggle it. */
export class ControlsDrawer {
  private enabled = false;
  private isOpen = false;
  private opener: HTMLElement | null = null;
  private readonly toggles: HTMLButtonElement[] = [];
  private readonly heading = h('h2', { id: 'drawer-title', class: 'drawer__title' });
  private readonly closeButton = h('button', { type: 'button', class: 'button button--small', 'data-testid': 'controls-close' });
  private readonly header = h('div', { class: 'drawer__header' }, this.heading, this.closeButton);

  constructor(private readonly el: HTMLElement) {
    this.closeButton.addEventListener('click', () => this.close());
    el.addEventListener('keydown', (ev) => {
      if (ev.key !== 'Escape' || !this.enabled || !this.isOpen || ev.defaultPrevented) return;
      if (ev.target instanceof HTMLSelectElement) return; // Esc closes the select's list first
      ev.preventDefault();
      this.close();
    });
    this.relabel();
  }

  relabel(): void {
    this.heading.textContent = t('drawer.heading');
    this.closeButton.textContent = t('drawer.close');
  }

  /** A button that opens and closes the drawer (aria-expanded follows). */
  bindToggle(button: HTMLButtonElement): void {
    button.setAttribute('aria-controls', this.el.id);
    button.addEventListener('click', () => (this.isOpen ? this.close() : this.open(button)));
    this.toggles.push(button);
    this.sync();
  }

  /** Drawer (facilitator) or plain side panel (everyone else). */
  setEnabled(on: boolean): void {
    if (on === this.enabled) return;
    this.enabled = on;
    if (!on) this.isOpen = false;
    this.sync();
  }

  /** The panel's content, under the drawer's header when it is one. */
  fill(children: readonly HTMLElement[]): void {
    this.el.replaceChildren(...(this.enabled ? [this.header] : []), ...children);
  }

  get shown(): boolean {
    return this.isOpen;
  }

  /** Opens the drawer; focus goes to `target` (a section in it) or to the drawer itself. */
  open(opener: HTMLElement | null, target?: HTMLElement): void {
    if (!this.enabled) return;
    this.opener = opener;
    this.isOpen = true;
    this.sync();
    const to = target ?? this.el;
    if (to !== this.el && !to.hasAttribute('tabindex')) to.setAttribute('tabindex', '-1');
    to.focus({ preventScroll: true });
    // Scrolled to only when out of sight: a drawer that opens beside the board moves nothing.
    const top = to.getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight - 40) to.scrollIntoView({ block: 'start' });
  }

  close(): void {
    if (!this.isOpen) return;
    const hadFocus = this.el.contains(document.activeElement);
    this.isOpen = false;
    this.sync();
    if (hadFocus) (this.opener?.isConnected ? this.opener : this.toggles.find((b) => b.isConnected))?.focus();
  }

  private sync(): void {
    this.el.hidden = this.enabled && !this.isOpen;
    this.el.classList.toggle('drawer', this.enabled);
    if (this.enabled) this.el.setAttribute('aria-labelledby', this.heading.id);
    else this.el.removeAttribute('aria-labelledby');
    for (const b of this.toggles) b.setAttribute('aria-expanded', String(this.isOpen));
  }
}
