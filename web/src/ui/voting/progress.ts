// How far the room is with the open round, from the presence the server sends: who may vote in
// it (P-VOTE-7, presence.voting) and who said "Ik ben klaar". Counting only, no rule: the
// server decides who is a voter.

import type { PresenceEntry } from '../../protocol/types';

export interface VoterProgress {
  done: number;
  count: number;
}

export function voterProgress(participants: readonly PresenceEntry[]): VoterProgress {
  const voters = participants.filter((p) => p.voting);
  return { done: voters.filter((p) => p.voting?.done === true).length, count: voters.length };
}
