// The method on the board (SPEC-4 §1–2): touchpoint channels, scores (emotion now and desired,
// expectation and experience) and the figures (P-METH-5: means, spreads, gaps and the largest
// gaps) as the server sends them (P-SYNC-9). Nothing here computes a figure: the server does
// (server/model/method_figures.cpp) for what was scored; this lays the touchpoints and phases
// out in board order, as the board is laid out, and puts the server's figures on them.

import type { Channel, GapRowDoc, JourneyFiguresDoc, ScoreDoc, ScoreScale, ScoreStatsDoc } from '../protocol/types';
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

// ---- the server's figures (P-METH-5), looked up for the views ----

/** One target's scores on one scale as the server summed them up; mean and spread null when n = 0. */
export interface Stats {
  n: number;
  mean: number | null;
  spread: number | null;
}

const UNSCORED: Stats = { n: 0, mean: null, spread: null };

function statsFrom(doc: ScoreStatsDoc | undefined): Stats {
  return doc ? { n: doc.n, mean: doc.mean, spread: doc.spread } : UNSCORED;
}

/** The viewer's own score, or null. */
export function myScore(board: Board, scale: ScoreScale, targetId: string): number | null {
  return board.scores.get(scoreKey(scale, targetId))?.mine ?? null;
}

export interface CurvePoint {
  phase: Phase;
  card: Card;
  current: Stats;
  desired: Stats;
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

function figuresOf(board: Board, journeyId: string): JourneyFiguresDoc | undefined {
  return board.methodFigures.journeys.find((f) => f.journeyId === journeyId);
}

/**
 * Where the curve's points go: the journey's touchpoint cards (not private) as the board shows
 * them, phase by phase, lane by lane, card by card. Layout, as the board's cells are laid out:
 * the server's figures name only what was scored, and the rest are gaps in the curve.
 */
function touchpointsInOrder(board: Board, journeyId: string): Array<{ phase: Phase; card: Card }> {
  const byCell = cardsByCell(board, journeyId);
  const lanes = lanesOf(board, journeyId).filter((l) => l.kind === 'touchpoint');
  const out: Array<{ phase: Phase; card: Card }> = [];
  for (const phase of phasesOf(board, journeyId)) {
    for (const lane of lanes) {
      for (const card of byCell.get(cellKey(phase.id, lane.id)) ?? []) if (!card.private) out.push({ phase, card });
    }
  }
  return out;
}

/** The emotion curve of a journey: one point per touchpoint card, with the server's figures; n = 0 is a gap. */
export function emotionCurve(board: Board, journeyId: string): CurvePoint[] {
  const scored = new Map((figuresOf(board, journeyId)?.curve ?? []).map((p) => [p.cardId, p]));
  return touchpointsInOrder(board, journeyId).map(({ phase, card }) => {
    const p = scored.get(card.id);
    return { phase, card, current: statsFrom(p?.current), desired: statsFrom(p?.desired) };
  });
}

/** Every target of a journey (a phase, then its touchpoint cards) with the server's gap and rank; unscored ones without. */
export function gapRows(board: Board, journeyId: string): GapRow[] {
  const scored = new Map<string, GapRowDoc>((figuresOf(board, journeyId)?.gaps ?? []).map((r) => [r.targetId, r]));
  const touchpoints = touchpointsInOrder(board, journeyId);
  const rows: GapRow[] = [];
  for (const phase of phasesOf(board, journeyId)) {
    const targets: Array<Card | null> = [null, ...touchpoints.filter((t) => t.phase.id === phase.id).map((t) => t.card)];
    for (const card of targets) {
      const targetId = card ? card.id : phase.id;
      const r = scored.get(targetId);
      rows.push({ phase, card, targetId, expected: statsFrom(r?.expected), experienced: statsFrom(r?.experienced), gap: r?.gap ?? null, rank: r?.rank ?? null });
    }
  }
  return rows;
}
