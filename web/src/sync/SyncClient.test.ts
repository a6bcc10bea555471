import { describe, expect, it } from 'vitest';
import { SyncClient, type SyncEvent } from './SyncClient';
import { FakeRoom, sampleSnapshot } from './fakes';
import { BrowserSyncStore } from './SyncStore';
import { MemoryStorage } from '../util/MemoryStorage';
import type { Operation } from '../protocol/types';
import { Tab, addCard, addCardDoc, cardPatch, event, join, ops, you } from './testTabs';
import { defaultFacilitation } from '../model/facilitation';

describe('SyncClient handshake', () => {
  it('sends hello with protocol version, clientId, name and lastSeq 0 on first connect', () => {
    const tab = new Tab();
    tab.socket.open();
    const [hello] = tab.socket.takeSent();
    expect(hello).toMatchObject({ type: 'hello', protocolVersion: 5, workshopId: 'w1', displayName: 'Anna', lastSeq: 0 });
    expect(hello).not.toHaveProperty('participantToken');
    expect((hello as { clientId: string }).clientId).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });

  it('P-JOIN-5 keeps the participant token and sends it after a reload', () => {
    const room = new FakeRoom();
    const tab = new Tab();
    join(tab, room);
    const firstId = tab.client.me?.participantId;
    tab.client.stop();
    tab.boot();
    tab.socket.open();
    const [hello] = tab.socket.takeSent();
    expect(hello).toMatchObject({ type: 'hello', participantToken: `token-${firstId}` });
  });

  it('sends the facilitator key when it has one', () => {
    const tab = new Tab();
    tab.client.stop();
    const client = new SyncClient({
      url: 'ws://test/ws',
      workshopId: 'w1',
      displayName: 'Bea',
      facilitatorKey: 'k'.repeat(43),
      store: new BrowserSyncStore('w1', tab.local, tab.session),
      socketFactory: tab.sockets.create,
      clock: tab.clock,
      network: tab.network,
    });
    client.start();
    tab.socket.open();
    expect(tab.socket.takeSent()[0]).toMatchObject({ facilitatorKey: 'k'.repeat(43) });
  });

  it('P-SYNC-5 a welcome with a snapshot replaces the whole board', () => {
    const tab = new Tab();
    tab.socket.open();
    const snapshot = sampleSnapshot();
    snapshot.cards.push({ ...addCardDoc('c1'), text: 'van de server' });
    tab.socket.push({ type: 'welcome', protocolVersion: 4, workshopId: 'w1', you: you(), seq: 7, lastClientSeq: 0, snapshot });
    tab.socket.flush();
    expect(tab.client.status).toBe('online');
    expect(tab.client.confirmedSeq).toBe(7);
    expect(tab.client.board?.cards.get('c1')?.text).toBe('van de server');

    // A later snapshot (after a reconnect too old for deltas) drops what it does not hold.
    tab.socket.serverClose(1006);
    tab.clock.advance(10_000);
    tab.socket.open();
    const other = sampleSnapshot();
    other.cards.push({ ...addCardDoc('c2'), text: 'nieuw' });
    tab.socket.push({ type: 'welcome', protocolVersion: 4, workshopId: 'w1', you: you(), seq: 20000, lastClientSeq: 0, snapshot: other });
    tab.socket.flush();
    expect([...tab.client.board!.cards.keys()]).toEqual(['c2']);
    expect(tab.client.confirmedSeq).toBe(20000);
  });
});

