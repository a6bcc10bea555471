// The board as the client holds it, and the reducer that applies one operation to it.
// Plain data and functions: the sync client keeps a confirmed board and re-applies its pending
// operations on a copy (P-SYNC-6), the views only read.

import type {
  BoardSnapshot,
  CardColor,
  CardDoc,
  EventEffect,
  EventOp,
  FacilitationDoc,
  GroupDoc,
  ImprovementsDoc,
  LaneKind,
  Operation,
  Persona,
  Role,
  RoundDoc,
  TargetGroup,
  WorkshopDoc,
} from '../protocol/types';
import { assertNever } from '../protocol/types';
import { applyEvaluationEffect, applyEvaluationOp, evaluationFrom, type Evaluation } from './evaluation';
import { applyFacilitationOp, facilitationFrom } from './facilitation';
import { applyScoreOp, dropScores, isChannel, scoresFrom, scoresToDocs, type Score } from './method';
import { compareOrdered } from './orderKeys';
import { applyVotingOp, blockedByOpenRound, cardFrom, dropCard, roundFrom } from './voting';

export interface Journey {
  id: string;
  title: string;
  targetGroup: TargetGroup;
  orderKey: string;
  persona: Persona | null;
}
export interface Phase {
  id: string;
  journeyId: string;
  title: string;
  orderKey: string;
}
export interface Lane {
  id: string;
  journeyId: string;
  title: string;
  kind: LaneKind;
  orderKey: string;
  question: string;
}
export type Card = CardDoc;
export type Group = GroupDoc;
export type Round = RoundDoc;

/**
 * Everything on one workshop's board, as this viewer may see it. The maps are owned by the
 * board; the records in them (and the facilitation and improvements objects) are never
 * changed in place (the reducer replaces them), so a copy needs only new maps.
 */
export interface Board {
  workshop: WorkshopDoc;
  journeys: Map<string, Journey>;
  phases: Map<string, Phase>;
  lanes: Map<string, Lane>;
  cards: Map<string, Card>;
  facilitation: FacilitationDoc;
  groups: Map<string, Group>;
  /** In the order they were started (round number). */
  rounds: Map<string, Round>;
  improvements: ImprovementsDoc;
  /** Scores per (scale, target) (model/method.ts): counts and the viewer's own value. */
  scores: Map<string, Score>;
  /** The closing poll (SPEC-4 §3). */
  evaluation: Evaluation;
}

/**
 * Who made an operation and when (server time for events, the estimated server time for
 * pending ones). `by` is '' when unknown (server-made or anonymous to this viewer); `byRole`
 * is the author's role when the client knows it (its own operations), which decides whether
 * a card added during private writing is private. `effect` is what the server computed.
 */
export interface OpMeta {
  by: string;
  at: number;
  byRole?: Role | undefined;
  effect?: EventEffect | undefined;
}

/** Old saved boards and old servers lack the issue-3 fields: they load with the defaults. */
export function boardFromSnapshot(s: BoardSnapshot): Board {
  const partial = s as Partial<BoardSnapshot> & Pick<BoardSnapshot, 'workshop' | 'journeys' | 'cards'>;
  const board: Board = {
    workshop: { ...s.workshop },
    journeys: new Map(),
    phases: new Map(),
    lanes: new Map(),
    cards: new Map(),
    facilitation: facilitationFrom(partial.facilitation),
    groups: new Map(),
    rounds: new Map(),
    improvements: {
      roundIds: [...(partial.improvements?.roundIds ?? [])],
      items: (partial.improvements?.items ?? []).map((i) => ({ ...i })),
    },
    scores: scoresFrom(partial.scores),
    evaluation: evaluationFrom(partial.evaluation),
  };
  for (const j of s.journeys) {
    board.journeys.set(j.id, {
      id: j.id,
      title: j.title,
      targetGroup: j.targetGroup,
      orderKey: j.orderKey,
      persona: j.persona ?? null,
    });
    for (const p of j.phases) board.phases.set(p.id, { ...p, journeyId: j.id });
    for (const l of j.lanes) board.lanes.set(l.id, { ...l, question: l.question ?? '', journeyId: j.id });
  }
  for (const c of s.cards) board.cards.set(c.id, cardFrom(c));
  for (const g of partial.groups ?? []) board.groups.set(g.id, { ...g });
  const rounds = [...(partial.rounds ?? [])].sort((a, b) => a.number - b.number);
  for (const r of rounds) board.rounds.set(r.id, roundFrom(r));
  return board;
}

