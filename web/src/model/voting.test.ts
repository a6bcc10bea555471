import { describe, expect, it } from 'vitest';
import { applyOp, type Board } from './board';
import { blockedByOpenRound, openRound, resolveScope, votesUsed } from './voting';
import { addCard, ideaBoard, testMeta } from './testBoards';
import type { RoundStartOp } from '../protocol/types';

function start(b: Board, over: Partial<RoundStartOp> = {}, at = 1000, effect?: { items: string[] }): boolean {
  const op: RoundStartOp = { kind: 'round.start', roundId: 'r1', criterion: 'impact', budget: 3, maxPerItem: 2, durationMs: null, anonymous: true, facilitatorVotes: false, scope: { kind: 'ideas' }, ...over };
  return applyOp(b, op, { by: 'f', at, effect });
}

describe('linking and grouping', () => {
  it('card.link links an idea to a pain point of the same journey, and null unlinks', () => {
    const b = ideaBoard();
    addCard(b, 'i1');
    addCard(b, 'k1', 'l2');
    addCard(b, 't1', 'l1');
    expect(applyOp(b, { kind: 'card.link', cardId: 'i1', targetId: 'k1' }, testMeta)).toBe(true);
    expect(b.cards.get('i1')!.linkedTo).toBe('k1');
    expect(applyOp(b, { kind: 'card.link', cardId: 'i1', targetId: 't1' }, testMeta)).toBe(false); // not a pain point
    expect(applyOp(b, { kind: 'card.link', cardId: 'k1', targetId: 'k1' }, testMeta)).toBe(false); // not an idea
    applyOp(b, { kind: 'card.link', cardId: 'i1', targetId: null }, testMeta);
    expect(b.cards.get('i1')!.linkedTo).toBeNull();
  });

  it('deleting the target clears the links to it', () => {
    const b = ideaBoard();
    addCard(b, 'i1');
    addCard(b, 'k1', 'l2');
    applyOp(b, { kind: 'card.link', cardId: 'i1', targetId: 'k1' }, testMeta);
    applyOp(b, { kind: 'card.delete', cardId: 'k1' }, testMeta);
    expect(b.cards.get('i1')!.linkedTo).toBeNull();
  });

  it('group.add groups 2 or more ungrouped cards of one journey', () => {
    const b = ideaBoard();
    for (const id of ['a', 'b', 'c']) addCard(b, id);
    expect(applyOp(b, { kind: 'group.add', groupId: 'g', title: 'G', cardIds: ['a'] }, testMeta)).toBe(false);
    expect(applyOp(b, { kind: 'group.add', groupId: 'g', title: 'G', cardIds: ['a', 'zz'] }, testMeta)).toBe(false);
    expect(applyOp(b, { kind: 'group.add', groupId: 'g', title: 'G', cardIds: ['a', 'b'] }, testMeta)).toBe(true);
    expect(b.groups.get('g')).toEqual({ id: 'g', journeyId: 'j1', title: 'G' });
    expect(b.cards.get('a')!.groupId).toBe('g');
    expect(applyOp(b, { kind: 'group.add', groupId: 'h', title: 'H', cardIds: ['b', 'c'] }, testMeta)).toBe(false); // b is grouped
    expect(applyOp(b, { kind: 'card.group', cardId: 'c', groupId: 'g' }, testMeta)).toBe(true);
    expect(applyOp(b, { kind: 'card.group', cardId: 'c', groupId: 'g' }, testMeta)).toBe(false);
    applyOp(b, { kind: 'group.update', groupId: 'g', title: 'Nieuw' }, testMeta);
    expect(b.groups.get('g')!.title).toBe('Nieuw');
  });

  it('a group left with fewer than 2 cards is removed', () => {
    const b = ideaBoard();
    for (const id of ['a', 'b', 'c']) addCard(b, id);
    applyOp(b, { kind: 'group.add', groupId: 'g', title: 'G', cardIds: ['a', 'b', 'c'] }, testMeta);
    applyOp(b, { kind: 'card.ungroup', cardId: 'a' }, testMeta);
    expect(b.groups.has('g')).toBe(true);
    applyOp(b, { kind: 'card.delete', cardId: 'b' }, testMeta);
    expect(b.groups.has('g')).toBe(false);
    expect(b.cards.get('c')!.groupId).toBeNull();
  });
});

