// The predictor for the client's own pending operations (P-SYNC-6): what a participant does
// most (add, edit, move, delete a card; place and remove a vote) shows at once on the visible
// board. It guesses only the operation's own record; the server's records replace the guess
// when the event arrives (P-SYNC-9). Every other operation shows when its event arrives.

import type { Operation, Role } from '../protocol/types';
import type { Board, Card } from './board';

/** Who predicts: our participant, our role and the estimated server time. */
export interface Predictor {
  participantId: string;
  role: Role | undefined;
  at: number;
}

/**
 * Shows pending `op` on `board` (a copy of the confirmed board). False, changing nothing, when
 * what it names is not on the board (someone deleted it meanwhile): it is then not shown.
 */
export function predict(board: Board, op: Operation, who: Predictor): boolean {
  switch (op.kind) {
    case 'card.add': {
      if (board.cards.has(op.cardId) || !board.phases.has(op.phaseId) || !board.lanes.has(op.laneId)) return false;
      const card: Card = {
        id: op.cardId,
        journeyId: op.journeyId,
        phaseId: op.phaseId,
        laneId: op.laneId,
        text: op.text,
        color: op.color,
        orderKey: op.orderKey,
        createdAt: who.at,
        updatedAt: who.at,
        groupId: null,
        linkedTo: null,
        // During private writing a participant's card is private to them (P-FAC-6).
        private: board.facilitation.privateWriting && who.role === 'participant',
        channel: op.channel ?? null,
        authorId: who.participantId,
      };
      board.cards.set(card.id, card);
      return true;
    }
    case 'card.update': {
      const card = board.cards.get(op.cardId);
      if (!card) return false;
      const next: Card = { ...card, updatedAt: who.at };
      if (op.text !== undefined) next.text = op.text;
      if (op.color !== undefined) next.color = op.color;
      if (op.channel !== undefined) next.channel = op.channel;
      board.cards.set(card.id, next);
      return true;
    }
    case 'card.move': {
      const card = board.cards.get(op.cardId);
      if (!card || !board.phases.has(op.phaseId) || !board.lanes.has(op.laneId)) return false;
      board.cards.set(card.id, { ...card, phaseId: op.phaseId, laneId: op.laneId, orderKey: op.orderKey, updatedAt: who.at });
      return true;
    }
    case 'card.delete':
      return board.cards.delete(op.cardId);
    case 'vote.add':
    case 'vote.remove': {
      const round = board.rounds.get(op.roundId);
      if (!round || round.status !== 'open') return false;
      const myVotes = { ...round.myVotes };
      const n = (myVotes[op.itemId] ?? 0) + (op.kind === 'vote.add' ? 1 : -1);
      if (n < 0) return false;
      if (n === 0) delete myVotes[op.itemId];
      else myVotes[op.itemId] = n;
      board.rounds.set(round.id, { ...round, myVotes });
      return true;
    }
    default:
      return false;
  }
}
