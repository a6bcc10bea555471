// Which slide the big screen shows: the one that belongs to the pinned stage (P-FAC-10), or
// else to the room's stage, given what the server says is going on (an open round, private
// writing, the poll). Presentation only: every fact it reads is board state.

import type { Board } from '../../model/board';
import { latestClosedRound } from '../../model/improvements';
import { openRound } from '../../model/voting';

export type SlideKind = 'join' | 'board' | 'writing' | 'vote' | 'results' | 'improvements' | 'evaluation';

/** The stage the screen presents: the pinned one, else the room's. */
export function shownStageId(board: Board): string {
  return board.facilitation.screenPin ?? board.facilitation.stageId;
}

export function slideFor(board: Board): SlideKind {
  const f = board.facilitation;
  const mapping: SlideKind = f.privateWriting ? 'writing' : 'board';
  switch (shownStageId(board)) {
    case 'prepare':
      return 'join';
    case 'vote':
      if (openRound(board)) return 'vote';
      return latestClosedRound(board) ? 'results' : mapping;
    case 'results':
      return 'results';
    case 'evaluate':
      // First the improvement list ("who does what"), then the poll once it is opened.
      return (board.evaluation.open || board.evaluation.count > 0) ? 'evaluation' : 'improvements';
    default:
      return mapping;
  }
}
