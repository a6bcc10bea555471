import { describe, expect, it } from 'vitest';
import { applyOp } from '../../model/board';
import { addCard, ideaBoard, testMeta } from '../../model/testBoards';
import { slideFor } from './screenSlide';

const fac = { ...testMeta, byRole: 'facilitator' as const };

describe('slideFor: one slide per stage, the pinned stage first (P-FAC-10)', () => {
  it('follows the stage: join code, board, private writing', () => {
    const b = ideaBoard();
    expect(slideFor(b)).toBe('join');
    applyOp(b, { kind: 'stage.set', stageId: 'map' }, fac);
    expect(slideFor(b)).toBe('board');
    applyOp(b, { kind: 'writing.private', on: true }, fac);
    expect(slideFor(b)).toBe('writing');
  });

  it('a pinned stage wins over the room’s stage until it is unpinned', () => {
    const b = ideaBoard();
    applyOp(b, { kind: 'stage.set', stageId: 'map' }, fac);
    applyOp(b, { kind: 'screen.pin', stageId: 'prepare' }, fac);
    expect(slideFor(b)).toBe('join');
    applyOp(b, { kind: 'screen.pin', stageId: null }, fac);
    expect(slideFor(b)).toBe('board');
  });

  it('voting shows the open round, then its result; evaluating shows the list, then the poll', () => {
    const b = ideaBoard();
    addCard(b, 'c1');
    applyOp(b, { kind: 'stage.set', stageId: 'vote' }, fac);
    expect(slideFor(b)).toBe('board');
    applyOp(
      b,
      { kind: 'round.start', roundId: 'r1', criterion: 'impact', budget: 3, maxPerItem: 2, durationMs: null, anonymous: true, facilitatorVotes: false, scope: { kind: 'ideas' } },
      { ...fac, effect: { items: ['c1'] } },
    );
    expect(slideFor(b)).toBe('vote');
    applyOp(b, { kind: 'stage.set', stageId: 'evaluate' }, fac);
    expect(slideFor(b)).toBe('improvements');
    applyOp(b, { kind: 'evaluation.open', open: true }, fac);
    expect(slideFor(b)).toBe('evaluation');
  });
});
