// Board order and the ranking rule of SPEC-3 ("Ranking order", documented and stable):
// votes descending; equal votes share the rank (competition ranking 1, 2, 2, 4) and all get
// `tied: true`; within equal votes, board order: journey order, then phase order, then lane
// order, then card orderKey, then id. A group sorts as its first member card in that order.
// Items with 0 votes are ranked too.

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

/** The card that stands for an item: the card itself, or a group's first member. */
export function itemCard(board: Board, itemId: string): Card | undefined {
  return board.cards.get(itemId) ?? groupMembers(board, itemId)[0];
}

/** Sorts item ids (cards or groups) in board order; unknown items go last, by id. */
export function sortItems(board: Board, itemIds: readonly string[]): string[] {
  const cards = new Map(itemIds.map((id) => [id, itemCard(board, id)]));
  return [...itemIds].sort((a, b) => {
    const ca = cards.get(a);
    const cb = cards.get(b);
    if (ca && cb) return compareCards(board, ca, cb) || compareKeys(a, b);
    if (ca) return -1;
    if (cb) return 1;
    return compareKeys(a, b);
  });
}

export interface Ranked {
  itemId: string;
  rank: number;
  tied: boolean;
  votes: number;
}

/** Ranks `itemIds` by `votesOf` (missing = 0) with the SPEC-3 rule. */
export function rankItems(board: Board, itemIds: readonly string[], votesOf: (itemId: string) => number): Ranked[] {
  const ordered = sortItems(board, itemIds);
  const index = new Map(ordered.map((id, i) => [id, i]));
  const sorted = [...ordered].sort((a, b) => votesOf(b) - votesOf(a) || index.get(a)! - index.get(b)!);
  const counts = new Map<number, number>();
  for (const id of sorted) counts.set(votesOf(id), (counts.get(votesOf(id)) ?? 0) + 1);
  const out: Ranked[] = [];
  let rank = 0;
  sorted.forEach((id, i) => {
    const votes = votesOf(id);
    if (i === 0 || votesOf(sorted[i - 1]!) !== votes) rank = i + 1;
    out.push({ itemId: id, rank, tied: counts.get(votes)! > 1, votes });
  });
  return out;
}