describe('SyncClient operations', () => {
  it('P-SYNC-6 shows an own operation at once, before the server has it', () => {
    const room = new FakeRoom();
    const tab = new Tab();
    join(tab, room);
    tab.client.submit(addCard('c1', 'eerste'));
    expect(tab.client.board?.cards.get('c1')?.text).toBe('eerste');
    expect(tab.client.pendingCount).toBe(1);
    expect(room.board.cards.has('c1')).toBe(false);
    expect(ops(tab.socket.sent)).toEqual([{ clientSeq: 1, op: addCard('c1', 'eerste') }]);
  });

  it('P-SYNC-6 re-applies pending operations on top of each remote event', () => {
    const tab = new Tab();
    const room = new FakeRoom();
    room.board.cards.set('c1', { ...addCardDoc('c1'), text: 'oud' });
    join(tab, room);
    tab.socket.takeSent();
    tab.client.submit({ kind: 'card.update', cardId: 'c1', text: 'mijn tekst' });
    // Someone else's change to the same card arrives first: colour and text.
    tab.socket.push(event(1, { kind: 'card.update', cardId: 'c1', text: 'hun tekst', color: 'blue' }, undefined, undefined, cardPatch('c1', { text: 'hun tekst', color: 'blue' })));
    tab.socket.flush();
    const card = tab.client.board!.cards.get('c1')!;
    expect(card.color).toBe('blue');
    expect(card.text).toBe('mijn tekst'); // ours is on top until the server orders it
    expect(tab.client.confirmedSeq).toBe(1);
    expect(tab.client.pendingCount).toBe(1);
  });

  it('P-SYNC-3 the confirmed state follows server order: a later remote write wins over ours', () => {
    const tab = new Tab();
    const room = new FakeRoom();
    room.board.cards.set('c1', { ...addCardDoc('c1'), text: 'oud' });
    join(tab, room);
    const seq = tab.client.submit({ kind: 'card.update', cardId: 'c1', text: 'mijn tekst' });
    tab.socket.push(event(1, { kind: 'card.update', cardId: 'c1', text: 'mijn tekst' }, seq, 1, cardPatch('c1', { text: 'mijn tekst' })));
    tab.socket.push(event(2, { kind: 'card.update', cardId: 'c1', text: 'hun tekst' }, undefined, undefined, cardPatch('c1', { text: 'hun tekst' })));
    tab.socket.push({ type: 'ack', clientSeq: seq, seq: 1 });
    tab.socket.flush();
    expect(tab.client.board!.cards.get('c1')!.text).toBe('hun tekst');
    expect(tab.client.pendingCount).toBe(0);
  });

  it('P-SYNC-1 drops a pending operation when its own event arrives, and the later ack is harmless', () => {
    const room = new FakeRoom();
    const tab = new Tab();
    join(tab, room);
    tab.client.submit(addCard('c1'));
    room.serve();
    expect(tab.client.pendingCount).toBe(0);
    expect(tab.client.confirmedSeq).toBe(1);
    expect(tab.client.board?.cards.get('c1')).toBeDefined();
    // The same ack again (e.g. a duplicate answer) changes nothing.
    tab.socket.push({ type: 'ack', clientSeq: 1, seq: 1 });
    tab.socket.flush();
    expect(tab.client.pendingCount).toBe(0);
    expect(tab.client.board?.cards.size).toBe(1);
  });

  it('P-SYNC-4 drops a pending operation on a duplicate ack', () => {
    const tab = new Tab();
    join(tab, new FakeRoom());
    tab.client.submit(addCard('c1'));
    tab.socket.push({ type: 'ack', clientSeq: 1, seq: 0, duplicate: true });
    tab.socket.flush();
    expect(tab.client.pendingCount).toBe(0);
  });

  it('P-SYNC-2 drops the operation an error names, shows the board without it, and reports it', () => {
    const room = new FakeRoom();
    const tab = new Tab();
    join(tab, room);
    tab.client.submit(addCard('c1', 'goed'));
    tab.client.submit({ kind: 'card.move', cardId: 'c1', phaseId: 'nope', laneId: 'l1', orderKey: 'a0' });
    tab.client.submit({ kind: 'card.update', cardId: 'c1', text: 'fout' });
    tab.socket.takeSent();
    tab.socket.push({ type: 'error', code: 'invalid', message: 'text too long', clientSeq: 3 });
    tab.socket.flush();
    expect(tab.client.pendingOps.map((p) => p.clientSeq)).toEqual([1, 2]);
    expect(tab.client.board!.cards.get('c1')!.text).toBe('goed');
    expect(tab.events).toContainEqual({
      type: 'rejected',
      op: { kind: 'card.update', cardId: 'c1', text: 'fout' },
      code: 'invalid',
      message: 'text too long',
    });
  });

  it('keeps what a locked board refused, shows it, and sends it with new numbers once unlocked', () => {
    const tab = new Tab();
    join(tab, new FakeRoom());
    tab.client.submit(addCard('c1', 'offline geschreven'));
    tab.client.submit(addCard('c2', 'nog een', 'a1'));
    tab.socket.takeSent();
    // The server refuses both: the facilitator locked the board (its event may come after).
    tab.socket.push({ type: 'error', code: 'locked', message: 'op: the board is locked', clientSeq: 1 });
    tab.socket.push({ type: 'error', code: 'locked', message: 'op: the board is locked', clientSeq: 2 });
    tab.socket.push(event(1, { kind: 'board.lock', locked: true }, undefined, undefined, { facilitation: { ...defaultFacilitation(), locked: true } }));
    tab.socket.flush();
    expect(tab.client.pendingOps.map((p) => p.held)).toEqual([true, true]);
    expect(tab.client.board!.cards.get('c1')!.text).toBe('offline geschreven');
    expect(tab.events.filter((e) => e.type === 'held')).toHaveLength(2);
    expect(tab.events.some((e) => e.type === 'rejected')).toBe(false);
    expect(ops(tab.socket.takeSent())).toEqual([]);

    tab.socket.push(event(2, { kind: 'board.lock', locked: false }, undefined, undefined, { facilitation: defaultFacilitation() }));
    tab.socket.flush();
    const resent = ops(tab.socket.takeSent());
    expect(resent.map((o) => o.clientSeq)).toEqual([3, 4]);
    expect(resent.map((o) => (o.op as { cardId: string }).cardId)).toEqual(['c1', 'c2']);
    expect(tab.client.pendingOps.every((p) => p.held === undefined)).toBe(true);
  });

  it('keeps held operations across a reconnect and sends them when the welcome shows the board open', () => {
    const room = new FakeRoom();
    const tab = new Tab();
    join(tab, room);
    tab.client.submit(addCard('c1', 'bewaard'));
    tab.socket.takeSent();
    tab.socket.push({ type: 'error', code: 'locked', message: 'op: the board is locked', clientSeq: 1 });
    tab.socket.flush();
    room.cut(tab.socket);
    tab.clock.advance(10_000);
    join(tab, room); // the fake room's board is not locked; its lastClientSeq for us is 0
    const resent = ops(tab.socket.sent);
    expect(resent).toEqual([{ clientSeq: 2, op: addCard('c1', 'bewaard') }]);
    room.serve();
    expect(tab.client.pendingCount).toBe(0);
    expect(tab.client.board!.cards.get('c1')!.text).toBe('bewaard');
  });

  it('an error without a clientSeq becomes a notice and drops nothing', () => {
    const tab = new Tab();
    join(tab, new FakeRoom());
    tab.client.submit(addCard('c1'));
    tab.socket.push({ type: 'error', code: 'bad_message', message: 'hm' });
    tab.socket.flush();
    expect(tab.client.pendingCount).toBe(1);
    expect(tab.events).toContainEqual({ type: 'notice', code: 'bad_message', message: 'hm' });
  });

  it('a pending update of a card someone else deleted is not shown, and its error drops it', () => {
    const room = new FakeRoom();
    room.board.cards.set('c1', addCardDoc('c1'));
    const tab = new Tab();
    join(tab, room);
    tab.client.submit({ kind: 'card.update', cardId: 'c1', color: 'green' });
    tab.socket.push(event(1, { kind: 'card.delete', cardId: 'c1' }, undefined, undefined, { removed: { cards: ['c1'] } }));
    tab.socket.flush();
    expect(tab.client.board!.cards.has('c1')).toBe(false);
    tab.socket.push({ type: 'error', code: 'not_found', message: 'no card c1', clientSeq: 1 });
    tab.socket.flush();
    expect(tab.client.pendingCount).toBe(0);
    expect(tab.client.status).toBe('online'); // an op error is not a join failure
  });

  it('reports remote changes with who made them and the card before, and not its own', () => {
    const room = new FakeRoom();
    room.board.cards.set('c1', { ...addCardDoc('c1'), text: 'voor' });
    const tab = new Tab();
    join(tab, room);
    tab.socket.push({ type: 'presence', joined: [{ participantId: 'u7', number: 7, displayName: 'Bram', role: 'participant', online: true }] });
    tab.socket.flush();
    tab.events.length = 0;
    tab.socket.push(event(1, { kind: 'card.delete', cardId: 'c1' }, undefined, 7));
    tab.socket.flush();
    const boards = tab.events.filter((e) => e.type === 'board');
    expect(boards).toHaveLength(1);
    expect(boards[0]).toMatchObject({ remote: [{ by: 'u7', cardBefore: { text: 'voor' } }] });
  });

  it('P-SYNC-11 reads by as a participant number, and only a copy with clientSeq as its own', () => {
    const tab = new Tab();
    join(tab, new FakeRoom());
    tab.socket.takeSent();
    const seq = tab.client.submit(addCard('c1', 'mijn kaart'));
    tab.events.length = 0;
    // Our participant (number 1) from another tab: no clientSeq, so not this tab's pending op.
    tab.socket.push(event(1, addCard('c2', 'andere tab'), undefined, 1, cardPatch('c2', { text: 'andere tab' })));
    // Someone the presence list does not hold (an offline participant, P-PRES-5).
    tab.socket.push(event(2, addCard('c3', 'onbekend'), undefined, 42, cardPatch('c3', { text: 'onbekend' })));
    tab.socket.flush();
    expect(tab.client.pendingCount).toBe(1);
    const remote = tab.events.flatMap((e) => (e.type === 'board' ? e.remote : []));
    expect(remote.map((r) => r.by)).toEqual(['u1', '']);
    // Our own copy carries the clientSeq: it confirms the pending op and is no remote change.
    tab.events.length = 0;
    tab.socket.push(event(3, addCard('c1', 'mijn kaart'), seq, 1, cardPatch('c1', { text: 'mijn kaart' })));
    tab.socket.flush();
    expect(tab.client.pendingCount).toBe(0);
    expect(tab.events.flatMap((e) => (e.type === 'board' ? e.remote : []))).toEqual([]);
  });

  it('ignores an event it already has, and resyncs with a snapshot on a gap', () => {
    const tab = new Tab();
    join(tab, new FakeRoom());
    tab.socket.takeSent();
    tab.socket.push(event(1, addCard('c1'), undefined, undefined, cardPatch('c1', { text: 'tekst' })));
    tab.socket.push(event(1, addCard('c1', 'dubbel')));
    tab.socket.flush();
    expect(tab.client.board!.cards.get('c1')!.text).toBe('tekst');
    const first = tab.socket;
    tab.socket.push(event(3, addCard('c3')));
    tab.socket.flush();
    expect(first.closedByClient).not.toBeNull();
    expect(tab.socket).not.toBe(first);
    tab.socket.open();
    expect(tab.socket.takeSent()[0]).toMatchObject({ type: 'hello', lastSeq: 0 });
  });
});

