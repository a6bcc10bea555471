// Linking, grouping, voting rounds and the improvement list in the board state (SPEC-3), as the
// server sends them (P-SYNC-9), and what the views read from them. The rules are the server's.

import type { CardDoc, RoundDoc } from '../protocol/types';
import type { Board, Card, Round } from './board';

/** A card of a snapshot or patch, with the issue-3 fields defaulted when absent. */
export function cardFrom(c: CardDoc): Card {
  const card: Card = { ...c, groupId: c.groupId ?? null, linkedTo: c.linkedTo ?? null, private: c.private === true, channel: c.channel ?? null };
  if (card.authorId === undefined) delete card.authorId;
  return card;
}

export function roundFrom(r: RoundDoc): Round {
  return {
    ...r,
    items: [...(r.items ?? [])],
    myVotes: { ...(r.myVotes ?? {}) },
    paper: (r.paper ?? []).map((p) => ({ label: p.label, votes: { ...p.votes } })),
    result: r.result ?? null,
  };
}

/** The open round, if any (there is at most one). */
export function openRound(board: Board): Round | undefined {
  for (const r of board.rounds.values()) if (r.status === 'open') return r;
  return undefined;
}

/** The number of votes this viewer has placed in a round. */
export function votesUsed(round: Round): number {
  let n = 0;
  for (const v of Object.values(round.myVotes)) n += v;
  return n;
}
