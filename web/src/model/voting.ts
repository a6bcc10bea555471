// Linking, grouping, voting rounds and the improvement list in the board state (SPEC-3), and
// the reducer for their operations. The server decides; these checks mirror its rules so a
// pending operation that it would refuse is not shown, and confirmed events apply the
// server-computed `effect` (round items, results).

import type { CardDoc, RoundDoc, RoundScope, VotingOp } from '../protocol/types';
import { assertNever } from '../protocol/types';
import type { Board, Card, OpMeta, Round } from './board';
import { rankItems, sortItems } from './ranking';

export const MAX_GROUP_CARDS = 50;

/** A card of a snapshot or effect, with the issue-3 fields defaulted when absent. */
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

/** Whether the card, or the group it is in, is an item of the open round. */
export function blockedByOpenRound(board: Board, card: Card): boolean {
  const r = openRound(board);
  if (!r) return false;
  return r.items.includes(card.id) || (card.groupId !== null && r.items.includes(card.groupId));
}

/** The number of votes this viewer has placed in a round. */
export function votesUsed(round: Round): number {
  let n = 0;
  for (const v of Object.values(round.myVotes)) n += v;
  return n;
}

/** Removes a group that has fewer than two cards left, ungrouping the last one. */
function pruneGroup(board: Board, groupId: string): void {
  const members = [...board.cards.values()].filter((c) => c.groupId === groupId);
  if (members.length >= 2) return;
  board.groups.delete(groupId);
  for (const c of members) board.cards.set(c.id, { ...c, groupId: null });
}

/** Deletes a card and what hangs on it: links to it, a group left too small, the private count. */
export function dropCard(board: Board, card: Card): void {
  board.cards.delete(card.id);
  for (const [id, c] of board.cards) if (c.linkedTo === card.id) board.cards.set(id, { ...c, linkedTo: null });
  if (card.groupId !== null) pruneGroup(board, card.groupId);
  if (card.private) {
    board.facilitation = {
      ...board.facilitation,
      privateCount: Math.max(0, board.facilitation.privateCount - 1),
    };
  }
}

function laneKind(board: Board, card: Card): string | undefined {
  return board.lanes.get(card.laneId)?.kind;
}

/**
 * The items of a round with `scope`, as the server resolves them at start: each visible card
 * in scope, or its group once if grouped, in board order. Used for a pending round.start; the
 * confirmed event carries the server's list in `effect.items`.
 */
export function resolveScope(board: Board, scope: RoundScope): string[] {
  if (scope.kind === 'top') {
    const source = board.rounds.get(scope.roundId);
    if (!source?.result) return [];
    return source.result.ranking.filter((e) => e.rank <= scope.n).map((e) => e.itemId);
  }
  const inScope = (c: Card): boolean => {
    switch (scope.kind) {
      case 'ideas':
        return laneKind(board, c) === 'idea';
      case 'lanes':
        return scope.laneIds.includes(c.laneId);
      case 'phases':
        return laneKind(board, c) === 'idea' && scope.phaseIds.includes(c.phaseId);
      case 'cards':
        return scope.cardIds.includes(c.id);
      default:
        return assertNever(scope);
    }
  };
  const items = new Set<string>();
  for (const c of board.cards.values()) {
    if (!c.private && inScope(c)) items.add(c.groupId ?? c.id);
  }
  return sortItems(board, [...items]);
}

function setRound(board: Board, round: Round): true {
  board.rounds.set(round.id, round);
  return true;
}

/** The result a client can compute itself: only from what it sees (used by tests and fakes). */
export function resultFrom(board: Board, round: Round, digital: (itemId: string) => number, voters: number): Round['result'] {
  const paper = (id: string) => round.paper.reduce((n, p) => n + (p.votes[id] ?? 0), 0);
  return {
    voters,
    ranking: rankItems(board, round.items, (id) => digital(id) + paper(id)).map((r) => ({
      ...r,
      digital: digital(r.itemId),
      paper: paper(r.itemId),
    })),
  };
}

