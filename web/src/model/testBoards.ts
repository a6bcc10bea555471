// Boards for the model tests: the sample journey plus an idea lane and a few cards, made the
// way the client makes them (a snapshot, then the predictor for cards).

import { boardFromSnapshot, type Board } from './board';
import { predict } from './predict';
import { sampleSnapshot } from '../sync/fakes';

/** j1 with phases p1, p2 and lanes l1 (touchpoint), l2 (pain_point), li (idea). */
export function ideaBoard(): Board {
  const b = boardFromSnapshot(sampleSnapshot());
  b.lanes.set('li', { id: 'li', journeyId: 'j1', title: 'Idee', kind: 'idea', orderKey: 'a5', question: '' });
  return b;
}

/** Adds a card and returns its id. */
export function addCard(b: Board, cardId: string, laneId = 'li', phaseId = 'p1', orderKey = 'a0', by = 'u1'): string {
  const ok = predict(b, { kind: 'card.add', cardId, journeyId: 'j1', phaseId, laneId, text: `tekst ${cardId}`, color: 'yellow', orderKey }, { participantId: by, role: 'facilitator', at: 1000 });
  if (!ok) throw new Error(`could not add ${cardId}`);
  return cardId;
}
