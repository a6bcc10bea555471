// What the sync client makes of a crowded room's presence (P-PRES-6, P-PRES-7): views get the
// listed people and ourselves, and counts of the rest without us.
import { describe, expect, it } from 'vitest';
import { sampleSnapshot } from './fakes';
import { Tab, you } from './testTabs';

describe('SyncClient: a crowded room', () => {
  it('P-PRES-7 lists us from `you` and takes us off the counts', () => {
    const tab = new Tab();
    tab.socket.open();
    tab.receive({
      type: 'welcome', protocolVersion: 5, workshopId: 'w1', you: you(), seq: 5, lastClientSeq: 0, snapshot: sampleSnapshot(),
      presence: { participants: [{ number: 2, participantId: 'u2', displayName: 'Sander', role: 'facilitator' }], offline: 3, online: 1499 },
    });
    expect(tab.client.participants.map((p) => p.displayName)).toEqual(['Sander']);
    expect(tab.client.unlisted.online).toBe(1499);
    tab.receive({ type: 'presence', online: 1500, voters: { count: 1500, done: 20 }, you: { number: 1, participantId: 'u1', displayName: 'Anna', voting: { used: 3, done: true } } });
    expect(tab.client.participants.map((p) => [p.displayName, p.role, p.online])).toEqual([
      ['Sander', 'facilitator', true],
      ['Anna', 'participant', true],
    ]);
    expect(tab.client.unlisted).toEqual({ online: 1499, offline: 3, voters: { count: 1499, done: 19 } });
    expect(tab.client.offlineCount).toBe(3);
  });
});
