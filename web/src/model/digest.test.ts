import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { boardFromSnapshot } from './board';
import { boardDigest, canonicalJson, snapshotDigest } from './digest';
import type { BoardSnapshot } from '../protocol/types';

/** The shared vector (tests/fixtures/digest/board.json): the server's unit test holds model::board_digest to it too. */
const fixture = JSON.parse(readFileSync(new URL('../../../tests/fixtures/digest/board.json', import.meta.url), 'utf8')) as {
  board: BoardSnapshot;
  digest: string;
};

describe('board digest (P-SYNC-10)', () => {
  it('P-SYNC-10 gives the shared vector its digest, from the document and from the board the client holds', () => {
    expect(snapshotDigest(fixture.board)).toBe(fixture.digest);
    expect(boardDigest(boardFromSnapshot(fixture.board))).toBe(fixture.digest);
  });

  it('changes with any record, not with the order of records or keys, nor with null members', () => {
    const changed = structuredClone(fixture.board);
    changed.cards[0]!.text = 'anders';
    expect(snapshotDigest(changed)).not.toBe(fixture.digest);
    const reordered = structuredClone(fixture.board);
    reordered.cards.reverse();
    expect(snapshotDigest(reordered)).toBe(fixture.digest);
    expect(canonicalJson({ b: 1, a: null, c: [{ y: 'é', x: true }] })).toBe('{"b":1,"c":[{"x":true,"y":"é"}]}');
  });
});
