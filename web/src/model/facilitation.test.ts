import { describe, expect, it } from 'vitest';
import { boardFromSnapshot, boardToSnapshot } from './board';
import { currentStage, facilitationFrom, timerRemaining } from './facilitation';
import { sampleSnapshot } from '../sync/fakes';
import type { BoardSnapshot } from '../protocol/types';

describe('facilitation state', () => {
  it('loads a board without the issue-3 fields with the defaults, and no stages of its own', () => {
    const old = sampleSnapshot() as Partial<BoardSnapshot>;
    delete old.facilitation;
    delete old.groups;
    delete old.rounds;
    delete old.improvements;
    old.cards = [{ id: 'c1', journeyId: 'j1', phaseId: 'p1', laneId: 'l1', text: 'x', color: 'yellow', authorId: 'u1', orderKey: 'a0', createdAt: 1, updatedAt: 1 } as never];
    const b = boardFromSnapshot(old as BoardSnapshot);
    // The stages and their titles are the server's (P-SYNC-9): none until it sends them.
    expect(b.facilitation.stages).toEqual([]);
    expect(currentStage(b.facilitation)).toBeUndefined();
    expect(b.facilitation.anonymity).toBe('painPointsAndIdeas');
    expect(b.cards.get('c1')).toMatchObject({ groupId: null, linkedTo: null, private: false });
    expect(b.rounds.size).toBe(0);
    expect(boardToSnapshot(b).improvements).toEqual({ roundIds: [], items: [] });
  });

  it('keeps what the server sent and defaults only what is missing', () => {
    const f = facilitationFrom({ stageId: 'vote', locked: true, focus: { journeyId: 'j1', phaseId: null }, anonymity: 'bogus' as never });
    expect(f).toMatchObject({ stageId: 'vote', locked: true, privateWriting: false, focus: { journeyId: 'j1', phaseId: null }, anonymity: 'painPointsAndIdeas' });
    expect(f.stages).toEqual([]);
  });
});
