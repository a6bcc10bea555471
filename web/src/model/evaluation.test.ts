import { describe, expect, it } from 'vitest';
import { applyEventOp, applyOp, boardFromSnapshot, boardToSnapshot, cloneBoard, type Board } from './board';
import { applyEvaluationOp, emptySummary, evaluationFrom } from './evaluation';
import { sampleSnapshot } from '../sync/fakes';
import { MAX_REMARKS } from '../protocol/types';

function openBoard(): Board {
  const b = boardFromSnapshot(sampleSnapshot());
  expect(applyOp(b, { kind: 'evaluation.open', open: true }, { by: 'f1', at: 1, byRole: 'facilitator' })).toBe(true);
  return b;
}

const submit = (rating: number, remarks = '') => ({ kind: 'evaluation.submit' as const, rating, remarks });

describe('evaluation state (P-EVAL-3)', () => {
  it('reads a board without an evaluation as a closed poll without answers, and keeps it through a save', () => {
    const b = boardFromSnapshot(sampleSnapshot());
    expect(b.evaluation).toEqual({ open: false, count: 0, mine: null, responses: [], summary: emptySummary() });
    b.evaluation = {
      open: true,
      count: 2,
      mine: { rating: 5, remarks: 'Top' },
      responses: [{ id: 'r1', rating: 5, remarks: 'Top' }],
      summary: { ratings: [0, 0, 0, 1, 1], average: 4.5, shown: [{ id: 'r1', remarks: 'Top' }] },
    };
    expect(boardFromSnapshot(boardToSnapshot(b)).evaluation).toEqual(b.evaluation);
  });

  it('drops answers it cannot read instead of failing', () => {
    const doc = { open: true, count: 3, mine: null, responses: [{ id: 'r1', rating: 9, remarks: '' }, { id: 'r2', rating: 2, remarks: 'x' }] };
    expect(evaluationFrom(doc).responses).toEqual([{ id: 'r2', rating: 2, remarks: 'x' }]);
    expect(evaluationFrom(doc).count).toBe(3);
  });

  it('a copy of the board does not share changes to the evaluation', () => {
    const b = openBoard();
    const copy = cloneBoard(b);
    applyOp(copy, submit(4), { by: 'u1', at: 2, byRole: 'participant' });
    expect(b.evaluation.mine).toBeNull();
    expect(copy.evaluation.mine).toEqual({ rating: 4, remarks: '' });
  });
});

describe('evaluation.open (P-EVAL-1)', () => {
  it('opens and closes the poll', () => {
    const b = openBoard();
    expect(b.evaluation.open).toBe(true);
    expect(applyOp(b, { kind: 'evaluation.open', open: false }, { by: 'f1', at: 2 })).toBe(true);
    expect(b.evaluation.open).toBe(false);
  });

  it('a participant\'s own pending open is not shown (the server refuses it)', () => {
    const b = boardFromSnapshot(sampleSnapshot());
    expect(applyOp(b, { kind: 'evaluation.open', open: true }, { by: 'u1', at: 1, byRole: 'participant' })).toBe(false);
    expect(b.evaluation.open).toBe(false);
  });
});

