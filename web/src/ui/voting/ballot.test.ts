import { describe, expect, it } from 'vitest';
import { addRefusal, ballotOf, canRemove, dotsOn, rejectionKey } from './ballot';
import { round } from './testBoard';

describe('ballot: what a voter may still do (mayVote from the server, budget and cap predicted)', () => {
  it('counts own dots and the remaining budget', () => {
    const b = ballotOf(round({ myVotes: { i1: 2, g1: 0 } }));
    expect(b).toMatchObject({ canVote: true, used: 2, remaining: 1, budget: 3, maxPerItem: 2 });
    expect(dotsOn(b, 'i1')).toBe(2);
    expect(dotsOn(b, 'g1')).toBe(0);
    expect([...b.mine.keys()]).toEqual(['i1']);
  });

  it('refuses a dot over the cap per item, then over the budget', () => {
    const r = round({ myVotes: { i1: 2 } });
    const b = ballotOf(r);
    expect(addRefusal(r, b, 'i1')).toBe('cap');
    expect(addRefusal(r, b, 'g1')).toBeNull();
    const full = round({ myVotes: { i1: 2, g1: 1 } });
    expect(addRefusal(full, ballotOf(full), 'i4')).toBe('budget');
  });

  it('refuses items outside the round and closed rounds', () => {
    const r = round();
    expect(addRefusal(r, ballotOf(r), 'i2')).toBe('notItem');
    const closed = round({ status: 'closed' });
    const b = ballotOf(closed);
    expect(b.canVote).toBe(false);
    expect(addRefusal(closed, b, 'i1')).toBe('closed');
  });

  it('offers the ballot only to whom the server says votes in the round (mayVote, P-VOTE-5)', () => {
    const r = round({ mayVote: false, facilitatorVotes: true });
    expect(ballotOf(r).canVote).toBe(false);
    expect(addRefusal(r, ballotOf(r), 'i1')).toBe('notVoter');
    expect(ballotOf(round({ mayVote: true })).canVote).toBe(true);
  });

  it('removes only where there is an own dot', () => {
    const b = ballotOf(round({ myVotes: { i1: 1 } }));
    expect(canRemove(b, 'i1')).toBe(true);
    expect(canRemove(b, 'i4')).toBe(false);
  });
});

describe('server refusals of voting operations', () => {
  it('explain a refused vote by its code', () => {
    expect(rejectionKey('vote.add', 'limit')).toBe('reason.vote.limit');
    expect(rejectionKey('vote.remove', 'conflict')).toBe('reason.vote.conflict');
    expect(rejectionKey('vote.add', 'forbidden')).toBe('reason.vote.forbidden');
  });

  it('explain refused grouping and rounds, and leave other codes to the generic text', () => {
    expect(rejectionKey('card.group', 'conflict')).toBe('reason.grouping.conflict');
    expect(rejectionKey('round.start', 'conflict')).toBe('reason.round.conflict');
    expect(rejectionKey('round.start', 'invalid')).toBe('reason.round.invalid');
    expect(rejectionKey('vote.add', 'not_found')).toBeNull();
    expect(rejectionKey('card.update', 'conflict')).toBeNull();
  });
});
