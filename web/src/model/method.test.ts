import { describe, expect, it } from 'vitest';
import { boardFromSnapshot, type Board } from './board';
import { emotionCurve, gapRows, largestGaps, myScore, statsFor, statsOf, touchpointsInOrder } from './method';
import { applyPatch } from './patch';
import { sampleSnapshot } from '../sync/fakes';
import type { ScoreScale } from '../protocol/types';
import { addCard } from './testBoards';

/** j1: phases p1, p2; lanes l1 (touchpoint), l2 (pain point); touchpoints t1, t2 in p1 and t3 in p2, pain point k1. */
function methodBoard(): Board {
  const b = boardFromSnapshot(sampleSnapshot());
  addCard(b, 't2', 'l1', 'p1', 'a1');
  addCard(b, 't1', 'l1', 'p1', 'a0');
  addCard(b, 't3', 'l1', 'p2', 'a0');
  addCard(b, 'k1', 'l2', 'p1', 'a0');
  return b;
}

/** The server's patch for someone else's score: the counts, not our own value. */
function othersEvent(b: Board, scale: ScoreScale, targetId: string, counts: number[]): void {
  applyPatch(b, { scores: [{ scale, targetId, counts, mine: b.scores.get(`${scale}\u0000${targetId}`)?.mine ?? null }] });
}

describe('derived figures (P-METH-5)', () => {
  it('mean and population spread from the counts; nothing for n = 0', () => {
    expect(statsOf('current', [0, 0, 0, 0, 0])).toEqual({ n: 0, mean: null, spread: null });
    expect(statsOf('current', [1, 0, 0, 0, 1])).toEqual({ n: 2, mean: 0, spread: 2 });
    const s = statsOf('expected', [0, 1, 0, 2, 1]); // 2, 4, 4, 5
    expect(s.n).toBe(4);
    expect(s.mean).toBeCloseTo(3.75, 10);
    expect(s.spread).toBeCloseTo(Math.sqrt((1.75 ** 2 + 0.25 ** 2 * 2 + 1.25 ** 2) / 4), 10);
  });

  it('the curve has one point per touchpoint in board order, n = 0 a gap', () => {
    const b = methodBoard();
    b.lanes.set('l0', { id: 'l0', journeyId: 'j1', title: 'Kanaal 2', kind: 'touchpoint', orderKey: 'Zz', question: '' });
    addCard(b, 'u1card', 'l0', 'p1', 'a9');
    expect(touchpointsInOrder(b, 'j1').map((p) => p.card.id)).toEqual(['u1card', 't1', 't2', 't3']);
    othersEvent(b, 'current', 't2', [0, 0, 0, 2, 0]);
    othersEvent(b, 'desired', 't2', [0, 0, 0, 0, 1]);
    const curve = emotionCurve(b, 'j1');
    expect(curve.map((p) => [p.card.id, p.current.mean, p.desired.mean])).toEqual([
      ['u1card', null, null],
      ['t1', null, null],
      ['t2', 1, 2],
      ['t3', null, null],
    ]);
  });

  it('gaps: expected − experienced when both are scored; the 3 largest positive, ties in board order', () => {
    const b = methodBoard();
    const rate = (target: string, expected: number[], experienced: number[]) => {
      othersEvent(b, 'expected', target, expected);
      othersEvent(b, 'experienced', target, experienced);
    };
    rate('p1', [0, 0, 0, 0, 1], [0, 0, 0, 1, 0]); // 5 − 4 = 1
    rate('t1', [0, 0, 0, 0, 1], [0, 0, 1, 0, 0]); // 5 − 3 = 2
    rate('t2', [0, 0, 0, 1, 0], [0, 0, 0, 0, 1]); // 4 − 5 = −1
    rate('p2', [0, 0, 0, 0, 1], [0, 0, 0, 1, 0]); // 1, tie with p1: p1 first
    rate('t3', [0, 0, 0, 0, 2], [0, 0, 0, 2, 0]); // 1, after p2
    othersEvent(b, 'expected', 'x', [1, 0, 0, 0, 0]);
    const rows = gapRows(b, 'j1');
    expect(rows.map((r) => [r.targetId, r.gap, r.rank])).toEqual([
      ['p1', 1, 2],
      ['t1', 2, 1],
      ['t2', -1, null],
      ['p2', 1, 3],
      ['t3', 1, null],
    ]);
    expect(largestGaps(b, 'j1').map((r) => r.targetId)).toEqual(['t1', 'p1', 'p2']);
  });

  it('no positive gap, no largest gaps; a one-sided score has no gap', () => {
    const b = methodBoard();
    othersEvent(b, 'expected', 'p1', [0, 0, 1, 0, 0]);
    othersEvent(b, 'experienced', 'p2', [0, 0, 1, 0, 0]);
    othersEvent(b, 'expected', 't1', [0, 0, 1, 0, 0]);
    othersEvent(b, 'experienced', 't1', [0, 0, 1, 0, 0]);
    expect(gapRows(b, 'j1').map((r) => r.gap)).toEqual([null, 0, null, null, null]);
    expect(largestGaps(b, 'j1')).toEqual([]);
  });
});
