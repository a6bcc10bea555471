// The method panel under the board: for each journey shown (the table shows one, the list all)
// its emotion curve (image, legend and table) and expectation versus experience (the largest
// gaps, then every target with its means and gap). Rebuilt only when what it shows changed; it
// holds no controls, so a rebuild never takes anyone's focus.

import { getLang, t } from '../../i18n/i18n';
import { phasesOf, type Board, type Journey, type Phase } from '../../model/board';
import { emotionCurve, gapRows, type GapRow, type Stats } from '../../model/method';
import { h, uid } from '../dom';
import { curveLegend, curveSvg, curveTable } from './EmotionCurve';
import { formatFigure, targetName } from './labels';

/** What the panel shows of one journey. */
interface JourneyFigures {
  journey: Journey;
  phases: Phase[];
  curve: ReturnType<typeof emotionCurve>;
  rows: GapRow[];
}

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

/**
 * Owns the panel's element: a fixed skeleton (headings, the phase pickers) whose curve and gap
 * parts are rebuilt when their figures change. The phase pickers are never rebuilt, so their
 * focus survives every update.
 */
export class MethodPanel {
  readonly el: HTMLElement;
  private readonly heading: HTMLHeadingElement;
  private readonly curveBox: HTMLDivElement;
  private readonly gapsHeading: HTMLHeadingElement;
  private readonly gapsIntro: HTMLParagraphElement;
  private readonly phasesBox: HTMLDivElement;
  private readonly phasesHeading: HTMLHeadingElement;
  private readonly phasesList: HTMLUListElement;
  private readonly gapsBox: HTMLDivElement;
  private readonly details: HTMLDetailsElement;
  private readonly detailsSummary: HTMLElement;
  private phaseItems = new Map<string, HTMLLIElement>();
  private key = '';

  constructor() {
    const headingId = uid('method-heading');
    this.heading = h('h2', { id: headingId, class: 'method-panel__title' });
    this.curveBox = h('div', { class: 'method-curve', 'data-method': 'curve' });
    this.gapsHeading = h('h3');
    this.gapsIntro = h('p', { class: 'method-intro' });
    this.phasesHeading = h('h3');
    this.phasesList = h('ul', { class: 'method-phases__list' });
    this.phasesBox = h('div', { class: 'method-phases', 'data-method': 'phases' }, this.phasesHeading, this.phasesList);
    this.gapsBox = h('div', { class: 'method-gaps__results' });
    // The curve and the gaps are drawn on the board itself (the Emotie lane, marked cells); the
    // method's figures stay here for screen readers and for detail, folded away until opened.
    this.detailsSummary = h('summary', { class: 'method-panel__summary' });
    this.details = h(
      'details',
      { class: 'method-panel__details' },
      this.detailsSummary,
      this.curveBox,
      h('div', { class: 'method-gaps', 'data-method': 'gaps' }, this.gapsHeading, this.gapsIntro, this.gapsBox),
    );
    this.el = h(
      'section',
      { class: 'panel method-panel', 'data-method': 'panel', 'aria-labelledby': headingId },
      this.heading,
      this.phasesBox,
      this.details,
    );
  }

  /** The viewer's own expectation and experience per phase (none: hidden). */
  updatePhases(phases: readonly Phase[], fill: (el: HTMLElement, phase: Phase) => void): void {
    this.phasesBox.hidden = phases.length === 0;
    this.phasesHeading.textContent = t('method.phaseScores');
    const items = new Map<string, HTMLLIElement>();
    let prev: Element | null = null;
    for (const phase of phases) {
      const li = this.phaseItems.get(phase.id) ?? h('li', { class: 'method-phases__item', 'data-phase-id': phase.id }, h('span', { class: 'method-phases__title' }), h('div', { 'data-phase-id': phase.id }));
      li.firstElementChild!.textContent = phase.title;
      fill(li.lastElementChild as HTMLElement, phase);
      const expected: Element | null = prev ? prev.nextElementSibling : this.phasesList.firstElementChild;
      if (expected !== li) this.phasesList.insertBefore(li, expected);
      items.set(phase.id, li);
      prev = li;
    }
    for (const [id, li] of this.phaseItems) if (!items.has(id)) li.remove();
    this.phaseItems = items;
  }

