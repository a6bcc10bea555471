// The revealed result of a round as rows to show, and a round's settings as plain facts.
// The ranking itself comes from the server (round.result, SPEC-3 "Ranking order"); this only
// joins it with what the board knows about each item and about the voters.

import type { Board, Round } from '../../model/board';
import type { RankingEntry } from '../../protocol/types';
import { itemInfo, type ItemInfo } from './items';

export interface ResultRow {
  item: ItemInfo;
  rank: number;
  tied: boolean;
  votes: number;
  digital: number;
  paper: number;
  /** Names of who voted for it: only when the round was not anonymous. */
  voters: string[] | null;
}

export function resultRows(board: Board, round: Round, names: ReadonlyMap<string, string>): ResultRow[] {
  const ranking: RankingEntry[] = round.result?.ranking ?? [];
  return ranking.map((e) => ({
    item: itemInfo(board, e.itemId),
    rank: e.rank,
    tied: e.tied,
    votes: e.votes,
    digital: e.digital,
    paper: e.paper,
    voters: e.voterIds ? e.voterIds.map((id) => names.get(id) ?? '?') : null,
  }));
}

/** Paper votes per table or group, each with its total. */
export function paperTotals(round: Round): Array<{ label: string; total: number }> {
  return round.paper.map((p) => ({ label: p.label, total: Object.values(p.votes).reduce((a, b) => a + b, 0) }));
}

/** The rounds as the history lists them: newest first. */
export function roundHistory(board: Board): Round[] {
  return [...board.rounds.values()].sort((a, b) => b.number - a.number);
}

/** The votes a paper label already has on each item (for filling the form again). */
export function paperVotesOf(round: Round, label: string): Record<string, number> {
  const found = round.paper.find((p) => p.label.trim().toLowerCase() === label.trim().toLowerCase());
  return found ? { ...found.votes } : {};
}

/**
 * Reads the numbers typed in the paper form: every field empty or a whole number 0…1000.
 * Zeros are left out (an all-empty form removes the label, SPEC-3 round.paper).
 */
export function parsePaperVotes(fields: ReadonlyArray<[string, string]>): { votes: Record<string, number> } | { badItem: string } {
  const votes: Record<string, number> = {};
  for (const [itemId, text] of fields) {
    const s = text.trim();
    if (s === '') continue;
    if (!/^\d{1,4}$/.test(s) || Number(s) > 1000) return { badItem: itemId };
    if (Number(s) > 0) votes[itemId] = Number(s);
  }
  return { votes };
}
