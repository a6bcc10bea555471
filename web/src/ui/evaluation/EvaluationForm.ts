// The closing poll as a participant (or facilitator) answers it (SPEC-4 §3): shown above the
// board while the facilitator has it open. A rating 1–5 as a radio group with words, optional
// remarks, "Versturen"; then a thank-you with the answer given and "Antwoord aanpassen" while
// the poll stays open. Built once: updates only show and hide parts, so typing is never lost,
// and focus moves only on the user's own actions.

import type { Board } from '../../model/board';
import { remarksLength } from '../../model/evaluation';
import { EVALUATION_RATINGS, MAX_REMARKS, type Operation, type Role } from '../../protocol/types';
import { t, type MessageKey } from '../../i18n/i18n';
import { h, uid } from '../dom';

export interface EvaluationFormHooks {
  submit(op: Operation): void;
  /** Says something to the user at once (their own action). */
  announce(text: string): void;
}

export function ratingKey(rating: number): MessageKey {
  return `evaluation.rating.${rating}` as MessageKey;
}

/** "1 antwoord" / "3 antwoorden" and the like. */
export function countText(base: 'evaluation.count' | 'evaluation.answered', count: number): string {
  return t(`${base}.${count === 1 ? 'one' : 'other'}` as MessageKey, { count });
}

type Mode = 'hidden' | 'form' | 'thanks' | 'closed';

/** Owns the poll section of the board screen. */
export class EvaluationForm {
  readonly el: HTMLElement;
  private readonly heading: HTMLHeadingElement;
  private readonly countEl: HTMLParagraphElement;
  private readonly form: HTMLFormElement;
  private readonly radios: HTMLInputElement[];
  private readonly remarks: HTMLTextAreaElement;
  private readonly error: HTMLParagraphElement;
  private readonly sendButton: HTMLButtonElement;
  private readonly cancelButton: HTMLButtonElement;
  private readonly thanks: HTMLDivElement;
  private readonly thanksText: HTMLParagraphElement;
  private readonly yourRating: HTMLParagraphElement;
  private readonly yourRemarks: HTMLDivElement;
  private readonly yourRemarksText: HTMLParagraphElement;
  private readonly changeButton: HTMLButtonElement;
  private readonly changeHint: HTMLParagraphElement;
  private readonly closedNote: HTMLParagraphElement;
  private readonly labelled: Array<[HTMLElement, MessageKey, Record<string, string | number>?]> = [];
  private board: Board | null = null;
  private mode: Mode = 'hidden';
  /** Changing an answer already given. */
  private editing = false;
  /** The user chose or typed something, or answered: the section stays when the poll closes. */
  private touched = false;
  /** Just sent: the thank-you takes focus once it shows (the button pressed is gone then). */
  private focusThanks = false;

