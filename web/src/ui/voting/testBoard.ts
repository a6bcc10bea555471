// A small board for the voting view-model tests: one journey, two phases, a pain-point lane
// and an idea lane, with ideas, pain points, one group and rounds added by the test.

import { boardFromSnapshot, type Board } from '../../model/board';
import type { BoardSnapshot, CardDoc, RoundDoc } from '../../protocol/types';

export function card(id: string, phaseId: string, laneId: string, text: string, orderKey: string, extra: Partial<CardDoc> = {}): CardDoc {
  return { id, journeyId: 'j1', phaseId, laneId, text, color: 'green', orderKey, createdAt: 1, updatedAt: 1, groupId: null, linkedTo: null, private: false, channel: null, ...extra };
}

export function round(extra: Partial<RoundDoc> = {}): RoundDoc {
  return {
    id: 'r1',
    number: 1,
    criterion: 'impact',
    budget: 3,
    maxPerItem: 2,
    durationMs: null,
    anonymous: true,
    facilitatorVotes: false,
    scope: { kind: 'ideas' },
    items: ['i1', 'g1', 'i4'],
    status: 'open',
    startedAt: 10,
    endsAt: null,
    closedAt: null,
    myVotes: {},
    mayVote: true,
    paper: [],
    result: null,
    ...extra,
  };
}

export function votingSnapshot(rounds: RoundDoc[] = []): BoardSnapshot {
  return {
    workshop: { id: 'w1', title: 'Vergunning', createdAt: 1 },
    journeys: [
      {
        id: 'j1',
        title: 'Aanvragen',
        targetGroup: 'inwoner',
        orderKey: 'a0',
        persona: null,
        phases: [
          { id: 'p1', title: 'Oriënteren', orderKey: 'a0' },
          { id: 'p2', title: 'Aanvragen', orderKey: 'a1' },
        ],
        lanes: [
          { id: 'pain', title: 'Knelpunt', kind: 'pain_point', orderKey: 'a0', question: '' },
          { id: 'idea', title: 'Verbeteridee', kind: 'idea', orderKey: 'a1', question: '' },
        ],
      },
    ],
    cards: [
      card('k1', 'p1', 'pain', 'Formulier onduidelijk', 'a0'),
      card('k2', 'p2', 'pain', 'Upload mislukt', 'a0'),
      card('i1', 'p1', 'idea', 'Voorbeeld bij elk veld', 'a0', { linkedTo: 'k1' }),
      card('i2', 'p2', 'idea', 'Upload tot 50 MB', 'a0', { groupId: 'g1' }),
      card('i3', 'p1', 'idea', 'Grotere bestanden toestaan', 'a1', { groupId: 'g1', linkedTo: 'k2' }),
      card('i4', 'p2', 'idea', 'Bel terug binnen een dag', 'a1'),
      card('i5', 'p2', 'idea', 'Geheime notitie', 'a2', { private: true }),
    ],
    facilitation: {
      stages: [{ id: 'prepare', title: 'Voorbereiden', instruction: '' }],
      stageId: 'prepare',
      timer: { durationMs: 300000, remainingMs: 300000, endsAt: null },
      locked: false,
      privateWriting: false,
      doorOpen: true,
      privateCount: 0,
      focus: null,
      anonymity: 'painPointsAndIdeas',
    },
    groups: [{ id: 'g1', journeyId: 'j1', title: 'Uploaden' }],
    rounds,
    improvements: { roundIds: [], items: [] },
    scores: [],
    evaluation: { open: false, count: 0, mine: null, responses: [], summary: { ratings: [0, 0, 0, 0, 0], average: null, shown: [] } },
  };
}

export function votingBoard(rounds: RoundDoc[] = []): Board {
  return boardFromSnapshot(votingSnapshot(rounds));
}