export function boardToSnapshot(b: Board): BoardSnapshot {
  return {
    workshop: { ...b.workshop },
    journeys: sortedJourneys(b).map((j) => ({
      ...j,
      phases: phasesOf(b, j.id).map(({ journeyId: _j, ...p }) => p),
      lanes: lanesOf(b, j.id).map(({ journeyId: _j, ...l }) => l),
    })),
    cards: [...b.cards.values()].map((c) => ({ ...c })),
    facilitation: structuredCloneOf(b.facilitation),
    groups: [...b.groups.values()].map((g) => ({ ...g })),
    rounds: [...b.rounds.values()].map(structuredCloneOf),
    improvements: structuredCloneOf(b.improvements),
    scores: scoresToDocs(b.scores),
    evaluation: structuredCloneOf(b.evaluation),
  };
}

function structuredCloneOf<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

export function cloneBoard(b: Board): Board {
  return {
    workshop: b.workshop,
    journeys: new Map(b.journeys),
    phases: new Map(b.phases),
    lanes: new Map(b.lanes),
    cards: new Map(b.cards),
    facilitation: b.facilitation,
    groups: new Map(b.groups),
    rounds: new Map(b.rounds),
    improvements: b.improvements,
    scores: new Map(b.scores),
    evaluation: b.evaluation,
  };
}

function hasCards(b: Board, test: (c: Card) => boolean): boolean {
  for (const c of b.cards.values()) if (test(c)) return true;
  return false;
}

/**
 * Applies `op` to `board` in place. Returns false, changing nothing, when the operation does
 * not fit the board (an id that does not exist or already exists, a delete of something not
 * empty): the server would reject it, and a pending operation overtaken by others' changes is
 * then simply not shown.
 */
