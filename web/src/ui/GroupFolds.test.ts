import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryStorage } from '../util/MemoryStorage';
import { GroupFolds } from './GroupFolds';

describe('GroupFolds: which groups this viewer folded, remembered per workshop in this browser', () => {
  beforeEach(() => vi.stubGlobal('localStorage', new MemoryStorage()));
  afterEach(() => vi.unstubAllGlobals());

  it('folds and unfolds a group, tells the board each time, and remembers it for the workshop only', () => {
    const changed = vi.fn();
    const folds = new GroupFolds('w1', changed);
    const groups = new Set(['g1', 'g2']);
    folds.toggle('g1', groups);
    expect(folds.isFolded('g1')).toBe(true);
    expect(changed).toHaveBeenCalledTimes(1);
    expect(new GroupFolds('w1', () => {}).isFolded('g1')).toBe(true);
    expect(new GroupFolds('w2', () => {}).isFolded('g1')).toBe(false);
    folds.toggle('g1', groups);
    expect(folds.isFolded('g1')).toBe(false);
    expect(new GroupFolds('w1', () => {}).isFolded('g1')).toBe(false);
  });

  it('forgets the folds of groups that are gone', () => {
    const folds = new GroupFolds('w1', () => {});
    folds.toggle('old', new Set(['old', 'g1']));
    folds.toggle('g1', new Set(['g1']));
    expect(folds.isFolded('old')).toBe(false);
    expect(localStorage.getItem('jb.folds.w1')).toBe('["g1"]');
  });

  it('reads a damaged memory as nothing folded', () => {
    localStorage.setItem('jb.folds.w1', '{not json');
    expect(new GroupFolds('w1', () => {}).isFolded('g1')).toBe(false);
    localStorage.setItem('jb.folds.w1', '[1, "g1"]');
    expect(new GroupFolds('w1', () => {}).isFolded('g1')).toBe(true);
  });
});
