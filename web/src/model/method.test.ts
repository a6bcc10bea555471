import { describe, expect, it } from 'vitest';
import { applyEventOp, applyOp, boardFromSnapshot, boardToSnapshot, cloneBoard, type Board } from './board';
import { emotionCurve, gapRows, largestGaps, myScore, statsFor, statsOf, touchpointsInOrder } from './method';
import { sampleSnapshot } from '../sync/fakes';
import type { CardDoc, ScoreScale } from '../protocol/types';
import { addCard } from './testBoards';

const me = { by: 'u1', at: 5, byRole: 'participant' as const };

/** j1: phases p1, p2; lanes l1 (touchpoint), l2 (pain point); touchpoints t1, t2 in p1 and t3 in p2, pain point k1. */
function methodBoard(): Board {
  const b = boardFromSnapshot(sampleSnapshot());
  addCard(b, 't2', 'l1', 'p1', 'a1');
  addCard(b, 't1', 'l1', 'p1', 'a0');
  addCard(b, 't3', 'l1', 'p2', 'a0');
  addCard(b, 'k1', 'l2', 'p1', 'a0');
  return b;
}

/** The server's event for someone else's score: no value, only the tally. */
function othersEvent(b: Board, scale: ScoreScale, targetId: string, counts: number[]): boolean {
  return applyEventOp(b, { kind: 'score.set', scale, targetId }, { by: '', at: 9, effect: { tally: { scale, targetId, counts } } });
}

describe('channel (P-METH-1)', () => {
  it('card.add carries a channel, card.update sets and clears it, a bad one is refused', () => {
    const b = methodBoard();
    expect(b.cards.get('t1')!.channel).toBeNull();
    expect(applyOp(b, { kind: 'card.add', cardId: 'w', journeyId: 'j1', phaseId: 'p1', laneId: 'l1', text: 'site', color: 'blue', orderKey: 'a5', channel: 'website' }, me)).toBe(true);
    expect(b.cards.get('w')!.channel).toBe('website');
    expect(applyOp(b, { kind: 'card.update', cardId: 'w', channel: 'phone' }, me)).toBe(true);
    expect(b.cards.get('w')).toMatchObject({ channel: 'phone', text: 'site' });
    expect(applyOp(b, { kind: 'card.update', cardId: 'w', channel: 'fax' as never }, me)).toBe(false);
    expect(b.cards.get('w')!.channel).toBe('phone');
    expect(applyOp(b, { kind: 'card.update', cardId: 'w', channel: null }, me)).toBe(true);
    expect(b.cards.get('w')!.channel).toBeNull();
  });

  it('a board stored before channels existed loads with null, and the channel round-trips', () => {
    const snap = sampleSnapshot();
    // Stored before channels: no `channel` field, which today's wire type requires.
    const stored = { id: 'c', journeyId: 'j1', phaseId: 'p1', laneId: 'l1', text: 'x', color: 'blue', orderKey: 'a0', createdAt: 1, updatedAt: 1, groupId: null, linkedTo: null, private: false };
    snap.cards = [stored as CardDoc];
    const b = boardFromSnapshot(snap);
    expect(b.cards.get('c')!.channel).toBeNull();
    applyOp(b, { kind: 'card.update', cardId: 'c', channel: 'desk' }, me);
    expect(boardFromSnapshot(boardToSnapshot(b)).cards.get('c')!.channel).toBe('desk');
  });
});