export function applyOp(board: Board, op: Operation, meta: OpMeta): boolean {
  switch (op.kind) {
    case 'card.add': {
      if (board.cards.has(op.cardId)) return false;
      const phase = board.phases.get(op.phaseId);
      const lane = board.lanes.get(op.laneId);
      if (!board.journeys.has(op.journeyId) || !phase || !lane) return false;
      if (phase.journeyId !== op.journeyId || lane.journeyId !== op.journeyId) return false;
      // During private writing a participant's new card is private (P-FAC-6): the event says
      // so; a pending one is private when we are a participant. Only its author sees it.
      const isPrivate =
        op.private === true || (board.facilitation.privateWriting && meta.byRole === 'participant');
      const card: Card = {
        id: op.cardId,
        journeyId: op.journeyId,
        phaseId: op.phaseId,
        laneId: op.laneId,
        text: op.text,
        color: op.color,
        orderKey: op.orderKey,
        createdAt: meta.at,
        updatedAt: meta.at,
        groupId: null,
        linkedTo: null,
        private: isPrivate,
        channel: op.channel ?? null,
      };
      if (meta.by !== '') card.authorId = meta.by;
      board.cards.set(op.cardId, card);
      if (isPrivate) {
        board.facilitation = {
          ...board.facilitation,
          privateCount: board.facilitation.privateCount + 1,
        };
      }
      return true;
    }
    case 'card.update': {
      const card = board.cards.get(op.cardId);
      if (!card) return false;
      if (op.channel !== undefined && op.channel !== null && !isChannel(op.channel)) return false;
      const next: Card = { ...card, updatedAt: meta.at };
      if (op.channel !== undefined) next.channel = op.channel;
      if (op.text !== undefined) next.text = op.text;
      if (op.color !== undefined) next.color = op.color as CardColor;
      board.cards.set(card.id, next);
      return true;
    }
    case 'card.move': {
      const card = board.cards.get(op.cardId);
      const phase = board.phases.get(op.phaseId);
      const lane = board.lanes.get(op.laneId);
      if (!card || !phase || !lane) return false;
      if (phase.journeyId !== card.journeyId || lane.journeyId !== card.journeyId) return false;
      board.cards.set(card.id, {
        ...card,
        phaseId: op.phaseId,
        laneId: op.laneId,
        orderKey: op.orderKey,
        updatedAt: meta.at,
      });
      return true;
    }
    case 'card.delete': {
      const card = board.cards.get(op.cardId);
      if (!card || blockedByOpenRound(board, card)) return false;
      dropCard(board, card);
      dropScores(board, card.id);
      return true;
    }
    case 'workshop.update':
      board.workshop = { ...board.workshop, title: op.title };
      return true;
    case 'journey.add':
      if (board.journeys.has(op.journeyId)) return false;
      board.journeys.set(op.journeyId, {
        id: op.journeyId,
        title: op.title,
        targetGroup: op.targetGroup,
        orderKey: op.orderKey,
        persona: op.persona ?? null,
      });
      return true;
    case 'journey.update': {
      const j = board.journeys.get(op.journeyId);
      if (!j) return false;
      board.journeys.set(j.id, {
        ...j,
        title: op.title ?? j.title,
        targetGroup: op.targetGroup ?? j.targetGroup,
        orderKey: op.orderKey ?? j.orderKey,
        persona: op.persona === undefined ? j.persona : op.persona,
      });
      return true;
    }
    case 'journey.delete': {
      if (!board.journeys.has(op.journeyId) || board.journeys.size <= 1) return false;
      if (hasCards(board, (c) => c.journeyId === op.journeyId)) return false;
      board.journeys.delete(op.journeyId);
      if (board.facilitation.focus?.journeyId === op.journeyId) {
        board.facilitation = { ...board.facilitation, focus: null }; // P-FAC-7
      }
      for (const [id, p] of board.phases) {
        if (p.journeyId !== op.journeyId) continue;
        board.phases.delete(id);
        dropScores(board, id);
      }
      for (const [id, l] of board.lanes) if (l.journeyId === op.journeyId) board.lanes.delete(id);
      return true;
    }
    case 'phase.add':
      if (board.phases.has(op.phaseId) || !board.journeys.has(op.journeyId)) return false;
      board.phases.set(op.phaseId, {
        id: op.phaseId,
        journeyId: op.journeyId,
        title: op.title,
        orderKey: op.orderKey,
      });
      return true;
    case 'phase.update': {
      const p = board.phases.get(op.phaseId);
      if (!p) return false;
      board.phases.set(p.id, { ...p, title: op.title ?? p.title, orderKey: op.orderKey ?? p.orderKey });
      return true;
    }
    case 'phase.delete':
      if (!board.phases.has(op.phaseId)) return false;
      if (hasCards(board, (c) => c.phaseId === op.phaseId)) return false;
      board.phases.delete(op.phaseId);
      dropScores(board, op.phaseId);
      if (board.facilitation.focus?.phaseId === op.phaseId) {
        board.facilitation = { ...board.facilitation, focus: { ...board.facilitation.focus, phaseId: null } };
      }
      return true;
    case 'lane.add':
      if (board.lanes.has(op.laneId) || !board.journeys.has(op.journeyId)) return false;
      board.lanes.set(op.laneId, {
        id: op.laneId,
        journeyId: op.journeyId,
        title: op.title,
        kind: op.laneKind,
        orderKey: op.orderKey,
        question: op.question ?? '',
      });
      return true;
    case 'lane.update': {
      const l = board.lanes.get(op.laneId);
      if (!l) return false;
      board.lanes.set(l.id, {
        ...l,
        title: op.title ?? l.title,
        kind: op.laneKind ?? l.kind,
        orderKey: op.orderKey ?? l.orderKey,
        question: op.question ?? l.question,
      });
      return true;
    }
    case 'lane.delete':
      if (!board.lanes.has(op.laneId)) return false;
      if (hasCards(board, (c) => c.laneId === op.laneId)) return false;
      board.lanes.delete(op.laneId);
      return true;
    case 'stage.set':
    case 'stage.update':
    case 'timer.set':
    case 'timer.start':
    case 'timer.pause':
    case 'timer.add':
    case 'timer.reset':
    case 'board.lock':
    case 'door.set':
    case 'writing.private':
    case 'focus.set':
    case 'screen.pin':
    case 'settings.update':
    case 'participant.role':
    case 'participant.remove':
      return applyFacilitationOp(board, op, meta);
    case 'card.link':
    case 'group.add':
    case 'card.group':
    case 'card.ungroup':
    case 'group.update':
    case 'round.start':
    case 'vote.add':
    case 'vote.remove':
    case 'vote.done':
    case 'round.close':
    case 'round.cancel':
    case 'round.reopen':
    case 'round.paper':
    case 'improvements.rounds':
    case 'improvement.update':
      return applyVotingOp(board, op, meta);
    case 'score.set':
      return applyScoreOp(board, op, meta);
    case 'evaluation.open':
    case 'evaluation.submit':
    case 'evaluation.show':
      return applyEvaluationOp(board, op, meta);
    default:
      return assertNever(op);
  }
}

