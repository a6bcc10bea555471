// Board order (SPEC-3): journey order, then phase order, then lane order, then card orderKey,
// then id; for showing cards in order. Ranking by votes is the server's (round.result, the
// improvement list: P-SYNC-9).

import type { Board, Card } from './board';
import { compareKeys } from './orderKeys';

/** Where a card sits, as a tuple of order keys and ids; missing parents sort last. */
function position(board: Board, card: Card): string[] {
  const j = board.journeys.get(card.journeyId);
  const p = board.phases.get(card.phaseId);
  const l = board.lanes.get(card.laneId);
  const LAST = '\uffff';
  return [
    j?.orderKey ?? LAST,
    card.journeyId,
    p?.orderKey ?? LAST,
    card.phaseId,
    l?.orderKey ?? LAST,
    card.laneId,
    card.orderKey,
    card.id,
  ];
}

/** Compares two cards in board order. */
export function compareCards(board: Board, a: Card, b: Card): number {
  const pa = position(board, a);
  const pb = position(board, b);
  for (let i = 0; i < pa.length; i++) {
    const c = compareKeys(pa[i]!, pb[i]!);
    if (c !== 0) return c;
  }
  return 0;
}

/** The cards of a group in board order. */
export function groupMembers(board: Board, groupId: string): Card[] {
  return [...board.cards.values()].filter((c) => c.groupId === groupId).sort((a, b) => compareCards(board, a, b));
}
