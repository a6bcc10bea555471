// Boards for the model tests: the sample journey plus an idea lane and a few cards.

import { applyOp, boardFromSnapshot, type Board } from './board';
import { sampleSnapshot } from '../sync/fakes';

export const testMeta = { by: 'u1', at: 1000 };

/** j1 with phases p1, p2 and lanes l1 (touchpoint), l2 (pain_point), li (idea). */
export function ideaBoard(): Board {
  const b = boardFromSnapshot(sampleSnapshot());
  applyOp(b, { kind: 'lane.add', journeyId: 'j1', laneId: 'li', title: 'Idee', laneKind: 'idea', orderKey: 'a5' }, testMeta);
  return b;
}

/** Adds a card and returns its id. */
export function addCard(b: Board, cardId: string, laneId = 'li', phaseId = 'p1', orderKey = 'a0', by = 'u1'): string {
  const ok = applyOp(b, { kind: 'card.add', cardId, journeyId: 'j1', phaseId, laneId, text: `tekst ${cardId}`, color: 'yellow', orderKey }, { by, at: 1000 });
  if (!ok) throw new Error(`could not add ${cardId}`);
  return cardId;
}
