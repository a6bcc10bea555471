// What one voter may still do in an open round: plain functions over the round as this viewer
// sees it (its own votes only), so the buttons and the "nog 3 stemmen" line follow the same
// rules the server enforces (SPEC-3 vote.add / vote.remove). The server stays authoritative:
// these only keep the UI from offering what it would refuse.

import { votesUsed } from '../../model/voting';
import type { MessageKey } from '../../i18n/i18n';
import { nl } from '../../i18n/messages';
import type { OperationKind, Role, RoundDoc } from '../../protocol/types';

/** Why a dot cannot be placed: no round open, not a voter, budget used, or the item's cap. */
export type AddRefusal = 'closed' | 'notVoter' | 'budget' | 'cap' | 'notItem';

export interface Ballot {
  /** May this viewer vote in this round at all (open, and a voter by role and settings)? */
  canVote: boolean;
  used: number;
  remaining: number;
  budget: number;
  maxPerItem: number;
  /** Own dots per item (only items with at least one). */
  mine: ReadonlyMap<string, number>;
}

/** A facilitator votes only when the round says so; a screen never votes. */
export function isVoter(round: Pick<RoundDoc, 'facilitatorVotes'>, role: Role): boolean {
  if (role === 'screen') return false;
  if (role === 'facilitator') return round.facilitatorVotes;
  return true;
}

export function ballotOf(round: RoundDoc, role: Role): Ballot {
  const mine = new Map<string, number>();
  for (const [itemId, n] of Object.entries(round.myVotes)) if (n > 0) mine.set(itemId, n);
  const used = votesUsed(round);
  return {
    canVote: round.status === 'open' && isVoter(round, role),
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

/** "Done" as the presence list shows it: said so, or the whole budget is used. */
export function isDone(ballot: Ballot, saidDone: boolean): boolean {
  return saidDone || (ballot.budget > 0 && ballot.remaining === 0);
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
