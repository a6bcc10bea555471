import { describe, expect, it } from 'vitest';
import { looksLikeJoinCode, normaliseJoinCode } from './http';

describe('join codes', () => {
  it('P-HTTP-3 reads a code as people type it: case, spaces and dashes do not matter', () => {
    expect(normaliseJoinCode(' k7m-p2q ')).toBe('K7MP2Q');
    expect(normaliseJoinCode('k7m p2q')).toBe('K7MP2Q');
  });

  it('P-HTTP-3 knows the alphabet: 6 characters without 0, O, 1, I or L', () => {
    expect(looksLikeJoinCode('K7MP2Q')).toBe(true);
    for (const bad of ['K7MP2', 'K7MP2QQ', 'K7MP2O', 'K7MP20', 'K7MP21', 'K7MP2I', 'K7MP2L', 'k7mp2q']) {
      expect(looksLikeJoinCode(bad), bad).toBe(false);
    }
  });
});
