import { describe, expect, it } from 'vitest';
import { applyOp, boardFromSnapshot, lanesOf, phasesOf, sortedJourneys } from '../../model/board';
import { sampleSnapshot } from '../../sync/fakes';
import { addJourneyOp, addLaneOp, addPhaseOp, deleteOp, deleteProblem, deleteRejectionKey, moveOp, targetGroupOp } from './structureOps';

const meta = { by: 'f', at: 1 };

describe('structure editor operations', () => {
  it('adds a journey, a phase and a lane at the end', () => {
    const b = boardFromSnapshot(sampleSnapshot());
    const journey = addJourneyOp(b, 'Tweede reis');
    expect(applyOp(b, journey, meta)).toBe(true);
    const id = journey.kind === 'journey.add' ? journey.journeyId : '';
    expect(sortedJourneys(b).map((j) => j.title)).toEqual(['Omgevingsvergunning', 'Tweede reis']);
    expect(applyOp(b, addPhaseOp(b, 'j1', 'Bezwaar'), meta)).toBe(true);
    expect(phasesOf(b, 'j1').map((p) => p.title)).toEqual(['Oriënteren', 'Aanvragen', 'Bezwaar']);
    expect(applyOp(b, addLaneOp(b, id, 'Kanaal'), meta)).toBe(true);
    expect(lanesOf(b, id).map((l) => [l.title, l.kind])).toEqual([['Kanaal', 'custom']]);
  });

  it('moves a phase and a lane one place, and not past the ends', () => {
    const b = boardFromSnapshot(sampleSnapshot());
    expect(moveOp(b, 'phase', 'p1', -1)).toBeNull();
    applyOp(b, moveOp(b, 'phase', 'p1', 1)!, meta);
    expect(phasesOf(b, 'j1').map((p) => p.id)).toEqual(['p2', 'p1']);
    expect(moveOp(b, 'lane', 'l2', 1)).toBeNull();
    applyOp(b, moveOp(b, 'lane', 'l2', -1)!, meta);
    expect(lanesOf(b, 'j1').map((l) => l.id)).toEqual(['l2', 'l1']);
  });

  it('reorders journeys through journey.update orderKey', () => {
    const b = boardFromSnapshot(sampleSnapshot());
    const add = addJourneyOp(b, 'B');
    applyOp(b, add, meta);
    const id = add.kind === 'journey.add' ? add.journeyId : '';
    const up = moveOp(b, 'journey', id, -1)!;
    expect(up.kind).toBe('journey.update');
    applyOp(b, up, meta);
    expect(sortedJourneys(b).map((j) => j.id)).toEqual([id, 'j1']);
  });

  it('says why a part cannot be deleted', () => {
    const b = boardFromSnapshot(sampleSnapshot());
    expect(deleteProblem(b, 'journey', 'j1')).toBe('lastJourney');
    expect(deleteProblem(b, 'phase', 'p1')).toBeNull();
    applyOp(b, { kind: 'card.add', cardId: 'c1', journeyId: 'j1', phaseId: 'p1', laneId: 'l1', text: '', color: 'yellow', orderKey: 'a0' }, meta);
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
    applyOp(b, { kind: 'journey.update', journeyId: 'j1', targetGroup: 'persona', persona: { name: 'Sanne', description: '' } }, meta);
    expect(targetGroupOp(b, 'j1', 'ondernemer')).toEqual({ kind: 'journey.update', journeyId: 'j1', targetGroup: 'ondernemer', persona: null });
  });
});
