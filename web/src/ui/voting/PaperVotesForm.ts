// The facilitator enters votes counted on paper (or by hand) for a named table or group, per
// item of a round; sending the same name again replaces that table's votes, and "weghalen"
// removes them (SPEC-3 round.paper).

import type { Board, Round } from '../../model/board';
import { MAX_PAPER_LABEL, type RoundPaperOp } from '../../protocol/types';
import { t } from '../../i18n/i18n';
import { h, uid } from '../dom';
import { oneLineText } from '../CardView';
import { checkText, textField } from '../forms';
import { itemInfo } from './items';
import { paperTotals, paperVotesOf, parsePaperVotes } from './results';

/** Owns one <details> with the paper form for one round; rebuilt when the round's items change. */
export class PaperVotesForm {
  readonly el: HTMLDetailsElement;
  private readonly summary: HTMLElement;
  private readonly existingEl: HTMLDivElement;
  private readonly formBox: HTMLDivElement;
  private formKey = '';
  private listKey = '';
  private roundId = '';

  constructor(private readonly send: (op: RoundPaperOp) => void) {
    this.summary = h('summary');
    this.existingEl = h('div');
    this.formBox = h('div');
    this.el = h('details', { class: 'voting__block paper' }, this.summary, this.existingEl, this.formBox);
  }

  update(board: Board, round: Round): void {
    const lang = document.documentElement.lang;
    if (round.id !== this.roundId) this.el.open = false;
    this.roundId = round.id;
    this.summary.textContent = t('paper.heading', { number: round.number });
    const listKey = JSON.stringify([lang, round.id, round.paper]);
    if (listKey !== this.listKey) {
      this.listKey = listKey;
      this.renderExisting(round);
    }
    const items = round.items.map((id) => itemInfo(board, id));
    const formKey = JSON.stringify([lang, round.id, items.map((i) => [i.id, i.text, i.members.length])]);
    // Never rebuild the form under someone typing in it.
    if (formKey === this.formKey || this.formBox.contains(document.activeElement)) return;
    this.formKey = formKey;
    const label = textField({ name: 'paperLabel', label: t('paper.label'), hint: t('paper.labelHint'), maxlength: MAX_PAPER_LABEL });
    const inputs: Array<[string, HTMLInputElement]> = [];
    const rows = items.map((item) => {
      const id = uid('paper-votes');
      const input = h('input', { id, type: 'text', inputmode: 'numeric', class: 'field__input paper__count', size: 4, 'data-item-id': item.id });
      inputs.push([item.id, input]);
      const text = item.kind === 'group' ? t('item.group', { title: item.text, count: item.members.length }) : oneLineText(item.text);
      return h('li', { class: 'paper__row' }, h('label', { for: id }, text), input);
    });
    const fill = () => {
      const votes = paperVotesOf(round, label.input.value);
      for (const [itemId, input] of inputs) input.value = votes[itemId] ? String(votes[itemId]) : '';
    };
    label.input.addEventListener('change', fill);
    const error = h('p', { class: 'field__error', role: 'alert', hidden: true });
    const submit = h('button', { type: 'submit', class: 'button button--primary' }, t('paper.save'));
    const form = h('form', { class: 'paper__form', novalidate: true }, label.el, h('ul', { class: 'paper__rows' }, ...rows), error, h('p', null, submit));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const bad = checkText(label.input.value, MAX_PAPER_LABEL);
      label.setError(bad === 'empty' ? t('paper.labelRequired') : bad === 'long' ? t('error.tooLong', { max: MAX_PAPER_LABEL }) : null);
      if (bad) {
        label.input.focus();
        return;
      }
      const parsed = parsePaperVotes(inputs.map(([id, input]) => [id, input.value]));
      if ('badItem' in parsed) {
        error.textContent = t('paper.badNumber');
        error.hidden = false;
        inputs.find(([id]) => id === parsed.badItem)?.[1].focus();
        return;
      }
      error.hidden = true;
      this.send({ kind: 'round.paper', roundId: round.id, label: label.input.value.trim(), votes: parsed.votes });
      label.input.value = '';
      for (const [, input] of inputs) input.value = '';
    });
    this.formBox.replaceChildren(h('p', null, t('paper.intro')), form);
  }

  private renderExisting(round: Round): void {
    const existing = paperTotals(round).map((p) => {
      const remove = h('button', { type: 'button', class: 'button button--small button--quiet', 'aria-label': t('paper.removeLabel', { label: p.label }) }, t('paper.remove'));
      remove.addEventListener('click', () => this.send({ kind: 'round.paper', roundId: round.id, label: p.label, votes: {} }));
      return h('li', null, `${t('result.paperEntry', { label: p.label, count: p.total })} `, remove);
    });
    this.existingEl.replaceChildren(...(existing.length ? [h('ul', { class: 'paper__existing', 'aria-label': t('paper.existing') }, ...existing)] : []));
  }
}
