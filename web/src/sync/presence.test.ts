import { describe, expect, it } from 'vitest';
import { NO_PRESENCE, applyPresence, peopleOf, presenceFromList, unlistedOf } from './presence';

const anna = { number: 1, participantId: 'p1', displayName: 'Anna' };
const bram = { number: 2, participantId: 'p2', displayName: 'Bram', role: 'facilitator' as const, editing: 'c1' };

describe('presence (P-PRES-3 … P-PRES-7)', () => {
  it('P-PRES-3 fills in the usual role and online that the wire leaves out', () => {
    const state = presenceFromList({ participants: [anna, { ...bram, online: false }], offline: 0 });
    expect(state.entries.get(1)).toEqual({ number: 1, participantId: 'p1', displayName: 'Anna', role: 'participant', online: true });
    expect(state.entries.get(2)?.role).toBe('facilitator');
    expect(state.entries.get(2)?.online).toBe(false);
  });

  it('P-PRES-3 starts from the welcome list and applies joined, updated and left by number', () => {
    let state = presenceFromList({ participants: [anna], offline: 2 });
    state = applyPresence(state, { type: 'presence', joined: [bram] });
    expect([...state.entries.keys()]).toEqual([1, 2]);
    state = applyPresence(state, {
      type: 'presence',
      updated: [
        { number: 2, editing: null, voting: { used: 1, done: false } },
        { number: 1, displayName: 'Anna B.', role: 'facilitator' },
      ],
    });
    expect(state.entries.get(2)).toEqual({ number: 2, participantId: 'p2', displayName: 'Bram', role: 'facilitator', online: true, voting: { used: 1, done: false } });
    expect(state.entries.get(1)?.displayName).toBe('Anna B.');
    expect(state.entries.get(1)?.role).toBe('facilitator');
    expect(state.offline).toBe(2); // a change without offline leaves the count as it was
    state = applyPresence(state, { type: 'presence', updated: [{ number: 2, voting: null, online: false }], left: [1], offline: 3 });
    expect([...state.entries.values()]).toEqual([{ number: 2, participantId: 'p2', displayName: 'Bram', role: 'facilitator', online: false }]);
    expect(state.offline).toBe(3);
  });

  it('P-PRES-4 a whole list replaces what the client holds', () => {
    const state = applyPresence(presenceFromList({ participants: [anna], offline: 0, online: 5 }), { type: 'presence', participants: [bram], offline: 4 });
    expect([...state.entries.keys()]).toEqual([2]);
    expect(state.offline).toBe(4);
    expect(state.online).toBe(0);
  });

  it('ignores a change to someone it does not hold instead of inventing an entry', () => {
    const state = applyPresence(NO_PRESENCE, { type: 'presence', updated: [{ number: 9, online: false }] });
    expect(state.entries.size).toBe(0);
  });

  it('P-PRES-6 keeps the counts of a crowded list, changed only when a message says them', () => {
    let state = presenceFromList({ participants: [bram], offline: 1, online: 1500, voters: { count: 1400, done: 10 } });
    state = applyPresence(state, { type: 'presence', online: 1501 });
    expect(state.online).toBe(1501);
    expect(state.voters).toEqual({ count: 1400, done: 10 });
    state = applyPresence(state, { type: 'presence', voters: { count: 0, done: 0 } });
    expect(state.voters).toEqual({ count: 0, done: 0 });
    expect(unlistedOf(state)).toEqual({ online: 1501, offline: 1, voters: { count: 0, done: 0 } });
  });

  it('P-PRES-7 lists our own entry from you, and leaves ourselves out of the counts', () => {
    let state = presenceFromList({ participants: [bram], offline: 0, online: 1500 });
    const cleo = { number: 7, participantId: 'p7', displayName: 'Cleo', voting: { used: 3, done: true } };
    state = applyPresence(state, { type: 'presence', online: 1501, voters: { count: 1000, done: 1 }, you: cleo });
    expect(peopleOf(state).map((p) => p.displayName)).toEqual(['Bram', 'Cleo']);
    expect(unlistedOf(state)).toEqual({ online: 1500, offline: 0, voters: { count: 999, done: 0 } });
    // Listed (she edits a card), the list's entry stands for her and nothing is taken off the counts.
    state = applyPresence(state, { type: 'presence', joined: [{ ...cleo, editing: 'c9' }], online: 1500, voters: { count: 999, done: 0 } });
    expect(peopleOf(state).filter((p) => p.number === 7)).toHaveLength(1);
    expect(peopleOf(state).find((p) => p.number === 7)?.editing).toBe('c9');
    expect(unlistedOf(state)).toEqual({ online: 1500, offline: 0, voters: { count: 999, done: 0 } });
  });
});
