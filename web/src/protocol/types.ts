// GENERATED from schemas/ by web/scripts/gen-types.mjs (npm run gen:types): do not edit.
// The names and constants the rest of the client uses beside these are in ./wire.ts.
/* eslint-disable */

/**
 * A role in a workshop (P-ROLE-1): participant, facilitator, or screen (the read-only big screen, which has no participant record). Facilitator commands (stages, timer, lock, structure, rounds, ...) are the facilitator's.
 */
export type Role = 'participant' | 'facilitator' | 'screen';

/**
 * A role a facilitator can give a participant (participant.role): participant or facilitator.
 */
export type ParticipantRole = 'participant' | 'facilitator';

/**
 * What a lane holds: touchpoint (Contactmoment), expectation (Verwachting), experience (Ervaring), emotion (Emotie), pain_point (Knelpunt), idea (Verbeteridee), or custom.
 */
export type LaneKind =
  'touchpoint' | 'expectation' | 'experience' | 'emotion' | 'pain_point' | 'idea' | 'custom';

/**
 * A card's colour.
 */
export type CardColor = 'yellow' | 'green' | 'blue' | 'pink' | 'orange' | 'purple' | 'grey';

/**
 * Whose journey it is: a resident (inwoner), an entrepreneur (ondernemer), or a persona.
 */
export type TargetGroup = 'inwoner' | 'ondernemer' | 'persona';

/**
 * How a touchpoint reaches the customer (P-METH-1); Dutch labels Website, Telefoon, Balie, Brief, E-mail, App, Anders.
 */
export type Channel = 'website' | 'phone' | 'desk' | 'letter' | 'email' | 'app' | 'other';

/**
 * What a score measures (P-METH-2): emotion as it is (current) and as it should be (desired), -2 … +2; expectation (expected) and experience (experienced), 1 … 5.
 */
export type ScoreScale = 'current' | 'desired' | 'expected' | 'experienced';

/**
 * Whose authorship is hidden from others (P-FAC-9): painPointsAndIdeas (cards in pain_point and idea lanes, the default), all, none.
 */
export type Anonymity = 'painPointsAndIdeas' | 'all' | 'none';

/**
 * An improvement's status (P-IMP-3).
 */
export type ImprovementStatus = 'open' | 'planned' | 'in_progress' | 'done' | 'dropped';

/**
 * Why a message or operation was rejected (protocol.md, 'Error codes'): bad_json, bad_message (wrong shape or type of a field), unknown_type (an unknown message type or operation kind), not_joined, protocol_version, not_found (an id that does not exist), conflict (an id that already exists, or a delete of something not empty), invalid (a value out of range), forbidden (role), removed (a facilitator removed this participant, P-ROLE-4), limit (a workshop limit, a voting budget or cap), locked (the facilitator locked the board, P-FAC-4), closed (the facilitator closed the workshop to new participants, P-JOIN-10), rate_limited (too many new participants this minute, P-JOIN-9), internal (the server failed; that message or that workshop failed alone), unavailable (the workshop's store cannot be reached now, P-JOIN-7: close 1013 follows; reconnect later).
 */
export type ErrorCode =
  | 'bad_json'
  | 'bad_message'
  | 'unknown_type'
  | 'not_joined'
  | 'protocol_version'
  | 'not_found'
  | 'conflict'
  | 'invalid'
  | 'forbidden'
  | 'removed'
  | 'limit'
  | 'locked'
  | 'closed'
  | 'rate_limited'
  | 'internal'
  | 'unavailable';

export interface Persona {
  /**
   * The persona's name, e.g. 'Fatima (bakkerij)': 1 to 60 characters, one line.
   */
  name: string;
  /**
   * Who the persona is, in a few sentences: 0 to 500 characters, newline and tab allowed.
   */
  description: string;
}

/**
 * Which cards a round is about (P-VOTE-2): all idea-lane cards; the cards of some lanes; the idea-lane cards of some phases; hand-picked cards; or the first n items of a closed round's ranking, ties at the cut included.
 */
export type RoundScope =
  | {
      /**
       * Every card in an idea lane.
       */
      kind: 'ideas';
    }
  | {
      /**
       * The cards of these lanes.
       */
      kind: 'lanes';
      /**
       * The lanes.
       *
       * @minItems 1
       * @maxItems 500
       *
       * Items: An identifier (workshopId, journeyId, phaseId, laneId, cardId, participantId, clientId): 1 to 64 characters from A-Z a-z 0-9 _ -. Clients make the ids of what they add (a UUID is fine).
       */
      laneIds: string[];
    }
  | {
      /**
       * The idea-lane cards of these phases.
       */
      kind: 'phases';
      /**
       * The phases.
       *
       * @minItems 1
       * @maxItems 500
       *
       * Items: An identifier (workshopId, journeyId, phaseId, laneId, cardId, participantId, clientId): 1 to 64 characters from A-Z a-z 0-9 _ -. Clients make the ids of what they add (a UUID is fine).
       */
      phaseIds: string[];
    }
  | {
      /**
       * These cards.
       */
      kind: 'cards';
      /**
       * The cards.
       *
       * @minItems 1
       * @maxItems 500
       *
       * Items: An identifier (workshopId, journeyId, phaseId, laneId, cardId, participantId, clientId): 1 to 64 characters from A-Z a-z 0-9 _ -. Clients make the ids of what they add (a UUID is fine).
       */
      cardIds: string[];
    }
  | {
      /**
       * The top of a closed round's ranking.
       */
      kind: 'top';
      /**
       * The closed round.
       */
      roundId: string;
      /**
       * How many items (ties at the cut are all included).
       */
      n: number;
    };

/**
 * A closed round's result (P-VOTE-8): every item ranked by votes (digital + paper), descending; equal votes share a rank (1, 2, 2, 4) and are tied; within equal votes, board order.
 */
export interface RoundResult {
  /**
   * How many participants placed at least one digital vote.
   */
  voters: number;
  /**
   * Every item of the round, in ranking order.
   */
  ranking: RankingEntry[];
}

export interface RankingEntry {
  /**
   * A card id, or a group id.
   */
  itemId: string;
  /**
   * Competition rank: 1 + the number of items with more votes.
   */
  rank: number;
  /**
   * Whether another item has the same number of votes.
   */
  tied: boolean;
  /**
   * digital + paper.
   */
  votes: number;
  /**
   * Votes placed in the app.
   */
  digital: number;
  /**
   * Votes entered for paper tallies.
   */
  paper: number;
  /**
   * Who voted for it (participant ids, sorted); only in rounds that are not anonymous.
   *
   * Items: An identifier (workshopId, journeyId, phaseId, laneId, cardId, participantId, clientId): 1 to 64 characters from A-Z a-z 0-9 _ -. Clients make the ids of what they add (a UUID is fine).
   */
  voterIds?: string[];
}

/**
 * A target's scores on one scale, counted (P-METH-3).
 */
export interface ScoreTally {
  /**
   * The scale.
   */
  scale: ScoreScale;
  /**
   * The scored touchpoint card or phase.
   */
  targetId: string;
  /**
   * Scorers per value, lowest first.
   *
   * @minItems 5
   * @maxItems 5
   */
  counts: number[];
}

/**
 * What everyone may know of the evaluation poll (P-EVAL-4): how many gave each rating, the average, and the remarks a facilitator put on the big screen.
 */
export interface EvaluationSummaryDoc {
  /**
   * How many responses gave 1, 2, 3, 4 and 5, lowest first.
   *
   * @minItems 5
   * @maxItems 5
   */
  ratings: number[];
  /**
   * The mean rating rounded to one decimal, or null without responses.
   */
  average: number | null;
  /**
   * The remarks on the big screen (evaluation.show), at most 3, in id order; without who wrote them.
   *
   * @maxItems 3
   */
  shown: ShownRemarkDoc[];
}

export interface ShownRemarkDoc {
  /**
   * The response's id.
   */
  id: string;
  /**
   * Its remarks.
   */
  remarks: string;
}

/**
 * An operation on the board (docs/protocol.md, 'Operations'): what a client sends in op.op and what the server sends back in event.op, in its canonical form. The kind says which one; every kind has a fixed set of fields and no others. Who may send each kind is in its description (P-ROLE-2): facilitator commands get error forbidden from others; edits are refused with locked for participants while the board is locked (P-FAC-4); a screen may send none.
 */
