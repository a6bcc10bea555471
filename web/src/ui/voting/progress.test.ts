import { describe, expect, it } from 'vitest';
import type { Person } from '../../sync/presence';
import { voterProgress } from './progress';

const person = (number: number, voting?: Person['voting']): Person => ({
  number,
  participantId: `p${number}`,
  displayName: `P${number}`,
  role: 'participant',
  online: true,
  ...(voting ? { voting } : {}),
});

describe('voterProgress (P-VOTE-7)', () => {
  it('counts the voters the list names', () => {
    expect(voterProgress([person(1, { used: 3, done: true }), person(2, { used: 1, done: false }), person(3)])).toEqual({ done: 1, count: 2 });
  });

  it('P-PRES-6 adds the voters a crowded room counts instead of naming', () => {
    expect(voterProgress([person(1, { used: 3, done: true })], { count: 1500, done: 400 })).toEqual({ done: 401, count: 1501 });
  });
});
