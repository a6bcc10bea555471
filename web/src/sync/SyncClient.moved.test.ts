// P-WS-12: close 4010 says another node serves the workshop now (a failover, a node handing its
// workshops back, a draining node). The client reconnects as after a restart, with a backoff
// that stays short, since the workshop is served again within a lease period (3 s).
import { describe, expect, it } from 'vitest';
import { CloseCode } from '../protocol/wire';
import { FakeRoom } from './fakes';
import { Tab, addCard, join, rejoin } from './testTabs';

/** Closes each new socket with `code` before a welcome, `times` times; the waits in between. */
function refusedReconnects(tab: Tab, code: number, times: number): number[] {
  const waits: number[] = [];
  for (let i = 0; i < times; i++) {
    const before = tab.sockets.sockets.length;
    tab.socket.open();
    tab.socket.serverClose(code);
    let waited = 0;
    while (tab.sockets.sockets.length === before && waited < 60_000) {
      tab.clock.advance(50);
      waited += 50;
    }
    waits.push(waited);
  }
  return waits;
}

describe('SyncClient close 4010 (P-WS-12)', () => {
  it('P-WS-12 is the moved close code of the protocol', () => {
    expect(CloseCode.moved).toBe(4010);
  });

  it('P-WS-12 reconnects after 4010, rejoins with lastSeq and resends what was not acknowledged', () => {
    const room = new FakeRoom();
    const tab = new Tab();
    join(tab, room);
    tab.client.submit(addCard('a1', 'voor de overname', 'a1'));
    room.serve();
    expect(tab.client.pendingCount).toBe(0);
    const seq = tab.client.confirmedSeq;

    tab.client.submit(addCard('a2', 'tijdens de overname', 'a2'));
    tab.socket.serverClose(CloseCode.moved);
    expect(tab.client.status).toBe('reconnecting');
    tab.clock.advance(1_000);
    expect(rejoin(tab, room)).toEqual([expect.objectContaining({ type: 'hello', lastSeq: seq })]);
    expect(tab.client.status).toBe('online');
    expect(tab.client.pendingCount).toBe(0);
    expect(tab.client.board!.cards.get('a2')?.text).toBe('tijdens de overname');
  });

  it('P-WS-12 keeps retrying after repeated 4010 without the backoff passing a second', () => {
    const tab = new Tab();
    join(tab, new FakeRoom());
    tab.socket.serverClose(CloseCode.moved);
    const waits = refusedReconnects(tab, CloseCode.moved, 8);
    expect(tab.client.status).toBe('reconnecting');
    expect(Math.max(...waits)).toBeLessThanOrEqual(1_000);
    // Still a backoff: the waits grow up to that ceiling.
    expect(waits.at(-1)!).toBeGreaterThan(waits[0]!);
  });

  it('P-WS-12 leaves the backoff of other closes as it was (1001 grows past a second)', () => {
    const tab = new Tab();
    join(tab, new FakeRoom());
    tab.socket.serverClose(CloseCode.goingAway);
    const waits = refusedReconnects(tab, CloseCode.goingAway, 8);
    expect(Math.max(...waits)).toBeGreaterThan(1_000);
  });
});
