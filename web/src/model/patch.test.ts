import { describe, expect, it } from 'vitest';
import { boardFromSnapshot, boardToSnapshot, lanesOf, phasesOf } from './board';
import { applyPatch } from './patch';
import { sampleSnapshot } from '../sync/fakes';

describe('applyPatch (P-SYNC-9)', () => {
  it('P-SYNC-9 replaces records by id, adds new ones and removes the ids it names', () => {
    const b = boardFromSnapshot(sampleSnapshot());
    const card = { id: 'c1', journeyId: 'j1', phaseId: 'p1', laneId: 'l1', text: 'een', color: 'yellow' as const, orderKey: 'a0', createdAt: 1, updatedAt: 1, groupId: null, linkedTo: null, private: false, channel: null };
    applyPatch(b, { cards: [card, { ...card, id: 'c2' }] });
    applyPatch(b, { cards: [{ ...card, text: 'twee' }], removed: { cards: ['c2', 'not-there'] } });
    expect([...b.cards.values()].map((c) => [c.id, c.text])).toEqual([['c1', 'twee']]);
    expect(b.cards.get('c1')!.authorId).toBeUndefined(); // anonymous to this viewer: as sent
  });

  it('a journey comes with all its phases and lanes: those it no longer has go', () => {
    const b = boardFromSnapshot(sampleSnapshot());
    const journey = { ...sampleSnapshot().journeys[0]!, title: 'Anders' };
    journey.phases = [journey.phases[1]!];
    applyPatch(b, { journeys: [journey] });
    expect(b.journeys.get('j1')!.title).toBe('Anders');
    expect(phasesOf(b, 'j1').map((p) => p.id)).toEqual(['p2']);
    expect(lanesOf(b, 'j1')).toHaveLength(2);
    applyPatch(b, { removed: { journeys: ['j1'] } });
    expect(b.journeys.size + b.phases.size + b.lanes.size).toBe(0);
  });

  it('replaces singletons whole, keeps rounds in start order and removes scores by "scale:target"', () => {
    const b = boardFromSnapshot(sampleSnapshot());
    const round = { id: 'r2', number: 2, criterion: 'x', budget: 1, maxPerItem: 1, durationMs: null, anonymous: true, facilitatorVotes: false, scope: { kind: 'ideas' as const }, items: [], status: 'open' as const, startedAt: 1, endsAt: null, closedAt: null, paper: [], result: null, myVotes: {}, mayVote: true };
    applyPatch(b, { rounds: [round, { ...round, id: 'r1', number: 1, status: 'closed' }], scores: [{ scale: 'current', targetId: 'c1', counts: [0, 0, 1, 0, 0], mine: 0 }] });
    expect([...b.rounds.keys()]).toEqual(['r1', 'r2']);
    applyPatch(b, { facilitation: { ...b.facilitation, locked: true }, removed: { scores: ['current:c1'] } });
    expect(b.facilitation.locked).toBe(true);
    expect(b.scores.size).toBe(0);
    expect(boardToSnapshot(b).facilitation.locked).toBe(true);
  });
});
