import { describe, expect, it } from 'vitest';
import { applyEventOp, applyOp, boardFromSnapshot, boardToSnapshot } from './board';
import { currentStage, DEFAULT_STAGES, facilitationFrom, timerRemaining, timerRunning } from './facilitation';
import { addCard, ideaBoard, testMeta } from './testBoards';
import { sampleSnapshot } from '../sync/fakes';
import type { BoardSnapshot } from '../protocol/types';

describe('facilitation state', () => {
  it('loads an old board without the issue-3 fields with the defaults', () => {
    const old = sampleSnapshot() as Partial<BoardSnapshot>;
    delete old.facilitation;
    delete old.groups;
    delete old.rounds;
    delete old.improvements;
    old.cards = [{ id: 'c1', journeyId: 'j1', phaseId: 'p1', laneId: 'l1', text: 'x', color: 'yellow', authorId: 'u1', orderKey: 'a0', createdAt: 1, updatedAt: 1 } as never];
    const b = boardFromSnapshot(old as BoardSnapshot);
    expect(b.facilitation.stageId).toBe('prepare');
    expect(b.facilitation.stages.map((s) => s.id)).toEqual(['prepare', 'map', 'ideas', 'vote', 'results', 'evaluate']);
    expect(b.facilitation.anonymity).toBe('painPointsAndIdeas');
    expect(b.cards.get('c1')).toMatchObject({ groupId: null, linkedTo: null, private: false });
    expect(b.rounds.size).toBe(0);
    expect(boardToSnapshot(b).improvements).toEqual({ roundIds: [], items: [] });
  });

  it('keeps what the server sent and defaults only what is missing', () => {
    const f = facilitationFrom({ stageId: 'vote', locked: true, focus: { journeyId: 'j1', phaseId: null }, anonymity: 'bogus' as never });
    expect(f).toMatchObject({ stageId: 'vote', locked: true, privateWriting: false, focus: { journeyId: 'j1', phaseId: null }, anonymity: 'painPointsAndIdeas' });
    expect(f.stages).toHaveLength(DEFAULT_STAGES.length);
  });

  it('stage.set moves to a known stage and refuses an unknown one', () => {
    const b = ideaBoard();
    expect(applyOp(b, { kind: 'stage.set', stageId: 'ideas' }, testMeta)).toBe(true);
    expect(currentStage(b.facilitation)?.title).toBe('Ideeën bedenken');
    expect(applyOp(b, { kind: 'stage.set', stageId: 'nope' }, testMeta)).toBe(false);
    expect(b.facilitation.stageId).toBe('ideas');
  });

  it('stage.update changes title and instruction, and needs at least one', () => {
    const b = ideaBoard();
    expect(applyOp(b, { kind: 'stage.update', stageId: 'map', instruction: 'Begin bij fase 1.' }, testMeta)).toBe(true);
    expect(b.facilitation.stages[1]).toMatchObject({ title: 'Klantreis in kaart brengen', instruction: 'Begin bij fase 1.' });
    expect(applyOp(b, { kind: 'stage.update', stageId: 'map' }, testMeta)).toBe(false);
    expect(applyOp(b, { kind: 'stage.update', stageId: 'zz', title: 'x' }, testMeta)).toBe(false);
  });

  it('the timer runs from the server time of the start and pauses with what is left', () => {
    const b = ideaBoard();
    applyOp(b, { kind: 'timer.set', durationMs: 60_000 }, testMeta);
    expect(b.facilitation.timer).toEqual({ durationMs: 60_000, remainingMs: 60_000, endsAt: null });
    expect(applyOp(b, { kind: 'timer.start' }, { by: 'f', at: 5_000 })).toBe(true);
    expect(b.facilitation.timer.endsAt).toBe(65_000);
    expect(timerRunning(b.facilitation.timer)).toBe(true);
    expect(timerRemaining(b.facilitation.timer, 25_000)).toBe(40_000);
    expect(applyOp(b, { kind: 'timer.start' }, { by: 'f', at: 6_000 })).toBe(false); // already running
    expect(applyOp(b, { kind: 'timer.add', ms: 60_000 }, { by: 'f', at: 7_000 })).toBe(true);
    expect(b.facilitation.timer).toMatchObject({ durationMs: 120_000, endsAt: 125_000 });
    expect(applyOp(b, { kind: 'timer.pause' }, { by: 'f', at: 25_000 })).toBe(true);
    expect(b.facilitation.timer).toEqual({ durationMs: 120_000, remainingMs: 100_000, endsAt: null });
    expect(applyOp(b, { kind: 'timer.pause' }, { by: 'f', at: 26_000 })).toBe(false); // not running
    expect(timerRemaining(b.facilitation.timer, 999_999)).toBe(100_000); // paused: time stands still
    applyOp(b, { kind: 'timer.add', ms: 1_000 }, testMeta);
    expect(b.facilitation.timer).toEqual({ durationMs: 121_000, remainingMs: 101_000, endsAt: null });
    applyOp(b, { kind: 'timer.reset' }, testMeta);
    expect(b.facilitation.timer).toEqual({ durationMs: 121_000, remainingMs: 121_000, endsAt: null });
  });

  it('+1 minute on a timer that ran out counts from now', () => {
    const b = ideaBoard();
    applyOp(b, { kind: 'timer.set', durationMs: 1_000 }, testMeta);
    applyOp(b, { kind: 'timer.start' }, { by: 'f', at: 0 });
    applyOp(b, { kind: 'timer.add', ms: 60_000 }, { by: 'f', at: 10_000 });
    expect(b.facilitation.timer).toMatchObject({ durationMs: 61_000, endsAt: 70_000 });
  });

  it('deleting the followed journey clears the focus; deleting its phase keeps the journey', () => {
    const b = ideaBoard();
    applyOp(b, { kind: 'phase.add', journeyId: 'j1', phaseId: 'p3', title: 'Later', orderKey: 'a9' }, testMeta);
    applyOp(b, { kind: 'focus.set', journeyId: 'j1', phaseId: 'p3' }, testMeta);
    applyOp(b, { kind: 'phase.delete', phaseId: 'p3' }, testMeta);
    expect(b.facilitation.focus).toEqual({ journeyId: 'j1', phaseId: null });
    applyOp(b, { kind: 'journey.add', journeyId: 'j2', title: 'Twee', targetGroup: 'inwoner', orderKey: 'a1' }, testMeta);
    applyOp(b, { kind: 'focus.set', journeyId: 'j2', phaseId: null }, testMeta);
    applyOp(b, { kind: 'journey.delete', journeyId: 'j2' }, testMeta);
    expect(b.facilitation.focus).toBeNull();
  });

  it('a timer past its end shows 0 and cannot be started from 0', () => {
    const b = ideaBoard();
    applyOp(b, { kind: 'timer.set', durationMs: 1_000 }, testMeta);
    applyOp(b, { kind: 'timer.start' }, { by: 'f', at: 0 });
    expect(timerRemaining(b.facilitation.timer, 5_000)).toBe(0);
    applyOp(b, { kind: 'timer.pause' }, { by: 'f', at: 5_000 });
    expect(b.facilitation.timer.remainingMs).toBe(0);
    expect(applyOp(b, { kind: 'timer.start' }, { by: 'f', at: 6_000 })).toBe(false);
  });

  it('board.lock, focus.set and settings.update set their fields', () => {
    const b = ideaBoard();
    applyOp(b, { kind: 'board.lock', locked: true }, testMeta);
    expect(b.facilitation.locked).toBe(true);
    expect(applyOp(b, { kind: 'focus.set', journeyId: 'j1', phaseId: 'p2' }, testMeta)).toBe(true);
    expect(b.facilitation.focus).toEqual({ journeyId: 'j1', phaseId: 'p2' });
    expect(applyOp(b, { kind: 'focus.set', journeyId: 'j9', phaseId: null }, testMeta)).toBe(false);
    expect(applyOp(b, { kind: 'focus.set', journeyId: 'j1', phaseId: 'p9' }, testMeta)).toBe(false);
    applyOp(b, { kind: 'focus.set', journeyId: null, phaseId: null }, testMeta);
    expect(b.facilitation.focus).toBeNull();
    applyOp(b, { kind: 'settings.update', anonymity: 'none' }, testMeta);
    expect(b.facilitation.anonymity).toBe('none');
  });

  it('P-FAC-10 screen.pin sets and clears the pinned stage, which a snapshot may leave out', () => {
    const b = ideaBoard();
    expect(b.facilitation.screenPin).toBeUndefined();
    applyOp(b, { kind: 'screen.pin', stageId: 'prepare' }, testMeta);
    expect(b.facilitation.screenPin).toBe('prepare');
    applyOp(b, { kind: 'screen.pin', stageId: null }, testMeta);
    expect(b.facilitation.screenPin).toBeUndefined();
  });
});

