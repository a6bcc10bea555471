import { describe, expect, it } from 'vitest';
import { FakeRoom } from './fakes';
import { BrowserSyncStore } from './SyncStore';
import { Tab, addCard, join } from './testTabs';

/** The board the tab saved, as the store hands it back. */
function savedBoard(tab: Tab) {
  return new BrowserSyncStore('w1', tab.local, tab.session, tab.clock.now()).loadBoard();
}

/** A tab that joined `room`, added card c1 and saved its board. */
function savedTab(room: FakeRoom): Tab {
  const tab = new Tab();
  join(tab, room);
  tab.client.submit(addCard('c1', 'echt'));
  room.serve();
  tab.clock.advance(5_000);
  expect(savedBoard(tab)?.snapshot.cards.map((c) => c.text)).toEqual(['echt']);
  return tab;
}

describe('SyncClient: divergence cannot persist (P-SYNC-10)', () => {
  it('P-SYNC-10 a saved board changed in storage is found by the welcome digest and replaced by a snapshot, keeping pending operations', () => {
    const room = new FakeRoom();
    const tab = savedTab(room);
    tab.client.stop();
    const store = new BrowserSyncStore('w1', tab.local, tab.session, tab.clock.now());
    const saved = store.loadBoard()!;
    saved.snapshot.cards[0]!.text = 'vervalst';
    store.saveBoard(saved);

    tab.boot(); // the page is loaded again
    tab.client.submit(addCard('c2', 'nieuw', 'a1'));
    room.accept(tab.socket);
    expect(tab.socket.sent[0]).toMatchObject({ type: 'hello', lastSeq: 1 });
    room.process();
    tab.socket.flush(); // a welcome without events, whose digest is not the tampered board's
    expect(tab.logs).toHaveLength(1);
    expect(tab.logs[0]).toMatch(/digest at seq 1 \(welcome\)/);
    expect(tab.events.some((e) => e.type === 'diverged')).toBe(true);
    expect(savedBoard(tab)).toBeNull(); // the diverged board is never kept
    expect(tab.client.pendingCount).toBe(1);

    room.accept(tab.socket); // the resync: a snapshot this time
    expect(tab.socket.sent[0]).toMatchObject({ type: 'hello', lastSeq: 0 });
    room.serve();
    room.serve();
    expect(tab.client.board!.cards.get('c1')!.text).toBe('echt');
    expect(tab.client.board!.cards.get('c2')!.text).toBe('nieuw');
    expect(tab.client.pendingCount).toBe(0);
    tab.clock.advance(5_000);
    expect(savedBoard(tab)?.snapshot.cards.map((c) => c.text).sort()).toEqual(['echt', 'nieuw']);
  });

  it('P-SYNC-10 an ack whose digest differs from the board at its seq drops the board and resyncs', () => {
    const room = new FakeRoom();
    const tab = savedTab(room);
    tab.client.submit(addCard('c2', 'nieuw', 'a1'));
    // The server's event for c2 was lost in a way the seq cannot show: the board is wrong.
    tab.socket.push({ type: 'event', seq: 2, at: 2, op: { kind: 'hidden' } });
    tab.socket.push({ type: 'ack', clientSeq: 2, seq: 2, digest: '00000000' });
    tab.socket.flush();
    expect(tab.logs[0]).toMatch(/digest at seq 2 \(ack\)/);
    expect(savedBoard(tab)).toBeNull();
    expect(tab.client.pendingCount).toBe(1); // the ack of a diverged board is not taken
    expect(tab.sockets.sockets).toHaveLength(2);
  });

  it('P-SYNC-10 an event whose patch cannot be applied makes the client resync instead of going on', () => {
    const room = new FakeRoom();
    const tab = savedTab(room);
    tab.socket.push({ type: 'event', seq: 2, at: 2, op: { kind: 'journey.update', journeyId: 'j1', title: 'x' }, patch: { journeys: [{ id: 'j1' }] } });
    tab.socket.flush();
    expect(tab.logs[0]).toMatch(/event 2 did not apply/);
    expect(tab.client.confirmedSeq).toBe(1);
    expect(savedBoard(tab)).toBeNull();
    expect(tab.sockets.sockets).toHaveLength(2);
  });

  it('a digest that matches changes nothing', () => {
    const room = new FakeRoom();
    const tab = savedTab(room); // every fake ack carries a digest
    tab.client.submit(addCard('c2', 'nieuw', 'a1'));
    room.serve();
    expect(tab.logs).toEqual([]);
    expect(tab.sockets.sockets).toHaveLength(1);
  });
});