export type Operation =
  | CardAddOp
  | CardUpdateOp
  | CardMoveOp
  | CardDeleteOp
  | WorkshopUpdateOp
  | JourneyAddOp
  | JourneyUpdateOp
  | JourneyDeleteOp
  | PhaseAddOp
  | PhaseUpdateOp
  | PhaseDeleteOp
  | LaneAddOp
  | LaneUpdateOp
  | LaneDeleteOp
  | StageSetOp
  | StageUpdateOp
  | TimerSetOp
  | TimerStartOp
  | TimerPauseOp
  | TimerAddOp
  | TimerResetOp
  | BoardLockOp
  | DoorSetOp
  | WritingPrivateOp
  | FocusSetOp
  | ScreenPinOp
  | SettingsUpdateOp
  | ParticipantRoleOp
  | ParticipantRemoveOp
  | CardLinkOp
  | GroupAddOp
  | CardGroupOp
  | CardUngroupOp
  | GroupUpdateOp
  | RoundStartOp
  | VoteAddOp
  | VoteRemoveOp
  | VoteDoneOp
  | RoundCloseOp
  | RoundCancelOp
  | RoundReopenOp
  | RoundPaperOp
  | ImprovementsRoundsOp
  | ImprovementUpdateOp
  | ScoreSetOp
  | EvaluationOpenOp
  | EvaluationSubmitOp
  | EvaluationShowOp;

/**
 * Adds a card to a cell (phase × lane) of a journey. Its id must be new (else conflict); the phase and the lane must belong to the journey. Who: everyone.
 */
export interface CardAddOp {
  /**
   * Always card.add.
   */
  kind: 'card.add';
  /**
   * The new card's id, made by the client.
   */
  cardId: string;
  /**
   * The journey the card belongs to.
   */
  journeyId: string;
  /**
   * The phase (column) the card is in.
   */
  phaseId: string;
  /**
   * The lane (row) the card is in.
   */
  laneId: string;
  /**
   * The card's text.
   */
  text: string;
  /**
   * The card's colour.
   */
  color: CardColor;
  /**
   * Where the card sits among the cards of its cell.
   */
  orderKey: string;
  /**
   * Set by the server only, in events: the card was made private because private writing is on (P-FAC-6). A client that sends it gets bad_message.
   */
  private?: true;
  /**
   * The touchpoint's channel (P-METH-1); optional, null means none. The canonical form (events, the log) leaves it out when there is none.
   */
  channel?: Channel | null;
}

/**
 * Changes a card's text, its colour, its channel, or several. Concurrent changes to one field: the one the server applies last wins (P-SYNC-3). Who: everyone.
 */
export interface CardUpdateOp {
  /**
   * Always card.update.
   */
  kind: 'card.update';
  /**
   * The card to change.
   */
  cardId: string;
  /**
   * The new text.
   */
  text?: string;
  /**
   * The new colour.
   */
  color?: CardColor;
  /**
   * The new channel (P-METH-1), or null to clear it.
   */
  channel?: Channel | null;
}

/**
 * Moves a card to another cell or position within the same journey. Who: everyone.
 */
export interface CardMoveOp {
  /**
   * Always card.move.
   */
  kind: 'card.move';
  /**
   * The card to move.
   */
  cardId: string;
  /**
   * The phase it moves to (same journey).
   */
  phaseId: string;
  /**
   * The lane it moves to (same journey).
   */
  laneId: string;
  /**
   * Its new position among the cards of that cell.
   */
  orderKey: string;
}

/**
 * Deletes a card. Who: everyone.
 */
export interface CardDeleteOp {
  /**
   * Always card.delete.
   */
  kind: 'card.delete';
  /**
   * The card to delete.
   */
  cardId: string;
}

/**
 * Renames the workshop. Who: the facilitator.
 */
export interface WorkshopUpdateOp {
  /**
   * Always workshop.update.
   */
  kind: 'workshop.update';
  /**
   * The workshop's new title.
   */
  title: string;
}

/**
 * Adds a journey (with no phases or lanes yet). A persona may come with it. Who: the facilitator.
 */
export interface JourneyAddOp {
  /**
   * Always journey.add.
   */
  kind: 'journey.add';
  /**
   * The new journey's id.
   */
  journeyId: string;
  /**
   * The journey's title.
   */
  title: string;
  /**
   * Whose journey it is.
   */
  targetGroup: TargetGroup;
  /**
   * Where it sits among the workshop's journeys.
   */
  orderKey: string;
  /**
   * The journey's persona (optional; null or absent: none).
   */
  persona?: null | Persona;
}

/**
 * Changes a journey's title, target group, position (orderKey) or persona (null clears it); at least one. Who: the facilitator.
 */
export interface JourneyUpdateOp {
  /**
   * Always journey.update.
   */
  kind: 'journey.update';
  /**
   * The journey to change.
   */
  journeyId: string;
  /**
   * The new title.
   */
  title?: string;
  /**
   * The new target group.
   */
  targetGroup?: TargetGroup;
  /**
   * The journey's new position among the journeys.
   */
  orderKey?: string;
  /**
   * The new persona, or null to clear it.
   */
  persona?: null | Persona;
}

/**
 * Deletes a journey. It must hold no cards (else conflict) and must not be the workshop's last journey. Who: the facilitator.
 */
export interface JourneyDeleteOp {
  /**
   * Always journey.delete.
   */
  kind: 'journey.delete';
  /**
   * The journey to delete.
   */
  journeyId: string;
}

/**
 * Adds a phase (column) to a journey. Who: the facilitator.
 */
export interface PhaseAddOp {
  /**
   * Always phase.add.
   */
  kind: 'phase.add';
  /**
   * The journey it belongs to.
   */
  journeyId: string;
  /**
   * The new phase's id.
   */
  phaseId: string;
  /**
   * The phase's title.
   */
  title: string;
  /**
   * Where it sits among the journey's phases.
   */
  orderKey: string;
}

/**
 * Renames or reorders a phase, or both. Who: the facilitator.
 */
export interface PhaseUpdateOp {
  /**
   * Always phase.update.
   */
  kind: 'phase.update';
  /**
   * The phase to change.
   */
  phaseId: string;
  /**
   * The new title.
   */
  title?: string;
  /**
   * The new position among the journey's phases.
   */
  orderKey?: string;
}

/**
 * Deletes a phase. It must hold no cards (else conflict). Who: the facilitator.
 */
export interface PhaseDeleteOp {
  /**
   * Always phase.delete.
   */
  kind: 'phase.delete';
  /**
   * The phase to delete.
   */
  phaseId: string;
}

/**
 * Adds a lane (row) to a journey. The lane's kind travels as laneKind, because kind is the operation's own. Who: the facilitator.
 */
export interface LaneAddOp {
  /**
   * Always lane.add.
   */
  kind: 'lane.add';
  /**
   * The journey it belongs to.
   */
  journeyId: string;
  /**
   * The new lane's id.
   */
  laneId: string;
  /**
   * The lane's title.
   */
  title: string;
  /**
   * What the lane holds.
   */
  laneKind: LaneKind;
  /**
   * Where it sits among the journey's lanes.
   */
  orderKey: string;
  /**
   * The lane's guiding question (optional, default empty; the canonical form leaves an empty one out).
   */
  question?: string;
}

/**
 * Renames a lane, changes its kind (sent as laneKind), reorders it, or sets its guiding question; at least one of these. Who: the facilitator.
 */
export interface LaneUpdateOp {
  /**
   * Always lane.update.
   */
  kind: 'lane.update';
  /**
   * The lane to change.
   */
  laneId: string;
  /**
   * The new title.
   */
  title?: string;
  /**
   * The lane's new kind.
   */
  laneKind?: LaneKind;
  /**
   * The new position among the journey's lanes.
   */
  orderKey?: string;
  /**
   * The new guiding question (empty clears it).
   */
  question?: string;
}

/**
 * Deletes a lane. It must hold no cards (else conflict). Who: the facilitator.
 */
export interface LaneDeleteOp {
  /**
   * Always lane.delete.
   */
  kind: 'lane.delete';
  /**
   * The lane to delete.
   */
  laneId: string;
}

/**
 * Moves everyone to a stage (P-FAC-1); unknown stage: not_found. Who: facilitator.
 */
export interface StageSetOp {
  /**
   * Always stage.set.
   */
  kind: 'stage.set';
  /**
   * The stage.
   */
  stageId: string;
}

/**
 * Changes a stage's title, instruction or both (P-FAC-1). Who: facilitator.
 */
export interface StageUpdateOp {
  /**
   * Always stage.update.
   */
  kind: 'stage.update';
  /**
   * The stage.
   */
  stageId: string;
  /**
   * The new title.
   */
  title?: string;
  /**
   * The new instruction, 0 to 1,000 characters.
   */
  instruction?: string;
}

/**
 * Sets the countdown, stopped, with the whole duration left (P-FAC-2). Who: facilitator.
 */
export interface TimerSetOp {
  /**
   * Always timer.set.
   */
  kind: 'timer.set';
  /**
   * 1 s to 4 h.
   */
  durationMs: number;
}

/**
 * Starts or resumes the countdown; conflict if it runs or has no time left (P-FAC-2). Who: facilitator.
 */