describe('SyncClient reconnect', () => {
  it('P-SYNC-5 reconnects after a drop, asks for what it missed, and resends pending operations in order', () => {
    const room = new FakeRoom();
    const tab = new Tab();
    const other = new Tab(new MemoryStorage(), 'Bob');
    join(tab, room);
    join(other, room);
    other.client.submit(addCard('b1', 'van Bob'));
    room.serve();
    expect(tab.client.confirmedSeq).toBe(1);

    room.cut(tab.socket);
    expect(tab.client.status).toBe('reconnecting');
    // Offline edits pile up.
    tab.client.submit(addCard('a1', 'een', 'a1'));
    tab.client.submit(addCard('a2', 'twee', 'a2'));
    tab.client.submit({ kind: 'card.update', cardId: 'a1', text: 'een!' });
    other.client.submit(addCard('b2', 'nog een van Bob', 'a3'));
    room.serve();
    expect(tab.client.pendingCount).toBe(3);

    tab.clock.advance(10_000);
    room.accept(tab.socket);
    expect(tab.socket.sent).toEqual([expect.objectContaining({ type: 'hello', lastSeq: 1 })]);
    room.process();
    tab.socket.flush(); // the welcome, with Bob's second card as a missed event
    expect(tab.client.board!.cards.get('b2')?.text).toBe('nog een van Bob');
    const resent = ops(tab.socket.sent);
    expect(resent.map((o) => o.clientSeq)).toEqual([1, 2, 3]);
    expect(resent.map((o) => o.op.kind)).toEqual(['card.add', 'card.add', 'card.update']);
    room.serve();
    room.serve();
    expect(tab.client.pendingCount).toBe(0);
    expect(cardsOf(tab)).toEqual(cardsOf(other));
    expect(tab.client.board!.cards.get('a1')!.text).toBe('een!');
  });

  it('P-SYNC-4 after a reconnect, drops what welcome.lastClientSeq says the server already has', () => {
    const room = new FakeRoom();
    const tab = new Tab();
    join(tab, room);
    tab.client.submit(addCard('a1'));
    tab.client.submit(addCard('a2', 'x', 'a1'));
    // The server processes both, but the connection dies before any answer reaches us.
    room.process();
    room.cut(tab.socket);
    expect(tab.client.pendingCount).toBe(2);
    tab.clock.advance(10_000);
    join(tab, room);
    expect(tab.client.pendingCount).toBe(0);
    expect(ops(tab.socket.sent)).toEqual([]);
    expect(tab.client.board!.cards.has('a2')).toBe(true);
  });

  it('ignores late messages from an old socket after it has moved on', () => {
    const room = new FakeRoom();
    const tab = new Tab();
    join(tab, room);
    const old = tab.socket;
    room.cut(old);
    tab.clock.advance(10_000);
    expect(tab.socket).not.toBe(old);
    join(tab, room);
    old.push(event(1, addCard('ghost')));
    old.push({ type: 'presence', participants: [] });
    old.flush();
    old.serverClose(1006);
    expect(tab.client.board!.cards.has('ghost')).toBe(false);
    expect(tab.client.confirmedSeq).toBe(0);
    expect(tab.client.participants).toHaveLength(1);
    expect(tab.client.status).toBe('online');
    tab.clock.advance(60_000);
    expect(tab.sockets.sockets).toHaveLength(2); // the old close did not start another attempt
  });

  it('backs off from about 250 ms towards 10 s between failed attempts, and resets once welcomed', () => {
    const tab = new Tab();
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      const before = tab.sockets.sockets.length;
      tab.socket.serverClose(1006);
      let waited = 0;
      while (tab.sockets.sockets.length === before) {
        tab.clock.advance(1);
        waited++;
      }
      delays.push(waited);
    }
    // random() is 0.5, so each delay is 75% of its ceiling.
    expect(delays).toEqual([188, 375, 750, 1500, 3000, 6000, 7500, 7500]);
    join(tab, new FakeRoom());
    tab.socket.serverClose(1006);
    let waited = 0;
    while (tab.sockets.sockets.length === 9) {
      tab.clock.advance(1);
      waited++;
    }
    expect(waited).toBe(188);
  });

  it.each([
    [4000, 'protocol_version'],
    [4003, 'forbidden'],
    [4004, 'not_found'],
  ] as const)('close code %i fails for good with reason %s and does not reconnect', (code, reason) => {
    const tab = new Tab();
    tab.socket.open();
    tab.socket.serverClose(code);
    expect(tab.client.status).toBe('failed');
    expect(tab.client.failReason).toBe(reason);
    tab.clock.advance(60_000);
    expect(tab.sockets.sockets).toHaveLength(1);
  });

  it('P-JOIN-3 an error before welcome names the failure the close confirms', () => {
    const tab = new Tab();
    tab.socket.open();
    tab.socket.push({ type: 'error', code: 'not_found', message: 'no such workshop' });
    tab.socket.flush();
    tab.socket.serverClose(1000);
    expect(tab.client.failReason).toBe('not_found');
    expect(tab.client.status).toBe('failed');
  });

  it.each([
    ['closed', 'closed'],
    ['limit', 'full'],
  ] as const)('P-JOIN-8 P-JOIN-10 error %s before welcome fails for good with reason %s', (code, reason) => {
    const tab = new Tab();
    tab.socket.open();
    tab.socket.push({ type: 'error', code, message: 'no newcomers' });
    tab.socket.flush();
    tab.socket.serverClose(4003);
    expect(tab.client.failReason).toBe(reason);
    expect(tab.client.status).toBe('failed');
    tab.clock.advance(60_000);
    expect(tab.sockets.sockets).toHaveLength(1);
  });

  it.each([4008, 4029, 1001, 1006, 1011])('close code %i reconnects', (code) => {
    const tab = new Tab();
    join(tab, new FakeRoom());
    tab.socket.serverClose(code);
    expect(tab.client.status).toBe('reconnecting');
    tab.clock.advance(10_000);
    expect(tab.sockets.sockets).toHaveLength(2);
  });

  it('goes offline with the network, keeps edits queued, and reconnects as soon as it is back', () => {
    const room = new FakeRoom();
    const tab = new Tab();
    join(tab, room);
    const first = tab.socket;
    tab.network.set(false);
    expect(tab.client.status).toBe('offline');
    expect(first.closedByClient).not.toBeNull();
    tab.client.submit(addCard('c1'));
    tab.client.submit(addCard('c2', 'x', 'a1'));
    expect(tab.client.pendingCount).toBe(2);
    tab.clock.advance(60_000);
    expect(tab.sockets.sockets).toHaveLength(1); // no attempts without a network
    tab.network.set(true);
    expect(tab.sockets.sockets).toHaveLength(2);
    join(tab, room);
    room.serve();
    expect(tab.client.pendingCount).toBe(0);
    expect([...room.board.cards.keys()].sort()).toEqual(['c1', 'c2']);
    expect(tab.client.status).toBe('online');
  });

  it('P-WS-7 pings about every 20 s and drops a socket that has gone silent', () => {
    const room = new FakeRoom();
    const tab = new Tab();
    join(tab, room);
    tab.socket.takeSent();
    tab.clock.advance(20_000);
    expect(tab.socket.takeSent()).toEqual([{ type: 'ping', t: tab.clock.now() }]);
    room.serve(); // the pong
    tab.clock.advance(20_000);
    expect(tab.socket.takeSent()).toHaveLength(1);
    // Nothing comes back any more.
    const silent = tab.socket;
    tab.clock.advance(40_000);
    expect(silent.closedByClient).not.toBeNull();
    tab.clock.advance(10_000);
    expect(tab.socket).not.toBe(silent);
  });
});

