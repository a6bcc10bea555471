import { describe, expect, it } from 'vitest';
import { applyOp } from './board';
import { rankItems, sortItems } from './ranking';
import { addCard, ideaBoard, testMeta } from './testBoards';

describe('ranking (SPEC-3 ranking order)', () => {
  it('sorts by votes, shares ranks on ties (1, 2, 2, 4) and marks every tied item', () => {
    const b = ideaBoard();
    for (const id of ['a', 'b', 'c', 'd']) addCard(b, id, 'li', 'p1', `a${id}`);
    const votes: Record<string, number> = { a: 1, b: 3, c: 3, d: 5 };
    const r = rankItems(b, ['a', 'b', 'c', 'd'], (id) => votes[id] ?? 0);
    expect(r.map((x) => [x.itemId, x.rank, x.tied, x.votes])).toEqual([
      ['d', 1, false, 5],
      ['b', 2, true, 3],
      ['c', 2, true, 3],
      ['a', 4, false, 1],
    ]);
  });

  it('breaks equal votes by board order: journey, phase, lane, orderKey, then id', () => {
    const b = ideaBoard();
    applyOp(b, { kind: 'lane.add', journeyId: 'j1', laneId: 'l0', title: 'Eerst', laneKind: 'idea', orderKey: 'a0V' }, testMeta);
    addCard(b, 'late-phase', 'l0', 'p2', 'a0');
    addCard(b, 'idea-lane', 'li', 'p1', 'a0');
    addCard(b, 'early-lane', 'l0', 'p1', 'a5');
    addCard(b, 'z-same-key', 'li', 'p1', 'a0');
    addCard(b, 'low-key', 'li', 'p1', 'Zz');
    const ids = ['late-phase', 'idea-lane', 'early-lane', 'z-same-key', 'low-key'];
    expect(sortItems(b, ids)).toEqual(['early-lane', 'low-key', 'idea-lane', 'z-same-key', 'late-phase']);
    const r = rankItems(b, ids, () => 0);
    expect(r.map((x) => x.itemId)).toEqual(['early-lane', 'low-key', 'idea-lane', 'z-same-key', 'late-phase']);
    expect(r.every((x) => x.rank === 1 && x.tied)).toBe(true); // 0 votes are ranked too
  });

  it('a group sorts as its first member card', () => {
    const b = ideaBoard();
    addCard(b, 'a', 'li', 'p1', 'a1');
    addCard(b, 'm1', 'li', 'p2', 'a0');
    addCard(b, 'm2', 'li', 'p1', 'a0');
    applyOp(b, { kind: 'group.add', groupId: 'g', title: 'G', cardIds: ['m1', 'm2'] }, testMeta);
    expect(sortItems(b, ['a', 'g'])).toEqual(['g', 'a']); // m2 (p1, a0) comes before a (p1, a1)
  });

  it('puts items no longer on the board last', () => {
    const b = ideaBoard();
    addCard(b, 'a');
    expect(sortItems(b, ['gone', 'a'])).toEqual(['a', 'gone']);
  });
});