export interface TimerStartOp {
  /**
   * Always timer.start.
   */
  kind: 'timer.start';
}

/**
 * Pauses the countdown; conflict if it is not running (P-FAC-2). Who: facilitator.
 */
export interface TimerPauseOp {
  /**
   * Always timer.pause.
   */
  kind: 'timer.pause';
}

/**
 * Adds time: to endsAt when running, else to what is left; the duration grows too (P-FAC-2). Who: facilitator.
 */
export interface TimerAddOp {
  /**
   * Always timer.add.
   */
  kind: 'timer.add';
  /**
   * 1 s to 1 h.
   */
  ms: number;
}

/**
 * Stops the countdown with the whole duration left (P-FAC-2). Who: facilitator.
 */
export interface TimerResetOp {
  /**
   * Always timer.reset.
   */
  kind: 'timer.reset';
}

/**
 * Locks (read-only for participants) or unlocks the board (P-FAC-4). Who: facilitator.
 */
export interface BoardLockOp {
  /**
   * Always board.lock.
   */
  kind: 'board.lock';
  /**
   * Locked or not.
   */
  locked: boolean;
}

/**
 * "Deur dicht": closes the workshop to new participants (open: false) or opens it again (P-JOIN-10). While closed, a hello without a valid participantToken (and without the facilitator key) gets error closed and close 4003; known participants rejoin with their token. Who: facilitator.
 */
export interface DoorSetOp {
  /**
   * Always door.set.
   */
  kind: 'door.set';
  /**
   * Whether new participants may join.
   */
  open: boolean;
}

/**
 * Turns private writing on or off; off reveals every private card at once: the event's patch carries them (P-FAC-6). Who: facilitator.
 */
export interface WritingPrivateOp {
  /**
   * Always writing.private.
   */
  kind: 'writing.private';
  /**
   * On or off.
   */
  on: boolean;
}

/**
 * "Follow me": brings everyone to a journey and phase, or clears it with journeyId null (P-FAC-7). Who: facilitator.
 */
export interface FocusSetOp {
  /**
   * Always focus.set.
   */
  kind: 'focus.set';
  /**
   * The journey, or null.
   */
  journeyId: string | null;
  /**
   * The phase in it, or null (null too when journeyId is).
   */
  phaseId: string | null;
}

/**
 * Pins a stage on the big screen: the screen shows what it shows in that stage, whatever stage the room is in, until stageId null lets it follow the stage again (P-FAC-10). Who: facilitator.
 */
export interface ScreenPinOp {
  /**
   * Always screen.pin.
   */
  kind: 'screen.pin';
  /**
   * A stage's id, or null to follow the room's stage.
   */
  stageId: string | null;
}

/**
 * Sets whose authorship is hidden (P-FAC-9). Who: facilitator.
 */
export interface SettingsUpdateOp {
  /**
   * Always settings.update.
   */
  kind: 'settings.update';
  /**
   * The setting.
   */
  anonymity: Anonymity;
}

/**
 * Makes a participant facilitator (hand over or share) or participant; the last facilitator cannot be made participant (conflict). Applies at once to their open connections (P-ROLE-3). Who: facilitator.
 */
export interface ParticipantRoleOp {
  /**
   * Always participant.role.
   */
  kind: 'participant.role';
  /**
   * The participant.
   */
  participantId: string;
  /**
   * The new role.
   */
  role: ParticipantRole;
}

/**
 * Removes a participant: their cards stay, their token stops working, their connections get error forbidden "removed" and close 4003; not yourself (conflict) (P-ROLE-4). Who: facilitator.
 */
export interface ParticipantRemoveOp {
  /**
   * Always participant.remove.
   */
  kind: 'participant.remove';
  /**
   * The participant.
   */
  participantId: string;
}

/**
 * Links an idea card to a pain-point card of the same journey, or unlinks it with null (P-IMP-2). Deleting the target clears the link. Who: everyone who may edit (participants get locked while the board is locked).
 */
export interface CardLinkOp {
  /**
   * Always card.link.
   */
  kind: 'card.link';
  /**
   * The idea card.
   */
  cardId: string;
  /**
   * The pain-point card, or null.
   */
  targetId: string | null;
}

/**
 * Groups 2 to 50 ungrouped cards of one journey under a title; the group is voted on as one item (P-VOTE-4). Who: everyone who may edit (participants get locked while the board is locked).
 */
export interface GroupAddOp {
  /**
   * Always group.add.
   */
  kind: 'group.add';
  /**
   * The new group's id, made by the client.
   */
  groupId: string;
  /**
   * The group's title.
   */
  title: string;
  /**
   * The cards.
   *
   * @minItems 2
   * @maxItems 50
   *
   * Items: An identifier (workshopId, journeyId, phaseId, laneId, cardId, participantId, clientId): 1 to 64 characters from A-Z a-z 0-9 _ -. Clients make the ids of what they add (a UUID is fine).
   */
  cardIds: string[];
}

/**
 * Adds an ungrouped card to a group of its journey (P-VOTE-4). Who: everyone who may edit (participants get locked while the board is locked).
 */
export interface CardGroupOp {
  /**
   * Always card.group.
   */
  kind: 'card.group';
  /**
   * The card.
   */
  cardId: string;
  /**
   * The group.
   */
  groupId: string;
}

/**
 * Takes a card out of its group; a group left with fewer than 2 cards is removed (P-VOTE-4). Who: everyone who may edit (participants get locked while the board is locked).
 */
export interface CardUngroupOp {
  /**
   * Always card.ungroup.
   */
  kind: 'card.ungroup';
  /**
   * The card.
   */
  cardId: string;
}

/**
 * Renames a group. Who: everyone who may edit (participants get locked while the board is locked).
 */
export interface GroupUpdateOp {
  /**
   * Always group.update.
   */
  kind: 'group.update';
  /**
   * The group.
   */
  groupId: string;
  /**
   * The new title.
   */
  title: string;
}

/**
 * Starts a voting round (P-VOTE-1, P-VOTE-2); one open round at a time (conflict); a scope without cards is invalid. The round in the event's patch lists the items. Who: facilitator.
 */
export interface RoundStartOp {
  /**
   * Always round.start.
   */
  kind: 'round.start';
  /**
   * The new round's id, made by the client.
   */
  roundId: string;
  /**
   * What to vote for ("impact", "haalbaarheid").
   */
  criterion: string;
  /**
   * Votes per participant.
   */
  budget: number;
  /**
   * Most votes per item per participant; at most budget.
   */
  maxPerItem: number;
  /**
   * Time limit (10 s to 4 h), or null.
   */
  durationMs: number | null;
  /**
   * Leave out who voted for what in the result.
   */
  anonymous: boolean;
  /**
   * Facilitators vote too.
   */
  facilitatorVotes: boolean;
  /**
   * The cards.
   */
  scope: RoundScope;
}

/**
 * Places one vote on an item of the open round; past the budget or the per-item cap: limit (P-VOTE-5). Only the voter sees the event (others: hidden, P-VOTE-6). Who: voters (participants; facilitators only in rounds with facilitatorVotes).
 */
export interface VoteAddOp {
  /**
   * Always vote.add.
   */
  kind: 'vote.add';
  /**
   * The round.
   */
  roundId: string;
  /**
   * The item.
   */
  itemId: string;
}

/**
 * Takes back one of your votes on an item; conflict if you have none there. Hidden like vote.add. Who: voters (participants; facilitators only in rounds with facilitatorVotes).
 */
export interface VoteRemoveOp {
  /**
   * Always vote.remove.
   */
  kind: 'vote.remove';
  /**
   * The round.
   */
  roundId: string;
  /**
   * The item.
   */
  itemId: string;
}

/**
 * "I am finished" (or not after all), shown in presence (P-VOTE-7). Hidden like vote.add. Who: voters (participants; facilitators only in rounds with facilitatorVotes).
 */
export interface VoteDoneOp {
  /**
   * Always vote.done.
   */
  kind: 'vote.done';
  /**
   * The round.
   */
  roundId: string;
  /**
   * Finished or not.
   */
  done: boolean;
}

/**
 * Closes the open round: votes freeze and the round in the event's patch carries the result (P-VOTE-8). The server sends it itself, without by, when endsAt passes (P-VOTE-10). Who: facilitator.
 */
export interface RoundCloseOp {
  /**
   * Always round.close.
   */
  kind: 'round.close';
  /**
   * The round.
   */
  roundId: string;
}

/**
 * Cancels an open or closed round: digital and paper votes are discarded (P-VOTE-11). Who: facilitator.
 */
export interface RoundCancelOp {
  /**
   * Always round.cancel.
   */
  kind: 'round.cancel';
  /**
   * The round.
   */
  roundId: string;
}

