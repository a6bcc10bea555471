import { describe, expect, it } from 'vitest';
import { boardFromSnapshot } from './board';
import { predict } from './predict';
import { applyPatch } from './patch';
import { sampleSnapshot } from '../sync/fakes';

const me = { participantId: 'u1', role: 'participant' as const, at: 7 };
const add = { kind: 'card.add' as const, cardId: 'c1', journeyId: 'j1', phaseId: 'p1', laneId: 'l1', text: 'een', color: 'yellow' as const, orderKey: 'a0' };

describe('the predictor for our own pending operations (P-SYNC-6)', () => {
  it('shows a card added, edited, moved and deleted', () => {
    const b = boardFromSnapshot(sampleSnapshot());
    expect(predict(b, add, me)).toBe(true);
    expect(b.cards.get('c1')).toMatchObject({ authorId: 'u1', createdAt: 7, private: false });
    expect(predict(b, { kind: 'card.update', cardId: 'c1', text: 'twee', color: 'blue' }, me)).toBe(true);
    expect(predict(b, { kind: 'card.move', cardId: 'c1', phaseId: 'p2', laneId: 'l2', orderKey: 'a1' }, me)).toBe(true);
    expect(b.cards.get('c1')).toMatchObject({ text: 'twee', color: 'blue', phaseId: 'p2', laneId: 'l2' });
    expect(predict(b, { kind: 'card.delete', cardId: 'c1' }, me)).toBe(true);
    expect(b.cards.size).toBe(0);
  });

  it('shows nothing for what is no longer there', () => {
    const b = boardFromSnapshot(sampleSnapshot());
    expect(predict(b, { kind: 'card.update', cardId: 'gone', text: 'x' }, me)).toBe(false);
    expect(predict(b, { ...add, phaseId: 'nope' }, me)).toBe(false);
    expect(predict(b, { kind: 'vote.add', roundId: 'r1', itemId: 'c1' }, me)).toBe(false);
  });

  it("a participant's card during private writing is private; a facilitator's is not", () => {
    const b = boardFromSnapshot({ ...sampleSnapshot(), facilitation: { ...sampleSnapshot().facilitation, privateWriting: true } });
    predict(b, add, me);
    predict(b, { ...add, cardId: 'c2' }, { ...me, role: 'facilitator' });
    expect([b.cards.get('c1')!.private, b.cards.get('c2')!.private]).toEqual([true, false]);
  });

  it('places and removes our votes in the open round', () => {
    const b = boardFromSnapshot(sampleSnapshot());
    applyPatch(b, { rounds: [{ id: 'r1', number: 1, criterion: 'x', budget: 3, maxPerItem: 2, durationMs: null, anonymous: true, facilitatorVotes: false, scope: { kind: 'ideas' }, items: ['c1'], status: 'open', startedAt: 1, endsAt: null, closedAt: null, paper: [], result: null, myVotes: {}, mayVote: true }] });
    predict(b, { kind: 'vote.add', roundId: 'r1', itemId: 'c1' }, me);
    predict(b, { kind: 'vote.add', roundId: 'r1', itemId: 'c1' }, me);
    expect(b.rounds.get('r1')!.myVotes).toEqual({ c1: 2 });
    predict(b, { kind: 'vote.remove', roundId: 'r1', itemId: 'c1' }, me);
    predict(b, { kind: 'vote.remove', roundId: 'r1', itemId: 'c1' }, me);
    expect(b.rounds.get('r1')!.myVotes).toEqual({});
    expect(predict(b, { kind: 'vote.remove', roundId: 'r1', itemId: 'c1' }, me)).toBe(false);
  });

  it('predicts only the operations a participant does most; the rest waits for its event', () => {
    const b = boardFromSnapshot(sampleSnapshot());
    expect(predict(b, { kind: 'board.lock', locked: true }, me)).toBe(false);
    expect(b.facilitation.locked).toBe(false);
  });
});
