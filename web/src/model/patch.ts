// Applies the server's record patches (protocol.md P-SYNC-9) to the confirmed board: each record
// given replaces the one with its id, each id under `removed` goes. No domain rules: what an
// operation changes is the server's to say.

import type { RecordPatch } from '../protocol/types';
import type { Board } from './board';
import { evaluationFrom } from './evaluation';
import { facilitationFrom } from './facilitation';
import { scoreKey, scoresFrom } from './method';
import { cardFrom, roundFrom } from './voting';

/** Drops a journey with its phases and lanes. */
function dropJourney(board: Board, journeyId: string): void {
  board.journeys.delete(journeyId);
  for (const [id, p] of board.phases) if (p.journeyId === journeyId) board.phases.delete(id);
  for (const [id, l] of board.lanes) if (l.journeyId === journeyId) board.lanes.delete(id);
}

/** Applies `patch` to `board` in place (its maps; records are replaced, never changed). */
export function applyPatch(board: Board, patch: RecordPatch): void {
  if (patch.workshop) board.workshop = { ...patch.workshop };
  if (patch.facilitation) board.facilitation = facilitationFrom(patch.facilitation);
  if (patch.improvements) {
    board.improvements = { roundIds: [...patch.improvements.roundIds], items: patch.improvements.items.map((i) => ({ ...i })) };
  }
  if (patch.improvementList) board.improvementList = JSON.parse(JSON.stringify(patch.improvementList)) as Board['improvementList'];
  if (patch.methodFigures) board.methodFigures = JSON.parse(JSON.stringify(patch.methodFigures)) as Board['methodFigures'];
  if (patch.evaluation) board.evaluation = evaluationFrom(patch.evaluation);
  for (const j of patch.journeys ?? []) {
    dropJourney(board, j.id);
    board.journeys.set(j.id, { id: j.id, title: j.title, targetGroup: j.targetGroup, orderKey: j.orderKey, persona: j.persona ?? null });
    for (const p of j.phases) board.phases.set(p.id, { ...p, journeyId: j.id });
    for (const l of j.lanes) board.lanes.set(l.id, { ...l, question: l.question ?? '', journeyId: j.id });
  }
  for (const c of patch.cards ?? []) board.cards.set(c.id, cardFrom(c));
  for (const g of patch.groups ?? []) board.groups.set(g.id, { ...g });
  if (patch.rounds?.length) {
    for (const r of patch.rounds) board.rounds.set(r.id, roundFrom(r));
    // The board keeps rounds in the order they were started.
    board.rounds = new Map([...board.rounds].sort((a, b) => a[1].number - b[1].number));
  }
  for (const [key, s] of scoresFrom(patch.scores)) board.scores.set(key, s);

  const removed = patch.removed ?? {};
  for (const id of removed.journeys ?? []) dropJourney(board, id);
  for (const id of removed.cards ?? []) board.cards.delete(id);
  for (const id of removed.groups ?? []) board.groups.delete(id);
  for (const id of removed.rounds ?? []) board.rounds.delete(id);
  for (const id of removed.scores ?? []) {
    const colon = id.indexOf(':');
    board.scores.delete(scoreKey(id.slice(0, colon) as never, id.slice(colon + 1)));
  }
}