/**
 * Re-opens a closed or cancelled round when no other is open; a time limit restarts from now; the result is cleared (P-VOTE-11). Who: facilitator.
 */
export interface RoundReopenOp {
  /**
   * Always round.reopen.
   */
  kind: 'round.reopen';
  /**
   * The round.
   */
  roundId: string;
}

/**
 * Enters the votes counted on paper for one named table or group, replacing that label's earlier ones (an empty votes object removes the label), on an open or closed round; on a closed round the round in the event's patch carries the new result (P-VOTE-9). Who: facilitator.
 */
export interface RoundPaperOp {
  /**
   * Always round.paper.
   */
  kind: 'round.paper';
  /**
   * The round.
   */
  roundId: string;
  /**
   * The table or group.
   */
  label: string;
  /**
   * Item id to votes (0 to 1,000).
   */
  votes: {
    [k: string]: number;
  };
}

/**
 * Chooses the closed rounds that form the improvement list; [] is the latest closed round (P-IMP-1). Who: facilitator.
 */
export interface ImprovementsRoundsOp {
  /**
   * Always improvements.rounds.
   */
  kind: 'improvements.rounds';
  /**
   * Closed rounds, 0 to 20.
   *
   * @maxItems 20
   *
   * Items: An identifier (workshopId, journeyId, phaseId, laneId, cardId, participantId, clientId): 1 to 64 characters from A-Z a-z 0-9 _ -. Clients make the ids of what they add (a UUID is fine).
   */
  roundIds: string[];
}

/**
 * Sets an improvement's owner, status or both (P-IMP-3); the item must be an item of some round. Who: facilitator.
 */
export interface ImprovementUpdateOp {
  /**
   * Always improvement.update.
   */
  kind: 'improvement.update';
  /**
   * The card or group.
   */
  itemId: string;
  /**
   * Who takes it up: 0 to 100 characters, one line (trimmed).
   */
  owner?: string;
  /**
   * The new status.
   */
  status?: ImprovementStatus;
}

/**
 * Sets, replaces or (value null) removes the sender's score of one target on one scale (P-METH-2). current and desired score a card in a touchpoint lane; expected and experienced a phase or a touchpoint card. The sender's connections get the event whole; everyone else gets it without by and value; every form's patch carries the score's counts (P-METH-3). Who: participants and facilitators, also while the board is locked.
 */
export type ScoreSetOp = {
  /**
   * Always score.set.
   */
  kind: 'score.set';
  /**
   * What is scored.
   */
  scale: ScoreScale;
  /**
   * The touchpoint card (any scale) or phase (expected, experienced).
   */
  targetId: string;
  /**
   * Required in op messages: -2 … 2 for current and desired, 1 … 5 for expected and experienced, or null to remove the score. Left out in the events others than the sender get.
   */
  value?: number | null;
};

/**
 * Opens (true) or closes (false) the closing evaluation poll (P-EVAL-1); closed in a new workshop. Who: facilitator.
 */
export interface EvaluationOpenOp {
  /**
   * Always evaluation.open.
   */
  kind: 'evaluation.open';
  /**
   * Whether the poll is open.
   */
  open: boolean;
}

/**
 * Answers the evaluation poll; conflict while it is closed. Again replaces the sender's response, which keeps its id (P-EVAL-1). The sender's connections get the event whole, facilitators without by, everyone else hidden; every form's patch carries the evaluation as that viewer sees it, with its count (P-EVAL-2). Who: participants and facilitators, also while the board is locked.
 */
export interface EvaluationSubmitOp {
  /**
   * Always evaluation.submit.
   */
  kind: 'evaluation.submit';
  /**
   * 1 (poor) … 5 (very good).
   */
  rating: number;
  /**
   * Open remarks, may be empty.
   */
  remarks: string;
}

/**
 * Puts a response's remarks on the big screen (true) or takes them off (false), P-EVAL-4: not_found for an unknown response, invalid for one without remarks, limit past 3 shown. New remarks in a later evaluation.submit take them off again. The event's patch carries the evaluation with its summary. Who: facilitator.
 */
export interface EvaluationShowOp {
  /**
   * Always evaluation.show.
   */
  kind: 'evaluation.show';
  /**
   * The response whose remarks to show.
   */
  responseId: string;
  /**
   * Whether the big screen shows them.
   */
  shown: boolean;
}

/**
 * A workshop's whole board (docs/protocol.md, 'Board state'), as welcome.snapshot carries it. Arrays are sorted by orderKey, then id; cards by journey, phase, lane, then orderKey and id. Per viewer: another's private cards are left out, authorship hidden where anonymous, and each round shows only the viewer's own votes.
 */
export interface BoardSnapshot {
  /**
   * The workshop itself.
   */
  workshop: WorkshopDoc;
  /**
   * The workshop's journeys, in order.
   */
  journeys: JourneyDoc[];
  /**
   * Every card of the workshop.
   */
  cards: CardDoc[];
  /**
   * The facilitator's controls (P-FAC-*).
   */
  facilitation: FacilitationDoc;
  /**
   * Groups of cards voted on as one item (P-VOTE-4), by id.
   */
  groups: GroupDoc[];
  /**
   * Every voting round, in the order started (P-VOTE-*).
   */
  rounds: RoundDoc[];
  /**
   * The improvement list settings (P-IMP-*).
   */
  improvements: ImprovementsDoc;
  /**
   * The improvement list as the server computes it (P-IMP-4): in every board a client gets (welcome.snapshot, event patches), never in the stored form (archives, the server's own snapshots). Clients show it as it is: its rows, ranking and ties are the server's.
   */
  improvementList?: ImprovementListDoc;
  /**
   * The method's figures (P-METH-5) as the server computes them, of the targets someone scored: in every board a client gets (welcome.snapshot, event patches), never in the stored form. The same for every viewer. Clients draw them as they are (their means, spreads, gaps and ranks are the server's) on the touchpoint cards and phases they lay out in board order; a target not in them is unscored.
   */
  methodFigures?: MethodFiguresDoc;
  /**
   * The scores (P-METH-4): one entry per scale and target with at least one score, sorted by scale (current, desired, expected, experienced), then targetId.
   */
  scores: ScoreDoc[];
  /**
   * The closing evaluation poll (P-EVAL-3).
   */
  evaluation: EvaluationDoc;
}

/**
 * The workshop itself.
 */
export interface WorkshopDoc {
  /**
   * The workshop's id.
   */
  id: string;
  /**
   * The workshop's title.
   */
  title: string;
  /**
   * When the workshop was created.
   */
  createdAt: number;
}

export interface JourneyDoc {
  /**
   * The journey's id.
   */
  id: string;
  /**
   * The journey's title.
   */
  title: string;
  /**
   * Whose journey it is.
   */
  targetGroup: TargetGroup;
  /**
   * Its position among the journeys.
   */
  orderKey: string;
  /**
   * The journey's persona, or null.
   */
  persona: null | Persona;
  /**
   * The journey's phases (columns), in order.
   */
  phases: PhaseDoc[];
  /**
   * The journey's lanes (rows), in order.
   */
  lanes: LaneDoc[];
}

export interface PhaseDoc {
  /**
   * The phase's id.
   */
  id: string;
  /**
   * The phase's title.
   */
  title: string;
  /**
   * Its position among the journey's phases.
   */
  orderKey: string;
}

export interface LaneDoc {
  /**
   * The lane's id.
   */
  id: string;
  /**
   * The lane's title.
   */
  title: string;
  /**
   * What the lane holds.
   */
  kind: LaneKind;
  /**
   * Its position among the journey's lanes.
   */
  orderKey: string;
  /**
   * The lane's guiding question, empty for none.
   */
  question: string;
}

export interface CardDoc {
  /**
   * The card's id.
   */
  id: string;
  /**
   * The journey it belongs to.
   */
  journeyId: string;
  /**
   * Its phase (column).
   */
  phaseId: string;
  /**
   * Its lane (row).
   */
  laneId: string;
  /**
   * Its text.
   */
  text: string;
  /**
   * Its colour.
   */
  color: CardColor;
  /**
   * The participantId of who wrote it; left out where the card is anonymous to this viewer (its lane is covered by facilitation.anonymity and the viewer did not write it, P-FAC-9).
   */
  authorId?: string;
  /**
   * Its position in its cell.
   */
  orderKey: string;
  /**
   * When it was added.
   */
  createdAt: number;
  /**
   * When it last changed.
   */
  updatedAt: number;
  /**
   * The group it is in (P-VOTE-4); absent or null: none (a card leaves out its fields at their default, P-SYNC-9).
   */
  groupId?: string | null;
  /**
   * The pain-point card this idea is linked to (P-IMP-2); absent or null: none.
   */
  linkedTo?: string | null;
  /**
   * Written during private writing and not yet revealed: only its author gets it (P-FAC-6); absent: false.
   */
  private?: boolean;
  /**
   * The touchpoint's channel (P-METH-1); absent or null: none. A board stored before channels existed loads with null.
   */
  channel?: Channel | null;
}

