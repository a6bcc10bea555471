// The operations the structure editor sends (journey.*, phase.*, lane.*), planned from the
// board without touching the DOM, so they are tested directly.

import { lanesOf, phasesOf, sortedJourneys, type Board } from '../../model/board';
import { keyAtEnd, keyForMove, type Ordered } from '../../model/orderKeys';
import type { LaneKind, Operation, Persona, TargetGroup } from '../../protocol/types';
import { randomId } from '../../util/ids';

export type Part = 'journey' | 'phase' | 'lane';

function siblings(board: Board, part: Part, id: string): Ordered[] {
  if (part === 'journey') return sortedJourneys(board);
  const item = part === 'phase' ? board.phases.get(id) : board.lanes.get(id);
  if (!item) return [];
  return part === 'phase' ? phasesOf(board, item.journeyId) : lanesOf(board, item.journeyId);
}

/** Moves a journey, phase or lane one place (-1 up/left, +1 down/right); null at an end. */
export function moveOp(board: Board, part: Part, id: string, delta: -1 | 1): Operation | null {
  const list = siblings(board, part, id);
  const index = list.findIndex((o) => o.id === id);
  const target = index + delta;
  if (index < 0 || target < 0 || target >= list.length) return null;
  const orderKey = keyForMove(list, id, target);
  if (part === 'journey') return { kind: 'journey.update', journeyId: id, orderKey };
  if (part === 'phase') return { kind: 'phase.update', phaseId: id, orderKey };
  return { kind: 'lane.update', laneId: id, orderKey };
}

export function addJourneyOp(board: Board, title: string): Operation {
  return { kind: 'journey.add', journeyId: randomId(), title, targetGroup: 'inwoner', orderKey: keyAtEnd(sortedJourneys(board)) };
}

export function addPhaseOp(board: Board, journeyId: string, title: string): Operation {
  return { kind: 'phase.add', journeyId, phaseId: randomId(), title, orderKey: keyAtEnd(phasesOf(board, journeyId)) };
}

export function addLaneOp(board: Board, journeyId: string, title: string): Operation {
  return { kind: 'lane.add', journeyId, laneId: randomId(), title, laneKind: 'custom', orderKey: keyAtEnd(lanesOf(board, journeyId)) };
}

/** Why a part cannot be deleted now, or null. The server checks the same (conflict). */
export function deleteProblem(board: Board, part: Part, id: string): 'notEmpty' | 'lastJourney' | null {
  if (part === 'journey' && board.journeys.size <= 1) return 'lastJourney';
  for (const c of board.cards.values()) {
    if ((part === 'journey' && c.journeyId === id) || (part === 'phase' && c.phaseId === id) || (part === 'lane' && c.laneId === id))
      return 'notEmpty';
  }
  return null;
}

/**
 * What to say when the server refuses a structure delete as `conflict`. The board looked empty
 * here (deleteProblem passed), so the cards the server counted are ones this screen cannot see:
 * private cards not revealed yet (P-FAC-6), or cards added meanwhile.
 */
export function deleteRejectionKey(op: Operation, code: string): 'structure.notEmptyHidden' | null {
  const isDelete = op.kind === 'journey.delete' || op.kind === 'phase.delete' || op.kind === 'lane.delete';
  return isDelete && code === 'conflict' ? 'structure.notEmptyHidden' : null;
}

export function deleteOp(part: Part, id: string): Operation {
  if (part === 'journey') return { kind: 'journey.delete', journeyId: id };
  if (part === 'phase') return { kind: 'phase.delete', phaseId: id };
  return { kind: 'lane.delete', laneId: id };
}

/** A target group change; choosing persona keeps (or starts) the persona, leaving it clears it. */
export function targetGroupOp(board: Board, journeyId: string, group: TargetGroup): Operation | null {
  const j = board.journeys.get(journeyId);
  if (!j || j.targetGroup === group) return null;
  if (group === 'persona') return { kind: 'journey.update', journeyId, targetGroup: group };
  return { kind: 'journey.update', journeyId, targetGroup: group, persona: null };
}

export function personaOp(journeyId: string, persona: Persona): Operation {
  return { kind: 'journey.update', journeyId, persona };
}

export function laneKindOp(laneId: string, laneKind: LaneKind): Operation {
  return { kind: 'lane.update', laneId, laneKind };
}
