import { describe, expect, it } from 'vitest';
import { boardHash, parseRoute } from './router';

describe('routes', () => {
  it('reads home, join and board routes', () => {
    expect(parseRoute('')).toEqual({ name: 'home' });
    expect(parseRoute('#/')).toEqual({ name: 'home' });
    expect(parseRoute('#/join/K7MP2Q')).toEqual({ name: 'join', code: 'K7MP2Q' });
    expect(parseRoute('#/w/abc_1')).toEqual({ name: 'board', workshopId: 'abc_1', key: null, code: null, screen: null });
  });

  it('reads the accessibility statement route in both languages', () => {
    expect(parseRoute('#/toegankelijkheid')).toEqual({ name: 'statement' });
    expect(parseRoute('#/accessibility')).toEqual({ name: 'statement' });
  });

  it('reads the facilitator key and code from the fragment query', () => {
    expect(parseRoute(boardHash('w1', 'k-y_', 'K7MP2Q'))).toEqual({ name: 'board', workshopId: 'w1', key: 'k-y_', code: 'K7MP2Q', screen: null });
  });

  it('reads the big-screen key', () => {
    expect(parseRoute('#/w/w1?screen=abc-DEF_123')).toMatchObject({ name: 'board', workshopId: 'w1', key: null, screen: 'abc-DEF_123' });
  });

  it('sends an id with characters outside the protocol pattern home', () => {
    expect(parseRoute('#/w/a%20b')).toEqual({ name: 'home' });
    expect(parseRoute('#/nothing/here')).toEqual({ name: 'home' });
  });
});
