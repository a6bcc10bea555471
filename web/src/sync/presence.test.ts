import { describe, expect, it } from 'vitest';
import { NO_PRESENCE, applyPresence, presenceFromList } from './presence';

const anna = { participantId: 'p1', number: 1, displayName: 'Anna', role: 'participant' as const, online: true };
const bram = { participantId: 'p2', number: 2, displayName: 'Bram', role: 'facilitator' as const, online: true, editing: 'c1' };

describe('presence (P-PRES-3, P-PRES-4)', () => {
  it('P-PRES-3 starts from the welcome list and applies joined, updated and left', () => {
    let state = presenceFromList({ participants: [anna], offline: 2 });
    state = applyPresence(state, { type: 'presence', joined: [bram] });
    expect([...state.entries.keys()]).toEqual(['p1', 'p2']);
    state = applyPresence(state, {
      type: 'presence',
      updated: [
        { participantId: 'p2', editing: null, voting: { used: 1, done: false } },
        { participantId: 'p1', displayName: 'Anna B.' },
      ],
    });
    expect(state.entries.get('p2')).toEqual({ participantId: 'p2', number: 2, displayName: 'Bram', role: 'facilitator', online: true, voting: { used: 1, done: false } });
    expect(state.entries.get('p1')?.displayName).toBe('Anna B.');
    expect(state.offline).toBe(2); // a change without offline leaves the count as it was
    state = applyPresence(state, { type: 'presence', updated: [{ participantId: 'p2', voting: null }], left: ['p1'], offline: 3 });
    expect([...state.entries.values()]).toEqual([{ participantId: 'p2', number: 2, displayName: 'Bram', role: 'facilitator', online: true }]);
    expect(state.offline).toBe(3);
  });

  it('P-PRES-4 a whole list replaces what the client holds', () => {
    const state = applyPresence(presenceFromList({ participants: [anna], offline: 0 }), { type: 'presence', participants: [bram], offline: 4 });
    expect([...state.entries.keys()]).toEqual(['p2']);
    expect(state.offline).toBe(4);
  });

  it('ignores a change to someone it does not hold instead of inventing an entry', () => {
    const state = applyPresence(NO_PRESENCE, { type: 'presence', updated: [{ participantId: 'p9', online: false }] });
    expect(state.entries.size).toBe(0);
  });
});
