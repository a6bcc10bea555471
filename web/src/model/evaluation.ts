// The closing poll in the board state (SPEC-4 §3, P-EVAL-1..3) and the reducer for its two
// operations. Answers are anonymous: a facilitator sees each answer under its server id ("r3"),
// the sender sees only their own (`mine`), everyone else only how many there are. The server
// is the judge; the reducer mirrors its checks so a pending answer it would refuse is not shown.

import type { EvaluationDoc, EvaluationOp, EvaluationResponseDoc, EventEffect } from '../protocol/types';
import { assertNever, EVALUATION_RATINGS, MAX_REMARKS } from '../protocol/types';
import type { Board, OpMeta } from './board';

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

/** The number of the id "r12" (ids are handed out in order of first answer). */
function responseNumber(id: string): number {
  const n = Number(id.slice(1));
  return Number.isFinite(n) ? n : Number.MAX_SAFE_INTEGER;
}

/** A new answer takes its place by id; an answer given again replaces the old one in place. */
function upsert(responses: readonly EvaluationResponseDoc[], next: EvaluationResponseDoc): EvaluationResponseDoc[] {
  const out = responses.filter((r) => r.id !== next.id);
  const at = responses.findIndex((r) => r.id === next.id);
  if (at >= 0) {
    out.splice(at, 0, next);
    return out;
  }
  out.push(next);
  return out.sort((a, b) => responseNumber(a.id) - responseNumber(b.id));
}

function effectCount(effect: EventEffect | undefined): number | null {
  return typeof effect?.count === 'number' && effect.count >= 0 && typeof effect.responseId === 'string' ? effect.count : null;
}

/** Applies evaluation.open or evaluation.submit; false (nothing changed) when the server would refuse it. */
export function applyEvaluationOp(board: Board, op: EvaluationOp, meta: OpMeta): boolean {
  const ev = board.evaluation;
  switch (op.kind) {
    case 'evaluation.open':
      if (meta.byRole === 'participant' || meta.byRole === 'screen') return false;
      board.evaluation = { ...ev, open: op.open };
      return true;
    case 'evaluation.submit': {
      if (!ev.open || meta.byRole === 'screen') return false;
      if (!isRating(op.rating) || typeof op.remarks !== 'string' || remarksLength(op.remarks) > MAX_REMARKS) return false;
      const answer = { rating: op.rating, remarks: op.remarks };
      // The whole event (with `by`) reaches only the sender's own connections; a facilitator
      // gets others' answers without `by` (P-EVAL-2).
      const own = meta.by !== '';
      const mine = own ? answer : ev.mine;
      const responseId = meta.effect?.responseId;
      const seesAnswers = !own || meta.byRole === 'facilitator';
      const responses =
        seesAnswers && typeof responseId === 'string' ? upsert(ev.responses, { id: responseId, ...answer }) : ev.responses;
      const count = effectCount(meta.effect) ?? (own && ev.mine === null ? ev.count + 1 : ev.count);
      board.evaluation = { ...ev, mine, responses, count };
      return true;
    }
    default:
      return assertNever(op);
  }
}

/** A hidden evaluation.submit still says how many answers there are now (P-EVAL-2). */
export function applyEvaluationEffect(board: Board, effect: EventEffect | undefined): void {
  const count = effectCount(effect);
  if (count !== null && count !== board.evaluation.count) board.evaluation = { ...board.evaluation, count };
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
