// The web client's improvement list (P-IMP-4) against the shared fixtures that the server's
// list (server/model/improvement_list.cpp) is held to as well, so the two cannot drift:
// tests/fixtures/improvements/*.json, each a stored board state and the rows it must give.

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BoardSnapshot } from '../protocol/types';
import { boardFromSnapshot } from './board';
import { computeImprovements } from './improvements';

const dir = fileURLToPath(new URL('../../../tests/fixtures/improvements/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

describe('P-IMP-4 the shared improvement-list fixtures', () => {
  it('has the fixtures', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  for (const file of files) {
    const fixture = JSON.parse(readFileSync(dir + file, 'utf8')) as { description: string; state: BoardSnapshot; expected: unknown[] };
    it(`${file}: ${fixture.description}`, () => {
      expect(computeImprovements(boardFromSnapshot(fixture.state))).toEqual(fixture.expected);
    });
  }
});