/**
 * The facilitator's controls (P-FAC-*).
 */
export interface FacilitationDoc {
  /**
   * The stages of the session, in order (P-FAC-1).
   */
  stages: StageDoc[];
  /**
   * The current stage.
   */
  stageId: string;
  /**
   * The countdown (P-FAC-2): running iff endsAt is not null; then the rest is endsAt minus the server now; paused: remainingMs.
   */
  timer: TimerDoc;
  /**
   * Whether the board is read-only for participants (P-FAC-4).
   */
  locked: boolean;
  /**
   * Whether participants' new cards are private (P-FAC-6).
   */
  privateWriting: boolean;
  /**
   * Whether new participants may join ("deur dicht" when false, P-JOIN-10); known participants always rejoin with their token.
   */
  doorOpen: boolean;
  /**
   * How many cards are private right now (everyone sees the count, not the cards).
   */
  privateCount: number;
  /**
   * "Follow me": where the facilitator brings everyone, or null (P-FAC-7).
   */
  focus: null | FocusDoc;
  /**
   * The stage pinned on the big screen (P-FAC-10); left out while the screen follows the room's stage.
   */
  screenPin?: string;
  /**
   * Whose authorship is hidden (P-FAC-9).
   */
  anonymity: Anonymity;
}

export interface StageDoc {
  /**
   * The stage id (prepare, map, ideas, vote, results, evaluate).
   */
  id: string;
  /**
   * Its title.
   */
  title: string;
  /**
   * Its instruction for everyone: 0 to 1,000 characters.
   */
  instruction: string;
}

/**
 * The countdown (P-FAC-2): running iff endsAt is not null; then the rest is endsAt minus the server now; paused: remainingMs.
 */
export interface TimerDoc {
  /**
   * The set duration (timer.add adds to it).
   */
  durationMs: number;
  /**
   * What is left while paused or stopped.
   */
  remainingMs: number;
  /**
   * When it ends (server clock), or null when not running.
   */
  endsAt: number | null;
}

export interface FocusDoc {
  /**
   * The journey.
   */
  journeyId: string;
  /**
   * The phase, or null for the whole journey.
   */
  phaseId: string | null;
}

export interface GroupDoc {
  /**
   * The group's id.
   */
  id: string;
  /**
   * The journey its cards are in.
   */
  journeyId: string;
  /**
   * The group's title.
   */
  title: string;
}

export interface RoundDoc {
  /**
   * The round's id.
   */
  id: string;
  /**
   * 1 for the first round of the workshop, and so on.
   */
  number: number;
  /**
   * What to vote for ("impact").
   */
  criterion: string;
  /**
   * Votes per participant.
   */
  budget: number;
  /**
   * Most votes one participant may give one item.
   */
  maxPerItem: number;
  /**
   * Time limit, or null for none.
   */
  durationMs: number | null;
  /**
   * Whether result leaves out who voted for what.
   */
  anonymous: boolean;
  /**
   * Whether facilitators vote too.
   */
  facilitatorVotes: boolean;
  /**
   * The cards it was started on.
   */
  scope: RoundScope;
  /**
   * What is voted on: card ids, or a group id once for grouped cards; board order at the start.
   *
   * Items: An identifier (workshopId, journeyId, phaseId, laneId, cardId, participantId, clientId): 1 to 64 characters from A-Z a-z 0-9 _ -. Clients make the ids of what they add (a UUID is fine).
   */
  items: string[];
  /**
   * open, closed or cancelled.
   */
  status: 'open' | 'closed' | 'cancelled';
  /**
   * When it was started or re-opened first.
   */
  startedAt: number;
  /**
   * When the server closes it, or null.
   */
  endsAt: number | null;
  /**
   * When it was closed or cancelled, or null.
   */
  closedAt: number | null;
  /**
   * This viewer's own votes: item id to number of votes ({} for screens).
   */
  myVotes: {
    [k: string]: number;
  };
  /**
   * Whether this viewer votes in this round while it is open (P-VOTE-5): true for a participant, for a facilitator when facilitatorVotes, never for a screen. The server's rule; a client shows the ballot from it.
   */
  mayVote: boolean;
  /**
   * Votes counted on paper, per named table or group (P-VOTE-9).
   */
  paper: PaperVotes[];
  /**
   * The ranked result once closed; null while open or when cancelled.
   */
  result: RoundResult | null;
}

export interface PaperVotes {
  /**
   * The table or group.
   */
  label: string;
  /**
   * Item id to votes.
   */
  votes: {
    [k: string]: number;
  };
}

/**
 * The improvement list settings (P-IMP-*).
 */
export interface ImprovementsDoc {
  /**
   * The closed rounds that form the list; [] means the latest closed round.
   *
   * @maxItems 20
   *
   * Items: An identifier (workshopId, journeyId, phaseId, laneId, cardId, participantId, clientId): 1 to 64 characters from A-Z a-z 0-9 _ -. Clients make the ids of what they add (a UUID is fine).
   */
  roundIds: string[];
  /**
   * Owner and status per item (items not listed: owner "", status open).
   */
  items: ImprovementItemDoc[];
}

export interface ImprovementItemDoc {
  /**
   * A card or group id.
   */
  itemId: string;
  /**
   * Who takes it up: 0 to 100 characters, one line.
   */
  owner: string;
  /**
   * Its status.
   */
  status: ImprovementStatus;
}

/**
 * The improvement list as the server computes it (P-IMP-4): in every board a client gets (welcome.snapshot, event patches), never in the stored form (archives, the server's own snapshots). Clients show it as it is: its rows, ranking and ties are the server's.
 */
export interface ImprovementListDoc {
  /**
   * The closed rounds the list is made of: improvements.roundIds (those still closed), or else the round closed last.
   *
   * Items: An identifier (workshopId, journeyId, phaseId, laneId, cardId, participantId, clientId): 1 to 64 characters from A-Z a-z 0-9 _ -. Clients make the ids of what they add (a UUID is fine).
   */
  roundIds: string[];
  /**
   * The items of those rounds still on the board, ranked by total votes with the P-VOTE-8 rule.
   *
   * Items: One item of the improvement list.
   */
  rows: ImprovementRowDoc[];
  /**
   * The round closed last (ties: the higher number), whose result the voting panel and the big screen show (P-IMP-5); null when no round is closed. Left out by servers before it was added (read as null).
   */
  latestRoundId?: string | null;
}

/**
 * One item of the improvement list.
 */
export interface ImprovementRowDoc {
  /**
   * The card or group id.
   */
  itemId: string;
  /**
   * The card's text, or the group's title.
   */
  text: string;
  /**
   * Whether the item is a group.
   */
  isGroup: boolean;
  /**
   * A group's cards in board order (private cards left out); empty for a card.
   */
  members: {
    /**
     * The member card.
     */
    cardId: string;
    /**
     * Its text.
     */
    text: string;
  }[];
  /**
   * Votes (digital + paper) per round id of the list the item was in.
   */
  votesByRound: {
    [k: string]: number;
  };
  /**
   * All those votes together.
   */
  total: number;
  /**
   * Competition rank by total (1, 2, 2, 4).
   */
  rank: number;
  /**
   * Whether another item has the same total.
   */
  tied: boolean;
  /**
   * The card's journey, or a group's first member's.
   */
  journeyId: string;
  /**
   * Its phase.
   */
  phaseId: string;
  /**
   * Its lane.
   */
  laneId: string;
  /**
   * The text of the pain point it is linked to (of the card, or of the first member with a link), or null.
   */
  painPoint: string | null;
  /**
   * Who takes it up (improvement.update).
   */
  owner: string;
  /**
   * Its status (improvement.update).
   */
  status: ImprovementStatus;
}

/**
 * The method's figures (P-METH-5) as the server computes them, of the targets someone scored: in every board a client gets (welcome.snapshot, event patches), never in the stored form. The same for every viewer. Clients draw them as they are (their means, spreads, gaps and ranks are the server's) on the touchpoint cards and phases they lay out in board order; a target not in them is unscored.
 */
export interface MethodFiguresDoc {
  /**
   * The journeys with a scored target, in board order.
   *
   * Items: One journey's emotion curve and gaps.
   */
  journeys: JourneyFiguresDoc[];
}

/**
 * One journey's emotion curve and gaps.
 */
export interface JourneyFiguresDoc {
  /**
   * The journey.
   */
  journeyId: string;
  /**
   * The scored points of the emotion curve: the cards in the journey's touchpoint lanes that are not private and have a current or desired score, in board order (phase, lane, then the card's order).
   *
   * Items: One scored point of the emotion curve; a null scale is a gap in that line.
   */
  curve: CurvePointDoc[];
  /**
   * The phases and touchpoint cards with an expected or experienced score, in board order (a phase, then the touchpoint cards in it).
   *
   * Items: A phase or touchpoint card with its expectation, experience and gap.
   */
  gaps: GapRowDoc[];
}

