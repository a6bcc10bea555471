// The closing poll in the board state (SPEC-4 §3, P-EVAL-1..4) as the server sends it (P-SYNC-9).
// Answers are anonymous: a facilitator sees each answer under its server id ("r3"), the sender
// sees only their own (`mine`), everyone else how many there are and the summary the server
// computed (ratings, average, the remarks on the big screen).

import type { EvaluationDoc, EvaluationResponseDoc, EvaluationSummaryDoc } from '../protocol/types';
import { EVALUATION_RATINGS } from '../protocol/types';

export type Evaluation = EvaluationDoc;

export function emptySummary(): EvaluationSummaryDoc {
  return { ratings: [0, 0, 0, 0, 0], average: null, shown: [] };
}

export function defaultEvaluation(): Evaluation {
  return { open: false, count: 0, mine: null, responses: [], summary: emptySummary() };
}

/** The server's summary as sent (P-EVAL-4), or null when it is not one. */
function summaryFrom(doc: unknown): EvaluationSummaryDoc | null {
  const s = doc as Partial<EvaluationSummaryDoc> | null | undefined;
  if (!s || !Array.isArray(s.ratings) || s.ratings.length !== 5 || !Array.isArray(s.shown)) return null;
  return {
    ratings: s.ratings.map((n) => (typeof n === 'number' ? n : 0)),
    average: typeof s.average === 'number' ? s.average : null,
    shown: s.shown.filter((r) => typeof r?.id === 'string' && typeof r.remarks === 'string').map((r) => ({ id: r.id, remarks: r.remarks })),
  };
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
    summary: summaryFrom(doc.summary) ?? emptySummary(),
  };
}
