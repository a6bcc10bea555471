import { describe, expect, it } from 'vitest';
import { addRefusal, ballotOf, canRemove, dotsOn, isDone, isVoter, rejectionKey } from './ballot';
import { round } from './testBoard';

describe('ballot: what a voter may still do (P-VOTE budget and cap, mirrored in the UI)', () => {
  it('counts own dots and the remaining budget', () => {
    const b = ballotOf(round({ myVotes: { i1: 2, g1: 0 } }), 'participant');
    expect(b).toMatchObject({ canVote: true, used: 2, remaining: 1, budget: 3, maxPerItem: 2 });
    expect(dotsOn(b, 'i1')).toBe(2);
    expect(dotsOn(b, 'g1')).toBe(0);
    expect([...b.mine.keys()]).toEqual(['i1']);
  });

  it('refuses a dot over the cap per item, then over the budget', () => {
    const r = round({ myVotes: { i1: 2 } });
    const b = ballotOf(r, 'participant');
    expect(addRefusal(r, b, 'i1')).toBe('cap');
    expect(addRefusal(r, b, 'g1')).toBeNull();
    const full = round({ myVotes: { i1: 2, g1: 1 } });
    expect(addRefusal(full, ballotOf(full, 'participant'), 'i4')).toBe('budget');
  });

  it('refuses items outside the round and closed rounds', () => {
    const r = round();
    expect(addRefusal(r, ballotOf(r, 'participant'), 'i2')).toBe('notItem');
    const closed = round({ status: 'closed' });
    const b = ballotOf(closed, 'participant');
    expect(b.canVote).toBe(false);
    expect(addRefusal(closed, b, 'i1')).toBe('closed');
  });

  it('lets the facilitator vote only when the round says so, and a screen never', () => {
    expect(isVoter(round(), 'facilitator')).toBe(false);
    expect(isVoter(round({ facilitatorVotes: true }), 'facilitator')).toBe(true);
    expect(isVoter(round({ facilitatorVotes: true }), 'screen')).toBe(false);
    const r = round();
    expect(addRefusal(r, ballotOf(r, 'facilitator'), 'i1')).toBe('notVoter');
  });

  it('removes only where there is an own dot', () => {
    const b = ballotOf(round({ myVotes: { i1: 1 } }), 'participant');
    expect(canRemove(b, 'i1')).toBe(true);
    expect(canRemove(b, 'i4')).toBe(false);
  });

  it('is done when said so or when the budget is used up', () => {
    expect(isDone(ballotOf(round(), 'participant'), false)).toBe(false);
    expect(isDone(ballotOf(round(), 'participant'), true)).toBe(true);
    expect(isDone(ballotOf(round({ myVotes: { i1: 2, g1: 1 } }), 'participant'), false)).toBe(true);
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
