// The presence list as the server sends it: the welcome's list, then changes to it
// (protocol P-PRES-3, P-PRES-4). Plain functions: the sync client keeps the result.

import type { PresenceEntry, PresenceList, ServerPresenceMessage } from '../protocol/types';

export interface PresenceState {
  /** By participant id, in the server's order. */
  readonly entries: ReadonlyMap<string, PresenceEntry>;
  /** Offline participants the list leaves out (P-PRES-5). */
  readonly offline: number;
}

export const NO_PRESENCE: PresenceState = { entries: new Map(), offline: 0 };

export function presenceFromList(list: PresenceList): PresenceState {
  return { entries: new Map(list.participants.map((p) => [p.participantId, p])), offline: list.offline };
}

/** The state after `msg`: a whole list replaces it, a change is applied to it. */
export function applyPresence(state: PresenceState, msg: ServerPresenceMessage): PresenceState {
  if (msg.participants) return presenceFromList({ participants: msg.participants, offline: msg.offline ?? 0 });
  const entries = new Map(state.entries);
  for (const p of msg.joined ?? []) entries.set(p.participantId, p);
  for (const change of msg.updated ?? []) {
    const before = entries.get(change.participantId);
    if (!before) continue; // a change to someone we do not hold: the next whole list mends it
    const { editing, voting, ...rest } = change;
    const after: PresenceEntry = { ...before, ...rest };
    if (editing !== undefined) {
      if (editing === null) delete after.editing;
      else after.editing = editing;
    }
    if (voting !== undefined) {
      if (voting === null) delete after.voting;
      else after.voting = voting;
    }
    entries.set(change.participantId, after);
  }
  for (const id of msg.left ?? []) entries.delete(id);
  return { entries, offline: msg.offline ?? state.offline };
}
