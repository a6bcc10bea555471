// Where the emotion curve's points and bands go: plain numbers, tested without a browser.
// Phases are columns (each as wide as its touchpoints, at least one slot), the touchpoints sit
// in the middle of their slots, −2 at the bottom and +2 at the top. A touchpoint without
// scores breaks the line (P-METH-5: a gap in the curve).

import type { Phase } from '../../model/board';
import type { CurvePoint, Stats } from '../../model/method';

export const CURVE = {
  slot: 64,
  left: 44,
  right: 12,
  top: 40,
  plot: 160,
  bottom: 12,
} as const;

export interface PhaseColumn {
  phase: Phase;
  x: number;
  width: number;
}

export interface Placed {
  x: number;
  y: number;
  low: number;
  high: number;
}

export interface CurveLayout {
  width: number;
  height: number;
  columns: PhaseColumn[];
  xs: number[];
  /** Runs of consecutive scored points, per series. */
  current: Placed[][];
  desired: Placed[][];
}

/** The y of an emotion value (−2…+2), clamped to the plot. */
export function yOf(value: number): number {
  const v = Math.max(-2, Math.min(2, value));
  return CURVE.top + ((2 - v) / 4) * CURVE.plot;
}

function runs(points: readonly CurvePoint[], xs: readonly number[], pick: (p: CurvePoint) => Stats): Placed[][] {
  const out: Placed[][] = [];
  let run: Placed[] | null = null;
  points.forEach((p, i) => {
    const s = pick(p);
    if (s.mean === null || s.spread === null) {
      run = null;
      return;
    }
    if (!run) out.push((run = []));
    run.push({ x: xs[i]!, y: yOf(s.mean), low: yOf(s.mean - s.spread), high: yOf(s.mean + s.spread) });
  });
  return out;
}

export function curveLayout(phases: readonly Phase[], points: readonly CurvePoint[]): CurveLayout {
  const columns: PhaseColumn[] = [];
  const xs: number[] = [];
  let x: number = CURVE.left;
  for (const phase of phases) {
    const mine = points.filter((p) => p.phase.id === phase.id);
    const width = Math.max(1, mine.length) * CURVE.slot;
    columns.push({ phase, x, width });
    mine.forEach((_p, i) => xs.push(x + (i + 0.5) * CURVE.slot));
    x += width;
  }
  return {
    width: x + CURVE.right,
    height: CURVE.top + CURVE.plot + CURVE.bottom,
    columns,
    xs,
    current: runs(points, xs, (p) => p.current),
    desired: runs(points, xs, (p) => p.desired),
  };
}

/** The band of a run as polygon points: upper edge left to right, lower edge back. */
export function bandPoints(run: readonly Placed[], halfWidth = 6): string {
  if (run.length === 1) {
    const p = run[0]!;
    return [
      [p.x - halfWidth, p.high],
      [p.x + halfWidth, p.high],
      [p.x + halfWidth, p.low],
      [p.x - halfWidth, p.low],
    ]
      .map(([a, b]) => `${a},${b}`)
      .join(' ');
  }
  const upper = run.map((p) => `${p.x},${p.high}`);
  const lower = [...run].reverse().map((p) => `${p.x},${p.low}`);
  return [...upper, ...lower].join(' ');
}
