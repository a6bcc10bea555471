// The facilitator's one control for the big screen: which stage it shows. "The current stage"
// lets it follow the room; any other choice pins that stage on it (screen.pin, P-FAC-10), e.g.
// the join code and QR code while people are already mapping. Self-contained, so a toolbar or
// a panel can place it anywhere.

import type { Board } from '../../model/board';
import type { Operation } from '../../protocol/types';
import { t } from '../../i18n/i18n';
import { h, uid } from '../dom';

export interface ScreenPinHooks {
  submit(op: Operation): void;
  announce(text: string): void;
}

const FOLLOW = '';

/** Owns a labelled select; update() with every board render. */
export class ScreenPinControl {
  readonly el: HTMLElement;
  private readonly select: HTMLSelectElement;
  private readonly labelEl: HTMLLabelElement;
  private shown = '';
  private board: Board | null = null;

  constructor(private readonly hooks: ScreenPinHooks) {
    const id = uid('screen-pin');
    this.select = h('select', { id, 'data-testid': 'screen-pin' });
    this.labelEl = h('label', { for: id });
    this.el = h('div', { class: 'field field--compact screen-pin' }, this.labelEl, this.select);
    this.select.addEventListener('change', () => this.choose());
  }

  update(board: Board): void {
    const f = board.facilitation;
    const key = JSON.stringify([f.stages.map((s) => [s.id, s.title]), f.screenPin ?? FOLLOW, t('screen.pinFollow')]);
    this.board = board;
    if (key === this.shown) return;
    this.shown = key;
    this.labelEl.textContent = t('screen.pinLabel');
    this.select.replaceChildren(
      h('option', { value: FOLLOW }, t('screen.pinFollow')),
      ...f.stages.map((s) => h('option', { value: s.id }, s.title)),
    );
    this.select.value = f.screenPin ?? FOLLOW;
  }

  private choose(): void {
    const value = this.select.value;
    const stageId = value === FOLLOW ? null : value;
    this.hooks.submit({ kind: 'screen.pin', stageId });
    const stage = this.board?.facilitation.stages.find((s) => s.id === stageId);
    this.hooks.announce(stage ? t('screen.pinned', { stage: stage.title }) : t('screen.unpinned'));
  }
}
