// The wire messages of docs/protocol.md (version 1), written by hand from that page.
// They must match the JSON Schemas in schemas/ (the machine-readable contract); when schemas/
// lands, these should be generated from it and marked "generated, do not edit".

export const PROTOCOL_VERSION = 1;

export type Role = 'participant' | 'facilitator';
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
}
export interface CardUpdateOp {
  kind: 'card.update';
  cardId: string;
  text?: string;
  color?: CardColor;
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
  | LaneDeleteOp;

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
  /** The lane's guiding question, empty for none. */
  question: string;
}
export interface JourneyDoc {
  id: string;
  title: string;
  targetGroup: TargetGroup;
  orderKey: string;
  persona: Persona | null;
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
  authorId: string;
  orderKey: string;
  createdAt: number;
  updatedAt: number;
}
export interface BoardSnapshot {
  workshop: WorkshopDoc;
  journeys: JourneyDoc[];
  cards: CardDoc[];
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
/** The body of an `event` message, and an element of `welcome.events`. */
export interface EventBody {
  seq: number;
  at: number;
  by: string;
  clientId: string;
  clientSeq: number;
  op: Operation;
}
export interface WelcomeMessage {
  type: 'welcome';
  protocolVersion: number;
  workshopId: string;
  you: You;
  seq: number;
  lastClientSeq: number;
  limits: { maxMessageBytes: number; maxCardText: number };
  /** Only for a facilitator: the code to share. */
  joinCode?: string;
  snapshot?: BoardSnapshot;
  events?: EventBody[];
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
  | 'internal';
export interface ErrorMessage {
  type: 'error';
  code: ErrorCode;
  message: string;
  clientSeq?: number;
}
export interface PresenceEntry {
  participantId: string;
  displayName: string;
  role: Role;
  online: boolean;
  editing: string | null;
}
export interface ServerPresenceMessage {
  type: 'presence';
  participants: PresenceEntry[];
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
