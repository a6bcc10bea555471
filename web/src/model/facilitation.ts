// The facilitator's controls in the board state (SPEC-3 "State additions"): stages, the
// countdown timer, lock, private writing, follow-me focus and the anonymity setting, as the
// server sends them (P-SYNC-9), and what the views read from them.

import type { FacilitationDoc, StageDoc, TimerDoc } from '../protocol/types';
import { ANONYMITY_VALUES } from '../protocol/types';

export const DEFAULT_TIMER_MS = 300_000;

/**
 * What a snapshot without facilitation reads as: no stages. The server always sends its own
 * (P-SYNC-9), with the titles the facilitator gave them; the client keeps no copy of them.
 */
export function defaultFacilitation(): FacilitationDoc {
  return {
    stages: [],
    stageId: '',
    timer: { durationMs: DEFAULT_TIMER_MS, remainingMs: DEFAULT_TIMER_MS, endsAt: null },
    locked: false,
    privateWriting: false,
    doorOpen: true,
    privateCount: 0,
    focus: null,
    anonymity: 'painPointsAndIdeas',
  };
}

/** The facilitation part of a snapshot, each missing field replaced by its default. */
export function facilitationFrom(doc: Partial<FacilitationDoc> | undefined): FacilitationDoc {
  const d = defaultFacilitation();
  if (!doc) return d;
  const stages = Array.isArray(doc.stages) && doc.stages.length > 0 ? doc.stages.map((s) => ({ ...s })) : d.stages;
  return {
    stages,
    stageId: typeof doc.stageId === 'string' ? doc.stageId : d.stageId,
    timer: doc.timer ? { ...d.timer, ...doc.timer } : d.timer,
    locked: doc.locked === true,
    privateWriting: doc.privateWriting === true,
    doorOpen: doc.doorOpen !== false,
    privateCount: typeof doc.privateCount === 'number' ? doc.privateCount : 0,
    focus: doc.focus ? { journeyId: doc.focus.journeyId, phaseId: doc.focus.phaseId ?? null } : null,
    ...(typeof doc.screenPin === 'string' ? { screenPin: doc.screenPin } : {}),
    anonymity: ANONYMITY_VALUES.includes(doc.anonymity!) ? doc.anonymity! : d.anonymity,
  };
}

/** What is left of the timer at server time `serverNow` (never below 0). */
export function timerRemaining(timer: TimerDoc, serverNow: number): number {
  if (timer.endsAt === null) return Math.max(0, timer.remainingMs);
  return Math.max(0, timer.endsAt - serverNow);
}

export function currentStage(f: FacilitationDoc): StageDoc | undefined {
  return f.stages.find((s) => s.id === f.stageId);
}
