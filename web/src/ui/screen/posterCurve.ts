// The emotion curve drawn through the poster's Emotie lane, as a marker on the A0 poster and
// as board.svg draws it (P-EXP-8): each touchpoint at its phase's column, current solid,
// desired dashed, a gap where nobody scored. The figures are the board's (P-METH-5); this only
// places them. Stretched to the lane (its lines keep their width), so it fits any screen.

import type { Board } from '../../model/board';
import { emotionCurve, type CurvePoint, type Stats } from '../../model/method';
import { t } from '../../i18n/i18n';

const SVG_NS = 'http://www.w3.org/2000/svg';

function el(tag: string, attrs: Record<string, string>): SVGElement {
  const e = document.createElementNS(SVG_NS, tag) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

/** x in 0…100 per phase column (touchpoints spread within their phase), y 0…100 from +2 to −2. */
function place(points: readonly CurvePoint[], phaseIds: readonly string[]): Array<{ x: number; cur: Stats; des: Stats }> {
  const perPhase = new Map<string, number>();
  for (const p of points) perPhase.set(p.phase.id, (perPhase.get(p.phase.id) ?? 0) + 1);
  const seen = new Map<string, number>();
  return points.map((p) => {
    const k = (seen.get(p.phase.id) ?? 0) + 1;
    seen.set(p.phase.id, k);
    const x = (phaseIds.indexOf(p.phase.id) + k / ((perPhase.get(p.phase.id) ?? 1) + 1)) * 100;
    return { x, cur: p.current, des: p.desired };
  });
}

const yOf = (mean: number) => 8 + ((2 - mean) / 4) * 84;

function runs(placed: ReturnType<typeof place>, pick: 'cur' | 'des'): string[] {
  const out: string[] = [];
  let run: string[] = [];
  for (const p of placed) {
    const mean = p[pick].mean;
    if (mean === null) {
      if (run.length) out.push(run.join(' '));
      run = [];
    } else {
      run.push(`${p.x.toFixed(1)},${yOf(mean).toFixed(1)}`);
    }
  }
  if (run.length) out.push(run.join(' '));
  // A lone point is drawn as a dot: a line of no length with round ends.
  return out.map((r) => (r.includes(' ') ? r : `${r} ${r}`));
}

export function posterCurve(board: Board, journeyId: string, phaseIds: readonly string[]): SVGElement {
  const placed = place(emotionCurve(board, journeyId), phaseIds);
  const svg = el('svg', {
    class: 'poster__curve',
    viewBox: `0 0 ${Math.max(1, phaseIds.length) * 100} 100`,
    preserveAspectRatio: 'none',
    role: 'img',
    'aria-label': t('method.curve.image', { title: board.journeys.get(journeyId)?.title ?? '' }),
  });
  svg.append(el('line', { class: 'poster__curve-zero', x1: '0', x2: String(phaseIds.length * 100), y1: '50', y2: '50' }));
  for (const [pick, cls] of [['des', 'desired'], ['cur', 'current']] as const) {
    for (const points of runs(placed, pick)) svg.append(el('polyline', { class: `poster__curve-line poster__curve-line--${cls}`, points }));
  }
  return svg;
}
