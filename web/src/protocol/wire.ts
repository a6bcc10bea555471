// What the client needs of the wire contract beside the generated types (./types.ts, which
// re-exports this file): the protocol version, the value lists and limits as constants, the
// close codes, and names for groups of types the schemas do not name. Written by hand; the
// constants are checked against schemas/ by wire.test.ts.

import type {
  Anonymity,
  BoardLockOp,
  CardColor,
  CardGroupOp,
  CardLinkOp,
  CardUngroupOp,
  Channel,
  DoorSetOp,
  EvaluationOpenOp,
  EvaluationSubmitOp,
  EvaluationShowOp,
  FocusSetOp,
  GroupAddOp,
  GroupUpdateOp,
  HiddenOp,
  ImprovementStatus,
  ImprovementsRoundsOp,
  ImprovementUpdateOp,
  LaneKind,
  Operation,
  ParticipantRemoveOp,
  ParticipantRoleOp,
  RoundCancelOp,
  RoundCloseOp,
  RoundDoc,
  RoundPaperOp,
  RoundReopenOp,
  RoundStartOp,
  ScoreScale,
  ScreenPinOp,
  SettingsUpdateOp,
  StageSetOp,
  StageUpdateOp,
  TargetGroup,
  TimerAddOp,
  TimerPauseOp,
  TimerResetOp,
  TimerSetOp,
  TimerStartOp,
  VoteAddOp,
  VoteDoneOp,
  VoteRemoveOp,
  WritingPrivateOp,
} from './types';

export const PROTOCOL_VERSION = 5;

export const LANE_KINDS: readonly LaneKind[] = ['touchpoint', 'expectation', 'experience', 'emotion', 'pain_point', 'idea', 'custom'];
export const CARD_COLORS: readonly CardColor[] = ['yellow', 'green', 'blue', 'pink', 'orange', 'purple', 'grey'];
export const TARGET_GROUPS: readonly TargetGroup[] = ['inwoner', 'ondernemer', 'persona'];
/** The channel of a touchpoint (SPEC-4 §1, P-METH-1). */
export const CHANNELS: readonly Channel[] = ['website', 'phone', 'desk', 'letter', 'email', 'app', 'other'];
/** In the order of the board state's `scores` (P-METH-4). */
export const SCORE_SCALES: readonly ScoreScale[] = ['current', 'desired', 'expected', 'experienced'];
export const ANONYMITY_VALUES: readonly Anonymity[] = ['painPointsAndIdeas', 'all', 'none'];
export const IMPROVEMENT_STATUSES: readonly ImprovementStatus[] = ['open', 'planned', 'in_progress', 'done', 'dropped'];
/** The default stages (SPEC-3), in order; their ids are fixed. */
export const STAGE_IDS = ['prepare', 'map', 'ideas', 'vote', 'results', 'evaluate'] as const;

/** Emotion (−2…+2) on touchpoints; expectation and experience (1…5) on phases and touchpoints. */
export type EmotionScale = Extract<ScoreScale, 'current' | 'desired'>;
export type RatingScale = Extract<ScoreScale, 'expected' | 'experienced'>;
export type RoundStatus = RoundDoc['status'];

/** protocol.md "Identifiers and values": ids the client makes must match this. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const MAX_CARD_TEXT = 2000;
export const MAX_TITLE = 200;
export const MAX_DISPLAY_NAME = 60;
export const MAX_QUESTION = 300;
export const MAX_PERSONA_DESCRIPTION = 500;
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
/** How many remarks the big screen shows at once (P-EVAL-4). */
export const MAX_SHOWN_REMARKS = 3;

/** What a facilitator chooses when starting a round (kept in the round). */
export type RoundSettings = Omit<RoundStartOp, 'kind' | 'roundId'>;

/** The closing poll (P-EVAL-1): open or close it (facilitator), answer it (everyone else too), choose what the big screen shows (P-EVAL-4). */
export type EvaluationOp = EvaluationOpenOp | EvaluationSubmitOp | EvaluationShowOp;

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

/** The `op` of an event as it arrives: an operation, or `hidden`. */
export type EventOp = Operation | HiddenOp;
export type OperationKind = Operation['kind'];

/** Close codes of protocol.md. */
export const CloseCode = {
  goingAway: 1001,
  tooBig: 1009,
  protocolVersion: 4000,
  forbidden: 4003,
  notFound: 4004,
  tooSlow: 4008,
  /** P-WS-12: another node serves the workshop now (or will within a lease period): reconnect. */
  moved: 4010,
  rateLimited: 4029,
} as const;

/** A compile-time check that a switch over a union handled every case. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
