// The method panel under the board: the emotion curve of the shown journey (image, legend and
// table) and expectation versus experience (the largest gaps, then every target with its
// means and gap). Rebuilt only when what it shows changed; it holds no controls, so a rebuild
// never takes anyone's focus.

import { getLang, t } from '../../i18n/i18n';
import { phasesOf, type Board } from '../../model/board';
import { emotionCurve, gapRows, type GapRow, type Stats } from '../../model/method';
import { h, uid } from '../dom';
import { curveLegend, curveSvg, curveTable } from './EmotionCurve';
import { formatFigure, targetName } from './labels';

function meanN(stats: Stats): string {
  return stats.n === 0 ? t('method.none') : t('method.meanN', { mean: formatFigure(stats.mean), n: stats.n });
}

export function gapText(row: GapRow): string {
  return t('method.gaps.item', {
    rank: row.rank ?? '',
    target: targetName(row.card, row.phase),
    gap: formatFigure(row.gap, true),
    expected: formatFigure(row.expected.mean),
    experienced: formatFigure(row.experienced.mean),
  });
}

/** Owns the panel's element. */
export class MethodPanel {
  readonly el: HTMLElement;
  private key = '';

  constructor() {
    this.el = h('section', { class: 'panel method-panel', 'data-method': 'panel' });
  }

  update(board: Board, journeyId: string): void {
    const journey = board.journeys.get(journeyId);
    if (!journey) {
      this.el.hidden = true;
      return;
    }
    const phases = phasesOf(board, journeyId);
    const curve = emotionCurve(board, journeyId);
    const rows = gapRows(board, journeyId);
    const key = JSON.stringify([
      getLang(),
      journey.title,
      phases.map((p) => [p.id, p.title]),
      curve.map((p) => [p.card.id, p.card.text, p.phase.id, p.current, p.desired]),
      rows.map((r) => [r.targetId, r.card?.text, r.expected, r.experienced, r.rank]),
    ]);
    if (key === this.key) return;
    this.key = key;
    this.el.hidden = false;
    const headingId = uid('method-heading');
    this.el.setAttribute('aria-labelledby', headingId);
    this.el.replaceChildren(
      h('h2', { id: headingId, class: 'method-panel__title' }, t('method.heading')),
      this.curvePart(journey.title, board, journeyId, curve),
      this.gapsPart(rows),
    );
  }

  private curvePart(title: string, board: Board, journeyId: string, curve: ReturnType<typeof emotionCurve>): HTMLElement {
    const part = h('div', { class: 'method-curve', 'data-method': 'curve' }, h('h3', null, t('method.curve.heading', { title })));
    if (curve.length === 0) {
      part.append(h('p', { class: 'method-empty' }, t('method.curve.empty')));
      return part;
    }
    const scored = curve.some((p) => p.current.n > 0 || p.desired.n > 0);
    part.append(
      h('p', { class: 'method-intro' }, t('method.curve.intro')),
      ...(scored ? [] : [h('p', { class: 'method-empty' }, t('method.curve.noScores'))]),
      h('div', { class: 'curve-figure' }, curveSvg(title, phasesOf(board, journeyId), curve)),
      curveLegend(),
      curveTable(curve),
    );
    return part;
  }

  private gapsPart(rows: GapRow[]): HTMLElement {
    const largest = rows.filter((r) => r.rank !== null).sort((a, b) => a.rank! - b.rank!);
    const part = h(
      'div',
      { class: 'method-gaps', 'data-method': 'gaps' },
      h('h3', null, t('method.gaps.heading')),
      h('p', { class: 'method-intro' }, t('method.gaps.intro')),
      h('h4', null, t('method.gaps.largest')),
      largest.length
        ? h('ol', { class: 'method-gaps__largest' }, ...largest.map((r) => h('li', { 'data-target-id': r.targetId }, gapText(r))))
        : h('p', { class: 'method-empty' }, t('method.gaps.none')),
    );
    const table = h(
      'table',
      { class: 'method-table gaps-table' },
      h('caption', null, t('method.gaps.tableCaption')),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, t('method.col.target')),
          h('th', { scope: 'col' }, t('method.col.expected')),
          h('th', { scope: 'col' }, t('method.col.experienced')),
          h('th', { scope: 'col' }, t('method.col.gap')),
        ),
      ),
      h(
        'tbody',
        null,
        ...rows.map((r) =>
          h(
            'tr',
            { class: `${r.card ? 'gaps-row--card' : 'gaps-row--phase'}${r.rank !== null ? ' gaps-row--largest' : ''}`, 'data-target-id': r.targetId },
            h(
              'th',
              { scope: 'row' },
              targetName(r.card, r.phase),
              r.rank !== null ? h('strong', { class: 'gaps-rank' }, ` · ${t('method.gaps.rank', { rank: r.rank })}`) : null,
            ),
            h('td', { class: 'num' }, meanN(r.expected)),
            h('td', { class: 'num' }, meanN(r.experienced)),
            h('td', { class: 'num' }, formatFigure(r.gap, true)),
          ),
        ),
      ),
    );
    part.append(h('div', { class: 'method-table-scroll', tabindex: 0, role: 'region', 'aria-label': t('method.gaps.tableCaption') }, table));
    return part;
  }
}
