// The journey as a read-only poster fitted to the projector: phases as columns, lanes as rows,
// every cell as large as the screen allows. Text stays at projector size; a cell that cannot
// hold all its cards shows the first ones and "+N" for the rest, so nothing scrolls and
// nothing is cut mid-word. Cards that arrive while watching light up once.

import { cardsByCell, cellKey, lanesOf, phasesOf, type Board, type Card } from '../../model/board';
import { t } from '../../i18n/i18n';
import { h } from '../dom';
import { hyphenateTree, type Hyphenate } from './hyphenation';
import { cutToLines } from './cutToLines';
import { posterCurve } from './posterCurve';

/** Owns one poster element; render() again on every board change. */
export class PosterBoard {
  readonly el: HTMLElement;
  /** Cards seen so far (null before the first render: nothing is new then). */
  private seen: Set<string> | null = null;
  private journeyId: string | null = null;
  /** Soft hyphens for long words (hyphenation.ts), set once the patterns have loaded. */
  hyphenate: Hyphenate | null = null;

  constructor() {
    this.el = h('div', { class: 'poster', 'data-testid': 'screen-poster' });
  }

  render(board: Board, journeyId: string): void {
    if (journeyId !== this.journeyId) this.seen = null;
    this.journeyId = journeyId;
    const phases = phasesOf(board, journeyId);
    const lanes = lanesOf(board, journeyId);
    const cells = cardsByCell(board, journeyId);
    const seen = this.seen;
    const next = new Set<string>();
    this.el.style.setProperty('--poster-cols', String(Math.max(1, phases.length)));
    this.el.style.setProperty('--poster-rows', String(Math.max(1, lanes.length)));
    const children: HTMLElement[] = [h('div', { class: 'poster__corner', 'aria-hidden': 'true' })];
    for (const p of phases) children.push(h('div', { class: 'poster__phase' }, p.title));
    const curveLane = lanes.find((l) => l.kind === 'emotion');
    for (const lane of lanes) {
      const empty = phases.every((p) => (cells.get(cellKey(p.id, lane.id)) ?? []).length === 0);
      const curve = lane === curveLane && empty && phases.length > 0;
      children.push(
        h(
          'div',
          { class: `poster__lane poster__lane--${lane.kind}` },
          h('span', null, lane.title),
          curve ? h('span', { class: 'poster__legend poster__legend--current' }, t('method.scale.current')) : null,
          curve ? h('span', { class: 'poster__legend poster__legend--desired' }, t('method.scale.desired')) : null,
        ),
      );
      if (curve) {
        // The curve runs through the whole lane, across the phases.
        const row = h('div', { class: 'poster__curve-row' }, posterCurve(board, journeyId, phases.map((p) => p.id)));
        row.style.setProperty('grid-column', `span ${phases.length}`);
        children.push(row);
        continue;
      }
      for (const p of phases) {
        const cards = (cells.get(cellKey(p.id, lane.id)) ?? []).filter((c) => !c.private);
        for (const c of cards) next.add(c.id);
        children.push(
          h(
            'div',
            { class: 'poster__cell', 'data-kind': lane.kind },
            ...cards.map((c) => this.note(c, seen !== null && !seen.has(c.id))),
          ),
        );
      }
    }
    this.seen = next;
    this.el.replaceChildren(...children);
    // Before measuring: a word broken at a syllable takes other room than one broken anywhere.
    if (this.hyphenate) hyphenateTree(this.el, this.hyphenate);
    this.fitCells();
    cutToLines(this.el);
  }

  private note(card: Card, isNew: boolean): HTMLElement {
    return h(
      'p',
      { class: `poster__note poster__note--${card.color}${isNew ? ' poster__note--new' : ''}`, 'data-card-id': card.id },
      h('span', { class: 'poster__text', 'data-cut-lines': '' }, card.text),
    );
  }

  /**
   * A full cell first gives its cards two lines each; what still does not fit is hidden from
   * the end, and "+N" says how many.
   */
  private fitCells(): void {
    if (!this.el.isConnected) return;
    for (const cell of this.el.querySelectorAll<HTMLElement>('.poster__cell')) {
      if (cell.scrollHeight <= cell.clientHeight + 1) continue;
      cell.classList.add('poster__cell--full');
      if (cell.scrollHeight <= cell.clientHeight + 1) continue;
      const notes = [...cell.querySelectorAll<HTMLElement>('.poster__note')];
      const more = h('p', { class: 'poster__more' });
      cell.append(more);
      let hidden = 0;
      while (hidden < notes.length && cell.scrollHeight > cell.clientHeight + 1) {
        hidden += 1;
        notes[notes.length - hidden]!.hidden = true;
        more.textContent = t('screen.more', { count: hidden });
        more.setAttribute('aria-label', t('screen.moreLabel', { count: hidden }));
      }
    }
  }
}
