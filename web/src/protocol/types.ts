// The wire messages of docs/protocol.md (version 2), written by hand from that page.
// They must match the JSON Schemas in schemas/ (the machine-readable contract); when schemas/
// lands, these should be generated from it and marked "generated, do not edit".

export const PROTOCOL_VERSION = 2;

export type Role = 'participant' | 'facilitator' | 'screen';
/** The roles a facilitator can give a participant (participant.role). */
export type ParticipantRole = 'participant' | 'facilitator';
export type LaneKind =
  | 'touchpoint'
  | 'expectation'
  | 'experience'
  | 'emotion'
  | 'pain_point'
  | 'idea'
  | 'custom';
export type CardColor = 'yellow' | 'green' | 'blue' | 'pink' | 'orange' | 'purple' | 'grey';
export type TargetGroup = 'inwoner' | 'ondernemer' | 'persona';

export const LANE_KINDS: readonly LaneKind[] = [
  'touchpoint',
  'expectation',
  'experience',
  'emotion',
  'pain_point',
  'idea',
  'custom',
];
export const CARD_COLORS: readonly CardColor[] = [
  'yellow',
  'green',
  'blue',
  'pink',
  'orange',
  'purple',
  'grey',
];
export const TARGET_GROUPS: readonly TargetGroup[] = ['inwoner', 'ondernemer', 'persona'];

/** The channel of a touchpoint (SPEC-4 §1, P-METH-1). */
export type Channel = 'website' | 'phone' | 'desk' | 'letter' | 'email' | 'app' | 'other';
export const CHANNELS: readonly Channel[] = ['website', 'phone', 'desk', 'letter', 'email', 'app', 'other'];
/** Emotion (−2…+2) on touchpoints; expectation and experience (1…5) on phases and touchpoints. */
export type EmotionScale = 'current' | 'desired';
export type RatingScale = 'expected' | 'experienced';
export type ScoreScale = EmotionScale | RatingScale;
/** In the order of the board state's `scores` (P-METH-4). */
export const SCORE_SCALES: readonly ScoreScale[] = ['current', 'desired', 'expected', 'experienced'];

/** protocol.md "Identifiers and values": ids the client makes must match this. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const MAX_CARD_TEXT = 2000;
export const MAX_TITLE = 200;
export const MAX_DISPLAY_NAME = 60;
export const MAX_QUESTION = 300;
export const MAX_PERSONA_DESCRIPTION = 500;

/** The named persona a journey is mapped for (target group `persona`). */
export interface Persona {
  name: string;
  description: string;
}
export const MAX_INSTRUCTION = 1000;
export const MAX_CRITERION = 80;
export const MAX_PAPER_LABEL = 80;
export const MAX_OWNER = 100;
export const TIMER_MIN_MS = 1000;
export const TIMER_MAX_MS = 14_400_000;
export const TIMER_ADD_MAX_MS = 3_600_000;
export const ROUND_MIN_MS = 10_000;
/** The closing poll (SPEC-4 §3, P-EVAL-1): ratings 1…5, remarks up to 2,000 characters. */
export const MAX_REMARKS = 2000;
export const EVALUATION_RATINGS = [1, 2, 3, 4, 5] as const;

/** The default stages (SPEC-3), in order; their ids are fixed. */
export const STAGE_IDS = ['prepare', 'map', 'ideas', 'vote', 'results', 'evaluate'] as const;
export type Anonymity = 'painPointsAndIdeas' | 'all' | 'none';
export const ANONYMITY_VALUES: readonly Anonymity[] = ['painPointsAndIdeas', 'all', 'none'];
export type ImprovementStatus = 'open' | 'planned' | 'in_progress' | 'done' | 'dropped';
export const IMPROVEMENT_STATUSES: readonly ImprovementStatus[] = [
  'open',
  'planned',
  'in_progress',
  'done',
  'dropped',
];
export type RoundStatus = 'open' | 'closed' | 'cancelled';