  constructor(private readonly hooks: EvaluationFormHooks) {
    const headingId = uid('evaluation-title');
    this.heading = this.label(h('h2', { id: headingId, class: 'evaluation__title', tabindex: -1 }), 'evaluation.heading');
    const intro = this.label(h('p', { class: 'evaluation__intro' }), 'evaluation.intro');
    this.countEl = h('p', { class: 'evaluation__count', 'data-testid': 'evaluation-count' });

    const group = uid('rating');
    this.radios = EVALUATION_RATINGS.map((rating) =>
      h('input', { type: 'radio', name: group, id: `${group}-${rating}`, value: rating, 'data-testid': `evaluation-rating-${rating}` }),
    );
    const options = this.radios.map((radio, i) =>
      h('div', { class: 'evaluation__option' }, radio, this.label(h('label', { for: radio.id }), ratingKey(EVALUATION_RATINGS[i]!))),
    );
    const legend = this.label(h('legend', { class: 'field__label' }), 'evaluation.ratingLegend');
    this.error = h('p', { class: 'field__error', id: uid('evaluation-error'), role: 'alert', hidden: true });
    const fieldset = h('fieldset', { class: 'evaluation__rating', 'aria-describedby': this.error.id }, legend, h('div', { class: 'evaluation__options' }, ...options));

    const remarksId = uid('remarks');
    const hintId = uid('remarks-hint');
    this.remarks = h('textarea', {
      id: remarksId,
      class: 'field__input evaluation__remarks',
      rows: 4,
      maxlength: MAX_REMARKS,
      'aria-describedby': hintId,
      'data-testid': 'evaluation-remarks',
    });
    const remarksField = h(
      'div',
      { class: 'field' },
      this.label(h('label', { class: 'field__label', for: remarksId }), 'evaluation.remarksLabel'),
      this.label(h('p', { class: 'field__hint', id: hintId }), 'evaluation.remarksHint', { max: MAX_REMARKS }),
      this.remarks,
    );
    this.sendButton = h('button', { type: 'submit', class: 'button button--primary', 'data-testid': 'evaluation-send' });
    this.cancelButton = this.label(h('button', { type: 'button', class: 'button button--quiet' }), 'evaluation.cancel');
    this.cancelButton.addEventListener('click', () => this.stopEditing());
    this.form = h('form', { class: 'evaluation__form', novalidate: true }, fieldset, this.error, remarksField, h('div', { class: 'evaluation__buttons' }, this.sendButton, this.cancelButton));
    this.form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      this.send();
    });
    const touch = () => {
      this.touched = true;
    };
    this.form.addEventListener('input', touch);
    this.form.addEventListener('change', () => {
      touch();
      if (this.chosenRating() !== null) this.showError(null);
    });

    this.thanksText = this.label(h('p', { class: 'evaluation__thanks', tabindex: -1, 'data-testid': 'evaluation-thanks' }), 'evaluation.thanks');
    this.yourRating = h('p', { class: 'evaluation__mine' });
    this.yourRemarksText = h('p', { class: 'evaluation__remarks-text' });
    this.yourRemarks = h('div', null, this.label(h('p', { class: 'evaluation__mine' }), 'evaluation.yourRemarks'), this.yourRemarksText);
    this.changeButton = this.label(h('button', { type: 'button', class: 'button', 'data-testid': 'evaluation-change' }), 'evaluation.change');
    this.changeButton.addEventListener('click', () => this.startEditing());
    this.changeHint = this.label(h('p', { class: 'field__hint' }), 'evaluation.changeHint');
    this.thanks = h('div', { class: 'evaluation__done' }, this.thanksText, this.yourRating, this.yourRemarks, this.changeHint, this.changeButton);
    this.closedNote = this.label(h('p', { class: 'evaluation__closed' }), 'evaluation.nowClosed');

    this.el = h(
      'section',
      { class: 'evaluation', 'aria-labelledby': headingId, 'data-testid': 'evaluation', hidden: true },
      this.heading,
      intro,
      this.closedNote,
      this.form,
      this.thanks,
      this.countEl,
    );
  }

  private label<E extends HTMLElement>(el: E, key: MessageKey, params?: Record<string, string | number>): E {
    el.textContent = t(key, params);
    this.labelled.push([el, key, params]);
    return el;
  }

  relabel(): void {
    for (const [el, key, params] of this.labelled) el.textContent = t(key, params);
    if (!this.error.hidden) this.error.textContent = t('evaluation.pickRating');
    if (this.board) this.update(this.board, null);
  }

  /** After each render; `role` null keeps the last one (a relabel). */
  update(board: Board, role: Role | null | undefined): void {
    if (role !== null) this.role = role;
    this.board = board;
    const ev = board.evaluation;
    const mode = this.modeFor(board);
    const hadFocus = this.el.contains(document.activeElement);
    if (mode !== this.mode && mode === 'form' && ev.mine === null && this.mode === 'hidden') this.resetForm();
    this.mode = mode;
    this.el.hidden = mode === 'hidden';
    this.form.hidden = mode !== 'form';
    this.thanks.hidden = mode !== 'thanks';
    this.closedNote.hidden = ev.open;
    this.cancelButton.hidden = ev.mine === null;
    this.sendButton.textContent = t(ev.mine === null ? 'evaluation.submit' : 'evaluation.update');
    this.countEl.hidden = !ev.open || ev.count === 0;
    this.countEl.textContent = countText('evaluation.answered', ev.count);
    if (ev.mine) {
      this.yourRating.textContent = t('evaluation.yourRating', { label: t(ratingKey(ev.mine.rating)) });
      this.yourRemarks.hidden = ev.mine.remarks.trim() === '';
      this.yourRemarksText.textContent = ev.mine.remarks;
    }
    this.changeButton.hidden = !ev.open;
    this.changeHint.hidden = !ev.open;
    // The answer shows when the server's event arrives (P-SYNC-9); until then the form stays.
    if (this.focusThanks && mode !== 'form') {
      // Refused before it showed (the poll closed meanwhile): no thank-you to go to.
      this.focusThanks = false;
      if (mode === 'thanks') {
        this.thanksText.focus();
        return;
      }
    }
    // A part that held the keyboard went away (the poll closed): stay in this section.
    if (hadFocus && !this.el.hidden && !this.el.contains(document.activeElement)) this.heading.focus({ preventScroll: true });
  }

  private role: Role | undefined;

  private modeFor(board: Board): Mode {
    const ev = board.evaluation;
    if (this.role === undefined || this.role === 'screen') return 'hidden';
    if (ev.open && (ev.mine === null || this.editing)) return 'form';
    if (ev.mine !== null) return 'thanks';
    return this.touched && this.mode !== 'hidden' ? 'closed' : 'hidden';
  }

  private chosenRating(): number | null {
    const checked = this.radios.find((r) => r.checked);
    return checked ? Number(checked.value) : null;
  }

  private showError(key: MessageKey | null): void {
    this.error.hidden = key === null;
    this.error.textContent = key ? t(key) : '';
  }

  private send(): void {
    const rating = this.chosenRating();
    if (rating === null) {
      this.showError('evaluation.pickRating');
      this.radios[0]!.focus();
      return;
    }
    const remarks = this.remarks.value;
    if (remarksLength(remarks) > MAX_REMARKS) {
      this.remarks.focus();
      return;
    }
    this.showError(null);
    this.touched = true;
    this.editing = false;
    this.focusThanks = true;
    this.hooks.submit({ kind: 'evaluation.submit', rating, remarks });
    this.hooks.announce(t('evaluation.sent'));
  }

  private startEditing(): void {
    const mine = this.board?.evaluation.mine;
    if (!mine) return;
    this.editing = true;
    for (const r of this.radios) r.checked = Number(r.value) === mine.rating;
    this.remarks.value = mine.remarks;
    if (this.board) this.update(this.board, null);
    this.radios.find((r) => r.checked)?.focus();
  }

  private stopEditing(): void {
    this.editing = false;
    this.showError(null);
    if (this.board) this.update(this.board, null);
    this.changeButton.focus();
  }

  private resetForm(): void {
    for (const r of this.radios) r.checked = false;
    this.remarks.value = '';
    this.showError(null);
  }
}