describe('score.set reducer (P-METH-2, P-METH-3)', () => {
  it('an own pending score counts at once and replaces the earlier one; null removes it', () => {
    const b = methodBoard();
    expect(applyOp(b, { kind: 'score.set', scale: 'current', targetId: 't1', value: -1 }, me)).toBe(true);
    expect(b.scores.get('current\u0000t1')).toEqual({ scale: 'current', targetId: 't1', counts: [0, 1, 0, 0, 0], mine: -1 });
    expect(applyOp(b, { kind: 'score.set', scale: 'current', targetId: 't1', value: 2 }, me)).toBe(true);
    expect(b.scores.get('current\u0000t1')!.counts).toEqual([0, 0, 0, 0, 1]);
    expect(applyOp(b, { kind: 'score.set', scale: 'current', targetId: 't1', value: null }, me)).toBe(true);
    expect(b.scores.has('current\u0000t1')).toBe(false);
  });

  it('refuses a value out of range, a non-touchpoint card, an emotion on a phase, an unknown target and a screen', () => {
    const b = methodBoard();
    const bad = [
      { scale: 'current', targetId: 't1', value: 3 },
      { scale: 'current', targetId: 't1', value: 0.5 },
      { scale: 'expected', targetId: 't1', value: 0 },
      { scale: 'expected', targetId: 'p1', value: 6 },
      { scale: 'desired', targetId: 'k1', value: 1 },
      { scale: 'expected', targetId: 'k1', value: 3 },
      { scale: 'current', targetId: 'p1', value: 1 },
      { scale: 'experienced', targetId: 'nope', value: 1 },
      { scale: 'mood', targetId: 't1', value: 1 },
      { scale: 'current', targetId: 't1' },
    ] as const;
    for (const op of bad) expect(applyOp(b, { kind: 'score.set', ...op } as never, me), JSON.stringify(op)).toBe(false);
    expect(applyOp(b, { kind: 'score.set', scale: 'current', targetId: 't1', value: 1 }, { ...me, byRole: 'screen' })).toBe(false);
    expect(b.scores.size).toBe(0);
    expect(applyOp(b, { kind: 'score.set', scale: 'expected', targetId: 'p1', value: 5 }, me)).toBe(true);
    expect(applyOp(b, { kind: 'score.set', scale: 'experienced', targetId: 't3', value: 1 }, me)).toBe(true);
  });

  it('others score without value: the tally sets the counts and leaves mine alone', () => {
    const b = methodBoard();
    applyOp(b, { kind: 'score.set', scale: 'desired', targetId: 't2', value: 1 }, me);
    expect(othersEvent(b, 'desired', 't2', [0, 0, 1, 1, 0])).toBe(true);
    expect(b.scores.get('desired\u0000t2')).toEqual({ scale: 'desired', targetId: 't2', counts: [0, 0, 1, 1, 0], mine: 1 });
    // A tally for a target this viewer cannot see (a private card) is kept as it is.
    expect(othersEvent(b, 'current', 'hidden-card', [1, 0, 0, 0, 0])).toBe(true);
    expect(statsFor(b, 'current', 'hidden-card').n).toBe(1);
  });

  it('the whole form from another of my tabs sets mine, the tally the counts', () => {
    const b = methodBoard();
    applyEventOp(b, { kind: 'score.set', scale: 'expected', targetId: 'p2', value: 4 }, { by: 'u1', at: 9, effect: { tally: { scale: 'expected', targetId: 'p2', counts: [0, 1, 0, 1, 0] } } });
    expect(b.scores.get('expected\u0000p2')).toEqual({ scale: 'expected', targetId: 'p2', counts: [0, 1, 0, 1, 0], mine: 4 });
    applyEventOp(b, { kind: 'score.set', scale: 'expected', targetId: 'p2', value: null }, { by: 'u1', at: 10, effect: { tally: { scale: 'expected', targetId: 'p2', counts: [0, 1, 0, 0, 0] } } });
    expect(myScore(b, 'expected', 'p2')).toBeNull();
    expect(othersEvent(b, 'expected', 'p2', [0, 0, 0, 0, 0])).toBe(true);
    expect(b.scores.has('expected\u0000p2')).toBe(false);
  });

  it('a pending change on a clone predicts from the confirmed counts without touching them', () => {
    const confirmed = methodBoard();
    othersEvent(confirmed, 'current', 't1', [0, 0, 2, 0, 0]);
    const view = cloneBoard(confirmed);
    applyOp(view, { kind: 'score.set', scale: 'current', targetId: 't1', value: 2 }, me);
    expect(statsFor(view, 'current', 't1')).toMatchObject({ n: 3 });
    expect(statsFor(confirmed, 'current', 't1')).toMatchObject({ n: 2 });
  });

  it('deleting a card or a phase removes its scores; moving a card keeps them', () => {
    const b = methodBoard();
    othersEvent(b, 'current', 't1', [0, 0, 1, 0, 0]);
    othersEvent(b, 'expected', 't3', [0, 0, 1, 0, 0]);
    othersEvent(b, 'expected', 'p2', [0, 0, 1, 0, 0]);
    expect(applyOp(b, { kind: 'card.move', cardId: 't1', phaseId: 'p2', laneId: 'l1', orderKey: 'a9' }, me)).toBe(true);
    expect(statsFor(b, 'current', 't1').n).toBe(1);
    expect(applyOp(b, { kind: 'card.delete', cardId: 't1' }, me)).toBe(true);
    expect(statsFor(b, 'current', 't1').n).toBe(0);
    applyOp(b, { kind: 'card.delete', cardId: 't3' }, me);
    expect(applyOp(b, { kind: 'phase.delete', phaseId: 'p2' }, me)).toBe(true);
    expect(b.scores.size).toBe(0);
  });

  it('the board state round-trips, sorted by scale then target (P-METH-4)', () => {
    const b = methodBoard();
    othersEvent(b, 'experienced', 'p1', [1, 0, 0, 0, 0]);
    othersEvent(b, 'current', 't2', [0, 1, 0, 0, 0]);
    applyOp(b, { kind: 'score.set', scale: 'current', targetId: 't1', value: 0 }, me);
    const snap = boardToSnapshot(b);
    expect(snap.scores!.map((s) => [s.scale, s.targetId])).toEqual([['current', 't1'], ['current', 't2'], ['experienced', 'p1']]);
    expect(boardToSnapshot(boardFromSnapshot(snap))).toEqual(snap);
    const old = sampleSnapshot();
    expect(boardFromSnapshot(old).scores.size).toBe(0);
  });
});

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
    applyOp(b, { kind: 'lane.add', journeyId: 'j1', laneId: 'l0', title: 'Kanaal 2', laneKind: 'touchpoint', orderKey: 'Zz' }, me);
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
