import { describe, expect, it } from 'vitest';
import { boardFromSnapshot, lanesOf, phasesOf, sortedJourneys, type Board } from '../../model/board';
import { predict } from '../../model/predict';
import { sampleSnapshot } from '../../sync/fakes';
import type { Operation } from '../../protocol/types';
import { addJourneyOp, addLaneOp, addPhaseOp, deleteOp, deleteProblem, deleteRejectionKey, moveOp, targetGroupOp } from './structureOps';

/**
 * Puts what a structure operation names on the board, as the server's patch would show it:
 * enough to read the order and fields these operations were made to give.
 */
function applyOp(b: Board, op: Operation): boolean {
  switch (op.kind) {
    case 'journey.add':
      b.journeys.set(op.journeyId, { id: op.journeyId, title: op.title, targetGroup: op.targetGroup, orderKey: op.orderKey, persona: op.persona ?? null });
      return true;
    case 'journey.update': {
      const j = b.journeys.get(op.journeyId)!;
      b.journeys.set(j.id, { ...j, orderKey: op.orderKey ?? j.orderKey, targetGroup: op.targetGroup ?? j.targetGroup, persona: op.persona === undefined ? j.persona : op.persona });
      return true;
    }
    case 'phase.add':
      b.phases.set(op.phaseId, { id: op.phaseId, journeyId: op.journeyId, title: op.title, orderKey: op.orderKey });
      return true;
    case 'phase.update':
      b.phases.set(op.phaseId, { ...b.phases.get(op.phaseId)!, orderKey: op.orderKey ?? b.phases.get(op.phaseId)!.orderKey });
      return true;
    case 'lane.add':
      b.lanes.set(op.laneId, { id: op.laneId, journeyId: op.journeyId, title: op.title, kind: op.laneKind, orderKey: op.orderKey, question: op.question ?? '' });
      return true;
    case 'lane.update':
      b.lanes.set(op.laneId, { ...b.lanes.get(op.laneId)!, orderKey: op.orderKey ?? b.lanes.get(op.laneId)!.orderKey });
      return true;
    default:
      return predict(b, op, { participantId: 'f', role: 'facilitator', at: 1 });
  }
}

describe('structure editor operations', () => {
  it('adds a journey, a phase and a lane at the end', () => {
    const b = boardFromSnapshot(sampleSnapshot());
    const journey = addJourneyOp(b, 'Tweede reis');
    expect(applyOp(b, journey)).toBe(true);
    const id = journey.kind === 'journey.add' ? journey.journeyId : '';
    expect(sortedJourneys(b).map((j) => j.title)).toEqual(['Omgevingsvergunning', 'Tweede reis']);
    expect(applyOp(b, addPhaseOp(b, 'j1', 'Bezwaar'))).toBe(true);
    expect(phasesOf(b, 'j1').map((p) => p.title)).toEqual(['Oriënteren', 'Aanvragen', 'Bezwaar']);
    expect(applyOp(b, addLaneOp(b, id, 'Kanaal'))).toBe(true);
    expect(lanesOf(b, id).map((l) => [l.title, l.kind])).toEqual([['Kanaal', 'custom']]);
  });

  it('moves a phase and a lane one place, and not past the ends', () => {
    const b = boardFromSnapshot(sampleSnapshot());
    expect(moveOp(b, 'phase', 'p1', -1)).toBeNull();
    applyOp(b, moveOp(b, 'phase', 'p1', 1)!);
    expect(phasesOf(b, 'j1').map((p) => p.id)).toEqual(['p2', 'p1']);
    expect(moveOp(b, 'lane', 'l2', 1)).toBeNull();
    applyOp(b, moveOp(b, 'lane', 'l2', -1)!);
    expect(lanesOf(b, 'j1').map((l) => l.id)).toEqual(['l2', 'l1']);
  });

  it('reorders journeys through journey.update orderKey', () => {
    const b = boardFromSnapshot(sampleSnapshot());
    const add = addJourneyOp(b, 'B');
    applyOp(b, add);
    const id = add.kind === 'journey.add' ? add.journeyId : '';
    const up = moveOp(b, 'journey', id, -1)!;
    expect(up.kind).toBe('journey.update');
    applyOp(b, up);
    expect(sortedJourneys(b).map((j) => j.id)).toEqual([id, 'j1']);
  });

  it('says why a part cannot be deleted', () => {
    const b = boardFromSnapshot(sampleSnapshot());
    expect(deleteProblem(b, 'journey', 'j1')).toBe('lastJourney');
    expect(deleteProblem(b, 'phase', 'p1')).toBeNull();
    applyOp(b, { kind: 'card.add', cardId: 'c1', journeyId: 'j1', phaseId: 'p1', laneId: 'l1', text: '', color: 'yellow', orderKey: 'a0' });
    expect(deleteProblem(b, 'phase', 'p1')).toBe('notEmpty');
    expect(deleteProblem(b, 'lane', 'l1')).toBe('notEmpty');
    expect(deleteProblem(b, 'lane', 'l2')).toBeNull();
  });

  it('explains a refused delete by cards this screen cannot see', () => {
    expect(deleteRejectionKey(deleteOp('phase', 'p1'), 'conflict')).toBe('structure.notEmptyHidden');
    expect(deleteRejectionKey(deleteOp('lane', 'l1'), 'conflict')).toBe('structure.notEmptyHidden');
    expect(deleteRejectionKey(deleteOp('journey', 'j1'), 'conflict')).toBe('structure.notEmptyHidden');
    expect(deleteRejectionKey(deleteOp('phase', 'p1'), 'not_found')).toBeNull();
    expect(deleteRejectionKey({ kind: 'card.delete', cardId: 'c1' }, 'conflict')).toBeNull();
  });

  it('leaving the persona target group clears the persona', () => {
    const b = boardFromSnapshot(sampleSnapshot());
    expect(targetGroupOp(b, 'j1', 'inwoner')).toBeNull();
    expect(targetGroupOp(b, 'j1', 'persona')).toEqual({ kind: 'journey.update', journeyId: 'j1', targetGroup: 'persona' });
    applyOp(b, { kind: 'journey.update', journeyId: 'j1', targetGroup: 'persona', persona: { name: 'Sanne', description: '' } });
    expect(targetGroupOp(b, 'j1', 'ondernemer')).toEqual({ kind: 'journey.update', journeyId: 'j1', targetGroup: 'ondernemer', persona: null });
  });
});