describe('voting rounds', () => {
  it('round.start resolves the ideas scope to cards and groups once, in board order', () => {
    const b = ideaBoard();
    addCard(b, 'x', 'li', 'p2');
    addCard(b, 'a', 'li', 'p1', 'a1');
    addCard(b, 'b', 'li', 'p1', 'a0');
    addCard(b, 'c', 'li', 'p1', 'a2');
    addCard(b, 't', 'l1');
    applyOp(b, { kind: 'group.add', groupId: 'g', title: 'G', cardIds: ['a', 'c'] }, testMeta);
    expect(resolveScope(b, { kind: 'ideas' })).toEqual(['b', 'g', 'x']);
    expect(resolveScope(b, { kind: 'phases', phaseIds: ['p2'] })).toEqual(['x']);
    expect(resolveScope(b, { kind: 'lanes', laneIds: ['l1'] })).toEqual(['t']);
    expect(resolveScope(b, { kind: 'cards', cardIds: ['x', 't'] })).toEqual(['t', 'x']);
    expect(start(b, {}, 1000)).toBe(true);
    expect(b.rounds.get('r1')).toMatchObject({ number: 1, status: 'open', items: ['b', 'g', 'x'], startedAt: 1000, endsAt: null, myVotes: {}, result: null });
  });

  it("uses the server's item list from the event effect, and refuses a second open round or no items", () => {
    const b = ideaBoard();
    expect(start(b)).toBe(false); // no idea cards
    addCard(b, 'a');
    expect(start(b, { durationMs: 60_000 }, 2000, { items: ['a'] })).toBe(true);
    expect(b.rounds.get('r1')!.endsAt).toBe(62_000);
    expect(start(b, { roundId: 'r2' })).toBe(false);
    expect(openRound(b)?.id).toBe('r1');
  });

  it('votes respect the budget and the cap per item, and can be taken back', () => {
    const b = ideaBoard();
    addCard(b, 'a');
    addCard(b, 'b', 'li', 'p2');
    start(b, { budget: 3, maxPerItem: 2 });
    const vote = (itemId: string) => applyOp(b, { kind: 'vote.add', roundId: 'r1', itemId }, testMeta);
    expect(vote('a')).toBe(true);
    expect(vote('a')).toBe(true);
    expect(vote('a')).toBe(false); // cap
    expect(vote('b')).toBe(true);
    expect(vote('b')).toBe(false); // budget
    expect(vote('zz')).toBe(false);
    expect(votesUsed(b.rounds.get('r1')!)).toBe(3);
    expect(applyOp(b, { kind: 'vote.remove', roundId: 'r1', itemId: 'b' }, testMeta)).toBe(true);
    expect(applyOp(b, { kind: 'vote.remove', roundId: 'r1', itemId: 'b' }, testMeta)).toBe(false);
    expect(b.rounds.get('r1')!.myVotes).toEqual({ a: 2 });
  });

  it('a facilitator votes only when the round allows it, a screen never', () => {
    const b = ideaBoard();
    addCard(b, 'a');
    start(b);
    expect(applyOp(b, { kind: 'vote.add', roundId: 'r1', itemId: 'a' }, { by: 'f', at: 1, byRole: 'facilitator' })).toBe(false);
    expect(applyOp(b, { kind: 'vote.add', roundId: 'r1', itemId: 'a' }, { by: '', at: 1, byRole: 'screen' })).toBe(false);
    applyOp(b, { kind: 'round.cancel', roundId: 'r1' }, testMeta);
    start(b, { roundId: 'r2', facilitatorVotes: true });
    expect(applyOp(b, { kind: 'vote.add', roundId: 'r2', itemId: 'a' }, { by: 'f', at: 1, byRole: 'facilitator' })).toBe(true);
  });

  it('grouping and deleting items of the open round are refused; editing is allowed', () => {
    const b = ideaBoard();
    addCard(b, 'a');
    addCard(b, 'b');
    start(b);
    expect(blockedByOpenRound(b, b.cards.get('a')!)).toBe(true);
    expect(applyOp(b, { kind: 'group.add', groupId: 'g', title: 'G', cardIds: ['a', 'b'] }, testMeta)).toBe(false);
    expect(applyOp(b, { kind: 'card.delete', cardId: 'a' }, testMeta)).toBe(false);
    expect(applyOp(b, { kind: 'card.update', cardId: 'a', text: 'beter' }, testMeta)).toBe(true);
  });

  it('close takes the result from the effect; paper votes replace per label; cancel and reopen', () => {
    const b = ideaBoard();
    addCard(b, 'a');
    start(b);
    applyOp(b, { kind: 'vote.add', roundId: 'r1', itemId: 'a' }, testMeta);
    applyOp(b, { kind: 'round.paper', roundId: 'r1', label: 'Tafel 3', votes: { a: 4 } }, testMeta);
    applyOp(b, { kind: 'round.paper', roundId: 'r1', label: 'Tafel 3', votes: { a: 2 } }, testMeta);
    expect(b.rounds.get('r1')!.paper).toEqual([{ label: 'Tafel 3', votes: { a: 2 } }]);
    // A label keeps its place when its tally is replaced, as in the server's state.
    applyOp(b, { kind: 'round.paper', roundId: 'r1', label: 'Tafel 5', votes: { a: 1 } }, testMeta);
    applyOp(b, { kind: 'round.paper', roundId: 'r1', label: 'Tafel 3', votes: { a: 3 } }, testMeta);
    expect(b.rounds.get('r1')!.paper.map((p) => p.label)).toEqual(['Tafel 3', 'Tafel 5']);
    applyOp(b, { kind: 'round.paper', roundId: 'r1', label: 'Tafel 5', votes: {} }, testMeta);
    applyOp(b, { kind: 'round.paper', roundId: 'r1', label: 'Tafel 3', votes: { a: 2 } }, testMeta);
    expect(applyOp(b, { kind: 'round.paper', roundId: 'r1', label: 'X', votes: { zz: 1 } }, testMeta)).toBe(false);
    const result = { voters: 1, ranking: [{ itemId: 'a', rank: 1, tied: false, votes: 3, digital: 1, paper: 2 }] };
    expect(applyOp(b, { kind: 'round.close', roundId: 'r1' }, { by: '', at: 9000, effect: { result } })).toBe(true);
    expect(b.rounds.get('r1')).toMatchObject({ status: 'closed', closedAt: 9000, result });
    const after = { voters: 1, ranking: [{ ...result.ranking[0]!, votes: 1, paper: 0 }] };
    applyOp(b, { kind: 'round.paper', roundId: 'r1', label: 'Tafel 3', votes: {} }, { by: 'f', at: 9500, effect: { result: after } });
    expect(b.rounds.get('r1')).toMatchObject({ paper: [], result: after });
    expect(applyOp(b, { kind: 'round.reopen', roundId: 'r1' }, testMeta)).toBe(true);
    expect(b.rounds.get('r1')).toMatchObject({ status: 'open', result: null, closedAt: null, myVotes: { a: 1 } });
    expect(applyOp(b, { kind: 'round.cancel', roundId: 'r1' }, testMeta)).toBe(true);
    expect(b.rounds.get('r1')).toMatchObject({ status: 'cancelled', closedAt: testMeta.at, myVotes: {}, paper: [], result: null });
    expect(applyOp(b, { kind: 'vote.add', roundId: 'r1', itemId: 'a' }, testMeta)).toBe(false);
  });

  it('the top scope takes the first N of a closed round, ties at the cut included', () => {
    const b = ideaBoard();
    for (const id of ['a', 'b', 'c', 'd']) addCard(b, id, 'li', 'p1', `a${id}`);
    start(b);
    const ranking = [
      { itemId: 'a', rank: 1, tied: false, votes: 5, digital: 5, paper: 0 },
      { itemId: 'b', rank: 2, tied: true, votes: 3, digital: 3, paper: 0 },
      { itemId: 'c', rank: 2, tied: true, votes: 3, digital: 3, paper: 0 },
      { itemId: 'd', rank: 4, tied: false, votes: 0, digital: 0, paper: 0 },
    ];
    applyOp(b, { kind: 'round.close', roundId: 'r1' }, { by: 'f', at: 1, effect: { result: { voters: 3, ranking } } });
    expect(resolveScope(b, { kind: 'top', roundId: 'r1', n: 2 })).toEqual(['a', 'b', 'c']);
    expect(resolveScope(b, { kind: 'top', roundId: 'r1', n: 1 })).toEqual(['a']);
    expect(start(b, { roundId: 'r2', scope: { kind: 'top', roundId: 'r1', n: 2 } })).toBe(true);
    expect(b.rounds.get('r2')).toMatchObject({ number: 2, items: ['a', 'b', 'c'] });
  });

  it('improvement settings: rounds must be closed; update keeps owner and status per item', () => {
    const b = ideaBoard();
    addCard(b, 'a');
    start(b);
    expect(applyOp(b, { kind: 'improvements.rounds', roundIds: ['r1'] }, testMeta)).toBe(false); // still open
    applyOp(b, { kind: 'round.close', roundId: 'r1' }, testMeta);
    expect(applyOp(b, { kind: 'improvements.rounds', roundIds: ['r1'] }, testMeta)).toBe(true);
    expect(applyOp(b, { kind: 'improvement.update', itemId: 'a' }, testMeta)).toBe(false);
    applyOp(b, { kind: 'improvement.update', itemId: 'a', owner: 'Team Vergunningen' }, testMeta);
    applyOp(b, { kind: 'improvement.update', itemId: 'a', status: 'planned' }, testMeta);
    expect(b.improvements.items).toEqual([{ itemId: 'a', owner: 'Team Vergunningen', status: 'planned' }]);
  });
});