describe('SyncClient persistence', () => {
  it('keeps pending operations across a reload and resends them on the next connection', () => {
    const room = new FakeRoom();
    const tab = new Tab();
    join(tab, room);
    room.cut(tab.socket);
    tab.client.submit(addCard('c1', 'offline gemaakt'));
    tab.client.submit({ kind: 'card.update', cardId: 'c1', color: 'pink' });
    tab.client.stop();

    const reloaded = tab.boot();
    expect(reloaded.pendingCount).toBe(2);
    // The board from before the reload is shown at once, with the pending edits on top.
    expect(reloaded.board?.cards.get('c1')?.color).toBe('pink');
    join(tab, room);
    expect(ops(tab.socket.sent).map((o) => o.clientSeq)).toEqual([1, 2]);
    room.serve();
    expect(room.board.cards.get('c1')).toMatchObject({ text: 'offline gemaakt', color: 'pink' });
    expect(reloaded.pendingCount).toBe(0);
  });

  it('numbers operations after a reload above the ones before it', () => {
    const tab = new Tab();
    join(tab, new FakeRoom());
    tab.client.submit(addCard('c1'));
    tab.client.stop();
    tab.boot();
    join(tab, new FakeRoom());
    expect(tab.client.submit(addCard('c2'))).toBe(2);
  });

  it('asks only for what it missed after a reload, using the saved board', () => {
    const room = new FakeRoom();
    const tab = new Tab();
    join(tab, room);
    tab.client.submit(addCard('c1'));
    room.serve();
    tab.clock.advance(2_000); // the board is saved after a short delay
    tab.client.stop();
    tab.boot();
    tab.socket.open();
    expect(tab.socket.takeSent()[0]).toMatchObject({ type: 'hello', lastSeq: 1 });
  });

  it('asks for a snapshot when the server has less history than the saved board', () => {
    const tab = new Tab();
    join(tab, new FakeRoom());
    tab.socket.push(event(1, addCard('c1'), undefined, undefined, cardPatch('c1', { text: 'tekst' })));
    tab.socket.flush();
    tab.clock.advance(2_000);
    tab.client.stop();
    tab.boot();
    const fresh = new FakeRoom(); // a new database: seq 0
    tab.socket.open();
    tab.socket.push({ type: 'welcome', protocolVersion: 4, workshopId: 'w1', you: you(), seq: 0, lastClientSeq: 0, events: [] });
    const first = tab.socket;
    tab.socket.flush();
    expect(first.closedByClient).not.toBeNull();
    join(tab, fresh);
    expect(tab.client.board!.cards.size).toBe(0);
    expect(tab.client.status).toBe('online');
  });
});

