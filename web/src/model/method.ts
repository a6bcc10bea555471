// The method on the board (SPEC-4 §1–2): touchpoint channels, scores (emotion now and desired,
// expectation and experience) as the server sends them (P-SYNC-9), and what clients derive from
// the counts for display (P-METH-5): mean, spread, the emotion curve in board order and the
// largest gaps.

import type { Channel, ScoreDoc, ScoreScale } from '../protocol/types';
import { CHANNELS, SCORE_SCALES } from '../protocol/types';
import type { Board, Card, Phase } from './board';
import { cardsByCell, cellKey, lanesOf, phasesOf } from './board';

/** The board's record of one (scale, target): never changed in place. */
export type Score = ScoreDoc;

export const EMOTION_VALUES = [-2, -1, 0, 1, 2] as const;
export const RATING_VALUES = [1, 2, 3, 4, 5] as const;

export function isEmotion(scale: ScoreScale): boolean {
  return scale === 'current' || scale === 'desired';
}

/** The five values of a scale, lowest first (the order of `counts`). */
export function valuesOf(scale: ScoreScale): readonly number[] {
  return isEmotion(scale) ? EMOTION_VALUES : RATING_VALUES;
}

export function isChannel(v: unknown): v is Channel {
  return typeof v === 'string' && (CHANNELS as readonly string[]).includes(v);
}

export function scoreKey(scale: ScoreScale, targetId: string): string {
  return `${scale}\u0000${targetId}`;
}

/** The scores of a snapshot (P-METH-4), keyed by scale and target; malformed entries are skipped. */
export function scoresFrom(docs: readonly ScoreDoc[] | undefined): Map<string, Score> {
  const map = new Map<string, Score>();
  for (const d of docs ?? []) {
    if (!SCORE_SCALES.includes(d.scale) || !Array.isArray(d.counts) || d.counts.length !== 5) continue;
    map.set(scoreKey(d.scale, d.targetId), { scale: d.scale, targetId: d.targetId, counts: [...d.counts], mine: d.mine ?? null });
  }
  return map;
}

/** The board state's `scores`: sorted by scale (current, desired, expected, experienced), then target. */
export function scoresToDocs(scores: ReadonlyMap<string, Score>): ScoreDoc[] {
  return [...scores.values()]
    .map((s) => ({ ...s, counts: [...s.counts] }))
    .sort((a, b) => SCORE_SCALES.indexOf(a.scale) - SCORE_SCALES.indexOf(b.scale) || (a.targetId < b.targetId ? -1 : a.targetId > b.targetId ? 1 : 0));
}

export function isTouchpoint(board: Board, card: Card): boolean {
  return board.lanes.get(card.laneId)?.kind === 'touchpoint';
}

/** Whether `targetId` may carry `scale`: a touchpoint card, or (expected/experienced) a phase. */
export function canScore(board: Board, scale: ScoreScale, targetId: string): boolean {
  const card = board.cards.get(targetId);
  if (card) return isTouchpoint(board, card);
  return !isEmotion(scale) && board.phases.has(targetId);
}

// ---- derived (P-METH-5) ----

export interface Stats {
  n: number;
  /** null when n = 0. */
  mean: number | null;
  /** Population standard deviation; null when n = 0. */
  spread: number | null;
}

export function statsOf(scale: ScoreScale, counts: readonly number[] | undefined): Stats {
  const values = valuesOf(scale);
  let n = 0;
  let sum = 0;
  (counts ?? []).forEach((c, i) => {
    n += c;
    sum += c * values[i]!;
  });
  if (n === 0) return { n: 0, mean: null, spread: null };
  const mean = sum / n;
  let sq = 0;
  (counts ?? []).forEach((c, i) => {
    sq += c * (values[i]! - mean) ** 2;
  });
  return { n, mean, spread: Math.sqrt(sq / n) };
}

export function scoreOf(board: Board, scale: ScoreScale, targetId: string): Score | undefined {
  return board.scores.get(scoreKey(scale, targetId));
}

export function statsFor(board: Board, scale: ScoreScale, targetId: string): Stats {
  return statsOf(scale, scoreOf(board, scale, targetId)?.counts);
}

/** The viewer's own score, or null. */
export function myScore(board: Board, scale: ScoreScale, targetId: string): number | null {
  return scoreOf(board, scale, targetId)?.mine ?? null;
}

/** The touchpoint cards of a journey in board order: phases in order, then lanes in order, then the card's order in its lane. */
export function touchpointsInOrder(board: Board, journeyId: string): Array<{ phase: Phase; card: Card }> {
  const byCell = cardsByCell(board, journeyId);
  const lanes = lanesOf(board, journeyId).filter((l) => l.kind === 'touchpoint');
  const out: Array<{ phase: Phase; card: Card }> = [];
  for (const phase of phasesOf(board, journeyId)) {
    for (const lane of lanes) for (const card of byCell.get(cellKey(phase.id, lane.id)) ?? []) out.push({ phase, card });
  }
  return out;
}

export interface CurvePoint {
  phase: Phase;
  card: Card;
  current: Stats;
  desired: Stats;
}

/** The emotion curve of a journey: one point per touchpoint card; n = 0 is a gap. */
export function emotionCurve(board: Board, journeyId: string): CurvePoint[] {
  return touchpointsInOrder(board, journeyId).map(({ phase, card }) => ({
    phase,
    card,
    current: statsFor(board, 'current', card.id),
    desired: statsFor(board, 'desired', card.id),
  }));
}

export interface GapRow {
  /** The phase, or a touchpoint card in it. */
  phase: Phase;
  card: Card | null;
  targetId: string;
  expected: Stats;
  experienced: Stats;
  /** mean(expected) − mean(experienced); null unless both have scores. */
  gap: number | null;
  /** 1, 2 or 3 among the largest positive gaps; null otherwise. */
  rank: number | null;
}

/** Every target of a journey in board order (a phase, then its touchpoint cards), with the largest gaps ranked. */
export function gapRows(board: Board, journeyId: string): GapRow[] {
  const touchpoints = touchpointsInOrder(board, journeyId);
  const rows: GapRow[] = [];
  for (const phase of phasesOf(board, journeyId)) {
    const targets: Array<Card | null> = [null, ...touchpoints.filter((t) => t.phase.id === phase.id).map((t) => t.card)];
    for (const card of targets) {
      const targetId = card ? card.id : phase.id;
      const expected = statsFor(board, 'expected', targetId);
      const experienced = statsFor(board, 'experienced', targetId);
      const gap = expected.mean !== null && experienced.mean !== null ? expected.mean - experienced.mean : null;
      rows.push({ phase, card, targetId, expected, experienced, gap, rank: null });
    }
  }
  // Ties stay in board order: the sort is stable.
  const largest = rows
    .filter((r) => r.gap !== null && r.gap > GAP_EPSILON)
    .sort((a, b) => (Math.abs(b.gap! - a.gap!) <= GAP_EPSILON ? 0 : b.gap! - a.gap!))
    .slice(0, 3);
  largest.forEach((r, i) => (r.rank = i + 1));
  return rows;
}

/** Means are fractions of small integers: differences below this are rounding, not a gap. */
const GAP_EPSILON = 1e-9;

/** The (at most) 3 largest positive gaps of a journey, largest first. */
export function largestGaps(board: Board, journeyId: string): GapRow[] {
  return gapRows(board, journeyId)
    .filter((r) => r.rank !== null)
    .sort((a, b) => a.rank! - b.rank!);
}