  /** Shows the journeys `journeyIds`, in that order: one curve and one set of gaps each. */
  update(board: Board, journeyIds: readonly string[]): void {
    const figures: JourneyFigures[] = [];
    for (const id of journeyIds) {
      const journey = board.journeys.get(id);
      if (journey) figures.push({ journey, phases: phasesOf(board, id), curve: emotionCurve(board, id), rows: gapRows(board, id) });
    }
    if (figures.length === 0) {
      this.el.hidden = true;
      return;
    }
    const key = JSON.stringify([
      getLang(),
      figures.map(({ journey, phases, curve, rows }) => [
        journey.id,
        journey.title,
        phases.map((p) => [p.id, p.title]),
        curve.map((p) => [p.card.id, p.card.text, p.phase.id, p.current, p.desired]),
        rows.map((r) => [r.targetId, r.card?.text, r.expected, r.experienced, r.rank]),
      ]),
    ]);
    if (key === this.key) return;
    this.key = key;
    this.el.hidden = false;
    this.heading.textContent = t('method.heading');
    this.detailsSummary.textContent = t('method.details');
    this.gapsHeading.textContent = t('method.gaps.heading');
    this.gapsIntro.textContent = t('method.gaps.intro');
    this.curveBox.replaceChildren(
      ...figures.map((f) => h('div', { class: 'method-curve__journey', 'data-journey-id': f.journey.id }, ...this.curvePart(f.journey.title, f.phases, f.curve))),
    );
    // One journey: its gaps straight under the heading; several: each under its title.
    const [only] = figures;
    this.gapsBox.replaceChildren(
      ...(figures.length === 1 && only
        ? this.gapsPart(only.journey.title, only.rows, 'h4')
        : figures.map((f) =>
            h('div', { class: 'method-gaps__journey', 'data-journey-id': f.journey.id }, h('h4', null, f.journey.title), ...this.gapsPart(f.journey.title, f.rows, 'h5')),
          )),
    );
  }

  private curvePart(title: string, phases: readonly Phase[], curve: ReturnType<typeof emotionCurve>): HTMLElement[] {
    const part: HTMLElement[] = [h('h3', null, t('method.curve.heading', { title }))];
    if (curve.length === 0) {
      part.push(h('p', { class: 'method-empty' }, t('method.curve.empty')));
      return part;
    }
    const scored = curve.some((p) => p.current.n > 0 || p.desired.n > 0);
    part.push(
      h('p', { class: 'method-intro' }, t('method.curve.intro')),
      ...(scored ? [] : [h('p', { class: 'method-empty' }, t('method.curve.noScores'))]),
      // A long journey scrolls inside its own box; keyboard users can scroll it too.
      h('div', { class: 'curve-figure', tabindex: 0, role: 'region', 'aria-label': t('method.curve.heading', { title }) }, curveSvg(title, phases, curve)),
      curveLegend(),
      curveTable(title, curve),
    );
    return part;
  }

  /** The largest gaps (under a heading of `level`) and the table of every target, of the journey `title`. */
  private gapsPart(title: string, rows: GapRow[], level: 'h4' | 'h5'): HTMLElement[] {
    const caption = t('method.gaps.tableCaption', { title });
    const largest = rows.filter((r) => r.rank !== null).sort((a, b) => a.rank! - b.rank!);
    const part: HTMLElement[] = [
      h(level, null, t('method.gaps.largest')),
      largest.length
        ? h('ol', { class: 'method-gaps__largest' }, ...largest.map((r) => h('li', { 'data-target-id': r.targetId }, gapText(r))))
        : h('p', { class: 'method-empty' }, t('method.gaps.none')),
    ];
    const table = h(
      'table',
      { class: 'method-table gaps-table' },
      h('caption', null, caption),
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
    part.push(h('div', { class: 'method-table-scroll', tabindex: 0, role: 'region', 'aria-label': caption }, table));
    return part;
  }
}
