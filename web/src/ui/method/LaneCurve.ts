// The emotion curve drawn through the Emotie lane of the board, like a marker line on the
// poster: one point per touchpoint at its phase's column (several in one phase side by side, as
// board.svg places them), now and desired with their spread, a gap where a touchpoint has no
// scores yet. The figures themselves are in the method panel's tables (the text alternative).

import { t } from '../../i18n/i18n';
import type { Phase } from '../../model/board';
import type { CurvePoint, Stats } from '../../model/method';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Each phase is 100 wide in the drawing; the lane's height is 100 (−2 at 90, +2 at 10). */
const COLUMN = 100;

function s(tag: string, attrs: Record<string, string | number>): SVGElement {
  const el = document.createElementNS(SVG_NS, tag) as SVGElement;
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  return el;
}

export function laneY(value: number): number {
  const v = Math.max(-2, Math.min(2, value));
  return 10 + ((2 - v) / 4) * 80;
}

/** The x of each point: its phase's column, its place among that phase's touchpoints. */
export function laneXs(phases: readonly Phase[], points: readonly CurvePoint[]): number[] {
  return points.map((p, i) => {
    const column = phases.findIndex((ph) => ph.id === p.phase.id);
    const same = points.filter((q) => q.phase.id === p.phase.id);
    const k = points.slice(0, i).filter((q) => q.phase.id === p.phase.id).length;
    return (column + (k + 0.5) / same.length) * COLUMN;
  });
}

interface Placed {
  x: number;
  y: number;
  low: number;
  high: number;
}

function runsOf(points: readonly CurvePoint[], xs: readonly number[], pick: (p: CurvePoint) => Stats): Placed[][] {
  const out: Placed[][] = [];
  let run: Placed[] | null = null;
  points.forEach((p, i) => {
    const st = pick(p);
    if (st.mean === null || st.spread === null) {
      run = null;
      return;
    }
    if (!run) out.push((run = []));
    run.push({ x: xs[i]!, y: laneY(st.mean), low: laneY(st.mean - st.spread), high: laneY(st.mean + st.spread) });
  });
  return out;
}

function series(runs: Placed[][], kind: 'current' | 'desired'): SVGElement {
  const g = s('g', { class: `curve-series curve-series--${kind}` });
  for (const run of runs) {
    const upper = run.map((p) => `${p.x - (run.length === 1 ? 8 : 0)},${p.high}`);
    const lower = [...run].reverse().map((p) => `${p.x + (run.length === 1 ? 8 : 0)},${p.low}`);
    g.append(s('polygon', { class: 'curve-band', points: [...upper, ...lower].join(' ') }));
  }
  for (const run of runs) {
    if (run.length > 1) g.append(s('polyline', { class: 'curve-line', points: run.map((p) => `${p.x},${p.y}`).join(' ') }));
    // Points as zero-length lines with round or square caps: the drawing is stretched to the
    // lane, a non-scaling stroke keeps them round and square.
    for (const p of run) g.append(s('line', { class: 'curve-dot', x1: p.x, y1: p.y, x2: p.x, y2: p.y }));
  }
  return g;
}

/** The lane's drawing, stretched over all phase columns of the Emotie lane (CSS sizes it). */
export function laneCurveSvg(title: string, phases: readonly Phase[], points: readonly CurvePoint[]): SVGElement {
  const xs = laneXs(phases, points);
  const width = Math.max(1, phases.length) * COLUMN;
  const svg = s('svg', {
    class: 'lane-curve',
    viewBox: `0 0 ${width} 100`,
    preserveAspectRatio: 'none',
    role: 'img',
    'aria-label': t('method.curve.laneImage', { title }),
    'data-testid': 'lane-curve',
  });
  svg.append(s('line', { class: 'lane-curve__zero', x1: 0, x2: width, y1: laneY(0), y2: laneY(0) }));
  svg.append(series(runsOf(points, xs, (p) => p.desired), 'desired'), series(runsOf(points, xs, (p) => p.current), 'current'));
  return svg;
}
