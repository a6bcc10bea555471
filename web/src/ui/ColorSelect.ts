// The colour picker of a card (board and list view): a native <select> whose options are the
// colours by name, so colour is always said in words too.

import { CARD_COLORS, type CardColor } from '../protocol/types';
import { t, type MessageKey } from '../i18n/i18n';
import { h } from './dom';

/**
 * Owns one select. It holds only the current colour until someone reaches for it: seven options
 * on each of thousands of cards is most of a big board's first render.
 */
export class ColorSelect {
  readonly el: HTMLSelectElement;
  private color: CardColor;

  constructor(color: CardColor, onChange: (color: CardColor) => void, className = 'card__color') {
    this.color = color;
    this.el = h('select', { class: className });
    this.el.addEventListener('change', () => onChange(this.el.value as CardColor));
    for (const ev of ['pointerdown', 'focus', 'keydown']) this.el.addEventListener(ev, () => this.fill(true));
    this.fill(false);
  }

  /** Shows `color` as the chosen one (after a change by anyone). */
  set(color: CardColor): void {
    this.color = color;
    if (this.el.options.length === 1) {
      if (this.el.options[0]!.value !== color) this.fillNow([color]);
    } else if (this.el.value !== color) {
      this.el.value = color;
    }
  }

  /** Rebuilds the option names after a language switch. */
  relabel(): void {
    this.fill(this.el.options.length > 1);
  }

  /** Fills the list: every colour when `all`, else only the current one. */
  private fill(all: boolean): void {
    const select = this.el;
    const lang = document.documentElement.lang;
    const upToDate =
      select.dataset.lang === lang &&
      (all ? select.options.length === CARD_COLORS.length : select.options.length === 1 && select.value === this.color);
    if (upToDate) return;
    select.dataset.lang = lang;
    this.fillNow(all ? CARD_COLORS : [this.color]);
  }

  private fillNow(colors: readonly CardColor[]): void {
    this.el.replaceChildren(...colors.map((c) => h('option', { value: c }, t(`color.${c}` as MessageKey))));
    this.el.value = this.color;
  }
}
