// The improvement list (SPEC-3 "Improvement list", P-IMP-4) as the server computes and sends it
// (the board's `improvementList`, P-SYNC-9): rows, ranking and ties are the server's.

import type { ImprovementRowDoc } from '../protocol/types';
import type { Board, Round } from './board';

export type ImprovementRow = ImprovementRowDoc;

/** The rows of the improvement list in ranking order, as the server sent them. */
export function improvementRows(board: Board): readonly ImprovementRow[] {
  return board.improvementList.rows;
}

/** The closed rounds the list is made of, as the server chose them. */
export function improvementRounds(board: Board): Round[] {
  return board.improvementList.roundIds.map((id) => board.rounds.get(id)).filter((r): r is Round => r !== undefined);
}

/** The round closed last, as the server named it (P-IMP-5), if any. */
export function latestClosedRound(board: Board): Round | undefined {
  const id = board.improvementList.latestRoundId;
  return id ? board.rounds.get(id) : undefined;
}