/** Applies one linking, grouping, voting or improvement-list operation; false when refused. */
export function applyVotingOp(board: Board, op: VotingOp, meta: OpMeta): boolean {
  switch (op.kind) {
    case 'card.link': {
      const card = board.cards.get(op.cardId);
      if (!card || laneKind(board, card) !== 'idea') return false;
      if (op.targetId !== null) {
        const target = board.cards.get(op.targetId);
        if (!target || target.journeyId !== card.journeyId || laneKind(board, target) !== 'pain_point') return false;
      }
      board.cards.set(card.id, { ...card, linkedTo: op.targetId });
      return true;
    }
    case 'group.add': {
      if (board.groups.has(op.groupId) || board.cards.has(op.groupId)) return false;
      if (op.cardIds.length < 2 || op.cardIds.length > MAX_GROUP_CARDS) return false;
      if (new Set(op.cardIds).size !== op.cardIds.length) return false;
      const cards = op.cardIds.map((id) => board.cards.get(id));
      const first = cards[0];
      if (!first) return false;
      for (const c of cards) {
        if (!c || c.groupId !== null || c.journeyId !== first.journeyId || blockedByOpenRound(board, c)) return false;
      }
      board.groups.set(op.groupId, { id: op.groupId, journeyId: first.journeyId, title: op.title });
      for (const c of cards) board.cards.set(c!.id, { ...c!, groupId: op.groupId });
      return true;
    }
    case 'card.group': {
      const card = board.cards.get(op.cardId);
      const group = board.groups.get(op.groupId);
      if (!card || !group || card.groupId !== null || card.journeyId !== group.journeyId) return false;
      if (blockedByOpenRound(board, card) || openRound(board)?.items.includes(group.id)) return false;
      board.cards.set(card.id, { ...card, groupId: group.id });
      return true;
    }
    case 'card.ungroup': {
      const card = board.cards.get(op.cardId);
      if (!card || card.groupId === null || blockedByOpenRound(board, card)) return false;
      board.cards.set(card.id, { ...card, groupId: null });
      pruneGroup(board, card.groupId);
      return true;
    }
    case 'group.update': {
      const group = board.groups.get(op.groupId);
      if (!group) return false;
      board.groups.set(group.id, { ...group, title: op.title });
      return true;
    }
    case 'round.start': {
      if (board.rounds.has(op.roundId) || openRound(board)) return false;
      if (op.maxPerItem > op.budget) return false;
      const items = meta.effect?.items ?? resolveScope(board, op.scope);
      if (items.length === 0) return false;
      return setRound(board, {
        id: op.roundId,
        number: board.rounds.size + 1,
        criterion: op.criterion,
        budget: op.budget,
        maxPerItem: op.maxPerItem,
        durationMs: op.durationMs,
        anonymous: op.anonymous,
        facilitatorVotes: op.facilitatorVotes,
        scope: op.scope,
        items: [...items],
        status: 'open',
        startedAt: meta.at,
        endsAt: op.durationMs === null ? null : meta.at + op.durationMs,
        closedAt: null,
        myVotes: {},
        paper: [],
        result: null,
      });
    }
    case 'vote.add': {
      const r = board.rounds.get(op.roundId);
      if (!r || r.status !== 'open' || !r.items.includes(op.itemId)) return false;
      if (meta.byRole === 'screen' || (meta.byRole === 'facilitator' && !r.facilitatorVotes)) return false;
      const mine = r.myVotes[op.itemId] ?? 0;
      if (votesUsed(r) >= r.budget || mine >= r.maxPerItem) return false;
      return setRound(board, { ...r, myVotes: { ...r.myVotes, [op.itemId]: mine + 1 } });
    }
    case 'vote.remove': {
      const r = board.rounds.get(op.roundId);
      const mine = r?.myVotes[op.itemId] ?? 0;
      if (!r || r.status !== 'open' || mine <= 0) return false;
      const myVotes = { ...r.myVotes, [op.itemId]: mine - 1 };
      if (myVotes[op.itemId] === 0) delete myVotes[op.itemId];
      return setRound(board, { ...r, myVotes });
    }
    case 'vote.done': {
      // Shown through presence (`voting.done`); nothing on the board changes.
      const r = board.rounds.get(op.roundId);
      return r !== undefined && r.status === 'open';
    }
    case 'round.close': {
      const r = board.rounds.get(op.roundId);
      if (!r || r.status !== 'open') return false;
      return setRound(board, { ...r, status: 'closed', closedAt: meta.at, result: meta.effect?.result ?? null });
    }
    case 'round.cancel': {
      const r = board.rounds.get(op.roundId);
      if (!r || r.status === 'cancelled') return false;
      return setRound(board, { ...r, status: 'cancelled', closedAt: meta.at, myVotes: {}, paper: [], result: null });
    }
    case 'round.reopen': {
      const r = board.rounds.get(op.roundId);
      if (!r || r.status === 'open' || openRound(board)) return false;
      return setRound(board, {
        ...r,
        status: 'open',
        endsAt: r.durationMs === null ? null : meta.at + r.durationMs,
        closedAt: null,
        result: null,
      });
    }
    case 'round.paper': {
      const r = board.rounds.get(op.roundId);
      if (!r || r.status === 'cancelled') return false;
      if (Object.keys(op.votes).some((id) => !r.items.includes(id))) return false;
      // Like the server: a label keeps the place where it was first entered; an empty tally
      // removes it.
      const tally = { label: op.label, votes: { ...op.votes } };
      const keep = Object.keys(op.votes).length > 0;
      const paper = r.paper.flatMap((p) => (p.label !== op.label ? [p] : keep ? [tally] : []));
      if (keep && !r.paper.some((p) => p.label === op.label)) paper.push(tally);
      const result = r.status === 'closed' ? (meta.effect?.result ?? r.result) : r.result;
      return setRound(board, { ...r, paper, result });
    }
    case 'improvements.rounds':
      if (op.roundIds.some((id) => board.rounds.get(id)?.status !== 'closed')) return false;
      board.improvements = { ...board.improvements, roundIds: [...op.roundIds] };
      return true;
    case 'improvement.update': {
      if (op.owner === undefined && op.status === undefined) return false;
      const items = [...board.improvements.items];
      const index = items.findIndex((i) => i.itemId === op.itemId);
      const before = index >= 0 ? items[index]! : { itemId: op.itemId, owner: '', status: 'open' as const };
      const next = { ...before, owner: op.owner ?? before.owner, status: op.status ?? before.status };
      if (index >= 0) items[index] = next;
      else items.push(next);
      board.improvements = { ...board.improvements, items };
      return true;
    }
    default:
      return assertNever(op);
  }
}
