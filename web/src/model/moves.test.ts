import { describe, expect, it } from 'vitest';
import { boardFromSnapshot, cardsInCell, type Board } from './board';
import { predict } from './predict';
import { planDrop, planKeyboardMove } from './moves';
import { sampleSnapshot } from '../sync/fakes';

const meta = { participantId: 'u1', role: 'participant' as const, at: 1 };

/** p1/l1 holds a, b, c (in that order); p2/l2 holds d. */
function board(): Board {
  const b = boardFromSnapshot(sampleSnapshot());
  const add = (cardId: string, phaseId: string, laneId: string, orderKey: string) =>
    predict(b, { kind: 'card.add', cardId, journeyId: 'j1', phaseId, laneId, text: cardId, color: 'yellow', orderKey }, meta);
  add('a', 'p1', 'l1', 'a0');
  add('b', 'p1', 'l1', 'a1');
  add('c', 'p1', 'l1', 'a2');
  add('d', 'p2', 'l2', 'a0');
  return b;
}

function apply(b: Board, op: ReturnType<typeof planDrop>): void {
  expect(op).not.toBeNull();
  expect(predict(b, op!, meta)).toBe(true);
}

function ids(b: Board, phaseId: string, laneId: string): string[] {
  return cardsInCell(b, phaseId, laneId).map((c) => c.id);
}

describe('keyboard moves', () => {
  it('Alt+→ moves a card to the end of the same lane in the next phase', () => {
    const b = board();
    apply(b, planKeyboardMove(b, 'a', 'phaseNext'));
    expect(ids(b, 'p2', 'l1')).toEqual(['a']);
    apply(b, planKeyboardMove(b, 'b', 'phaseNext'));
    expect(ids(b, 'p2', 'l1')).toEqual(['a', 'b']);
  });

  it('Alt+← at the first phase and Alt+→ at the last do nothing', () => {
    const b = board();
    expect(planKeyboardMove(b, 'a', 'phasePrev')).toBeNull();
    expect(planKeyboardMove(b, 'd', 'phaseNext')).toBeNull();
  });

  it('Alt+↓ / Alt+↑ move a card between lanes of the same phase', () => {
    const b = board();
    apply(b, planKeyboardMove(b, 'c', 'laneNext'));
    expect(ids(b, 'p1', 'l2')).toEqual(['c']);
    expect(planKeyboardMove(b, 'c', 'laneNext')).toBeNull();
    apply(b, planKeyboardMove(b, 'c', 'lanePrev'));
    expect(ids(b, 'p1', 'l1')).toEqual(['a', 'b', 'c']);
  });

  it('Alt+Shift+↑ / Alt+Shift+↓ reorder within the cell, and stop at its ends', () => {
    const b = board();
    apply(b, planKeyboardMove(b, 'c', 'up'));
    expect(ids(b, 'p1', 'l1')).toEqual(['a', 'c', 'b']);
    apply(b, planKeyboardMove(b, 'c', 'up'));
    expect(ids(b, 'p1', 'l1')).toEqual(['c', 'a', 'b']);
    expect(planKeyboardMove(b, 'c', 'up')).toBeNull();
    apply(b, planKeyboardMove(b, 'a', 'down'));
    expect(ids(b, 'p1', 'l1')).toEqual(['c', 'b', 'a']);
    expect(planKeyboardMove(b, 'a', 'down')).toBeNull();
  });

  it('a missing card plans nothing', () => {
    expect(planKeyboardMove(board(), 'zz', 'up')).toBeNull();
  });
});

describe('drops', () => {
  it('drops into another cell at the given position', () => {
    const b = board();
    apply(b, planDrop(b, 'a', 'p2', 'l2', 0));
    expect(ids(b, 'p2', 'l2')).toEqual(['a', 'd']);
    apply(b, planDrop(b, 'b', 'p2', 'l2', 1));
    expect(ids(b, 'p2', 'l2')).toEqual(['a', 'b', 'd']);
    apply(b, planDrop(b, 'c', 'p2', 'l2', 99));
    expect(ids(b, 'p2', 'l2')).toEqual(['a', 'b', 'd', 'c']);
  });

  it('reorders within a cell by position without the card', () => {
    const b = board();
    apply(b, planDrop(b, 'a', 'p1', 'l1', 2));
    expect(ids(b, 'p1', 'l1')).toEqual(['b', 'c', 'a']);
    apply(b, planDrop(b, 'c', 'p1', 'l1', 0));
    expect(ids(b, 'p1', 'l1')).toEqual(['c', 'b', 'a']);
  });

  it('a drop on the card\'s own place sends nothing', () => {
    const b = board();
    expect(planDrop(b, 'b', 'p1', 'l1', 1)).toBeNull();
  });

  it('a drop on a cell that does not exist sends nothing', () => {
    expect(planDrop(board(), 'a', 'nope', 'l1', 0)).toBeNull();
  });
});
