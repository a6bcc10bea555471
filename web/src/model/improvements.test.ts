import { describe, expect, it } from 'vitest';
import { applyOp, type Board } from './board';
import { computeImprovements, improvementRounds } from './improvements';
import { addCard, ideaBoard, testMeta } from './testBoards';
import type { RankingEntry } from '../protocol/types';

function round(b: Board, roundId: string, votes: Record<string, number>, closedAt: number): void {
  const items = Object.keys(votes);
  const effectItems = { items };
  applyOp(b, { kind: 'round.start', roundId, criterion: 'impact', budget: 5, maxPerItem: 5, durationMs: null, anonymous: true, facilitatorVotes: false, scope: { kind: 'cards', cardIds: items } }, { by: 'f', at: 1, effect: effectItems });
  const ranking: RankingEntry[] = items.map((itemId) => ({ itemId, rank: 0, tied: false, votes: votes[itemId]!, digital: votes[itemId]!, paper: 0 }));
  applyOp(b, { kind: 'round.close', roundId }, { by: 'f', at: closedAt, effect: { result: { voters: 2, ranking } } });
}

describe('improvement list', () => {
  it('uses the latest closed round when none are chosen', () => {
    const b = ideaBoard();
    addCard(b, 'a');
    addCard(b, 'b');
    round(b, 'r1', { a: 2 }, 100);
    round(b, 'r2', { b: 1 }, 200);
    expect(improvementRounds(b).map((r) => r.id)).toEqual(['r2']);
    expect(computeImprovements(b).map((i) => i.itemId)).toEqual(['b']);
  });

  it('unites the chosen rounds, sums votes per round and ranks by total with board order for ties', () => {
    const b = ideaBoard();
    addCard(b, 'a', 'li', 'p1', 'a0');
    addCard(b, 'b', 'li', 'p1', 'a1');
    addCard(b, 'c', 'li', 'p2', 'a0');
    addCard(b, 'k', 'l2');
    applyOp(b, { kind: 'card.link', cardId: 'c', targetId: 'k' }, testMeta);
    round(b, 'r1', { a: 1, b: 3, c: 0 }, 100);
    round(b, 'r2', { a: 2, c: 3 }, 200);
    applyOp(b, { kind: 'improvements.rounds', roundIds: ['r1', 'r2'] }, testMeta);
    applyOp(b, { kind: 'improvement.update', itemId: 'c', owner: 'Piet', status: 'in_progress' }, testMeta);
    const rows = computeImprovements(b);
    expect(rows.map((r) => [r.itemId, r.total, r.rank, r.tied])).toEqual([
      ['a', 3, 1, true],
      ['b', 3, 1, true],
      ['c', 3, 1, true],
    ]);
    expect(rows[0]).toMatchObject({ votesByRound: { r1: 1, r2: 2 }, owner: '', status: 'open', phaseId: 'p1', laneId: 'li', painPoint: null });
    expect(rows[2]).toMatchObject({ votesByRound: { r1: 0, r2: 3 }, owner: 'Piet', status: 'in_progress', phaseId: 'p2', painPoint: 'tekst k' });
  });

  it('shows a group by its title and its first member’s place, and card edits at once', () => {
    const b = ideaBoard();
    addCard(b, 'm1', 'li', 'p2');
    addCard(b, 'm2', 'li', 'p1');
    addCard(b, 'x');
    applyOp(b, { kind: 'group.add', groupId: 'g', title: 'Samen beter', cardIds: ['m1', 'm2'] }, testMeta);
    round(b, 'r1', { g: 4, x: 1 }, 100);
    applyOp(b, { kind: 'card.update', cardId: 'x', text: 'Nieuwe tekst' }, testMeta);
    const rows = computeImprovements(b);
    expect(rows.map((r) => [r.text, r.isGroup, r.phaseId, r.rank])).toEqual([
      ['Samen beter', true, 'p1', 1],
      ['Nieuwe tekst', false, 'p1', 2],
    ]);
  });

  it('is empty without closed rounds and leaves out items deleted since', () => {
    const b = ideaBoard();
    expect(computeImprovements(b)).toEqual([]);
    addCard(b, 'a');
    addCard(b, 'b');
    round(b, 'r1', { a: 1, b: 2 }, 100);
    applyOp(b, { kind: 'card.delete', cardId: 'b' }, testMeta);
    expect(computeImprovements(b).map((r) => r.itemId)).toEqual(['a']);
  });
});
