// How far the room is with the open round, from the presence the server sends: who may vote in
// it (P-VOTE-7, presence.voting) and who said "Ik ben klaar". Counting only, no rule: the
// server decides who is a voter.

import type { Person, VoterCount } from '../../sync/presence';

export interface VoterProgress {
  done: number;
  count: number;
}

/** `unlisted`: the voters a crowded room's list counts instead of naming (P-PRES-6). */
export function voterProgress(participants: readonly Person[], unlisted: VoterCount = { count: 0, done: 0 }): VoterProgress {
  const voters = participants.filter((p) => p.voting);
  return { done: voters.filter((p) => p.voting?.done === true).length + unlisted.done, count: voters.length + unlisted.count };
}
