import { describe, expect, it } from 'vitest';
import type { Board } from '../../model/board';
import { applyPatch } from '../../model/patch';
import { addCard, ideaBoard } from '../../model/testBoards';
import type { FacilitationDoc } from '../../protocol/types';
import { slideFor } from './screenSlide';

/** The facilitation state as the server's patch would set it. */
const facilitation = (b: Board, change: Partial<FacilitationDoc>) => applyPatch(b, { facilitation: { ...b.facilitation, ...change } });

describe('slideFor: one slide per stage, the pinned stage first (P-FAC-10)', () => {
  it('follows the stage: join code, board, private writing', () => {
    const b = ideaBoard();
    expect(slideFor(b)).toBe('join');
    facilitation(b, { stageId: 'map' });
    expect(slideFor(b)).toBe('board');
    facilitation(b, { privateWriting: true });
    expect(slideFor(b)).toBe('writing');
  });

  it('a pinned stage wins over the room’s stage until it is unpinned', () => {
    const b = ideaBoard();
    facilitation(b, { stageId: 'map' });
    facilitation(b, { screenPin: 'prepare' });
    expect(slideFor(b)).toBe('join');
    facilitation(b, { screenPin: undefined });
    expect(slideFor(b)).toBe('board');
  });

  it('voting shows the open round, then its result; evaluating shows the list, then the poll', () => {
    const b = ideaBoard();
    addCard(b, 'c1');
    facilitation(b, { stageId: 'vote' });
    expect(slideFor(b)).toBe('board');
    applyPatch(b, {
      rounds: [{ id: 'r1', number: 1, criterion: 'impact', budget: 3, maxPerItem: 2, durationMs: null, anonymous: true, facilitatorVotes: false, scope: { kind: 'ideas' }, items: ['c1'], status: 'open', startedAt: 1, endsAt: null, closedAt: null, paper: [], result: null, myVotes: {}, mayVote: true }],
    });
    expect(slideFor(b)).toBe('vote');
    facilitation(b, { stageId: 'evaluate' });
    expect(slideFor(b)).toBe('improvements');
    applyPatch(b, { evaluation: { ...b.evaluation, open: true } });
    expect(slideFor(b)).toBe('evaluation');
  });
});
