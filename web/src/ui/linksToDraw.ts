// Which of a journey's idea → pain point links the board draws as lines (LinkLines.ts): all of
// them while there are few, else only those of the card under the pointer or in focus, so the
// lines never cross the board in a tangle. The links are the server's (card.linkedTo).

import type { Board } from '../model/board';

export interface Link {
  ideaId: string;
  painPointId: string;
}

/** Up to this many links are all drawn at once. */
export const FEW_LINKS = 3;

/** The links between cards of `journeyId`, in the board's card order. */
export function linksOf(board: Board, journeyId: string): Link[] {
  const out: Link[] = [];
  for (const c of board.cards.values()) {
    if (c.journeyId !== journeyId || c.linkedTo === null) continue;
    const target = board.cards.get(c.linkedTo);
    if (target && target.journeyId === journeyId) out.push({ ideaId: c.id, painPointId: target.id });
  }
  return out;
}

/** The links to draw, given the card the person points at or has in focus (or none). */
export function linksToDraw(links: readonly Link[], active: string | null): Link[] {
  if (links.length <= FEW_LINKS) return [...links];
  return active === null ? [] : links.filter((l) => l.ideaId === active || l.painPointId === active);
}
