import { describe, expect, it } from 'vitest';
import { compareKeys, compareOrdered, keyAt, keyAtEnd, keyForMove, type Ordered } from './orderKeys';

// The server accepts this format (protocol.md "Order keys").
const FORMAT = /^[A-Za-z][0-9A-Za-z]*$/;

function list(...keys: string[]): Ordered[] {
  return keys.map((orderKey, i) => ({ id: `c${i}`, orderKey }));
}

function sorted(items: Ordered[]): string[] {
  return [...items].sort(compareOrdered).map((o) => o.id);
}

describe('order keys', () => {
  it('compares byte-wise, not by locale', () => {
    expect(compareKeys('Zz', 'a0')).toBeLessThan(0);
    expect(compareKeys('a0', 'a0V')).toBeLessThan(0);
    expect(compareKeys('a1', 'a1')).toBe(0);
    expect(['a0', 'Zz', 'A0'].sort(compareKeys)).toEqual(['A0', 'Zz', 'a0']);
  });

  it('gives a first key in an empty cell', () => {
    expect(keyAtEnd([])).toBe('a0');
  });

  it('places at the start, the end and between neighbours', () => {
    const cell = list('a0', 'a1', 'a2');
    const start = keyAt(cell, 0);
    const mid = keyAt(cell, 2);
    const end = keyAtEnd(cell);
    for (const k of [start, mid, end]) expect(k).toMatch(FORMAT);
    expect(compareKeys(start, 'a0')).toBeLessThan(0);
    expect(compareKeys('a1', mid)).toBeLessThan(0);
    expect(compareKeys(mid, 'a2')).toBeLessThan(0);
    expect(compareKeys('a2', end)).toBeLessThan(0);
  });

  it('moving a card down one place within its cell puts it after its next neighbour', () => {
    const cell = list('a0', 'a1', 'a2'); // c0 c1 c2
    const key = keyForMove(cell, 'c0', 1);
    const after = cell.map((o) => (o.id === 'c0' ? { ...o, orderKey: key } : o));
    expect(sorted(after)).toEqual(['c1', 'c0', 'c2']);
  });

  it('moving a card up one place puts it before its previous neighbour', () => {
    const cell = list('a0', 'a1', 'a2');
    const key = keyForMove(cell, 'c2', 1);
    const after = cell.map((o) => (o.id === 'c2' ? { ...o, orderKey: key } : o));
    expect(sorted(after)).toEqual(['c0', 'c2', 'c1']);
  });

  it('moving into another cell at a position lands exactly there', () => {
    const target = list('a0', 'a1');
    const key = keyForMove(target, 'x', 1);
    const after = [...target, { id: 'x', orderKey: key }];
    expect(sorted(after)).toEqual(['c0', 'x', 'c1']);
  });

  it('many inserts at the same spot keep producing valid, strictly ordered keys', () => {
    let items: Ordered[] = list('a0', 'a1');
    for (let i = 0; i < 50; i++) {
      const key = keyAt(items.slice().sort(compareOrdered), 1);
      expect(key).toMatch(FORMAT);
      items = [...items, { id: `n${i}`, orderKey: key }];
    }
    const keys = items.slice().sort(compareOrdered).map((o) => o.orderKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('with equal keys from concurrent inserts, places after the run of equal keys', () => {
    const cell = list('a0', 'a1', 'a1', 'a2'); // c1 and c2 tie
    const key = keyAt(cell, 2); // between the two equal ones: impossible, so after both
    expect(compareKeys('a1', key)).toBeLessThan(0);
    expect(compareKeys(key, 'a2')).toBeLessThan(0);
    const atEnd = keyAt(list('a0', 'a0'), 1);
    expect(compareKeys('a0', atEnd)).toBeLessThan(0);
  });
});
