// The facilitator's controls in the board state (SPEC-3 "State additions"): stages, the
// countdown timer, lock, private writing, follow-me focus and the anonymity setting, and the
// reducer for their operations. The server is the judge; the reducer mirrors its checks so a
// pending operation that would be refused is simply not shown.

import type { FacilitationDoc, FacilitationOp, StageDoc, TimerDoc } from '../protocol/types';
import { ANONYMITY_VALUES, assertNever } from '../protocol/types';
import type { Board, OpMeta } from './board';
import { cardFrom } from './voting';

/**
 * The default stages, used only when a saved board or an older server has none (the server
 * makes the real ones, and the facilitator may retitle them).
 */
export const DEFAULT_STAGES: readonly StageDoc[] = [
  { id: 'prepare', title: 'Voorbereiden', instruction: 'Lees de opdracht. Kies samen een klantreis.' },
  { id: 'map', title: 'Klantreis in kaart brengen', instruction: 'Schrijf per fase op wat de klant doet, denkt en voelt.' },
  { id: 'ideas', title: 'Ideeën bedenken', instruction: 'Bedenk ideeën voor de knelpunten. Eén idee per kaart.' },
  { id: 'vote', title: 'Stemmen', instruction: 'Kies de ideeën die het meest helpen. Verdeel je stemmen.' },
  { id: 'results', title: 'Resultaat', instruction: 'Bekijk samen welke ideeën de meeste stemmen kregen.' },
  { id: 'evaluate', title: 'Evalueren', instruction: 'Wat ging goed? Wat kan beter? Wie doet wat?' },
];

export const DEFAULT_TIMER_MS = 300_000;

export function defaultFacilitation(): FacilitationDoc {
  return {
    stages: DEFAULT_STAGES.map((s) => ({ ...s })),
    stageId: 'prepare',
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

/** Whether the timer counts down now. */
export function timerRunning(timer: TimerDoc): boolean {
  return timer.endsAt !== null;
}

/** What is left of the timer at server time `serverNow` (never below 0). */
export function timerRemaining(timer: TimerDoc, serverNow: number): number {
  if (timer.endsAt === null) return Math.max(0, timer.remainingMs);
  return Math.max(0, timer.endsAt - serverNow);
}

export function currentStage(f: FacilitationDoc): StageDoc | undefined {
  return f.stages.find((s) => s.id === f.stageId);
}

function setTimer(board: Board, timer: TimerDoc): true {
  board.facilitation = { ...board.facilitation, timer };
  return true;
}

function set(board: Board, patch: Partial<FacilitationDoc>): true {
  board.facilitation = { ...board.facilitation, ...patch };
  return true;
}

/** Applies one facilitation operation; false (nothing changed) when the server would refuse it. */
export function applyFacilitationOp(board: Board, op: FacilitationOp, meta: OpMeta): boolean {
  const f = board.facilitation;
  const timer = f.timer;
  switch (op.kind) {
    case 'stage.set':
      if (!f.stages.some((s) => s.id === op.stageId)) return false;
      return set(board, { stageId: op.stageId });
    case 'stage.update': {
      const index = f.stages.findIndex((s) => s.id === op.stageId);
      if (index < 0 || (op.title === undefined && op.instruction === undefined)) return false;
      const stages = [...f.stages];
      stages[index] = {
        ...stages[index]!,
        title: op.title ?? stages[index]!.title,
        instruction: op.instruction ?? stages[index]!.instruction,
      };
      return set(board, { stages });
    }
    case 'timer.set':
      return setTimer(board, { durationMs: op.durationMs, remainingMs: op.durationMs, endsAt: null });
    case 'timer.start':
      if (timer.endsAt !== null || timer.remainingMs <= 0) return false;
      return setTimer(board, { ...timer, endsAt: meta.at + timer.remainingMs });
    case 'timer.pause':
      if (timer.endsAt === null) return false;
      return setTimer(board, { ...timer, remainingMs: Math.max(0, timer.endsAt - meta.at), endsAt: null });
    case 'timer.add':
      // Running: endsAt moves on (from now if it already ran out, P-FAC-2).
      return setTimer(board, {
        durationMs: timer.durationMs + op.ms,
        remainingMs: timer.endsAt === null ? timer.remainingMs + op.ms : timer.remainingMs,
        endsAt: timer.endsAt === null ? null : Math.max(timer.endsAt, meta.at) + op.ms,
      });
    case 'timer.reset':
      return setTimer(board, { durationMs: timer.durationMs, remainingMs: timer.durationMs, endsAt: null });
    case 'board.lock':
      return set(board, { locked: op.locked });
    case 'door.set':
      return set(board, { doorOpen: op.open });
    case 'writing.private': {
      if (op.on) return set(board, { privateWriting: true });
      // Reveal: the cards that were private to others arrive in the effect; our own become public.
      for (const c of meta.effect?.revealed ?? []) board.cards.set(c.id, { ...cardFrom(c), private: false });
      for (const [id, c] of board.cards) if (c.private) board.cards.set(id, { ...c, private: false });
      return set(board, { privateWriting: false, privateCount: 0 });
    }
    case 'focus.set':
      if (op.journeyId === null) return set(board, { focus: null });
      if (!board.journeys.has(op.journeyId)) return false;
      if (op.phaseId !== null && board.phases.get(op.phaseId)?.journeyId !== op.journeyId) return false;
      return set(board, { focus: { journeyId: op.journeyId, phaseId: op.phaseId } });
    case 'screen.pin':
      return set(board, { screenPin: op.stageId ?? undefined }); // none: absent, as on the wire
    case 'settings.update':
      return set(board, { anonymity: op.anonymity });
    case 'participant.role':
    case 'participant.remove':
      // Participants live in the presence list, not on the board; the sync client acts on
      // changes that concern its own participant.
      return true;
    default:
      return assertNever(op);
  }
}
