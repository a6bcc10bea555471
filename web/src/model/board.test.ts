import { describe, expect, it } from 'vitest';
import {
  boardFromSnapshot,
  boardToSnapshot,
  cardsByCell,
  cardsInCell,
  cellKey,
  cloneBoard,
  sortedJourneys,
  type Board,
} from './board';
import { applyPatch } from './patch';
import { predict } from './predict';
import { sampleSnapshot } from '../sync/fakes';

const who = { participantId: 'u1', role: 'participant' as const, at: 42 };

function board(): Board {
  const b = boardFromSnapshot(sampleSnapshot());
  predict(b, { kind: 'card.add', cardId: 'c1', journeyId: 'j1', phaseId: 'p1', laneId: 'l1', text: 'een', color: 'yellow', orderKey: 'a0' }, { ...who, at: 1 });
  return b;
}

describe('board copies and queries', () => {
  it('a clone can change without touching the original', () => {
    const b = board();
    const c = cloneBoard(b);
    predict(c, { kind: 'card.update', cardId: 'c1', text: 'anders' }, who);
    applyPatch(c, { removed: { cards: ['c1'] } });
    c.phases.delete('p2');
    expect(b.cards.get('c1')!.text).toBe('een');
    expect(b.phases.has('p2')).toBe(true);
  });

  it('round-trips through the snapshot format', () => {
    const b = board();
    const again = boardFromSnapshot(boardToSnapshot(b));
    expect(boardToSnapshot(again)).toEqual(boardToSnapshot(b));
    expect(boardToSnapshot(b).journeys[0]!.phases[0]).toEqual({ id: 'p1', title: 'Oriënteren', orderKey: 'a0' });
  });

  it('lists cards per cell in key order, ties by id', () => {
    const b = board();
    const add = (cardId: string, orderKey: string) =>
      predict(b, { kind: 'card.add', cardId, journeyId: 'j1', phaseId: 'p1', laneId: 'l1', text: '', color: 'yellow', orderKey }, who);
    add('zz', 'Zz');
    add('b', 'a0');
    add('a', 'a0V');
    expect(cardsInCell(b, 'p1', 'l1').map((c) => c.id)).toEqual(['zz', 'b', 'c1', 'a']);
    expect(cardsByCell(b, 'j1').get(cellKey('p1', 'l1'))!.map((c) => c.id)).toEqual(['zz', 'b', 'c1', 'a']);
    expect(sortedJourneys(b).map((j) => j.id)).toEqual(['j1']);
  });
});