describe('SyncClient across tabs', () => {
  it('a new tab resends the queued operations of a tab closed while offline, under their own clientId', () => {
    const room = new FakeRoom();
    const closed = new Tab();
    join(closed, room);
    closed.client.submit(addCard('c0', 'online'));
    room.serve();
    closed.network.set(false);
    closed.client.submit(addCard('c1', 'offline gemaakt', 'a1'));
    const oldClientId = closed.client.clientId;
    closed.client.stop(); // the tab is closed

    const next = new Tab(closed.local); // same browser profile, new tab (new sessionStorage)
    expect(next.client.clientId).toBe(oldClientId);
    expect(next.client.pendingCount).toBe(1);
    join(next, room);
    room.serve();
    expect(room.log.map((e) => [e.clientId, e.clientSeq])).toEqual([
      [oldClientId, 1],
      [oldClientId, 2],
    ]);
    expect(room.board.cards.get('c1')?.text).toBe('offline gemaakt');
  });

  it('two live tabs never share a clientId, even when the browser copies sessionStorage', () => {
    const first = new Tab();
    const copy = new MemoryStorage();
    copy.setItem('jb.clientId', first.session.getItem('jb.clientId')!);
    const store = new BrowserSyncStore('w1', first.local, copy, first.clock.now());
    expect(store.clientId()).not.toBe(first.client.clientId);
  });
});

