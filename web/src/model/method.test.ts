import { describe, expect, it } from 'vitest';
import { boardFromSnapshot, type Board } from './board';
import { emotionCurve, gapRows, myScore } from './method';
import { applyPatch } from './patch';
import { sampleSnapshot } from '../sync/fakes';
import type { MethodFiguresDoc } from '../protocol/types';
import { addCard } from './testBoards';

/** j1: phases p1, p2; lanes l1 (touchpoint), l2 (pain point); touchpoints t1, t2 in p1 and t3 in p2. */
function methodBoard(): Board {
  const b = boardFromSnapshot(sampleSnapshot());
  addCard(b, 't1', 'l1', 'p1', 'a0');
  addCard(b, 't2', 'l1', 'p1', 'a1');
  addCard(b, 't3', 'l1', 'p2', 'a0');
  return b;
}

const s = (n: number, mean: number, spread: number) => ({ n, mean, spread });

/** Figures as the server sends them: of the scored targets only (server/model/method_figures.cpp computes them). */
const figures: MethodFiguresDoc = {
  journeys: [
    {
      journeyId: 'j1',
      curve: [
        { cardId: 't2', phaseId: 'p1', current: s(2, 1, 0), desired: s(1, 2, 0) },
        { cardId: 't3', phaseId: 'p2', current: s(2, 0, 2), desired: null },
      ],
      gaps: [
        { targetId: 'p1', phaseId: 'p1', isPhase: true, expected: s(1, 5, 0), experienced: s(1, 4, 0), gap: 1, rank: 2 },
        { targetId: 't1', phaseId: 'p1', isPhase: false, expected: s(1, 5, 0), experienced: s(1, 3, 0), gap: 2, rank: 1 },
        { targetId: 't2', phaseId: 'p1', isPhase: false, expected: null, experienced: s(1, 3, 0), gap: null, rank: null },
      ],
    },
  ],
};

const NONE = { n: 0, mean: null, spread: null };

describe("the server's figures (P-METH-5): shown as sent, computed nowhere in the browser", () => {
  it('P-METH-5 the curve: every touchpoint card in board order, with the figures the server sent; n = 0 where it sent none', () => {
    const b = methodBoard();
    expect(emotionCurve(b, 'j1').map((p) => [p.card.id, p.current.n, p.desired.n])).toEqual([
      ['t1', 0, 0],
      ['t2', 0, 0],
      ['t3', 0, 0],
    ]); // no figures yet: nothing is derived from the counts
    applyPatch(b, { scores: [{ scale: 'current', targetId: 't1', counts: [0, 0, 0, 0, 9], mine: null }] });
    expect(emotionCurve(b, 'j1')[0]!.current).toEqual(NONE); // still the server's figures, not the counts
    applyPatch(b, { methodFigures: figures });
    expect(emotionCurve(b, 'j1').map((p) => [p.card.id, p.phase.id, p.current, p.desired])).toEqual([
      ['t1', 'p1', NONE, NONE],
      ['t2', 'p1', { n: 2, mean: 1, spread: 0 }, { n: 1, mean: 2, spread: 0 }],
      ['t3', 'p2', { n: 2, mean: 0, spread: 2 }, NONE],
    ]);
  });

  it("P-METH-5 the gaps: each phase, then its touchpoint cards, with the server's gaps and ranks", () => {
    const b = methodBoard();
    applyPatch(b, { methodFigures: figures });
    expect(gapRows(b, 'j1').map((r) => [r.targetId, r.card?.id ?? null, r.phase.id, r.gap, r.rank, r.expected.n])).toEqual([
      ['p1', null, 'p1', 1, 2, 1],
      ['t1', 't1', 'p1', 2, 1, 1],
      ['t2', 't2', 'p1', null, null, 0],
      ['p2', null, 'p2', null, null, 0],
      ['t3', 't3', 'p2', null, null, 0],
    ]);
    expect(gapRows(b, 'j2')).toEqual([]);
  });

  it('lays out only the touchpoint cards the board shows: not a pending delete, not a private card', () => {
    const b = methodBoard();
    applyPatch(b, { methodFigures: figures });
    b.cards.delete('t2');
    b.cards.set('t1', { ...b.cards.get('t1')!, private: true });
    expect(emotionCurve(b, 'j1').map((p) => p.card.id)).toEqual(['t3']);
    expect(gapRows(b, 'j1').map((r) => r.targetId)).toEqual(['p1', 'p2', 't3']);
  });

  it('the viewer\'s own score is the record\'s "mine"', () => {
    const b = methodBoard();
    applyPatch(b, { scores: [{ scale: 'current', targetId: 't1', counts: [0, 0, 1, 0, 0], mine: 0 }] });
    expect(myScore(b, 'current', 't1')).toBe(0);
    expect(myScore(b, 'desired', 't1')).toBeNull();
  });
});
