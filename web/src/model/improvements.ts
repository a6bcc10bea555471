// The improvement list (SPEC-3 "Improvement list"), computed from the board state: the union
// of the items of the chosen closed rounds (or the latest closed round), with their text,
// votes per round, total, place on the board, linked pain point, owner and status, ranked by
// total with the ranking rule. Live: it reads the current cards, so edits show at once.

import type { ImprovementStatus } from '../protocol/types';
import type { Board, Round } from './board';
import { groupMembers, itemCard, rankItems } from './ranking';

export interface ImprovementRow {
  itemId: string;
  /** Card text, or the group's title. */
  text: string;
  isGroup: boolean;
  /** A group's cards in board order, as the list and the exports show them; empty for a card. */
  members: Array<{ cardId: string; text: string }>;
  /** Votes (digital + paper) per round id, for the rounds of the list. */
  votesByRound: Record<string, number>;
  total: number;
  rank: number;
  tied: boolean;
  journeyId: string;
  phaseId: string;
  laneId: string;
  /** The linked pain point's text (of the card, or of the first member in board order with a link). */
  painPoint: string | null;
  owner: string;
  status: ImprovementStatus;
}

/** The closed rounds the list is made of: `improvements.roundIds`, or else the latest closed one. */
export function improvementRounds(board: Board): Round[] {
  const chosen = board.improvements.roundIds
    .map((id) => board.rounds.get(id))
    .filter((r): r is Round => r !== undefined && r.status === 'closed');
  if (board.improvements.roundIds.length > 0) return chosen;
  const latest = latestClosedRound(board);
  return latest ? [latest] : [];
}

/** The round closed last (a re-opened round that closes again counts from then), if any. */
export function latestClosedRound(board: Board): Round | undefined {
  let latest: Round | undefined;
  for (const r of board.rounds.values()) {
    if (r.status !== 'closed') continue;
    if (!latest || (r.closedAt ?? 0) > (latest.closedAt ?? 0) || ((r.closedAt ?? 0) === (latest.closedAt ?? 0) && r.number > latest.number)) {
      latest = r;
    }
  }
  return latest;
}

/**
 * The rows of the improvement list in ranking order. Items no longer on the board (deleted
 * after their round closed) are left out: there is nothing to show or to improve.
 */
export function computeImprovements(board: Board): ImprovementRow[] {
  const rounds = improvementRounds(board);
  const votes = new Map<string, Record<string, number>>();
  for (const r of rounds) {
    for (const e of r.result?.ranking ?? []) {
      const per = votes.get(e.itemId) ?? {};
      per[r.id] = (per[r.id] ?? 0) + e.votes;
      votes.set(e.itemId, per);
    }
  }
  const present = [...votes.keys()].filter((id) => itemCard(board, id) !== undefined);
  const total = (id: string) => Object.values(votes.get(id) ?? {}).reduce((a, b) => a + b, 0);
  const saved = new Map(board.improvements.items.map((i) => [i.itemId, i]));
  return rankItems(board, present, total).map((ranked) => {
    const id = ranked.itemId;
    const card = itemCard(board, id)!;
    const group = board.groups.get(id);
    // The first card with a link: the item's card, or a group's members in board order.
    const members = group ? groupMembers(board, id) : [card];
    const linkId = members.find((c) => c.linkedTo !== null)?.linkedTo ?? null;
    const link = linkId !== null ? board.cards.get(linkId) : undefined;
    return {
      itemId: id,
      text: group ? group.title : card.text,
      isGroup: group !== undefined,
      members: group ? members.map((c) => ({ cardId: c.id, text: c.text })) : [],
      votesByRound: { ...votes.get(id) },
      total: ranked.votes,
      rank: ranked.rank,
      tied: ranked.tied,
      journeyId: card.journeyId,
      phaseId: card.phaseId,
      laneId: card.laneId,
      painPoint: link ? link.text : null,
      owner: saved.get(id)?.owner ?? '',
      status: saved.get(id)?.status ?? 'open',
    };
  });
}