describe('private writing', () => {
  it("makes a participant's new card private and counts it; a facilitator's stays public", () => {
    const b = ideaBoard();
    applyOp(b, { kind: 'writing.private', on: true }, testMeta);
    addCard(b, 'c1');
    expect(b.cards.get('c1')!.private).toBe(false); // author role unknown: not ours, so visible
    applyOp(b, { kind: 'card.add', cardId: 'c2', journeyId: 'j1', phaseId: 'p1', laneId: 'li', text: 'mijn', color: 'yellow', orderKey: 'a1' }, { by: 'u1', at: 1, byRole: 'participant' });
    applyOp(b, { kind: 'card.add', cardId: 'c3', journeyId: 'j1', phaseId: 'p1', laneId: 'li', text: 'begeleider', color: 'yellow', orderKey: 'a2' }, { by: 'f', at: 1, byRole: 'facilitator' });
    expect(b.cards.get('c2')!.private).toBe(true);
    expect(b.cards.get('c3')!.private).toBe(false);
    expect(b.facilitation.privateCount).toBe(1);
  });

  it('a card.add event marked private by the server is private, whatever we know of the author', () => {
    const b = ideaBoard();
    applyOp(b, { kind: 'writing.private', on: true }, testMeta);
    applyOp(b, { kind: 'card.add', cardId: 'c1', journeyId: 'j1', phaseId: 'p1', laneId: 'li', text: '', color: 'yellow', orderKey: 'a0', private: true }, { by: 'u1', at: 1 });
    expect(b.cards.get('c1')!.private).toBe(true);
    expect(b.facilitation.privateCount).toBe(1);
  });

  it('the reveal adds the revealed cards, makes our own public and zeroes the count', () => {
    const b = ideaBoard();
    applyOp(b, { kind: 'writing.private', on: true }, testMeta);
    applyOp(b, { kind: 'card.add', cardId: 'mine', journeyId: 'j1', phaseId: 'p1', laneId: 'li', text: 'mijn', color: 'yellow', orderKey: 'a1' }, { by: 'u1', at: 1, byRole: 'participant' });
    applyEventOp(b, { kind: 'hidden' }, { by: '', at: 2, effect: { privateCount: 3 } });
    expect(b.facilitation.privateCount).toBe(3);
    const theirs = { id: 'theirs', journeyId: 'j1', phaseId: 'p2', laneId: 'li', text: 'van een ander', color: 'blue' as const, orderKey: 'a0', createdAt: 1, updatedAt: 1, groupId: null, linkedTo: null, private: true, channel: null };
    expect(applyOp(b, { kind: 'writing.private', on: false }, { by: 'f', at: 3, effect: { revealed: [theirs] } })).toBe(true);
    expect(b.cards.get('theirs')).toMatchObject({ text: 'van een ander', private: false });
    expect(b.cards.get('theirs')!.authorId).toBeUndefined();
    expect(b.cards.get('mine')!.private).toBe(false);
    expect(b.facilitation).toMatchObject({ privateWriting: false, privateCount: 0 });
  });

  it('deleting our private card lowers the count', () => {
    const b = ideaBoard();
    applyOp(b, { kind: 'writing.private', on: true }, testMeta);
    applyOp(b, { kind: 'card.add', cardId: 'mine', journeyId: 'j1', phaseId: 'p1', laneId: 'li', text: '', color: 'yellow', orderKey: 'a1' }, { by: 'u1', at: 1, byRole: 'participant' });
    applyOp(b, { kind: 'card.delete', cardId: 'mine' }, testMeta);
    expect(b.facilitation.privateCount).toBe(0);
  });

  it('a hidden event changes nothing on the board', () => {
    const b = ideaBoard();
    addCard(b, 'c1');
    const before = JSON.stringify(boardToSnapshot(b));
    expect(applyEventOp(b, { kind: 'hidden' }, { by: '', at: 5 })).toBe(true);
    expect(JSON.stringify(boardToSnapshot(b))).toBe(before);
  });

  it('an anonymous card (no author in the event) has no authorId', () => {
    const b = ideaBoard();
    applyEventOp(b, { kind: 'card.add', cardId: 'a1', journeyId: 'j1', phaseId: 'p1', laneId: 'li', text: '', color: 'yellow', orderKey: 'a0' }, { by: '', at: 5 });
    expect(b.cards.get('a1')).toBeDefined();
    expect('authorId' in b.cards.get('a1')!).toBe(false);
  });
});
