import { describe, expect, it } from 'vitest';
import { latestClosedRound } from '../../model/improvements';
import { paperTotals, paperVotesOf, parsePaperVotes, resultRows, roundHistory } from './results';
import { round, votingBoard } from './testBoard';

const closed = round({
  status: 'closed',
  closedAt: 20,
  anonymous: false,
  paper: [{ label: 'Tafel 3', votes: { i4: 2, g1: 1 } }],
  result: {
    voters: 2,
    ranking: [
      { itemId: 'g1', rank: 1, tied: true, votes: 3, digital: 2, paper: 1, voterIds: ['u1', 'u2'] },
      { itemId: 'i4', rank: 1, tied: true, votes: 3, digital: 1, paper: 2, voterIds: ['u1'] },
      { itemId: 'i1', rank: 3, tied: false, votes: 0, digital: 0, paper: 0, voterIds: [] },
    ],
  },
});

describe('round results as shown', () => {
  it('joins the ranking with item texts and voter names, ties kept as ties', () => {
    const rows = resultRows(votingBoard([closed]), closed, new Map([['u1', 'Anna'], ['u2', 'Bob']]));
    expect(rows.map((r) => [r.item.text, r.rank, r.tied, r.votes, r.digital, r.paper, r.voters])).toEqual([
      ['Uploaden', 1, true, 3, 2, 1, ['Anna', 'Bob']],
      ['Bel terug binnen een dag', 1, true, 3, 1, 2, ['Anna']],
      ['Voorbeeld bij elk veld', 3, false, 0, 0, 0, []],
    ]);
  });

  it('shows no voters for an anonymous round (the server sends no voterIds)', () => {
    const anon = round({ status: 'closed', result: { voters: 1, ranking: [{ itemId: 'i1', rank: 1, tied: false, votes: 1, digital: 1, paper: 0 }] } });
    expect(resultRows(votingBoard([anon]), anon, new Map())[0]!.voters).toBeNull();
  });

  it('totals paper votes per table, and finds them again by name', () => {
    expect(paperTotals(closed)).toEqual([{ label: 'Tafel 3', total: 3 }]);
    expect(paperVotesOf(closed, ' tafel 3 ')).toEqual({ i4: 2, g1: 1 });
    expect(paperVotesOf(closed, 'Tafel 4')).toEqual({});
  });

  it('reads paper numbers: empty and zero left out, anything else refused', () => {
    expect(parsePaperVotes([['a', '2'], ['b', ''], ['c', '0']])).toEqual({ votes: { a: 2 } });
    expect(parsePaperVotes([['a', '2'], ['b', '1001']])).toEqual({ badItem: 'b' });
    expect(parsePaperVotes([['a', '-1']])).toEqual({ badItem: 'a' });
  });

  it('lists rounds newest first and shows the latest closed one the server names (P-IMP-5)', () => {
    const second = round({ id: 'r2', number: 2, status: 'open' });
    const third = round({ id: 'r3', number: 3, status: 'cancelled' });
    const b = votingBoard([closed, second, third]);
    expect(roundHistory(b).map((r) => r.number)).toEqual([3, 2, 1]);
    expect(latestClosedRound(b)).toBeUndefined(); // the board says none: the client does not choose
    b.improvementList = { ...b.improvementList, latestRoundId: 'r1' };
    expect(latestClosedRound(b)?.id).toBe('r1');
  });
});
