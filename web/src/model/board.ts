// The board as the client holds it: the records the server sent (snapshot and patches,
// P-SYNC-9), in maps by id. Plain data and functions: the sync client keeps a confirmed board and
// shows its pending operations on a copy (model/predict.ts, P-SYNC-6), the views only read.

import type {
  BoardSnapshot,
  CardDoc,
  FacilitationDoc,
  GroupDoc,
  ImprovementListDoc,
  ImprovementsDoc,
  LaneKind,
  MethodFiguresDoc,
  Persona,
  RoundDoc,
  TargetGroup,
  WorkshopDoc,
} from '../protocol/types';
import { evaluationFrom, type Evaluation } from './evaluation';
import { facilitationFrom } from './facilitation';
import { scoresFrom, scoresToDocs, type Score } from './method';
import { compareOrdered } from './orderKeys';
import { cardFrom, roundFrom } from './voting';

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
/** A card with every field: the wire leaves out those at their default (P-SYNC-9), `cardFrom` fills them in. */
export type Card = CardDoc & Required<Pick<CardDoc, 'groupId' | 'linkedTo' | 'private' | 'channel'>>;
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
  /** The improvement list as the server computed it (P-IMP-4). */
  improvementList: ImprovementListDoc;
  /** Scores per (scale, target) (model/method.ts): counts and the viewer's own value. */
  scores: Map<string, Score>;
  /** The emotion curves and gaps as the server computed them (P-METH-5). */
  methodFigures: MethodFiguresDoc;
  /** The closing poll (SPEC-4 §3). */
  evaluation: Evaluation;
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
    improvementList: structuredCloneOf(partial.improvementList ?? { roundIds: [], rows: [] }),
    scores: scoresFrom(partial.scores),
    methodFigures: structuredCloneOf(partial.methodFigures ?? { journeys: [] }),
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
    improvementList: structuredCloneOf(b.improvementList),
    scores: scoresToDocs(b.scores),
    methodFigures: structuredCloneOf(b.methodFigures),
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
    improvementList: b.improvementList,
    scores: new Map(b.scores),
    methodFigures: b.methodFigures,
    evaluation: b.evaluation,
  };
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