// ---- operations (op.kind) ----
export interface CardAddOp {
  kind: 'card.add';
  cardId: string;
  journeyId: string;
  phaseId: string;
  laneId: string;
  text: string;
  color: CardColor;
  orderKey: string;
  /** Only in events: the server made the card private (private writing, P-FAC-6). */
  private?: true;
  /** Left out when null (P-METH-1). */
  channel?: Channel;
}
export interface CardUpdateOp {
  kind: 'card.update';
  cardId: string;
  text?: string;
  color?: CardColor;
  /** null clears the channel. */
  channel?: Channel | null;
}
export interface CardMoveOp {
  kind: 'card.move';
  cardId: string;
  phaseId: string;
  laneId: string;
  orderKey: string;
}
export interface CardDeleteOp {
  kind: 'card.delete';
  cardId: string;
}
export interface WorkshopUpdateOp {
  kind: 'workshop.update';
  title: string;
}
export interface JourneyAddOp {
  kind: 'journey.add';
  journeyId: string;
  title: string;
  targetGroup: TargetGroup;
  orderKey: string;
  persona?: Persona | null;
}
export interface JourneyUpdateOp {
  kind: 'journey.update';
  journeyId: string;
  title?: string;
  targetGroup?: TargetGroup;
  orderKey?: string;
  /** null clears the persona. */
  persona?: Persona | null;
}
export interface JourneyDeleteOp {
  kind: 'journey.delete';
  journeyId: string;
}
export interface PhaseAddOp {
  kind: 'phase.add';
  journeyId: string;
  phaseId: string;
  title: string;
  orderKey: string;
}
export interface PhaseUpdateOp {
  kind: 'phase.update';
  phaseId: string;
  title?: string;
  orderKey?: string;
}
export interface PhaseDeleteOp {
  kind: 'phase.delete';
  phaseId: string;
}
// The lane's kind travels as `laneKind`: `kind` names the operation.
export interface LaneAddOp {
  kind: 'lane.add';
  journeyId: string;
  laneId: string;
  title: string;
  laneKind: LaneKind;
  orderKey: string;
  question?: string;
}
export interface LaneUpdateOp {
  kind: 'lane.update';
  laneId: string;
  title?: string;
  laneKind?: LaneKind;
  orderKey?: string;
  question?: string;
}
export interface LaneDeleteOp {
  kind: 'lane.delete';
  laneId: string;
}

// ---- facilitation (issue 3) ----
export interface StageSetOp {
  kind: 'stage.set';
  stageId: string;
}
export interface StageUpdateOp {
  kind: 'stage.update';
  stageId: string;
  title?: string;
  instruction?: string;
}
export interface TimerSetOp {
  kind: 'timer.set';
  durationMs: number;
}
export interface TimerStartOp {
  kind: 'timer.start';
}
export interface TimerPauseOp {
  kind: 'timer.pause';
}
export interface TimerAddOp {
  kind: 'timer.add';
  ms: number;
}
export interface TimerResetOp {
  kind: 'timer.reset';
}
export interface BoardLockOp {
  kind: 'board.lock';
  locked: boolean;
}
/** "Deur dicht" (P-JOIN-10): while closed, no new participant may join. */
export interface DoorSetOp {
  kind: 'door.set';
  open: boolean;
}
export interface WritingPrivateOp {
  kind: 'writing.private';
  on: boolean;
}
export interface FocusSetOp {
  kind: 'focus.set';
  journeyId: string | null;
  phaseId: string | null;
}
/** P-FAC-10: the stage the big screen keeps showing; null: it follows the room's stage. */
export interface ScreenPinOp {
  kind: 'screen.pin';
  stageId: string | null;
}
export interface SettingsUpdateOp {
  kind: 'settings.update';
  anonymity: Anonymity;
}
export interface ParticipantRoleOp {
  kind: 'participant.role';
  participantId: string;
  role: ParticipantRole;
}
export interface ParticipantRemoveOp {
  kind: 'participant.remove';
  participantId: string;
}

// ---- linking and grouping ----
export interface CardLinkOp {
  kind: 'card.link';
  cardId: string;
  targetId: string | null;
}
export interface GroupAddOp {
  kind: 'group.add';
  groupId: string;
  title: string;
  cardIds: string[];
}
export interface CardGroupOp {
  kind: 'card.group';
  cardId: string;
  groupId: string;
}
export interface CardUngroupOp {
  kind: 'card.ungroup';
  cardId: string;
}
export interface GroupUpdateOp {
  kind: 'group.update';
  groupId: string;
  title: string;
}