/**
 * One scored point of the emotion curve; a null scale is a gap in that line.
 */
export interface CurvePointDoc {
  /**
   * The touchpoint card.
   */
  cardId: string;
  /**
   * Its phase.
   */
  phaseId: string;
  /**
   * The emotion now.
   */
  current: ScoreStatsDoc;
  /**
   * The desired emotion.
   */
  desired: ScoreStatsDoc;
}

/**
 * A phase or touchpoint card with its expectation, experience and gap.
 */
export interface GapRowDoc {
  /**
   * The phase or touchpoint card.
   */
  targetId: string;
  /**
   * The phase, or the card's phase.
   */
  phaseId: string;
  /**
   * Whether the target is the phase.
   */
  isPhase: boolean;
  /**
   * The expectation (1 to 5).
   */
  expected: ScoreStatsDoc;
  /**
   * The experience (1 to 5).
   */
  experienced: ScoreStatsDoc;
  /**
   * mean(expected) − mean(experienced), rounded to 3 decimals; null unless both were scored.
   */
  gap: number | null;
  /**
   * 1, 2 or 3 among the journey's (at most) three largest positive gaps (ties in board order); null otherwise.
   */
  rank: number | null;
}

/**
 * n, mean and spread (population standard deviation) of one target's scores on one scale, rounded to 3 decimals; null when nobody scored it.
 */
export type ScoreStatsDoc = {
  /**
   * How many scored it.
   */
  n: number;
  /**
   * The mean value.
   */
  mean: number;
  /**
   * The population standard deviation.
   */
  spread: number;
} | null;

export interface ScoreDoc {
  /**
   * The scale.
   */
  scale: ScoreScale;
  /**
   * The scored touchpoint card or phase.
   */
  targetId: string;
  /**
   * Scorers per value, lowest value first.
   *
   * @minItems 5
   * @maxItems 5
   */
  counts: number[];
  /**
   * The viewer's own score, or null (always null for a screen).
   */
  mine: number | null;
}

/**
 * The closing evaluation poll (P-EVAL-3).
 */
export interface EvaluationDoc {
  /**
   * Whether participants may answer now.
   */
  open: boolean;
  /**
   * How many responses there are.
   */
  count: number;
  /**
   * The viewer's own response, or null.
   */
  mine: {
    /**
     * The rating.
     */
    rating: number;
    /**
     * The remarks.
     */
    remarks: string;
  } | null;
  /**
   * Every response, anonymous, in id order: for facilitators only ([] for everyone else).
   */
  responses: EvaluationResponseDoc[];
  /**
   * The same for every viewer (P-EVAL-4).
   */
  summary: EvaluationSummaryDoc;
}

export interface EvaluationResponseDoc {
  /**
   * The response's id.
   */
  id: string;
  /**
   * The rating.
   */
  rating: number;
  /**
   * The remarks.
   */
  remarks: string;
}

/**
 * Any message a client may send on the WebSocket, told apart by type. The server rejects unknown fields (bad_message) and unknown types (unknown_type).
 */
export type ClientMessage = HelloMessage | OpMessage | ClientPresenceMessage | PingMessage;

/**
 * The first message of a connection, sent exactly once (P-JOIN-1): joins a workshop as a new or a known participant, or as its facilitator or big screen, and says what the client already has (P-SYNC-5). The server answers with welcome, or with an error and a close code (P-JOIN-2, P-JOIN-3, P-JOIN-4), or in a cluster with close 4010 and no error when another server serves the workshop: reconnect (P-WS-12).
 */
export interface HelloMessage {
  /**
   * Always hello.
   */
  type: 'hello';
  /**
   * The protocol version the client speaks. A version other than the server's gets error protocol_version and close 4000 (P-JOIN-2).
   */
  protocolVersion: number;
  /**
   * The workshop to join. An unknown one gets error not_found and close 4004 (P-JOIN-3).
   */
  workshopId: string;
  /**
   * This client's id (one per browser tab's client state, kept across reconnects): with clientSeq it makes retries idempotent (P-SYNC-4).
   */
  clientId: string;
  /**
   * The name others see. Renames the participant if it differs (P-JOIN-6).
   */
  displayName: string;
  /**
   * The last seq the client has applied, 0 for none (P-SYNC-5).
   */
  lastSeq: number;
  /**
   * The token from an earlier welcome.you, to be the same participant again (P-JOIN-5). One that is not valid for the workshop is ignored.
   */
  participantToken?: string;
  /**
   * The workshop's facilitator key: a right one makes this connection a facilitator, a wrong one gets error forbidden and close 4003 (P-JOIN-4).
   */
  facilitatorKey?: string;
  /**
   * The workshop's screen key: joins as a read-only screen (P-ROLE-5). A wrong one gets error forbidden and close 4003. Not together with facilitatorKey (bad_message).
   */
  screenKey?: string;
}

/**
 * One operation on the board. The server validates it against the current state and the sender's role (P-SYNC-1): a valid one is applied, logged and then sent as event to everyone and ack to the sender; an invalid one gets error with this clientSeq and changes nothing (P-SYNC-2). Resending an op with a clientSeq the server has already processed is answered with ack duplicate: true and not applied again (P-SYNC-4).
 */
export interface OpMessage {
  /**
   * Always op.
   */
  type: 'op';
  /**
   * This operation's number among the sender's clientId's operations: 1, 2, 3, ... in the order the client made them.
   */
  clientSeq: number;
  /**
   * The operation. A score.set must carry its value (null to remove): only events to others leave it out.
   */
  op: Operation;
}

/**
 * Tells the server which card this participant is editing, if any. Ephemeral: not logged, not acknowledged (P-PRES-1); the server folds it into the presence list it sends to everyone.
 */
export interface ClientPresenceMessage {
  /**
   * Always presence.
   */
  type: 'presence';
  /**
   * The id of the card being edited, or null when none.
   */
  editing: string | null;
}

/**
 * Application-level keep-alive (P-WS-7): may be sent at any time, also before hello. The server answers pong with the same t.
 */
export interface PingMessage {
  /**
   * Always ping.
   */
  type: 'ping';
  /**
   * Any number the client chooses (typically its clock in milliseconds, to measure the round trip); echoed in pong.
   */
  t: number;
}

/**
 * Any message the server sends on the WebSocket, told apart by type.
 */
export type ServerMessage =
  WelcomeMessage | EventMessage | AckMessage | ErrorMessage | ServerPresenceMessage | PongMessage;

/**
 * The answer to hello: who the client is in this workshop, where the log stands, and what the client missed since hello.lastSeq: either exactly the operations after it as events (possibly none), or, when the gap is older than what the server keeps, a snapshot that replaces the client's state (P-SYNC-5). Then the client resends its unacknowledged operations in clientSeq order.
 */
