// The closing poll in the board state (SPEC-4 §3, P-EVAL-1..4) and the reducer for its
// operations. Answers are anonymous: a facilitator sees each answer under its server id ("r3"),
// the sender sees only their own (`mine`), everyone else how many there are and the summary the
// server computed (ratings, average, the remarks on the big screen). The server is the judge;
// the reducer mirrors its checks so a pending answer it would refuse is not shown.

import type { EvaluationDoc, EvaluationOp, EvaluationResponseDoc, EvaluationSummaryDoc, EventEffect } from '../protocol/types';
import { assertNever, EVALUATION_RATINGS, MAX_REMARKS } from '../protocol/types';
import type { Board, OpMeta } from './board';

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

/** Applies evaluation.open, evaluation.submit or evaluation.show; false (nothing changed) when the server would refuse it. */
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
      board.evaluation = { ...ev, mine, responses, count, summary: summaryFrom(meta.effect?.summary) ?? ev.summary };
      return true;
    }
    case 'evaluation.show':
      // What the screen shows is the server's to say (effect.summary); a pending choice shows nothing yet.
      if (meta.byRole === 'participant' || meta.byRole === 'screen') return false;
      board.evaluation = { ...ev, summary: summaryFrom(meta.effect?.summary) ?? ev.summary };
      return true;
    default:
      return assertNever(op);
  }
}

/** A hidden evaluation.submit still says how many answers there are now and the summary (P-EVAL-2, P-EVAL-4). */
export function applyEvaluationEffect(board: Board, effect: EventEffect | undefined): void {
  const count = effectCount(effect);
  if (count !== null && count !== board.evaluation.count) board.evaluation = { ...board.evaluation, count };
  const summary = summaryFrom(effect?.summary);
  if (summary) board.evaluation = { ...board.evaluation, summary };
}
