// P-JOIN-7: while the workshop's store cannot be reached (PostgreSQL restarting or failing over
// in a cluster), a hello gets error `unavailable` and close 1013. That is an outage the client
// rides out like a dropped connection: it says "reconnecting", keeps what is queued and tries
// again, without telling the person that something went wrong on every try.
import { describe, expect, it } from 'vitest';
import { FakeRoom } from './fakes';
import { Tab, addCard, join, rejoin } from './testTabs';

const TRY_AGAIN_LATER = 1013;

describe('SyncClient while the store is unavailable (P-JOIN-7)', () => {
  it('P-JOIN-7 keeps reconnecting after unavailable + 1013, shows no error notice, and sends the queued card once the workshop is back', () => {
    const room = new FakeRoom();
    const tab = new Tab();
    join(tab, room);
    const seq = tab.client.confirmedSeq;
    tab.socket.serverClose(1006);
    tab.client.submit(addCard('a1', 'tijdens de storing', 'a1'));

    for (let i = 0; i < 3; i++) {
      const before = tab.sockets.sockets.length;
      for (let waited = 0; tab.sockets.sockets.length === before && waited < 60_000; waited += 50) tab.clock.advance(50);
      expect(tab.sockets.sockets.length).toBe(before + 1);  // it tried again
      tab.socket.open();
      tab.socket.push({ type: 'error', code: 'unavailable', message: "the workshop's store cannot be reached now; try again" });
      tab.socket.flush();
      tab.socket.serverClose(TRY_AGAIN_LATER);
      expect(tab.client.status).toBe('reconnecting');
    }
    expect(tab.events.filter((e) => e.type === 'notice')).toEqual([]);
    expect(tab.client.pendingCount).toBe(1);

    const before = tab.sockets.sockets.length;
    for (let waited = 0; tab.sockets.sockets.length === before && waited < 60_000; waited += 50) tab.clock.advance(50);
    expect(rejoin(tab, room)).toEqual([expect.objectContaining({ type: 'hello', lastSeq: seq })]);
    expect(tab.client.status).toBe('online');
    expect(tab.client.pendingCount).toBe(0);
    expect(tab.client.board!.cards.get('a1')?.text).toBe('tijdens de storing');
  });
});