// ---- voting ----
export type RoundScope =
  | { kind: 'ideas' }
  | { kind: 'lanes'; laneIds: string[] }
  | { kind: 'phases'; phaseIds: string[] }
  | { kind: 'cards'; cardIds: string[] }
  | { kind: 'top'; roundId: string; n: number };
/** What a facilitator chooses when starting a round (kept in the round). */
export interface RoundSettings {
  criterion: string;
  budget: number;
  maxPerItem: number;
  durationMs: number | null;
  anonymous: boolean;
  facilitatorVotes: boolean;
  scope: RoundScope;
}
export interface RoundStartOp extends RoundSettings {
  kind: 'round.start';
  roundId: string;
}
export interface VoteAddOp {
  kind: 'vote.add';
  roundId: string;
  itemId: string;
}
export interface VoteRemoveOp {
  kind: 'vote.remove';
  roundId: string;
  itemId: string;
}
export interface VoteDoneOp {
  kind: 'vote.done';
  roundId: string;
  done: boolean;
}
export interface RoundCloseOp {
  kind: 'round.close';
  roundId: string;
}
export interface RoundCancelOp {
  kind: 'round.cancel';
  roundId: string;
}
export interface RoundReopenOp {
  kind: 'round.reopen';
  roundId: string;
}
export interface RoundPaperOp {
  kind: 'round.paper';
  roundId: string;
  label: string;
  votes: Record<string, number>;
}
export interface ImprovementsRoundsOp {
  kind: 'improvements.rounds';
  roundIds: string[];
}
export interface ImprovementUpdateOp {
  kind: 'improvement.update';
  itemId: string;
  owner?: string;
  status?: ImprovementStatus;
}

// ---- method: scores (SPEC-4 §2) ----
/**
 * `value` null removes the sender's score. Others receive the event without `value` (and
 * without `by`), P-METH-3: then only `effect.tally` says what changed.
 */
export interface ScoreSetOp {
  kind: 'score.set';
  scale: ScoreScale;
  targetId: string;
  value?: number | null;
}
// ---- evaluation (SPEC-4 §3) ----
export interface EvaluationOpenOp {
  kind: 'evaluation.open';
  open: boolean;
}
export interface EvaluationSubmitOp {
  kind: 'evaluation.submit';
  rating: number;
  remarks: string;
}
/** The closing poll (P-EVAL-1): open or close it (facilitator), answer it (everyone else too). */
export type EvaluationOp = EvaluationOpenOp | EvaluationSubmitOp;

/** The facilitator's controls (SPEC-3). */
export type FacilitationOp =
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
  | ParticipantRemoveOp;

/** Linking, grouping, voting and the improvement list (SPEC-3). */
export type VotingOp =
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
  | ImprovementUpdateOp;

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
  | FacilitationOp
  | VotingOp
  | ScoreSetOp
  | EvaluationOp;

/** What a recipient gets instead of an event it may not see: it only advances `seq`. */
export interface HiddenOp {
  kind: 'hidden';
}
/** The `op` of an event as it arrives: an operation, or `hidden`. */
export type EventOp = Operation | HiddenOp;

export type OperationKind = Operation['kind'];