export interface WelcomeMessage {
  /**
   * Always welcome.
   */
  type: 'welcome';
  /**
   * The protocol version the server speaks.
   */
  protocolVersion: 5;
  /**
   * The workshop joined.
   */
  workshopId: string;
  /**
   * Who this connection is (P-JOIN-5): keep participantToken and send it in later hellos to be the same participant.
   */
  you: You;
  /**
   * For a facilitator and the big screen: the workshop's join code, to show and share, also when the facilitator opened the board with only the facilitator key; the screen shows it with its QR code (P-ROLE-5).
   */
  joinCode?: string;
  /**
   * The seq of the last operation in the workshop's log (0 for none): after applying the snapshot or the events, the client stands here.
   */
  seq: number;
  /**
   * The highest clientSeq the server has processed for hello.clientId, 0 for none (P-SYNC-4): the client drops its queued operations up to it and resends the rest.
   */
  lastClientSeq: number;
  /**
   * Limits the client should respect so that its messages are not rejected.
   */
  limits: {
    /**
     * The largest WebSocket message the server reads; larger closes the connection with 1009 (P-WS-2).
     */
    maxMessageBytes: number;
    /**
     * The most characters (code points) a card's text may have.
     */
    maxCardText: number;
  };
  /**
   * The whole board state; the client replaces its state with it. Present instead of events when the gap since hello.lastSeq is older than what the server keeps.
   */
  snapshot?: {
    /**
     * The workshop itself.
     */
    workshop: WorkshopDoc;
    /**
     * The workshop's journeys, in order.
     */
    journeys: JourneyDoc[];
    /**
     * Every card of the workshop.
     */
    cards: CardDoc[];
    /**
     * The facilitator's controls (P-FAC-*).
     */
    facilitation: FacilitationDoc;
    /**
     * Groups of cards voted on as one item (P-VOTE-4), by id.
     */
    groups: GroupDoc[];
    /**
     * Every voting round, in the order started (P-VOTE-*).
     */
    rounds: RoundDoc[];
    /**
     * The improvement list settings (P-IMP-*).
     */
    improvements: ImprovementsDoc;
    /**
     * The improvement list as the server computes it (P-IMP-4): in every board a client gets (welcome.snapshot, event patches), never in the stored form (archives, the server's own snapshots). Clients show it as it is: its rows, ranking and ties are the server's.
     */
    improvementList?: ImprovementListDoc;
    /**
     * The method's figures (P-METH-5) as the server computes them, of the targets someone scored: in every board a client gets (welcome.snapshot, event patches), never in the stored form. The same for every viewer. Clients draw them as they are (their means, spreads, gaps and ranks are the server's) on the touchpoint cards and phases they lay out in board order; a target not in them is unscored.
     */
    methodFigures?: MethodFiguresDoc;
    /**
     * The scores (P-METH-4): one entry per scale and target with at least one score, sorted by scale (current, desired, expected, experienced), then targetId.
     */
    scores: ScoreDoc[];
    /**
     * The closing evaluation poll (P-EVAL-3).
     */
    evaluation: EvaluationDoc;
  };
  /**
   * Exactly the operations after hello.lastSeq, in seq order (possibly none). Present instead of snapshot.
   *
   * Items: An accepted operation as the log holds it: the event message's fields without type, and an element of welcome.events.
   */
  events?: EventBody[];
  /**
   * With events, when the server's board is at seq (P-SYNC-10): the digest of this viewer's board at seq (as in ack.digest). A client whose board, after the events, gives another digest drops it and asks for a snapshot (a board saved in the browser that was changed or is from another history).
   */
  digest?: string;
  /**
   * The server's clock (ms since the epoch) when it sent this: clients correct timers for clock skew with it (P-FAC-2).
   */
  serverTime: number;
  /**
   * Only for a facilitator: the big screen's key, for the screen link #/w/{workshopId}?screen={screenKey}.
   */
  screenKey?: string;
  /**
   * Who is in the workshop (P-PRES-3): the list as the others hold it now (in a crowded room, those who matter to everyone and counts of the rest, P-PRES-6); later presence messages change it.
   */
  presence: PresenceList;
}

/**
 * Who this connection is (P-JOIN-5): keep participantToken and send it in later hellos to be the same participant.
 */
export interface You {
  /**
   * The participant's id (what the presence list names); empty for a screen.
   */
  participantId: string | '';
  /**
   * The participant's secret; the same one as sent in hello when that was valid, else a new one. Empty for a screen.
   */
  participantToken: string | '';
  /**
   * The participant's display name.
   */
  displayName: string;
  /**
   * The role stored with the participant (P-ROLE-1): facilitator when hello carried the right facilitatorKey or a facilitator made them one; screen for a screen key.
   */
  role: Role;
  /**
   * The participant's number, what event.by says when this participant did something (P-SYNC-11); absent for a screen.
   */
  number?: number;
}

/**
 * An accepted operation, sent to everyone in the workshop, the sender included, only after it has been committed to the log (P-SYNC-1). All clients get the same events in the same seq order and so converge on the same state (P-SYNC-3).
 */
export type EventMessage = EventBody & {
  /**
   * Always event.
   */
  type: 'event';
};

/**
 * An accepted operation as the log holds it: the event message's fields without type, and an element of welcome.events.
 */
export interface EventBody {
  /**
   * The operation's position in the workshop's log; events arrive in seq order without gaps.
   */
  seq: number;
  /**
   * When the server accepted it.
   */
  at: number;
  /**
   * The number (welcome.you.number, the presence list's number) of the participant who did it (P-SYNC-11). Absent for an operation the server made itself (a round's timer ending), for viewers it is anonymous to: an operation on an anonymous card (P-FAC-9), another's score (P-METH-3) or evaluation response (P-EVAL-2); absent in hidden events.
   */
  by?: number;
  /**
   * Only in the copy the sending connection gets (the clientId of its hello; P-SYNC-11): the sender's number for the operation, which tells it which of its pending operations this is. Absent in everyone else's copy.
   */
  clientSeq?: number;
  /**
   * The operation, in canonical form (titles trimmed). A card's add, update and move are summarised (P-SYNC-12): {"kind","cardId"} only, as the patch holds the card with everything the operation said (its place, text, colour, channel, privacy); a client reads those from the card. {"kind":"hidden"} for an event this viewer may not see (another's votes, private card or evaluation response, P-FAC-6, P-VOTE-6, P-EVAL-2): the client only advances its seq and applies the patch (which then holds only what everyone may know, such as the private-card count). Others than the sender get a score.set without value (P-METH-3).
   */
  op: Operation | HiddenOp | CardOpSummary;
  /**
   * The records the operation changed, as this viewer may see them (P-SYNC-9): the same form as in this viewer's snapshot (welcome.snapshot). The client applies it to its board without rules of its own: each record given replaces the one with its id (or is added), each id under removed goes. A record this viewer may no longer see (another's private card) is under removed. Absent when nothing this viewer holds changed. Applying every event's patch in seq order to the snapshot gives the board the server would send as a snapshot now.
   */
  patch?: RecordPatch;
}

export interface HiddenOp {
  /**
   * Always hidden.
   */
  kind: 'hidden';
}

/**
 * A card's add, update or move as an event names it (P-SYNC-12): which card and what happened. The event's patch holds the card as it is now.
 */
export interface CardOpSummary {
  /**
   * What happened to the card.
   */
  kind: 'card.add' | 'card.update' | 'card.move';
  /**
   * The card; the patch's cards hold it.
   */
  cardId: string;
}

/**
 * Changed records by section of the board state document (board-state.schema.json): a singleton section whole, a collection's changed records in full.
 */
export interface RecordPatch {
  /**
   * The workshop, changed.
   */
  workshop?: WorkshopDoc;
  /**
   * The facilitation state, changed.
   */
  facilitation?: FacilitationDoc;
  /**
   * The improvement list settings, changed.
   */
  improvements?: ImprovementsDoc;
  /**
   * The improvement list, changed (P-IMP-4).
   */
  improvementList?: ImprovementListDoc;
  /**
   * The method's figures, changed (P-METH-5).
   */
  methodFigures?: MethodFiguresDoc;
  /**
   * The evaluation poll as this viewer sees it, changed.
   */
  evaluation?: EvaluationDoc;
  /**
   * Journeys added or changed, each with all its phases and lanes.
   */
  journeys?: JourneyDoc[];
  /**
   * Cards added or changed.
   */
  cards?: CardDoc[];
  /**
   * Groups added or changed.
   */
  groups?: GroupDoc[];
  /**
   * Voting rounds started or changed (myVotes: this viewer's own).
   */
  rounds?: RoundDoc[];
  /**
   * Scores changed (counts, and mine: this viewer's own).
   */
  scores?: ScoreDoc[];
  /**
   * Ids of records that are gone, or that this viewer may no longer see, by collection; a score's id is "<scale>:<targetId>".
   */
  removed?: {
    /**
     * Journeys deleted (with their phases and lanes).
     *
     * Items: An identifier (workshopId, journeyId, phaseId, laneId, cardId, participantId, clientId): 1 to 64 characters from A-Z a-z 0-9 _ -. Clients make the ids of what they add (a UUID is fine).
     */
    journeys?: string[];
    /**
     * Cards deleted or no longer visible.
     *
     * Items: An identifier (workshopId, journeyId, phaseId, laneId, cardId, participantId, clientId): 1 to 64 characters from A-Z a-z 0-9 _ -. Clients make the ids of what they add (a UUID is fine).
     */
    cards?: string[];
    /**
     * Groups gone.
     *
     * Items: An identifier (workshopId, journeyId, phaseId, laneId, cardId, participantId, clientId): 1 to 64 characters from A-Z a-z 0-9 _ -. Clients make the ids of what they add (a UUID is fine).
     */
    groups?: string[];
    /**
     * Rounds gone.
     *
     * Items: An identifier (workshopId, journeyId, phaseId, laneId, cardId, participantId, clientId): 1 to 64 characters from A-Z a-z 0-9 _ -. Clients make the ids of what they add (a UUID is fine).
     */
    rounds?: string[];
    /**
     * Scores gone: "<scale>:<targetId>".
     */
    scores?: string[];
  };
}

/**
 * Tells the sender that its operation is durable: sent after the operation's event (P-SYNC-1). duplicate: true says that the clientSeq had already been processed and nothing was applied again (P-SYNC-4).
 */