/**
 * Applies one event's operation (which may be `hidden`: it changes nothing but the seq, which
 * the caller keeps, and the answer count of a hidden evaluation.submit). A server that sends `effect.privateCount` sets the private-card count.
 */
export function applyEventOp(board: Board, op: EventOp, meta: OpMeta): boolean {
  const applied = op.kind === 'hidden' ? true : applyOp(board, op, meta);
  if (op.kind === 'hidden') applyEvaluationEffect(board, meta.effect);
  const count = meta.effect?.privateCount;
  if (typeof count === 'number' && count >= 0) {
    board.facilitation = { ...board.facilitation, privateCount: count };
  }
  return applied;
}

// ---- queries (all in display order: ascending order key, ties by id) ----

export function sortedJourneys(b: Board): Journey[] {
  return [...b.journeys.values()].sort(compareOrdered);
}

export function phasesOf(b: Board, journeyId: string): Phase[] {
  return [...b.phases.values()].filter((p) => p.journeyId === journeyId).sort(compareOrdered);
}

export function lanesOf(b: Board, journeyId: string): Lane[] {
  return [...b.lanes.values()].filter((l) => l.journeyId === journeyId).sort(compareOrdered);
}

export function cellKey(phaseId: string, laneId: string): string {
  return `${phaseId}\u0000${laneId}`;
}

/** The cards of one journey grouped by cell, each cell in display order. */
export function cardsByCell(b: Board, journeyId: string): Map<string, Card[]> {
  const cells = new Map<string, Card[]>();
  for (const c of b.cards.values()) {
    if (c.journeyId !== journeyId) continue;
    const key = cellKey(c.phaseId, c.laneId);
    let list = cells.get(key);
    if (!list) cells.set(key, (list = []));
    list.push(c);
  }
  for (const list of cells.values()) list.sort(compareOrdered);
  return cells;
}

export function cardsInCell(b: Board, phaseId: string, laneId: string): Card[] {
  return [...b.cards.values()]
    .filter((c) => c.phaseId === phaseId && c.laneId === laneId)
    .sort(compareOrdered);
}
