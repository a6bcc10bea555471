// The closing poll in the board state (SPEC-4 §3, P-EVAL-1..3) as the server sends it (P-SYNC-9).
// Answers are anonymous: a facilitator sees each answer under its server id ("r3"), the sender
// sees only their own (`mine`), everyone else only how many there are.

import type { EvaluationDoc, EvaluationResponseDoc } from '../protocol/types';
import { EVALUATION_RATINGS } from '../protocol/types';

export type Evaluation = EvaluationDoc;

export function defaultEvaluation(): Evaluation {
  return { open: false, count: 0, mine: null, responses: [] };
}

export function isRating(value: unknown): value is number {
  return typeof value === 'number' && (EVALUATION_RATINGS as readonly number[]).includes(value);
}

/** Remarks are counted in characters (code points), as the server counts them. */
export function remarksLength(remarks: string): number {
  return [...remarks].length;
}

function responseFrom(r: EvaluationResponseDoc): EvaluationResponseDoc | null {
  if (typeof r?.id !== 'string' || !isRating(r.rating)) return null;
  return { id: r.id, rating: r.rating, remarks: typeof r.remarks === 'string' ? r.remarks : '' };
}

/** The evaluation of a snapshot; a missing or partial one reads as closed with no answers. */
export function evaluationFrom(doc: Partial<EvaluationDoc> | undefined): Evaluation {
  if (!doc || typeof doc !== 'object') return defaultEvaluation();
  const responses = (Array.isArray(doc.responses) ? doc.responses : [])
    .map(responseFrom)
    .filter((r): r is EvaluationResponseDoc => r !== null);
  const mine = doc.mine && isRating(doc.mine.rating) ? { rating: doc.mine.rating, remarks: String(doc.mine.remarks ?? '') } : null;
  return {
    open: doc.open === true,
    count: typeof doc.count === 'number' && doc.count >= 0 ? doc.count : responses.length,
    mine,
    responses,
  };
}

export interface EvaluationSummary {
  count: number;
  /** The mean rating, null without answers. */
  average: number | null;
  /** How many gave 1, 2, 3, 4 and 5. */
  distribution: [number, number, number, number, number];
  /** The remarks that say something, in answer order. */
  remarks: Array<{ id: string; text: string }>;
}

/** What the facilitator sees of the answers: count, average, distribution, remarks. */
export function summarise(responses: readonly EvaluationResponseDoc[]): EvaluationSummary {
  const distribution: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  let sum = 0;
  for (const r of responses) {
    distribution[r.rating - 1]! += 1;
    sum += r.rating;
  }
  return {
    count: responses.length,
    average: responses.length === 0 ? null : sum / responses.length,
    distribution,
    remarks: responses.filter((r) => r.remarks.trim() !== '').map((r) => ({ id: r.id, text: r.remarks })),
  };
}
