// The emotion curve of one journey (P-METH-5): an inline SVG across the phases, current and
// desired together with a ± spread band, told apart by line style and point shape as well as
// colour; and its text alternative, a table of mean, spread and n per touchpoint.

import { t } from '../../i18n/i18n';
import type { Phase } from '../../model/board';
import type { CurvePoint, Stats } from '../../model/method';
import { h } from '../dom';
import { bandPoints, CURVE, curveLayout, yOf, type Placed } from './curveGeometry';
import { formatFigure, targetName } from './labels';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element; strings become text nodes (user data is never markup). */
function s(tag: string, attrs: Record<string, string | number>, ...children: Array<SVGElement | string>): SVGElement {
  const el = document.createElementNS(SVG_NS, tag) as SVGElement;
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  for (const c of children) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

function series(runs: Placed[][], kind: 'current' | 'desired'): SVGElement {
  const g = s('g', { class: `curve-series curve-series--${kind}` });
  for (const run of runs) g.append(s('polygon', { class: 'curve-band', points: bandPoints(run) }));
  for (const run of runs) {
    if (run.length > 1) g.append(s('polyline', { class: 'curve-line', points: run.map((p) => `${p.x},${p.y}`).join(' ') }));
    for (const p of run) {
      g.append(
        kind === 'current'
          ? s('circle', { class: 'curve-point', cx: p.x, cy: p.y, r: 5 })
          : s('rect', { class: 'curve-point', x: p.x - 4.5, y: p.y - 4.5, width: 9, height: 9 }),
      );
    }
  }
  return g;
}

/** `title`, cut with "…" to fit `width` px of 12 px text. */
export function fitLabel(title: string, width: number): string {
  const chars = Math.max(2, Math.floor(width / 7.5));
  const letters = [...title];
  return letters.length > chars ? `${letters.slice(0, chars - 1).join('')}…` : title;
}

/** The SVG image (its figures are in the table: the image itself says where). */
export function curveSvg(title: string, phases: readonly Phase[], points: readonly CurvePoint[]): SVGElement {
  const layout = curveLayout(phases, points);
  const svg = s('svg', {
    class: 'curve-svg',
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    width: layout.width,
    role: 'img',
    'aria-label': t('method.curve.image', { title }),
  });
  const grid = s('g', { class: 'curve-grid', 'aria-hidden': 'true' });
  for (const v of [-2, -1, 0, 1, 2]) {
    const y = yOf(v);
    grid.append(s('line', { class: v === 0 ? 'curve-axis curve-axis--zero' : 'curve-axis', x1: CURVE.left, x2: layout.width - CURVE.right, y1: y, y2: y }));
    grid.append(s('text', { class: 'curve-tick', x: CURVE.left - 8, y: y + 4, 'text-anchor': 'end' }, v > 0 ? `+${v}` : v < 0 ? `−${-v}` : '0'));
  }
  for (const col of layout.columns) {
    grid.append(s('line', { class: 'curve-phase-line', x1: col.x, x2: col.x, y1: CURVE.top - 26, y2: CURVE.top + CURVE.plot }));
    // A label fits its own column (12 px text, at most ~7.5 px a character): with many phases
    // the columns are narrow and whole titles ran into each other. The table has them whole.
    grid.append(s('text', { class: 'curve-phase', x: col.x + 4, y: CURVE.top - 14 }, fitLabel(col.phase.title, col.width - 8)));
  }
  svg.append(grid, series(layout.desired, 'desired'), series(layout.current, 'current'));
  return svg;
}

function cells(stats: Stats): HTMLTableCellElement[] {
  return [
    h('td', { class: 'num' }, formatFigure(stats.mean, true)),
    h('td', { class: 'num' }, formatFigure(stats.spread)),
    h('td', { class: 'num' }, String(stats.n)),
  ];
}

/** The text alternative: one row per touchpoint, in board order (named after the journey `title`). */
export function curveTable(title: string, points: readonly CurvePoint[]): HTMLElement {
  const caption = t('method.curve.tableCaption', { title });
  const mean = t('method.col.mean');
  const spread = t('method.col.spread');
  const n = t('method.col.n');
  const current = t('method.scale.current');
  const desired = t('method.scale.desired');
  const table = h(
    'table',
    { class: 'method-table curve-table' },
    h('caption', null, caption),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, t('method.col.touchpoint')),
        h('th', { scope: 'col' }, t('method.col.phase')),
        ...[current, desired].flatMap((scale) => [
          h('th', { scope: 'col' }, t('method.col.scaleStat', { scale, stat: mean })),
          h('th', { scope: 'col' }, t('method.col.scaleStat', { scale, stat: spread })),
          h('th', { scope: 'col' }, t('method.col.scaleStat', { scale, stat: n })),
        ]),
      ),
    ),
    h(
      'tbody',
      null,
      ...points.map((p) =>
        h(
          'tr',
          { 'data-card-id': p.card.id },
          h('th', { scope: 'row' }, targetName(p.card, null)),
          h('td', null, p.phase.title),
          ...cells(p.current),
          ...cells(p.desired),
        ),
      ),
    ),
  );
  // Wide tables scroll inside their own box on a narrow screen; keyboard users can scroll it.
  return h('div', { class: 'method-table-scroll', tabindex: 0, role: 'region', 'aria-label': caption }, table);
}

/** The legend: line style and point shape in words, with a sample of each. */
export function curveLegend(): HTMLElement {
  const sample = (kind: 'current' | 'desired') => {
    const svg = s('svg', { class: `curve-sample curve-series--${kind}`, viewBox: '0 0 36 12', width: 36, height: 12, 'aria-hidden': 'true' });
    svg.append(s('line', { class: 'curve-line', x1: 0, x2: 36, y1: 6, y2: 6 }));
    svg.append(kind === 'current' ? s('circle', { class: 'curve-point', cx: 18, cy: 6, r: 4 }) : s('rect', { class: 'curve-point', x: 14, y: 2, width: 8, height: 8 }));
    return svg;
  };
  return h(
    'ul',
    { class: 'curve-legend' },
    h('li', null, sample('current'), ' ', t('method.curve.legendCurrent')),
    h('li', null, sample('desired'), ' ', t('method.curve.legendDesired')),
  );
}
