// What one voter may still do in an open round, over the round as the server sent it to this
// viewer (P-SYNC-9): whether they vote in it at all is the server's `mayVote` (P-VOTE-5); the
// budget and the cap per item are part of the predictor for one's own votes (P-SYNC-6), so the
// buttons and the "nog 3 stemmen" line do not offer a vote the server would surely refuse. The
// server stays authoritative: a refusal still comes back as an error and undoes the prediction.

import { votesUsed } from '../../model/voting';
import type { MessageKey } from '../../i18n/i18n';
import { nl } from '../../i18n/messages';
import type { OperationKind, RoundDoc } from '../../protocol/types';

/** Why a dot cannot be placed: no round open, not a voter, budget used, or the item's cap. */
export type AddRefusal = 'closed' | 'notVoter' | 'budget' | 'cap' | 'notItem';

export interface Ballot {
  /** May this viewer vote in this round now (open, and the server says they vote in it)? */
  canVote: boolean;
  used: number;
  remaining: number;
  budget: number;
  maxPerItem: number;
  /** Own dots per item (only items with at least one). */
  mine: ReadonlyMap<string, number>;
}

export function ballotOf(round: RoundDoc): Ballot {
  const mine = new Map<string, number>();
  for (const [itemId, n] of Object.entries(round.myVotes)) if (n > 0) mine.set(itemId, n);
  const used = votesUsed(round);
  return {
    canVote: round.status === 'open' && round.mayVote,
    used,
    remaining: Math.max(0, round.budget - used),
    budget: round.budget,
    maxPerItem: round.maxPerItem,
    mine,
  };
}

export function dotsOn(ballot: Ballot, itemId: string): number {
  return ballot.mine.get(itemId) ?? 0;
}

/** Null when a dot may be placed on `itemId`, otherwise why not. */
export function addRefusal(round: RoundDoc, ballot: Ballot, itemId: string): AddRefusal | null {
  if (round.status !== 'open') return 'closed';
  if (!ballot.canVote) return 'notVoter';
  if (!round.items.includes(itemId)) return 'notItem';
  if (ballot.remaining <= 0) return 'budget';
  if (dotsOn(ballot, itemId) >= ballot.maxPerItem) return 'cap';
  return null;
}

export function canRemove(ballot: Ballot, itemId: string): boolean {
  return ballot.canVote && dotsOn(ballot, itemId) > 0;
}

const GROUPING_KINDS: readonly OperationKind[] = ['card.group', 'card.ungroup', 'group.add', 'group.update', 'card.link'];

/**
 * The catalogue key that explains why the server refused a voting, grouping or round
 * operation with `code` (e.g. vote.add + limit: budget or cap), or null when the generic
 * reason of that code says it well enough.
 */
export function rejectionKey(kind: OperationKind, code: string): MessageKey | null {
  const family = kind.startsWith('vote.') ? 'vote' : GROUPING_KINDS.includes(kind) ? 'grouping' : kind.startsWith('round.') ? 'round' : null;
  if (!family) return null;
  const key = `reason.${family}.${code}`;
  return key in nl ? (key as MessageKey) : null;
}
