// A modal list of choices (a real <dialog>: focus stays inside, Esc closes), for the keyboard
// way of grouping ("Groeperen met…") and linking ("Koppelen aan knelpunt…"). Focus goes back
// to where it came from when it closes.

import { t } from '../../i18n/i18n';
import { h, uid } from '../dom';

export interface Choice {
  id: string;
  label: string;
  /** A second line, e.g. the phase. */
  detail?: string;
  current?: boolean;
}

export interface ChoiceDialogOptions {
  title: string;
  intro: string;
  choices: Choice[];
  /** Shown when there is nothing to choose. */
  empty: string;
  /** An optional text field above the list (e.g. the new group's title). */
  field?: { label: string; value: string; maxlength: number };
  onChoose(id: string, fieldValue: string): void;
}

/** Owns one <dialog> element, filled anew for each question. */
export class ChoiceDialog {
  readonly el: HTMLDialogElement;
  private returnFocus: HTMLElement | null = null;

  constructor() {
    this.el = h('dialog', { class: 'choice-dialog' });
    this.el.addEventListener('close', () => {
      const back = this.returnFocus;
      this.returnFocus = null;
      if (back?.isConnected) back.focus();
    });
  }

  open(o: ChoiceDialogOptions, returnFocus: HTMLElement | null): void {
    this.returnFocus = returnFocus;
    const titleId = uid('choice-title');
    const introId = uid('choice-intro');
    this.el.setAttribute('aria-labelledby', titleId);
    this.el.setAttribute('aria-describedby', introId);
    let input: HTMLInputElement | null = null;
    let fieldEl: HTMLElement | null = null;
    if (o.field) {
      const id = uid('choice-field');
      input = h('input', { id, type: 'text', class: 'field__input', maxlength: o.field.maxlength, autocomplete: 'off' });
      input.value = o.field.value;
      fieldEl = h('div', { class: 'field' }, h('label', { class: 'field__label', for: id }, o.field.label), input);
    }
    const list =
      o.choices.length === 0
        ? h('p', { class: 'choice-dialog__empty' }, o.empty)
        : h(
            'ul',
            { class: 'choice-dialog__list' },
            ...o.choices.map((c) => {
              const b = h(
                'button',
                { type: 'button', class: 'choice-dialog__choice', 'aria-current': c.current ? 'true' : null },
                h('span', { class: 'choice-dialog__label' }, c.label),
                c.detail ? h('span', { class: 'choice-dialog__detail' }, c.detail) : null,
              );
              b.addEventListener('click', () => {
                const value = input?.value ?? '';
                this.el.close();
                o.onChoose(c.id, value);
              });
              return h('li', null, b);
            }),
          );
    const cancel = h('button', { type: 'button', class: 'button' }, t('dialog.cancel'));
    cancel.addEventListener('click', () => this.el.close());
    this.el.replaceChildren(
      ...[h('h2', { id: titleId }, o.title), h('p', { id: introId }, o.intro), fieldEl, list, h('div', { class: 'help__actions' }, cancel)].filter(
        (e): e is HTMLElement => e !== null,
      ),
    );
    if (!this.el.open) this.el.showModal();
    (this.el.querySelector<HTMLElement>('.choice-dialog__choice') ?? input ?? cancel).focus();
  }
}