describe('evaluation.submit (P-EVAL-1, P-EVAL-2)', () => {
  it('is refused while the poll is closed (conflict)', () => {
    const b = boardFromSnapshot(sampleSnapshot());
    expect(applyOp(b, submit(3), { by: 'u1', at: 1, byRole: 'participant' })).toBe(false);
    expect(b.evaluation).toEqual({ open: false, count: 0, mine: null, responses: [], summary: emptySummary() });
  });

  it('refuses a rating outside 1…5 and remarks over 2,000 characters', () => {
    const b = openBoard();
    const meta = { by: 'u1', at: 1, byRole: 'participant' as const };
    for (const rating of [0, 6, 2.5, Number.NaN]) expect(applyOp(b, submit(rating), meta), String(rating)).toBe(false);
    expect(applyOp(b, submit(3, 'x'.repeat(MAX_REMARKS + 1)), meta)).toBe(false);
    // Characters, not UTF-16 units: 2,000 emoji are allowed.
    expect(applyOp(b, submit(3, '😀'.repeat(MAX_REMARKS)), meta)).toBe(true);
    expect(applyOp(b, submit(3), { by: '', at: 1, byRole: 'screen' })).toBe(false);
  });

  it('the sender sees their own answer and the count, never others\' answers', () => {
    const b = openBoard();
    const ok = applyEventOp(b, submit(4, 'Fijne dag'), {
      by: 'u1',
      at: 2,
      byRole: 'participant',
      effect: { responseId: 'r1', count: 1 },
    });
    expect(ok).toBe(true);
    expect(b.evaluation).toMatchObject({ count: 1, mine: { rating: 4, remarks: 'Fijne dag' }, responses: [] });
  });

  it('others get a hidden event that still carries the count', () => {
    const b = openBoard();
    applyEventOp(b, { kind: 'hidden' }, { by: '', at: 2, effect: { responseId: 'r1', count: 1 } });
    applyEventOp(b, { kind: 'hidden' }, { by: '', at: 3, effect: { responseId: 'r2', count: 2 } });
    expect(b.evaluation).toMatchObject({ count: 2, mine: null, responses: [] });
    // Other hidden events (a vote) leave it alone.
    applyEventOp(b, { kind: 'hidden' }, { by: '', at: 4 });
    applyEventOp(b, { kind: 'hidden' }, { by: '', at: 5, effect: { count: 7 } });
    expect(b.evaluation.count).toBe(2);
  });

  it('a facilitator sees each answer under its id, without who gave it, and an answer given again replaces it in place', () => {
    const b = openBoard();
    const fromOther = (rating: number, remarks: string, responseId: string, count: number) =>
      applyEventOp(b, submit(rating, remarks), { by: '', at: 2, effect: { responseId, count } });
    fromOther(2, 'Te lang', 'r1', 1);
    fromOther(5, '', 'r2', 2);
    fromOther(4, 'Toch goed', 'r1', 2);
    expect(b.evaluation.responses).toEqual([
      { id: 'r1', rating: 4, remarks: 'Toch goed' },
      { id: 'r2', rating: 5, remarks: '' },
    ]);
    expect(b.evaluation).toMatchObject({ count: 2, mine: null });
  });

  it('a facilitator who answers sees it both as their own and in the list', () => {
    const b = openBoard();
    applyEventOp(b, submit(3, 'Ok'), { by: 'f1', at: 2, byRole: 'facilitator', effect: { responseId: 'r1', count: 1 } });
    expect(b.evaluation).toMatchObject({ count: 1, mine: { rating: 3, remarks: 'Ok' }, responses: [{ id: 'r1', rating: 3, remarks: 'Ok' }] });
  });

  it('a pending answer counts once until the server confirms it', () => {
    const b = openBoard();
    const meta = { by: 'u1', at: 2, byRole: 'participant' as const };
    applyOp(b, submit(2), meta);
    applyOp(b, submit(5, 'Beter'), meta);
    expect(b.evaluation).toMatchObject({ count: 1, mine: { rating: 5, remarks: 'Beter' } });
  });

  it('answers arrive in id order even when a later id is seen first after a snapshot', () => {
    const b = openBoard();
    b.evaluation = { ...b.evaluation, responses: [{ id: 'r10', rating: 1, remarks: '' }] };
    applyEvaluationOp(b, submit(2), { by: '', at: 2, effect: { responseId: 'r9', count: 10 } });
    expect(b.evaluation.responses.map((r) => r.id)).toEqual(['r9', 'r10']);
  });
});

describe('the summary (P-EVAL-4): the server’s, put in place as it arrives', () => {
  const summary = { ratings: [0, 0, 0, 1, 0], average: 4, shown: [{ id: 'r1', remarks: 'Fijne dag' }] };

  it('comes with an answer, whole or hidden', () => {
    const b = openBoard();
    applyEvaluationOp(b, submit(4, 'Fijne dag'), { by: '', at: 2, byRole: 'participant', effect: { responseId: 'r1', count: 1, summary } });
    expect(b.evaluation.summary).toEqual(summary);
    const other = { ...summary, ratings: [1, 0, 0, 1, 0], average: 2.5 };
    applyEventOp(b, { kind: 'hidden' }, { by: '', at: 3, effect: { responseId: 'r2', count: 2, summary: other } });
    expect(b.evaluation.summary).toEqual(other);
    expect(b.evaluation.count).toBe(2);
  });

  it('changes with evaluation.show from a facilitator only, and only to what the server sent', () => {
    const b = openBoard();
    const show = { kind: 'evaluation.show' as const, responseId: 'r1', shown: true };
    expect(applyEvaluationOp(b, show, { by: 'u1', at: 2, byRole: 'participant', effect: { summary } })).toBe(false);
    expect(b.evaluation.summary).toEqual(emptySummary());
    // Pending (no effect yet): nothing predicted.
    expect(applyEvaluationOp(b, show, { by: 'f1', at: 2, byRole: 'facilitator' })).toBe(true);
    expect(b.evaluation.summary).toEqual(emptySummary());
    expect(applyEvaluationOp(b, show, { by: 'f1', at: 2, byRole: 'facilitator', effect: { summary } })).toBe(true);
    expect(b.evaluation.summary).toEqual(summary);
  });

  it('reads a snapshot without one as empty', () => {
    expect(evaluationFrom({ open: true, count: 0, mine: null, responses: [] } as never).summary).toEqual(emptySummary());
  });
});
