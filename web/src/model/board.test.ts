import { describe, expect, it } from 'vitest';
import {
  applyOp,
  boardFromSnapshot,
  boardToSnapshot,
  cardsByCell,
  cardsInCell,
  cellKey,
  cloneBoard,
  lanesOf,
  phasesOf,
  sortedJourneys,
  type Board,
} from './board';
import { sampleSnapshot } from '../sync/fakes';
import type { Operation, OperationKind } from '../protocol/types';

const meta = { by: 'u1', at: 42 };

function board(): Board {
  const b = boardFromSnapshot(sampleSnapshot());
  applyOp(b, { kind: 'card.add', cardId: 'c1', journeyId: 'j1', phaseId: 'p1', laneId: 'l1', text: 'een', color: 'yellow', orderKey: 'a0' }, { by: 'u0', at: 1 });
  return b;
}

describe('board reducer: cards', () => {
  it('card.add puts a card in its cell with author and time', () => {
    const b = board();
    expect(applyOp(b, { kind: 'card.add', cardId: 'c2', journeyId: 'j1', phaseId: 'p2', laneId: 'l2', text: 'twee', color: 'pink', orderKey: 'a1' }, meta)).toBe(true);
    expect(b.cards.get('c2')).toEqual({ id: 'c2', journeyId: 'j1', phaseId: 'p2', laneId: 'l2', text: 'twee', color: 'pink', authorId: 'u1', orderKey: 'a1', createdAt: 42, updatedAt: 42, groupId: null, linkedTo: null, private: false, channel: null });
  });

  it('card.add refuses an id that exists or a cell that does not', () => {
    const b = board();
    const add = { kind: 'card.add' as const, cardId: 'c1', journeyId: 'j1', phaseId: 'p1', laneId: 'l1', text: '', color: 'yellow' as const, orderKey: 'a1' };
    expect(applyOp(b, add, meta)).toBe(false);
    expect(applyOp(b, { ...add, cardId: 'c9', phaseId: 'zz' }, meta)).toBe(false);
    expect(applyOp(b, { ...add, cardId: 'c9', laneId: 'zz' }, meta)).toBe(false);
    expect(applyOp(b, { ...add, cardId: 'c9', journeyId: 'zz' }, meta)).toBe(false);
    expect(b.cards.size).toBe(1);
  });

  it('card.update changes only the fields it carries', () => {
    const b = board();
    expect(applyOp(b, { kind: 'card.update', cardId: 'c1', color: 'blue' }, meta)).toBe(true);
    expect(b.cards.get('c1')).toMatchObject({ text: 'een', color: 'blue', updatedAt: 42, createdAt: 1 });
    expect(applyOp(b, { kind: 'card.update', cardId: 'c1', text: '' }, meta)).toBe(true);
    expect(b.cards.get('c1')).toMatchObject({ text: '', color: 'blue' });
    expect(applyOp(b, { kind: 'card.update', cardId: 'nope', text: 'x' }, meta)).toBe(false);
  });

  it('card.move changes cell and key within the journey', () => {
    const b = board();
    expect(applyOp(b, { kind: 'card.move', cardId: 'c1', phaseId: 'p2', laneId: 'l2', orderKey: 'a5' }, meta)).toBe(true);
    expect(b.cards.get('c1')).toMatchObject({ phaseId: 'p2', laneId: 'l2', orderKey: 'a5', text: 'een' });
    expect(applyOp(b, { kind: 'card.move', cardId: 'c1', phaseId: 'nope', laneId: 'l2', orderKey: 'a5' }, meta)).toBe(false);
    expect(applyOp(b, { kind: 'card.move', cardId: 'nope', phaseId: 'p1', laneId: 'l1', orderKey: 'a5' }, meta)).toBe(false);
  });

  it('card.move refuses a phase of another journey', () => {
    const b = board();
    applyOp(b, { kind: 'journey.add', journeyId: 'j2', title: 'Tweede', targetGroup: 'ondernemer', orderKey: 'a1' }, meta);
    applyOp(b, { kind: 'phase.add', journeyId: 'j2', phaseId: 'q1', title: 'Start', orderKey: 'a0' }, meta);
    expect(applyOp(b, { kind: 'card.move', cardId: 'c1', phaseId: 'q1', laneId: 'l1', orderKey: 'a0' }, meta)).toBe(false);
  });

  it('card.delete removes the card, once', () => {
    const b = board();
    expect(applyOp(b, { kind: 'card.delete', cardId: 'c1' }, meta)).toBe(true);
    expect(b.cards.size).toBe(0);
    expect(applyOp(b, { kind: 'card.delete', cardId: 'c1' }, meta)).toBe(false);
  });
});