// ---- board state (welcome.snapshot) ----
export interface WorkshopDoc {
  id: string;
  title: string;
  createdAt: number;
}
export interface PhaseDoc {
  id: string;
  title: string;
  orderKey: string;
}
export interface LaneDoc {
  id: string;
  title: string;
  kind: LaneKind;
  orderKey: string;
  /** The lane's guiding question, empty for none. The server always sends it; boardFromSnapshot
   *  reads a document without it as empty. */
  question?: string;
}
export interface JourneyDoc {
  id: string;
  title: string;
  targetGroup: TargetGroup;
  orderKey: string;
  /** Always sent by the server (null for none); a document without it reads as null. */
  persona?: Persona | null;
  phases: PhaseDoc[];
  lanes: LaneDoc[];
}
export interface CardDoc {
  id: string;
  journeyId: string;
  phaseId: string;
  laneId: string;
  text: string;
  color: CardColor;
  /** Omitted when the card is anonymous to this viewer. */
  authorId?: string;
  orderKey: string;
  createdAt: number;
  updatedAt: number;
  groupId: string | null;
  /** For an idea: the pain point it answers. */
  linkedTo: string | null;
  /** Only its author sees a private card. */
  private: boolean;
  /** The touchpoint's channel; the server always sends it, an old saved board lacks it (null). */
  channel?: Channel | null;
}
export interface StageDoc {
  id: string;
  title: string;
  instruction: string;
}
/** Running iff endsAt != null (server clock); when paused remainingMs holds the rest. */
export interface TimerDoc {
  durationMs: number;
  remainingMs: number;
  endsAt: number | null;
}
export interface FocusDoc {
  journeyId: string;
  phaseId: string | null;
}
export interface FacilitationDoc {
  stages: StageDoc[];
  stageId: string;
  timer: TimerDoc;
  locked: boolean;
  privateWriting: boolean;
  /** False while the facilitator keeps new participants out (P-JOIN-10). */
  doorOpen: boolean;
  privateCount: number;
  focus: FocusDoc | null;
  /** P-FAC-10: the stage pinned on the big screen; the server leaves it out when none (null here). */
  screenPin?: string | null;
  anonymity: Anonymity;
}
export interface GroupDoc {
  id: string;
  journeyId: string;
  title: string;
}
export interface RankingEntry {
  itemId: string;
  rank: number;
  tied: boolean;
  votes: number;
  digital: number;
  paper: number;
  voterIds?: string[];
}
export interface RoundResult {
  voters: number;
  ranking: RankingEntry[];
}
export interface PaperVotes {
  label: string;
  votes: Record<string, number>;
}
export interface RoundDoc extends RoundSettings {
  id: string;
  number: number;
  items: string[];
  status: RoundStatus;
  startedAt: number;
  endsAt: number | null;
  closedAt: number | null;
  /** The viewer's own votes. */
  myVotes: Record<string, number>;
  paper: PaperVotes[];
  result: RoundResult | null;
}
export interface ImprovementItemDoc {
  itemId: string;
  owner: string;
  status: ImprovementStatus;
}
export interface ImprovementsDoc {
  roundIds: string[];
  items: ImprovementItemDoc[];
}
/** How many scorers gave each value, lowest value first (−2…+2 or 1…5): 5 counts. */
export interface ScoreTally {
  scale: ScoreScale;
  targetId: string;
  counts: number[];
}
/** One (scale, target) with at least one score; `mine` is the viewer's own value. */
export interface ScoreDoc extends ScoreTally {
  mine: number | null;
}
/** One answer to the closing poll; anonymous (P-EVAL-2): an id `rN`, never who gave it. */
export interface EvaluationResponseDoc {
  id: string;
  rating: number;
  remarks: string;
}
/** P-EVAL-3: `responses` is filled for facilitators only; `mine` is the viewer's own answer. */
export interface EvaluationDoc {
  open: boolean;
  count: number;
  mine: { rating: number; remarks: string } | null;
  responses: EvaluationResponseDoc[];
}
export interface BoardSnapshot {
  workshop: WorkshopDoc;
  journeys: JourneyDoc[];
  cards: CardDoc[];
  facilitation: FacilitationDoc;
  groups: GroupDoc[];
  rounds: RoundDoc[];
  improvements: ImprovementsDoc;
  /** P-METH-4; the server always sends it, an old saved board lacks it (none). */
  scores?: ScoreDoc[];
  /** SPEC-4 §3; a board saved before it (or an older server) has none: closed, no answers. */
  evaluation?: EvaluationDoc;
}

// ---- client → server ----
export interface HelloMessage {
  type: 'hello';
  protocolVersion: number;
  workshopId: string;
  clientId: string;
  displayName: string;
  lastSeq: number;
  participantToken?: string;
  facilitatorKey?: string;
  /** The read-only big-screen capability (at most one of facilitatorKey / screenKey). */
  screenKey?: string;
}
export interface OpMessage {
  type: 'op';
  clientSeq: number;
  op: Operation;
}
export interface ClientPresenceMessage {
  type: 'presence';
  editing: string | null;
}
export interface PingMessage {
  type: 'ping';
  t: number;
}
export type ClientMessage = HelloMessage | OpMessage | ClientPresenceMessage | PingMessage;

