import { describe, expect, it } from 'vitest';
import { FEW_LINKS, linksToDraw, type Link } from './linksToDraw';

const link = (i: number): Link => ({ ideaId: `i${i}`, painPointId: `k${i % 2}` });

describe('linksToDraw: the links on the board, never a tangle', () => {
  it('draws every link while there are few', () => {
    const few = Array.from({ length: FEW_LINKS }, (_, i) => link(i));
    expect(linksToDraw(few, null)).toEqual(few);
    expect(linksToDraw(few, 'i0')).toEqual(few);
  });

  it('draws only the links of the card in focus or under the pointer when there are more', () => {
    const many = Array.from({ length: FEW_LINKS + 2 }, (_, i) => link(i));
    expect(linksToDraw(many, null)).toEqual([]);
    expect(linksToDraw(many, 'i3')).toEqual([link(3)]);
    // A pain point solved by several ideas shows all of them.
    expect(linksToDraw(many, 'k1').map((l) => l.ideaId)).toEqual(['i1', 'i3']);
  });
});