describe('board reducer: structure', () => {
  it('workshop.update renames the workshop', () => {
    const b = board();
    expect(applyOp(b, { kind: 'workshop.update', title: 'Nieuw' }, meta)).toBe(true);
    expect(b.workshop.title).toBe('Nieuw');
  });

  it('journey.add, journey.update and journey.delete', () => {
    const b = board();
    expect(applyOp(b, { kind: 'journey.add', journeyId: 'j2', title: 'Ondernemer start', targetGroup: 'ondernemer', orderKey: 'a1' }, meta)).toBe(true);
    expect(applyOp(b, { kind: 'journey.add', journeyId: 'j2', title: 'x', targetGroup: 'inwoner', orderKey: 'a2' }, meta)).toBe(false);
    expect(applyOp(b, { kind: 'journey.update', journeyId: 'j2', targetGroup: 'persona' }, meta)).toBe(true);
    expect(b.journeys.get('j2')).toMatchObject({ title: 'Ondernemer start', targetGroup: 'persona' });
    expect(applyOp(b, { kind: 'phase.add', journeyId: 'j2', phaseId: 'q1', title: 'Start', orderKey: 'a0' }, meta)).toBe(true);
    expect(applyOp(b, { kind: 'journey.delete', journeyId: 'j2' }, meta)).toBe(true);
    expect(b.journeys.has('j2')).toBe(false);
    expect(b.phases.has('q1')).toBe(false);
  });

  it('journey.delete refuses the last journey and a journey with cards', () => {
    const b = board();
    expect(applyOp(b, { kind: 'journey.delete', journeyId: 'j1' }, meta)).toBe(false);
    applyOp(b, { kind: 'journey.add', journeyId: 'j2', title: 'x', targetGroup: 'inwoner', orderKey: 'a1' }, meta);
    expect(applyOp(b, { kind: 'journey.delete', journeyId: 'j1' }, meta)).toBe(false); // holds c1
    expect(applyOp(b, { kind: 'journey.update', journeyId: 'nope', title: 'x' }, meta)).toBe(false);
  });

  it('phase.add, phase.update (title and order) and phase.delete of an empty phase', () => {
    const b = board();
    expect(applyOp(b, { kind: 'phase.add', journeyId: 'j1', phaseId: 'p3', title: 'Besluit', orderKey: 'a2' }, meta)).toBe(true);
    expect(applyOp(b, { kind: 'phase.add', journeyId: 'nope', phaseId: 'p4', title: 'x', orderKey: 'a3' }, meta)).toBe(false);
    expect(applyOp(b, { kind: 'phase.update', phaseId: 'p3', orderKey: 'Zz' }, meta)).toBe(true);
    expect(phasesOf(b, 'j1').map((p) => p.id)).toEqual(['p3', 'p1', 'p2']);
    expect(applyOp(b, { kind: 'phase.update', phaseId: 'p3', title: 'Besluit!' }, meta)).toBe(true);
    expect(b.phases.get('p3')).toMatchObject({ title: 'Besluit!', orderKey: 'Zz' });
    expect(applyOp(b, { kind: 'phase.delete', phaseId: 'p1' }, meta)).toBe(false); // holds c1
    expect(applyOp(b, { kind: 'phase.delete', phaseId: 'p3' }, meta)).toBe(true);
    expect(applyOp(b, { kind: 'phase.update', phaseId: 'p3', title: 'x' }, meta)).toBe(false);
  });

  it('lane.add, lane.update (title, kind, order) and lane.delete of an empty lane', () => {
    const b = board();
    expect(applyOp(b, { kind: 'lane.add', journeyId: 'j1', laneId: 'l3', title: 'Idee', laneKind: 'idea', orderKey: 'a2' }, meta)).toBe(true);
    expect(b.lanes.get('l3')).toMatchObject({ kind: 'idea', journeyId: 'j1' });
    expect(applyOp(b, { kind: 'lane.update', laneId: 'l3', laneKind: 'custom', title: 'Eigen', orderKey: 'Zz' }, meta)).toBe(true);
    expect(b.lanes.get('l3')).toMatchObject({ kind: 'custom', title: 'Eigen', orderKey: 'Zz' });
    expect(lanesOf(b, 'j1').map((l) => l.id)).toEqual(['l3', 'l1', 'l2']);
    expect(applyOp(b, { kind: 'lane.delete', laneId: 'l1' }, meta)).toBe(false); // holds c1
    expect(applyOp(b, { kind: 'lane.delete', laneId: 'l3' }, meta)).toBe(true);
    expect(applyOp(b, { kind: 'lane.add', journeyId: 'j1', laneId: 'l1', title: 'x', laneKind: 'idea', orderKey: 'a9' }, meta)).toBe(false);
  });

  it('handles every operation kind of the protocol', () => {
    const samples: Record<OperationKind, Operation> = {
      'card.add': { kind: 'card.add', cardId: 'c2', journeyId: 'j1', phaseId: 'p1', laneId: 'l1', text: '', color: 'grey', orderKey: 'a1' },
      'card.update': { kind: 'card.update', cardId: 'c1', text: 'x' },
      'card.move': { kind: 'card.move', cardId: 'c1', phaseId: 'p2', laneId: 'l1', orderKey: 'a0' },
      'card.delete': { kind: 'card.delete', cardId: 'c2' },
      'workshop.update': { kind: 'workshop.update', title: 't' },
      'journey.add': { kind: 'journey.add', journeyId: 'j2', title: 't', targetGroup: 'inwoner', orderKey: 'a1' },
      'journey.update': { kind: 'journey.update', journeyId: 'j2', title: 'u' },
      'phase.add': { kind: 'phase.add', journeyId: 'j2', phaseId: 'q', title: 't', orderKey: 'a0' },
      'phase.update': { kind: 'phase.update', phaseId: 'q', title: 'u' },
      'phase.delete': { kind: 'phase.delete', phaseId: 'q' },
      'lane.add': { kind: 'lane.add', journeyId: 'j2', laneId: 'm', title: 't', laneKind: 'emotion', orderKey: 'a0' },
      'lane.update': { kind: 'lane.update', laneId: 'm', title: 'u' },
      'lane.delete': { kind: 'lane.delete', laneId: 'm' },
      'journey.delete': { kind: 'journey.delete', journeyId: 'j2' },
      'stage.set': { kind: 'stage.set', stageId: 'map' },
      'stage.update': { kind: 'stage.update', stageId: 'map', instruction: 'Doe dit' },
      'timer.set': { kind: 'timer.set', durationMs: 60_000 },
      'timer.start': { kind: 'timer.start' },
      'timer.add': { kind: 'timer.add', ms: 60_000 },
      'timer.pause': { kind: 'timer.pause' },
      'timer.reset': { kind: 'timer.reset' },
      'board.lock': { kind: 'board.lock', locked: true },
      'door.set': { kind: 'door.set', open: false },
      'writing.private': { kind: 'writing.private', on: true },
      'focus.set': { kind: 'focus.set', journeyId: 'j1', phaseId: 'p1' },
      'screen.pin': { kind: 'screen.pin', stageId: 'prepare' },
      'settings.update': { kind: 'settings.update', anonymity: 'all' },
      'participant.role': { kind: 'participant.role', participantId: 'u2', role: 'facilitator' },
      'participant.remove': { kind: 'participant.remove', participantId: 'u2' },
      'card.link': { kind: 'card.link', cardId: 'i1', targetId: 'k1' },
      'group.add': { kind: 'group.add', groupId: 'g1', title: 'Samen', cardIds: ['i1', 'i2'] },
      'card.group': { kind: 'card.group', cardId: 'i3', groupId: 'g1' },
      'card.ungroup': { kind: 'card.ungroup', cardId: 'i3' },
      'group.update': { kind: 'group.update', groupId: 'g1', title: 'Bij elkaar' },
      'round.start': { kind: 'round.start', roundId: 'r1', criterion: 'impact', budget: 3, maxPerItem: 2, durationMs: null, anonymous: true, facilitatorVotes: false, scope: { kind: 'ideas' } },
      'vote.add': { kind: 'vote.add', roundId: 'r1', itemId: 'g1' },
      'vote.remove': { kind: 'vote.remove', roundId: 'r1', itemId: 'g1' },
      'vote.done': { kind: 'vote.done', roundId: 'r1', done: true },
      'round.close': { kind: 'round.close', roundId: 'r1' },
      'round.paper': { kind: 'round.paper', roundId: 'r1', label: 'Tafel 1', votes: { g1: 2 } },
      'improvements.rounds': { kind: 'improvements.rounds', roundIds: ['r1'] },
      'improvement.update': { kind: 'improvement.update', itemId: 'g1', owner: 'Team A' },
      'round.reopen': { kind: 'round.reopen', roundId: 'r1' },
      'round.cancel': { kind: 'round.cancel', roundId: 'r1' },
      'score.set': { kind: 'score.set', scale: 'current', targetId: 'c1', value: 1 },
      'evaluation.open': { kind: 'evaluation.open', open: true },
      'evaluation.submit': { kind: 'evaluation.submit', rating: 4, remarks: 'Goed' },
      'evaluation.show': { kind: 'evaluation.show', responseId: 'r1', shown: true },
    };
    const b = board();
    applyOp(b, { kind: 'lane.add', journeyId: 'j1', laneId: 'li', title: 'Idee', laneKind: 'idea', orderKey: 'a5' }, meta);
    for (const [cardId, laneId] of [['i1', 'li'], ['i2', 'li'], ['i3', 'li'], ['k1', 'l2']] as const) {
      applyOp(b, { kind: 'card.add', cardId, journeyId: 'j1', phaseId: 'p1', laneId, text: cardId, color: 'yellow', orderKey: 'a0' }, meta);
    }
    for (const op of Object.values(samples)) expect(applyOp(b, op, meta), op.kind).toBe(true);
  });
});

