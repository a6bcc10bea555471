import { describe, expect, it } from 'vitest';
import { compareCards, groupMembers } from './ranking';
import { addCard, ideaBoard } from './testBoards';

describe('board order (SPEC-3)', () => {
  it('orders cards by journey, phase, lane, orderKey, then id', () => {
    const b = ideaBoard();
    b.lanes.set('l0', { id: 'l0', journeyId: 'j1', title: 'Eerst', kind: 'idea', orderKey: 'a0V', question: '' });
    addCard(b, 'late-phase', 'l0', 'p2', 'a0');
    addCard(b, 'idea-lane', 'li', 'p1', 'a0');
    addCard(b, 'early-lane', 'l0', 'p1', 'a5');
    addCard(b, 'z-same-key', 'li', 'p1', 'a0');
    addCard(b, 'low-key', 'li', 'p1', 'Zz');
    const sorted = [...b.cards.values()].sort((x, y) => compareCards(b, x, y)).map((c) => c.id);
    expect(sorted).toEqual(['early-lane', 'low-key', 'idea-lane', 'z-same-key', 'late-phase']);
  });

  it("lists a group's cards in board order", () => {
    const b = ideaBoard();
    addCard(b, 'm1', 'li', 'p2', 'a0');
    addCard(b, 'm2', 'li', 'p1', 'a0');
    for (const id of ['m1', 'm2']) b.cards.set(id, { ...b.cards.get(id)!, groupId: 'g' });
    expect(groupMembers(b, 'g').map((c) => c.id)).toEqual(['m2', 'm1']);
  });
});