export interface AckMessage {
  /**
   * Always ack.
   */
  type: 'ack';
  /**
   * The sender's number for the operation.
   */
  clientSeq: number;
  /**
   * The seq the operation got; for a duplicate, the seq it got if the server still knows it, else the current seq.
   */
  seq: number;
  /**
   * Present (and true) only when the operation was a resend that was not applied again.
   */
  duplicate?: true;
  /**
   * Now and then (P-SYNC-10): a digest of the sender's board as the server sees it at seq, for this viewer (FNV-1a, 32 bits, 8 hex digits, over one line per record, docs/protocol.md). A client whose board at seq gives another digest drops it and asks for a snapshot.
   */
  digest?: string;
}

/**
 * A message or operation the server rejected; it changed nothing (P-SYNC-2). The connection stays open unless a close code follows (P-JOIN-2, P-JOIN-3, P-JOIN-4).
 */
export interface ErrorMessage {
  /**
   * Always error.
   */
  type: 'error';
  /**
   * What kind of problem it is.
   */
  code: ErrorCode;
  /**
   * What was wrong, in English, naming the field (for people and logs; do not parse it).
   */
  message: string;
  /**
   * The clientSeq of the rejected op, when the message was an op whose clientSeq could be read. Its operation is dropped by the client (P-SYNC-6).
   */
  clientSeq?: number;
}

/**
 * Who is in the workshop and what they are editing, sent as changes: the welcome holds the list (welcome.presence), then each presence message says what changed since the one before (P-PRES-3), at most every 100 ms per workshop (P-PRES-1); a connection that moves to another form of the list (a participant made facilitator or back) gets the whole list again instead (P-PRES-4). In a crowded room participants and screens get listed only those who matter to everyone, and counts of the rest (P-PRES-6), with their own entry as `you` (P-PRES-7). Not logged, not acknowledged; each change builds on the one before, so none is dropped (P-WS-5).
 */
export interface ServerPresenceMessage {
  /**
   * Always presence.
   */
  type: 'presence';
  /**
   * The whole list, replacing what the client holds (P-PRES-4); never together with joined, updated or left.
   *
   * Items: One participant in the list (P-PRES-3): `role` left out for a participant, `online` left out while online.
   */
  participants?: PresenceEntry[];
  /**
   * How many offline participants the list leaves out (P-PRES-5); in a change, only when it changed.
   */
  offline?: number;
  /**
   * How many online participants the list leaves out, in a crowded room (P-PRES-6); in a change, only when it changed.
   */
  online?: number;
  /**
   * The voters of the open round the list leaves out, in a crowded room (P-PRES-6, P-VOTE-7); in a change, only when it changed (0 and 0 when none are left).
   */
  voters?: {
    /**
     * Voters who count in the round's progress (P-VOTE-7) and are not listed.
     */
    count: number;
    /**
     * Of them, those done.
     */
    done: number;
  };
  /**
   * Participants now in the list, whole.
   *
   * @minItems 1
   *
   * Items: One participant in the list (P-PRES-3): `role` left out for a participant, `online` left out while online.
   */
  joined?: PresenceEntry[];
  /**
   * Participants whose entry changed: their number and only the fields that changed (editing or voting null when it was cleared).
   *
   * @minItems 1
   *
   * Items: What changed of one participant in the list: their number and only the fields that changed.
   */
  updated?: PresenceUpdate[];
  /**
   * Participants no longer in the list (gone offline and summarised, P-PRES-5, counted in a crowded room, P-PRES-6, or removed, P-ROLE-4), by number.
   *
   * @minItems 1
   *
   * Items: A participant's short number within one workshop (P-SYNC-11): 1, 2, 3, … in order of joining. Events name who did an operation by it (event.by); welcome.you and the presence list say whose it is.
   */
  left?: number[];
  /**
   * This connection's own entry, when a crowded room's list leaves it out (P-PRES-7): sent with the first change after the welcome and whenever it changes. The list's entry, when the list holds it, is the same.
   */
  you?: PresenceEntry;
}

/**
 * One participant in the list (P-PRES-3): `role` left out for a participant, `online` left out while online.
 */
export interface PresenceEntry {
  /**
   * The participant's number in this workshop: what event.by says for them (P-SYNC-11).
   */
  number: number;
  /**
   * The participant's id: what facilitators' commands and cards' authorId name them by.
   */
  participantId: string;
  /**
   * The participant's display name.
   */
  displayName: string;
  /**
   * facilitator; left out for a participant.
   */
  role?: 'facilitator';
  /**
   * false while none of the participant's connections is open (P-PRES-2); left out while online.
   */
  online?: false;
  /**
   * The card the participant is editing; left out while none.
   */
  editing?: string;
  /**
   * During an open round, for the participants who count in its progress: those who may vote and are online, and those who held a ballot in it (were online while it was open, voted, or said done) also while offline. How many votes they used and whether they are done (said so, or used their whole budget); left out otherwise. Counts only, never which items (P-VOTE-7).
   */
  voting?: VotingStatus;
}

/**
 * What changed of one participant in the list: their number and only the fields that changed.
 */
export interface PresenceUpdate {
  /**
   * The participant's number (P-SYNC-11).
   */
  number: number;
  /**
   * The participant's display name.
   */
  displayName?: string;
  /**
   * The participant's role.
   */
  role?: Role;
  /**
   * Whether at least one of the participant's connections is open (P-PRES-2).
   */
  online?: boolean;
  /**
   * The card the participant now edits, or null when they stopped.
   */
  editing?: string | null;
  /**
   * Their voting progress now, or null when they no longer count in it (P-VOTE-7).
   */
  voting?: null | VotingStatus;
}

/**
 * welcome.presence: the list as the others in the workshop hold it when the welcome is sent; the joiner itself arrives with the next change (P-PRES-3).
 */
export interface PresenceList {
  /**
   * The list.
   *
   * Items: One participant in the list (P-PRES-3): `role` left out for a participant, `online` left out while online.
   */
  participants: PresenceEntry[];
  /**
   * How many offline participants the list leaves out (P-PRES-5).
   */
  offline: number;
  /**
   * How many online participants the list leaves out, in a crowded room (P-PRES-6); left out when none.
   */
  online?: number;
  /**
   * The voters of the open round the list leaves out, in a crowded room (P-PRES-6); left out when none.
   */
  voters?: {
    /**
     * Voters who count in the round's progress (P-VOTE-7) and are not listed.
     */
    count: number;
    /**
     * Of them, those done.
     */
    done: number;
  };
}

/**
 * A voter's progress in the open round: counts only, never which items (P-VOTE-7).
 */
export interface VotingStatus {
  /**
   * Votes placed.
   */
  used: number;
  /**
   * Finished voting.
   */
  done: boolean;
}

/**
 * The answer to ping (P-WS-7).
 */
export interface PongMessage {
  /**
   * Always pong.
   */
  type: 'pong';
  /**
   * The t of the ping it answers, unchanged.
   */
  t: number;
}

/**
 * The new workshop, with one journey of default phases and lanes (P-HTTP-6). The facilitator key is shown only this once (P-HTTP-4).
 */
export interface CreateWorkshopResponse {
  /**
   * The new workshop's id.
   */
  workshopId: string;
  /**
   * The code participants type to join (P-HTTP-3).
   */
  joinCode: string;
  /**
   * The facilitator's secret; send it in hello.facilitatorKey. The web client keeps it in the URL fragment (#/w/{workshopId}?key=...).
   */
  facilitatorKey: string;
  /**
   * The workshop's title, trimmed.
   */
  title: string;
  /**
   * The big screen's read-only key (P-ROLE-5); the screen link is #/w/{workshopId}?screen={screenKey}.
   */
  screenKey: string;
}

/**
 * The workshop a join code belongs to. The lookup ignores case and surrounding spaces (P-HTTP-3); an unknown code gets 404 not_found.
 */
export interface JoinLookupResponse {
  /**
   * The workshop's id: send it in hello.workshopId.
   */
  workshopId: string;
  /**
   * The workshop's title, to show before joining.
   */
  title: string;
}

/**
 * Every HTTP error, whatever its status: 400 bad_request (not a well-formed HTTP request), invalid or bad_json; 403 forbidden (a WebSocket upgrade from a foreign Origin, P-WS-3); 404 not_found; 405 method_not_allowed; 413 or 431 too_large; 429 rate_limited; 5xx internal.
 */
export interface ApiErrorBody {
  /**
   * What went wrong.
   */
  error: {
    /**
     * A machine-readable code.
     */
    code:
      | 'bad_request'
      | 'invalid'
      | 'bad_json'
      | 'unauthorized'
      | 'forbidden'
      | 'not_found'
      | 'method_not_allowed'
      | 'too_large'
      | 'rate_limited'
      | 'internal';
    /**
     * What was wrong, in English (for people and logs; do not parse it).
     */
    message: string;
  };
}

export * from './wire';
