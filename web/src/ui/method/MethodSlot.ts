// The method's part of one card or phase header: the channel badge and the largest-gap mark,
// and the viewer's own controls (channel picker, score pickers). Native <select>s: they work
// with a mouse, on touch screens and with the keyboard without any code of ours.
//
// The controls are made once and updated in place, never rebuilt, so a picker that has focus
// (or is open) survives others' changes; its value is only set from outside while it has no
// focus. They sit behind a "Scoren" disclosure button, so a note stays small on the board.

import { t } from '../../i18n/i18n';
import { valuesOf } from '../../model/method';
import { CHANNELS, type Channel, type ScoreScale } from '../../protocol/types';
import { h } from '../dom';
import { channelBadge, channelName, scaleName, valueName } from './labels';

export interface SlotActions {
  score(scale: ScoreScale, value: number | null): void;
  setChannel(channel: Channel | null): void;
}

/** What the slot shows now; its JSON is the cache key. */
export interface SlotState {
  lang: string;
  /** The target's short name, for the controls' labels. */
  target: string;
  /** Shown as a badge when set (any card); null for phases or none. */
  channel: Channel | null;
  /** The channel picker is offered (touchpoint cards, to those who may edit). */
  channelPicker: boolean;
  /** The scales the viewer may score here, with their own value. */
  scores: Array<{ scale: ScoreScale; mine: number | null }>;
  /** The mark of a largest gap: its rank and the gap, written out. */
  gap: { rank: number; text: string } | null;
}

interface ScoreField {
  scale: ScoreScale;
  el: HTMLElement;
  label: HTMLSpanElement;
  select: HTMLSelectElement;
}

function setValueUnlessFocused(select: HTMLSelectElement, value: string): void {
  if (select.value !== value && document.activeElement !== select) select.value = value;
}

/** Owns the method element of one card view or phase header. */
export class MethodSlot {
  readonly el: HTMLDivElement;
  private readonly badges: HTMLDivElement;
  private readonly controls: HTMLDivElement;
  private readonly toggle: HTMLButtonElement;
  private open = false;
  private channelField: { el: HTMLElement; label: HTMLSpanElement; select: HTMLSelectElement } | null = null;
  private readonly fields = new Map<ScoreScale, ScoreField>();
  private key = '';

  constructor(
    className: string,
    private readonly actions: SlotActions,
    /** Open from the start (where there is room: the panel's phase pickers). */
    startOpen = false,
  ) {
    this.open = startOpen;
    this.badges = h('div', { class: 'method-badges' });
    this.controls = h('div', { class: 'method-controls', role: 'group', hidden: true });
    this.toggle = h('button', { type: 'button', class: 'card__tool method-toggle', 'aria-expanded': 'false' });
    this.toggle.addEventListener('click', () => {
      this.open = !this.open;
      this.showControls();
    });
    this.el = h('div', { class: `method-slot ${className}` }, this.badges, this.toggle, this.controls);
  }

  /** Whether there is anything to see or use. */
  get empty(): boolean {
    return this.el.hidden;
  }

  update(state: SlotState): void {
    const key = JSON.stringify(state);
    if (key === this.key) return;
    this.key = key;
    const badges: HTMLElement[] = [];
    if (state.channel) badges.push(channelBadge(state.channel));
    if (state.gap) {
      badges.push(
        h(
          'p',
          { class: 'card__badge method-gap-badge', 'data-gap-rank': state.gap.rank },
          h('span', { class: 'method-gap-badge__rank', 'aria-hidden': 'true' }, '▲'),
          state.gap.text,
        ),
      );
    }
    this.badges.replaceChildren(...badges);
    this.badges.hidden = badges.length === 0;

    this.updateChannelPicker(state);
    const wanted = new Set(state.scores.map((s) => s.scale));
    for (const [scale, field] of this.fields) {
      if (!wanted.has(scale) && document.activeElement !== field.select) {
        field.el.remove();
        this.fields.delete(scale);
      }
    }
    for (const { scale, mine } of state.scores) {
      const field = this.fields.get(scale) ?? this.makeField(scale);
      field.label.textContent = scaleName(scale);
      field.select.setAttribute('aria-label', t('method.scoreFor', { scale: scaleName(scale), target: state.target }));
      const options = field.select.options;
      options[0]!.textContent = t('method.noScore');
      valuesOf(scale).forEach((v, i) => (options[i + 1]!.textContent = valueName(scale, v)));
      setValueUnlessFocused(field.select, mine === null ? '' : String(mine));
      this.controls.append(field.el); // keeps the scales in order
    }
    const hasControls = this.channelField !== null || this.fields.size > 0;
    this.toggle.hidden = !hasControls;
    this.toggle.textContent = t('method.toggle');
    this.toggle.setAttribute('aria-label', t('method.toggleLabel', { target: state.target }));
    this.controls.setAttribute('aria-label', t('method.scoresFor', { target: state.target }));
    this.showControls();
    this.el.hidden = !hasControls && badges.length === 0;
  }

  private showControls(): void {
    const shown = this.open && !this.toggle.hidden;
    this.controls.hidden = !shown;
    this.toggle.setAttribute('aria-expanded', String(shown));
  }

  private updateChannelPicker(state: SlotState): void {
    if (!state.channelPicker) {
      if (this.channelField && document.activeElement !== this.channelField.select) {
        this.channelField.el.remove();
        this.channelField = null;
      }
      return;
    }
    if (!this.channelField) {
      const select = h('select', { class: 'method-select method-select--channel' }, h('option', { value: '' }), ...CHANNELS.map((c) => h('option', { value: c })));
      select.addEventListener('change', () => this.actions.setChannel(select.value === '' ? null : (select.value as Channel)));
      const label = h('span', { class: 'method-field__label', 'aria-hidden': 'true' });
      this.channelField = { el: h('label', { class: 'method-field method-field--channel' }, label, select), label, select };
      this.controls.prepend(this.channelField.el);
    }
    const { label, select } = this.channelField;
    label.textContent = t('method.channel.label');
    select.setAttribute('aria-label', t('method.channel.labelFor', { text: state.target }));
    select.options[0]!.textContent = t('method.channel.none');
    CHANNELS.forEach((c, i) => (select.options[i + 1]!.textContent = channelName(c)));
    setValueUnlessFocused(select, state.channel ?? '');
  }

  private makeField(scale: ScoreScale): ScoreField {
    const select = h(
      'select',
      { class: `method-select method-select--${scale}`, 'data-scale': scale },
      h('option', { value: '' }),
      ...valuesOf(scale).map((v) => h('option', { value: String(v) })),
    );
    select.addEventListener('change', () => this.actions.score(scale, select.value === '' ? null : Number(select.value)));
    // The visible word is part of the select's own name (aria-label starts with it).
    const label = h('span', { class: 'method-field__label', 'aria-hidden': 'true' });
    const field: ScoreField = { scale, el: h('label', { class: `method-field method-field--${scale}` }, label, select), label, select };
    this.fields.set(scale, field);
    return field;
  }
}
