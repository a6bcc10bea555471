// Where a card goes when moved by keyboard or dropped after a drag: plain functions over the
// board, so the rules are tested without a browser.

import type { CardMoveOp } from '../protocol/types';
import { cardsInCell, lanesOf, phasesOf, type Board } from './board';
import { keyAtEnd, keyForMove } from './orderKeys';

/** phasePrev/phaseNext: Alt+←/→; lanePrev/laneNext: Alt+↑/↓; up/down: Alt+Shift+↑/↓. */
export type MoveDirection = 'phasePrev' | 'phaseNext' | 'lanePrev' | 'laneNext' | 'up' | 'down';

/** The move for a drop at position `index` of a cell (counted without the card itself). */
export function planDrop(
  board: Board,
  cardId: string,
  phaseId: string,
  laneId: string,
  index: number,
): CardMoveOp | null {
  const card = board.cards.get(cardId);
  if (!card || !board.phases.has(phaseId) || !board.lanes.has(laneId)) return null;
  const target = cardsInCell(board, phaseId, laneId);
  const without = target.filter((c) => c.id !== cardId);
  const clamped = Math.max(0, Math.min(index, without.length));
  // Dropped where it already is: nothing to send.
  if (card.phaseId === phaseId && card.laneId === laneId && target.findIndex((c) => c.id === cardId) === clamped) {
    return null;
  }
  return { kind: 'card.move', cardId, phaseId, laneId, orderKey: keyForMove(target, cardId, clamped) };
}

/** The move for a keyboard shortcut, or null at the edge of the board. */
export function planKeyboardMove(board: Board, cardId: string, direction: MoveDirection): CardMoveOp | null {
  const card = board.cards.get(cardId);
  if (!card) return null;
  if (direction === 'up' || direction === 'down') {
    const cell = cardsInCell(board, card.phaseId, card.laneId);
    const at = cell.findIndex((c) => c.id === cardId);
    const to = direction === 'up' ? at - 1 : at + 1;
    if (to < 0 || to >= cell.length) return null;
    return { kind: 'card.move', cardId, phaseId: card.phaseId, laneId: card.laneId, orderKey: keyForMove(cell, cardId, to) };
  }
  let phaseId = card.phaseId;
  let laneId = card.laneId;
  if (direction === 'phasePrev' || direction === 'phaseNext') {
    const phases = phasesOf(board, card.journeyId);
    const next = phases[phases.findIndex((p) => p.id === card.phaseId) + (direction === 'phaseNext' ? 1 : -1)];
    if (!next) return null;
    phaseId = next.id;
  } else {
    const lanes = lanesOf(board, card.journeyId);
    const next = lanes[lanes.findIndex((l) => l.id === card.laneId) + (direction === 'laneNext' ? 1 : -1)];
    if (!next) return null;
    laneId = next.id;
  }
  // Into another cell: at its end, where the card is easy to find again.
  return { kind: 'card.move', cardId, phaseId, laneId, orderKey: keyAtEnd(cardsInCell(board, phaseId, laneId)) };
}