describe('board copies and queries', () => {
  it('a clone can change without touching the original', () => {
    const b = board();
    const c = cloneBoard(b);
    applyOp(c, { kind: 'card.update', cardId: 'c1', text: 'anders' }, meta);
    applyOp(c, { kind: 'card.delete', cardId: 'c1' }, meta);
    applyOp(c, { kind: 'phase.delete', phaseId: 'p2' }, meta);
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
      applyOp(b, { kind: 'card.add', cardId, journeyId: 'j1', phaseId: 'p1', laneId: 'l1', text: '', color: 'yellow', orderKey }, meta);
    add('zz', 'Zz');
    add('b', 'a0');
    add('a', 'a0V');
    expect(cardsInCell(b, 'p1', 'l1').map((c) => c.id)).toEqual(['zz', 'b', 'c1', 'a']);
    expect(cardsByCell(b, 'j1').get(cellKey('p1', 'l1'))!.map((c) => c.id)).toEqual(['zz', 'b', 'c1', 'a']);
    expect(sortedJourneys(b).map((j) => j.id)).toEqual(['j1']);
  });
});

describe('board reducer: personas and guiding questions', () => {
  it('journey.add and journey.update carry the persona and the order key; null clears it', () => {
    const b = board();
    const persona = { name: 'Fatima', description: 'Heeft een bakkerij.' };
    applyOp(b, { kind: 'journey.add', journeyId: 'j2', title: 'Ondernemer', targetGroup: 'persona', orderKey: 'a1', persona }, meta);
    expect(b.journeys.get('j2')?.persona).toEqual(persona);
    applyOp(b, { kind: 'journey.update', journeyId: 'j2', orderKey: 'Zz' }, meta);
    expect(sortedJourneys(b).map((j) => j.id)).toEqual(['j2', 'j1']);
    expect(b.journeys.get('j2')?.persona).toEqual(persona);
    applyOp(b, { kind: 'journey.update', journeyId: 'j2', persona: null }, meta);
    expect(b.journeys.get('j2')?.persona).toBeNull();
  });

  it('lane.add and lane.update carry the guiding question, and snapshots keep it', () => {
    const b = board();
    applyOp(b, { kind: 'lane.add', journeyId: 'j1', laneId: 'l3', title: 'Idee', laneKind: 'idea', orderKey: 'a2', question: 'Wat kan beter?' }, meta);
    expect(b.lanes.get('l3')?.question).toBe('Wat kan beter?');
    applyOp(b, { kind: 'lane.update', laneId: 'l3', question: '' }, meta);
    expect(b.lanes.get('l3')?.question).toBe('');
    applyOp(b, { kind: 'lane.update', laneId: 'l1', question: 'Waar zoekt de inwoner?' }, meta);
    const again = boardFromSnapshot(boardToSnapshot(b));
    expect(again.lanes.get('l1')?.question).toBe('Waar zoekt de inwoner?');
  });
});
