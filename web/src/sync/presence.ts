// The presence list as the server sends it: the welcome's list, then changes to it
// (protocol P-PRES-3 … P-PRES-7). Plain functions: the sync client keeps the result.

import type { PresenceEntry, PresenceList, Role, ServerPresenceMessage, VotingStatus } from '../protocol/types';

/** One participant as the views show them: the wire's entry with its usual values filled in (P-PRES-3). */
export interface Person {
  readonly number: number;
  readonly participantId: string;
  readonly displayName: string;
  readonly role: Role;
  readonly online: boolean;
  readonly editing?: string;
  readonly voting?: VotingStatus;
}

/** Voters of the open round a list leaves out, and how many of them are done (P-PRES-6). */
export interface VoterCount {
  readonly count: number;
  readonly done: number;
}

export interface PresenceState {
  /** By participant number, in the server's order. */
  readonly entries: ReadonlyMap<number, Person>;
  /** Offline participants the list leaves out (P-PRES-5). */
  readonly offline: number;
  /** Online participants a crowded room's list leaves out (P-PRES-6). */
  readonly online: number;
  /** Voters a crowded room's list leaves out (P-PRES-6). */
  readonly voters: VoterCount;
  /** Our own entry, where a crowded room's list leaves it out (P-PRES-7). */
  readonly you: Person | null;
}

/** Who the list leaves out, not counting ourselves: what views add to those they list. */
export interface Unlisted {
  readonly online: number;
  readonly offline: number;
  readonly voters: VoterCount;
}

const NO_VOTERS: VoterCount = { count: 0, done: 0 };
export const NO_PRESENCE: PresenceState = { entries: new Map(), offline: 0, online: 0, voters: NO_VOTERS, you: null };

function person(e: PresenceEntry): Person {
  return { ...e, role: e.role ?? 'participant', online: e.online ?? true };
}

export function presenceFromList(list: PresenceList, you: Person | null = null): PresenceState {
  return {
    entries: new Map(list.participants.map((p) => [p.number, person(p)])),
    offline: list.offline,
    online: list.online ?? 0,
    voters: list.voters ?? NO_VOTERS,
    you,
  };
}

/** The state after `msg`: a whole list replaces it, a change is applied to it. */
export function applyPresence(state: PresenceState, msg: ServerPresenceMessage): PresenceState {
  const you = msg.you ? person(msg.you) : state.you;
  if (msg.participants) return presenceFromList({ participants: msg.participants, offline: msg.offline ?? 0, online: msg.online, voters: msg.voters }, you);
  const entries = new Map(state.entries);
  for (const p of msg.joined ?? []) entries.set(p.number, person(p));
  for (const change of msg.updated ?? []) {
    const before = entries.get(change.number);
    if (!before) continue; // a change to someone we do not hold: the next whole list mends it
    const { editing, voting, ...rest } = change;
    const after: { -readonly [K in keyof Person]: Person[K] } = { ...before, ...rest };
    if (editing !== undefined) {
      if (editing === null) delete after.editing;
      else after.editing = editing;
    }
    if (voting !== undefined) {
      if (voting === null) delete after.voting;
      else after.voting = voting;
    }
    entries.set(change.number, after);
  }
  for (const number of msg.left ?? []) entries.delete(number);
  return {
    entries,
    offline: msg.offline ?? state.offline,
    online: msg.online ?? state.online,
    voters: msg.voters ?? state.voters,
    you,
  };
}

/** Our own entry when the list leaves it out (P-PRES-7); the list's own when it holds it. */
function unlistedYou(state: PresenceState): Person | null {
  return state.you && !state.entries.has(state.you.number) ? state.you : null;
}

/** Everyone we can name: the list, and ourselves where a crowded room's list leaves us out. */
export function peopleOf(state: PresenceState): Person[] {
  const you = unlistedYou(state);
  return you ? [...state.entries.values(), you] : [...state.entries.values()];
}

/** What the list counts instead of listing, without ourselves (peopleOf holds us). */
export function unlistedOf(state: PresenceState): Unlisted {
  const you = unlistedYou(state);
  const minus = (n: number, by: boolean) => Math.max(0, n - (by ? 1 : 0));
  return {
    online: minus(state.online, you?.online === true),
    offline: minus(state.offline, you?.online === false),
    voters: { count: minus(state.voters.count, !!you?.voting), done: minus(state.voters.done, you?.voting?.done === true) },
  };
}