// ---- server → client ----
export interface You {
  participantId: string;
  participantToken: string;
  displayName: string;
  role: Role;
}
/** What the server computed for an event (SPEC-3): the log keeps the op, replay recomputes it. */
export interface EventEffect {
  /** writing.private off: the cards that became visible. */
  revealed?: CardDoc[];
  /** round.start: the round's items. */
  items?: string[];
  /** round.close, round.paper on a closed round. */
  result?: RoundResult;
  /** score.set (every form): the counts of that scale and target after the change. */
  tally?: ScoreTally;
  /** Not in SPEC-3: applied when a server sends it (a count of private cards). */
  privateCount?: number;
  /** evaluation.submit, in every form, hidden too (P-EVAL-2): the response's id ("r3"). */
  responseId?: string;
  /** evaluation.submit: the number of responses so far. */
  count?: number;
}
/**
 * The body of an `event` message, and an element of `welcome.events`. `by`, `clientId` and
 * `clientSeq` are absent for the server's own events, anonymous card operations and `hidden`.
 */
export interface EventBody {
  seq: number;
  at: number;
  by?: string;
  clientId?: string;
  clientSeq?: number;
  op: EventOp;
  effect?: EventEffect;
}
export interface WelcomeMessage {
  type: 'welcome';
  protocolVersion: number;
  workshopId: string;
  you: You;
  seq: number;
  lastClientSeq: number;
  limits: { maxMessageBytes: number; maxCardText: number };
  /** For a facilitator and the big screen (P-ROLE-5): the code to share. */
  joinCode?: string;
  /** Only for a facilitator: the big-screen key. */
  screenKey?: string;
  /** The server clock (ms) when sent, to correct timers for clock skew. */
  serverTime?: number;
  snapshot?: BoardSnapshot;
  events?: EventBody[];
  /** Who is in the workshop now (P-PRES-3); later presence messages change it. */
  presence: PresenceList;
}
export interface EventMessage extends EventBody {
  type: 'event';
}
export interface AckMessage {
  type: 'ack';
  clientSeq: number;
  seq: number;
  duplicate?: boolean;
}
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
  | 'limit'
  | 'locked'
  | 'closed'
  | 'rate_limited'
  | 'internal';
export interface ErrorMessage {
  type: 'error';
  code: ErrorCode;
  message: string;
  clientSeq?: number;
}
/** One participant in the presence list (P-PRES-3): `editing` and `voting` only when set. */
export interface PresenceEntry {
  participantId: string;
  displayName: string;
  role: Role;
  online: boolean;
  /** The card they edit; absent while none. */
  editing?: string;
  /** During an open round, for those who count in its progress (P-VOTE-7): counts only. */
  voting?: VotingStatus;
}
export interface VotingStatus {
  used: number;
  done: boolean;
}
/** What changed of one participant: their id and only the changed fields (null: cleared). */
export interface PresenceUpdate {
  participantId: string;
  displayName?: string;
  role?: Role;
  online?: boolean;
  editing?: string | null;
  voting?: VotingStatus | null;
}
/** welcome.presence: the list, and how many offline participants it leaves out (P-PRES-5). */
export interface PresenceList {
  participants: PresenceEntry[];
  offline: number;
}
/**
 * presence (server → client): the whole list (P-PRES-4), or what changed since the last one
 * (P-PRES-3); `offline` in a change only when it changed.
 */
export interface ServerPresenceMessage {
  type: 'presence';
  participants?: PresenceEntry[];
  offline?: number;
  joined?: PresenceEntry[];
  updated?: PresenceUpdate[];
  left?: string[];
}
export interface PongMessage {
  type: 'pong';
  t: number;
}
export type ServerMessage =
  | WelcomeMessage
  | EventMessage
  | AckMessage
  | ErrorMessage
  | ServerPresenceMessage
  | PongMessage;

/** Close codes of protocol.md. */
export const CloseCode = {
  goingAway: 1001,
  tooBig: 1009,
  protocolVersion: 4000,
  forbidden: 4003,
  notFound: 4004,
  tooSlow: 4008,
  rateLimited: 4029,
} as const;

// ---- HTTP API ----
export interface CreateWorkshopResponse {
  workshopId: string;
  joinCode: string;
  facilitatorKey: string;
  /** Read-only big-screen key (issue 3). */
  screenKey?: string;
  title: string;
}
export interface JoinLookupResponse {
  workshopId: string;
  title: string;
}
export interface ApiErrorBody {
  error: { code: string; message: string };
}

/** A compile-time check that a switch over a union handled every case. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
