// The facilitator's part of the closing poll (SPEC-4 §3): open and close it, and watch the
// answers come in live: how many, the average and how often each rating was given (the
// server's summary, P-EVAL-4; a table, with bars that only repeat the numbers), and the remarks
// as plain text, each with the choice to put it on the big screen. Answers are anonymous; this
// shows none of who gave them. The results rebuild only when an answer or the choice changed.

import type { Board } from '../../model/board';
import { EVALUATION_RATINGS, MAX_SHOWN_REMARKS, type Operation } from '../../protocol/types';
import { formatNumber, t } from '../../i18n/i18n';
import { h, uid } from '../dom';
import { countText, ratingKey } from './EvaluationForm';

/** Owns the evaluation section of the facilitator panel. */
export class EvaluationResults {
  readonly el: HTMLElement;
  private readonly heading: HTMLHeadingElement;
  private readonly state: HTMLParagraphElement;
  private readonly toggle: HTMLButtonElement;
  private readonly note: HTMLParagraphElement;
  private readonly results: HTMLDivElement;
  private board: Board | null = null;
  private resultsKey = '';

  constructor(private readonly submit: (op: Operation) => void) {
    const headingId = uid('evaluation-results');
    this.heading = h('h3', { class: 'facil__heading', id: headingId });
    this.state = h('p', { class: 'evaluation-results__state', 'data-testid': 'evaluation-state' });
    this.toggle = h('button', { type: 'button', class: 'button button--small', 'data-testid': 'evaluation-toggle' });
    this.toggle.addEventListener('click', () => {
      const open = this.board?.evaluation.open ?? false;
      this.submit({ kind: 'evaluation.open', open: !open });
    });
    this.note = h('p', { class: 'field__hint' });
    this.results = h('div', { class: 'evaluation-results', 'data-testid': 'evaluation-results' });
    this.el = h(
      'div',
      { class: 'facil__section', role: 'group', 'aria-labelledby': headingId, 'data-testid': 'evaluation-panel' },
      this.heading,
      this.state,
      h('div', { class: 'facil-buttons' }, this.toggle),
      this.note,
      this.results,
    );
    this.relabel();
  }

  relabel(): void {
    this.heading.textContent = t('evaluation.heading');
    this.note.textContent = t('evaluation.anonymousNote');
    this.resultsKey = '';
    if (this.board) this.update(this.board);
  }

  update(board: Board): void {
    this.board = board;
    const ev = board.evaluation;
    const stateText = t(ev.open ? 'evaluation.stateOpen' : 'evaluation.stateClosed');
    if (this.state.textContent !== stateText) this.state.textContent = stateText;
    const toggleText = t(ev.open ? 'evaluation.close' : 'evaluation.open');
    if (this.toggle.textContent !== toggleText) this.toggle.textContent = toggleText;

    const key = JSON.stringify([ev.count, ev.responses, ev.summary, document.documentElement.lang]);
    if (key === this.resultsKey) return;
    this.resultsKey = key;
    this.results.replaceChildren(...this.renderResults(board));
  }

  private renderResults(board: Board): HTMLElement[] {
    const ev = board.evaluation;
    const s = ev.summary;
    if (ev.count === 0) return [h('p', { 'data-testid': 'evaluation-count' }, t('evaluation.noAnswers'))];
    const most = Math.max(1, ...s.ratings);
    const rows = EVALUATION_RATINGS.map((rating, i) => {
      const n = s.ratings[i] ?? 0;
      return h(
        'tr',
        null,
        h('th', { scope: 'row' }, t(ratingKey(rating))),
        h(
          'td',
          { class: 'evaluation-results__count' },
          h('span', { class: 'evaluation-results__bar', 'aria-hidden': 'true', 'data-share': String(Math.round((n / most) * 100)) }),
          formatNumber(n),
        ),
      );
    });
    const table = h(
      'table',
      { class: 'evaluation-results__table', 'data-testid': 'evaluation-distribution' },
      h('caption', null, t('evaluation.distributionCaption')),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('evaluation.colRating')), h('th', { scope: 'col' }, t('evaluation.colCount')))),
      h('tbody', null, ...rows),
    );
    // The bar widths: set as a property, since the Content-Security-Policy forbids style attributes.
    for (const bar of table.querySelectorAll<HTMLElement>('.evaluation-results__bar')) {
      bar.style.width = `${Number(bar.dataset.share) * 0.06}rem`;
    }
    const said = ev.responses.filter((r) => r.remarks.trim() !== '');
    const remarks =
      said.length === 0
        ? h('p', null, t('evaluation.noRemarks'))
        : h(
            'ul',
            { class: 'evaluation-results__remarks', 'data-testid': 'evaluation-remarks-list' },
            ...said.map((r) => this.remark(r.id, r.remarks, s.shown.some((x) => x.id === r.id), s.shown.length >= MAX_SHOWN_REMARKS)),
          );
    const full = s.shown.length >= MAX_SHOWN_REMARKS;
    return [
      h('p', { class: 'evaluation-results__summary', 'data-testid': 'evaluation-count' }, countText('evaluation.count', ev.count)),
      h('p', { class: 'evaluation-results__summary', 'data-testid': 'evaluation-average' }, s.average === null ? '' : t('evaluation.average', { average: s.average })),
      table,
      h('h4', { class: 'evaluation-results__heading' }, t('evaluation.remarksHeading')),
      h('p', { class: 'field__hint', hidden: said.length === 0 }, t(full ? 'evaluation.screenFull' : 'evaluation.screenHint', { max: MAX_SHOWN_REMARKS })),
      remarks,
    ];
  }

  /** One remark with its big-screen choice (P-EVAL-4); the box's description is the remark itself. */
  private remark(id: string, text: string, shown: boolean, full: boolean): HTMLLIElement {
    const textId = uid('remark');
    const box = h('input', { type: 'checkbox', 'aria-describedby': textId, 'data-testid': 'remark-on-screen' });
    box.checked = shown;
    box.disabled = full && !shown;
    box.addEventListener('change', () => this.submit({ kind: 'evaluation.show', responseId: id, shown: box.checked }));
    return h(
      'li',
      { class: 'evaluation-results__remark', 'data-response-id': id },
      h('span', { id: textId, class: 'evaluation-results__remark-text' }, text),
      h('label', { class: 'evaluation-results__on-screen' }, box, ` ${t('evaluation.showOnScreen')}`),
    );
  }
}