describe('SyncClient presence and flow control', () => {
  it('P-PRES-1 sends what it edits, and sends it again after a reconnect', () => {
    const room = new FakeRoom();
    const tab = new Tab();
    join(tab, room);
    tab.socket.takeSent();
    tab.client.setEditing('c1');
    tab.client.setEditing('c1');
    expect(tab.socket.takeSent()).toEqual([{ type: 'presence', editing: 'c1' }]);
    room.cut(tab.socket);
    tab.clock.advance(10_000);
    join(tab, room);
    expect(tab.socket.sent.filter((m) => m.type === 'presence')).toEqual([{ type: 'presence', editing: 'c1' }]);
    tab.client.setEditing(null);
    expect(tab.socket.sent.at(-1)).toEqual({ type: 'presence', editing: null });
  });

  it('keeps the participant list from presence messages', () => {
    const room = new FakeRoom();
    const a = new Tab();
    const b = new Tab(new MemoryStorage(), 'Bob');
    join(a, room);
    join(b, room);
    room.serve();
    expect(a.client.participants.map((p) => p.displayName)).toEqual(['Anna', 'Bob']);
  });

  it('sends at most sendWindow unacknowledged operations and the rest as acks arrive', () => {
    const tab = new Tab();
    tab.client.stop();
    const client = new SyncClient({
      url: 'ws://test/ws',
      workshopId: 'w1',
      displayName: 'Anna',
      store: new BrowserSyncStore('w1', tab.local, tab.session),
      socketFactory: tab.sockets.create,
      clock: tab.clock,
      network: tab.network,
      sendWindow: 2,
    });
    client.start();
    const room = new FakeRoom();
    room.accept(tab.socket);
    room.serve();
    for (let i = 1; i <= 5; i++) client.submit(addCard(`c${i}`, 't', `a${i}`));
    expect(ops(tab.socket.sent).map((o) => o.clientSeq)).toEqual([1, 2]);
    room.serve();
    room.serve();
    room.serve();
    expect(client.pendingCount).toBe(0);
    expect(room.board.cards.size).toBe(5);
    expect(room.log.map((e) => e.clientSeq)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('SyncClient convergence', () => {
  it('P-SYNC-3 two clients editing at once end with the same board as the server', () => {
    const room = new FakeRoom();
    const a = new Tab();
    const b = new Tab(new MemoryStorage(), 'Bob');
    join(a, room);
    join(b, room);
    a.client.submit(addCard('c1', 'A'));
    room.serve();
    // Both edit c1 and move it before seeing each other's changes.
    a.client.submit({ kind: 'card.update', cardId: 'c1', text: 'A2' });
    b.client.submit({ kind: 'card.update', cardId: 'c1', text: 'B2', color: 'green' });
    b.client.submit({ kind: 'card.move', cardId: 'c1', phaseId: 'p2', laneId: 'l2', orderKey: 'a5' });
    a.client.submit({ kind: 'card.move', cardId: 'c1', phaseId: 'p1', laneId: 'l2', orderKey: 'a3' });
    expect(a.client.board!.cards.get('c1')).toMatchObject({ text: 'A2', phaseId: 'p1' });
    expect(b.client.board!.cards.get('c1')).toMatchObject({ text: 'B2', phaseId: 'p2' });
    room.serve();
    room.serve();
    expect(a.client.pendingCount + b.client.pendingCount).toBe(0);
    expect(cardsOf(a)).toEqual(cardsOf(b));
    expect(cardsOf(a)).toEqual(JSON.parse(JSON.stringify([...room.board.cards.values()])));
    // The fake room takes A's messages before B's, so B's writes are the later ones and win,
    // although A saw its own text and place first.
    expect(room.board.cards.get('c1')).toMatchObject({ text: 'B2', color: 'green', phaseId: 'p2', laneId: 'l2' });
  });
});

/** The cards of a tab's visible board, in id order, as plain data. */
function cardsOf(tab: Tab): unknown {
  const cards = [...tab.client.board!.cards.values()].sort((x, y) => (x.id < y.id ? -1 : 1));
  return JSON.parse(JSON.stringify(cards));
}
