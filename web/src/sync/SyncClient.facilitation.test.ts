import { describe, expect, it } from 'vitest';
import { SyncClient } from './SyncClient';
import { FAKE_FACILITATOR_KEY, sampleSnapshot } from './fakes';
import { BrowserSyncStore } from './SyncStore';
import { decodeServerMessage } from '../protocol/decode';
import { Tab, addCard, addCardDoc, you } from './testTabs';
import { defaultFacilitation } from '../model/facilitation';
import type { ServerMessage } from '../protocol/types';

/** Opens the tab's socket and welcomes it with a snapshot at `seq`. */
function welcome(tab: Tab, extra: Record<string, unknown> = {}, seq = 5): void {
  tab.socket.open();
  tab.socket.takeSent();
  tab.socket.push({ type: 'welcome', protocolVersion: 4, workshopId: 'w1', you: you(), seq, lastClientSeq: 0, snapshot: sampleSnapshot(), ...extra });
  tab.socket.flush();
}

describe('SyncClient: issue-3 events', () => {
  it('a hidden event only advances the seq', () => {
    const tab = new Tab();
    welcome(tab);
    const before = tab.client.board;
    tab.receive({ type: 'event', seq: 6, at: 6, op: { kind: 'hidden' } });
    expect(tab.client.confirmedSeq).toBe(6);
    expect(tab.client.board?.cards.size).toBe(before?.cards.size);
    expect(tab.client.status).toBe('online');
    const boardEvents = tab.events.filter((e) => e.type === 'board');
    expect(boardEvents.at(-1)).toEqual({ type: 'board', remote: [] });
  });

  it('hidden events in a welcome keep the delta gap-free', () => {
    const tab = new Tab();
    welcome(tab);
    tab.socket.serverClose(1006);
    tab.clock.advance(10_000);
    tab.socket.open();
    expect(tab.socket.takeSent()[0]).toMatchObject({ type: 'hello', lastSeq: 5 });
    tab.receive({
      type: 'welcome', protocolVersion: 4, workshopId: 'w1', you: you(), seq: 7, lastClientSeq: 0,
      events: [
        { seq: 6, at: 6, op: { kind: 'hidden' } },
        { seq: 7, at: 7, by: 9, op: { kind: 'board.lock', locked: true }, patch: { facilitation: { ...defaultFacilitation(), locked: true } } },
      ],
    });
    expect(tab.client.confirmedSeq).toBe(7);
    expect(tab.client.board?.facilitation.locked).toBe(true);
    expect(tab.sockets.sockets).toHaveLength(2); // no resync
  });

  it('P-SYNC-9 applies the records of each event, also of server-made ones without by/clientId', () => {
    const tab = new Tab();
    welcome(tab);
    const journey = { ...sampleSnapshot().journeys[0]! };
    journey.lanes = [...journey.lanes, { id: 'li', title: 'Idee', kind: 'idea', orderKey: 'a5', question: '' }];
    tab.receive({ type: 'event', seq: 6, at: 6, by: 5, op: { kind: 'lane.add', journeyId: 'j1', laneId: 'li', title: 'Idee', laneKind: 'idea', orderKey: 'a5' }, patch: { journeys: [journey] } });
    expect(tab.client.board?.lanes.get('li')).toMatchObject({ journeyId: 'j1', kind: 'idea' });
    const { authorId: _hidden, ...anonymous } = { ...addCardDoc('i1'), laneId: 'li', text: 'anoniem' };
    tab.receive({ type: 'event', seq: 7, at: 7, op: { kind: 'card.add', cardId: 'i1', journeyId: 'j1', phaseId: 'p1', laneId: 'li', text: 'anoniem', color: 'yellow', orderKey: 'a0' }, patch: { cards: [anonymous] } });
    expect(tab.client.board?.cards.get('i1')?.authorId).toBeUndefined();
    const round = { id: 'r1', number: 1, criterion: 'impact', budget: 3, maxPerItem: 1, durationMs: 60_000, anonymous: true, facilitatorVotes: false, scope: { kind: 'ideas' }, items: ['i1'], status: 'open', startedAt: 100, endsAt: 60_100, closedAt: null, paper: [], result: null, myVotes: {} };
    tab.receive({ type: 'event', seq: 8, at: 100, by: 5, op: { kind: 'round.start', roundId: 'r1', criterion: 'impact', budget: 3, maxPerItem: 1, durationMs: 60_000, anonymous: true, facilitatorVotes: false, scope: { kind: 'ideas' } }, patch: { rounds: [round] } });
    expect(tab.client.board?.rounds.get('r1')).toMatchObject({ items: ['i1'], status: 'open', endsAt: 60_100 });
    const result = { voters: 0, ranking: [{ itemId: 'i1', rank: 1, tied: false, votes: 0, digital: 0, paper: 0 }] };
    tab.receive({ type: 'event', seq: 9, at: 60_100, op: { kind: 'round.close', roundId: 'r1' }, patch: { rounds: [{ ...round, status: 'closed', closedAt: 60_100, result }] } });
    expect(tab.client.board?.rounds.get('r1')).toMatchObject({ status: 'closed', result });
    const remote = tab.events.filter((e) => e.type === 'board').at(-1);
    expect(remote).toMatchObject({ remote: [{ op: { kind: 'round.close' }, by: '' }] });
  });

  it('P-SYNC-9 the reveal event brings the revealed cards and the new count', () => {
    const tab = new Tab();
    welcome(tab, { snapshot: { ...sampleSnapshot(), facilitation: { ...sampleSnapshot().facilitation, privateWriting: true, privateCount: 2 } } });
    expect(tab.client.board?.facilitation.privateCount).toBe(2);
    const facilitation = { ...defaultFacilitation(), privateWriting: false, privateCount: 0 };
    tab.receive({ type: 'event', seq: 6, at: 6, by: 5, op: { kind: 'writing.private', on: false }, patch: { cards: [addCardDoc('c7'), addCardDoc('c8')], facilitation } });
    expect([...tab.client.board!.cards.keys()].sort()).toEqual(['c7', 'c8']);
    expect(tab.client.board?.facilitation).toMatchObject({ privateWriting: false, privateCount: 0 });
  });

  it('our own card during private writing is private to us at once (pending) and after the event', () => {
    const tab = new Tab();
    const facilitation = { ...sampleSnapshot().facilitation, privateWriting: true };
    welcome(tab, { snapshot: { ...sampleSnapshot(), facilitation } });
    const clientSeq = tab.client.submit(addCard('mine'));
    expect(tab.client.board?.cards.get('mine')).toMatchObject({ private: true, authorId: 'u1' });
    const card = { ...addCardDoc('mine'), text: 'tekst', authorId: 'u1', private: true };
    tab.receive({ type: 'event', seq: 6, at: 6, by: 1, clientSeq, op: addCard('mine'), patch: { cards: [card], facilitation: { ...facilitation, privateCount: 1 } } });
    expect(tab.client.board?.cards.get('mine')?.private).toBe(true);
    expect(tab.client.board?.facilitation.privateCount).toBe(1);
  });
});

describe('SyncClient: welcome additions', () => {
  it('keeps the screen key and corrects the clock by serverTime', () => {
    const tab = new Tab();
    welcome(tab, { joinCode: 'K7MP2Q', screenKey: 's'.repeat(22), serverTime: tab.clock.now() + 30_000 });
    expect(tab.client.screenKey).toBe('s'.repeat(22));
    expect(tab.client.serverNow()).toBe(tab.clock.now() + 30_000);
    tab.clock.advance(1_000);
    expect(tab.client.serverNow()).toBe(tab.clock.now() + 30_000);
  });

  it('joins as a screen with the screen key and saves no token', () => {
    const tab = new Tab();
    tab.client.stop();
    const client = new SyncClient({
      url: 'ws://test/ws', workshopId: 'w1', displayName: 'Scherm', screenKey: 'S'.repeat(22),
      store: new BrowserSyncStore('w1', tab.local, tab.session), socketFactory: tab.sockets.create,
      clock: tab.clock, network: tab.network,
    });
    client.start();
    tab.socket.open();
    const hello = tab.socket.takeSent()[0];
    expect(hello).toMatchObject({ type: 'hello', screenKey: 'S'.repeat(22) });
    expect(hello).not.toHaveProperty('facilitatorKey');
    tab.socket.push({ type: 'welcome', protocolVersion: 4, workshopId: 'w1', you: { participantId: '', participantToken: '', displayName: 'Scherm', role: 'screen' }, seq: 0, lastClientSeq: 0, snapshot: sampleSnapshot() });
    tab.socket.flush();
    expect(client.me?.role).toBe('screen');
    expect(tab.local.getItem('jb.token.w1')).toBeNull();
  });

  it('keeps presence voting status', () => {
    const tab = new Tab();
    welcome(tab);
    tab.receive({ type: 'presence', participants: [{ number: 1, participantId: 'u1', displayName: 'Anna', voting: { used: 2, done: false } }], offline: 0 });
    expect(tab.client.participants[0]?.voting).toEqual({ used: 2, done: false });
  });
});

describe('SyncClient: our own participant', () => {
  it('applies a role change at once and reconnects to get the facilitator welcome', () => {
    const tab = new Tab();
    welcome(tab);
    tab.receive({ type: 'event', seq: 6, at: 6, by: 5, op: { kind: 'participant.role', participantId: 'u1', role: 'facilitator' } });
    expect(tab.client.me?.role).toBe('facilitator');
    expect(tab.events.some((e) => e.type === 'me')).toBe(true);
    tab.clock.advance(0);
    expect(tab.sockets.sockets).toHaveLength(2);
    tab.socket.open();
    expect(tab.socket.takeSent()[0]).toMatchObject({ type: 'hello', lastSeq: 6, participantToken: 'tok' });
    tab.receive({ type: 'welcome', protocolVersion: 4, workshopId: 'w1', you: { ...you(), role: 'facilitator' }, seq: 6, lastClientSeq: 0, events: [], joinCode: 'K7MP2Q' });
    expect(tab.client.joinCode).toBe('K7MP2Q');
  });

  it("someone else's role change does not touch ours", () => {
    const tab = new Tab();
    welcome(tab);
    tab.receive({ type: 'event', seq: 6, at: 6, by: 5, op: { kind: 'participant.role', participantId: 'u2', role: 'facilitator' } });
    expect(tab.client.me?.role).toBe('participant');
    expect(tab.events.some((e) => e.type === 'me')).toBe(false);
  });

  it('a demotion takes away the join code', () => {
    const tab = new Tab();
    welcome(tab, { you: { ...you(), role: 'facilitator' }, joinCode: 'K7MP2Q', screenKey: 's'.repeat(22) });
    tab.receive({ type: 'event', seq: 6, at: 6, by: 5, op: { kind: 'participant.role', participantId: 'u1', role: 'participant' } });
    expect(tab.client.me?.role).toBe('participant');
    expect(tab.client.joinCode).toBeNull();
    expect(tab.client.screenKey).toBeNull();
  });

  it('a demoted facilitator no longer sends the facilitator key, so a reconnect does not undo the hand-over', () => {
    const tab = new Tab(undefined, 'Anna', FAKE_FACILITATOR_KEY);
    tab.socket.open();
    expect(tab.socket.takeSent()[0]).toMatchObject({ type: 'hello', facilitatorKey: FAKE_FACILITATOR_KEY });
    tab.receive({ type: 'welcome', protocolVersion: 4, workshopId: 'w1', you: { ...you(), role: 'facilitator' }, seq: 5, lastClientSeq: 0, snapshot: sampleSnapshot() });
    tab.receive({ type: 'event', seq: 6, at: 6, by: 5, op: { kind: 'participant.role', participantId: 'u1', role: 'participant' } });
    tab.socket.serverClose(1006);
    tab.clock.advance(10_000);
    tab.socket.open();
    const hello = tab.socket.takeSent()[0];
    expect(hello).toMatchObject({ type: 'hello', lastSeq: 6, participantToken: 'tok' });
    expect(hello).not.toHaveProperty('facilitatorKey');
  });

  it("a role event replayed in a welcome does not override the welcome's own role", () => {
    const tab = new Tab();
    welcome(tab, { you: { ...you(), role: 'facilitator' }, joinCode: 'K7MP2Q' });
    tab.socket.serverClose(1006);
    tab.clock.advance(10_000);
    tab.socket.open();
    tab.socket.takeSent();
    // Demoted while away, made facilitator again since (the welcome says what holds now).
    tab.receive({
      type: 'welcome', protocolVersion: 4, workshopId: 'w1', you: { ...you(), role: 'facilitator' }, seq: 6, lastClientSeq: 0, joinCode: 'K7MP2Q',
      events: [{ seq: 6, at: 6, by: 5, op: { kind: 'participant.role', participantId: 'u1', role: 'participant' } }],
    });
    expect(tab.client.me?.role).toBe('facilitator');
    expect(tab.client.joinCode).toBe('K7MP2Q');
  });

  it('being removed (event) drops the token, the queue and the saved board, and stops for good', () => {
    const tab = new Tab();
    welcome(tab);
    tab.socket.close(); // the queued op stays unsent
    tab.client.submit(addCard('c1'));
    tab.socket.readyState = 1;
    tab.receive({ type: 'event', seq: 6, at: 6, by: 5, op: { kind: 'participant.remove', participantId: 'u1' } });
    expect(tab.client.status).toBe('failed');
    expect(tab.client.failReason).toBe('removed');
    expect(tab.local.getItem('jb.token.w1')).toBeNull();
    expect(tab.client.pendingCount).toBe(0);
    expect(tab.local.getItem('jb.board.w1')).toBeNull();
    tab.clock.advance(60_000);
    expect(tab.sockets.sockets).toHaveLength(1); // no reconnect
  });

  it('P-ROLE-4 being removed (error code removed, then close 4003) says removed, not a bad link', () => {
    const tab = new Tab();
    welcome(tab);
    expect(tab.local.getItem('jb.token.w1')).toBe('tok');
    tab.receive({ type: 'error', code: 'removed', message: 'you were removed from this workshop' });
    tab.socket.serverClose(4003);
    expect(tab.client.failReason).toBe('removed');
    expect(tab.local.getItem('jb.token.w1')).toBeNull();
  });

  it('P-ROLE-4 an op answered with removed drops every pending op and stops, whatever the message says', () => {
    const tab = new Tab();
    welcome(tab);
    tab.client.submit({ kind: 'card.delete', cardId: 'c1' });
    tab.client.submit({ kind: 'card.delete', cardId: 'c2' });
    tab.socket.takeSent();
    tab.receive({ type: 'error', code: 'removed', message: 'weg', clientSeq: 1 });
    expect(tab.client.failReason).toBe('removed');
    expect(tab.client.pendingCount).toBe(0);
    expect(tab.local.getItem('jb.token.w1')).toBeNull();
  });

  it('a forbidden error that mentions "removed" is only forbidden', () => {
    const tab = new Tab();
    welcome(tab);
    tab.receive({ type: 'error', code: 'forbidden', message: 'op: a removed card may not be changed' });
    expect(tab.client.failReason).toBeNull();
    expect(tab.local.getItem('jb.token.w1')).toBe('tok');
  });
});

describe('decoding issue-3 frames', () => {
  it('accepts events without by and clientSeq, and hidden events', () => {
    const frames = [
      { type: 'event', seq: 1, at: 1, op: { kind: 'hidden' } },
      { type: 'event', seq: 2, at: 2, op: { kind: 'round.close', roundId: 'r' } },
      { type: 'welcome', protocolVersion: 4, workshopId: 'w', you: {}, seq: 1, lastClientSeq: 0, events: [{ seq: 1, at: 1, op: { kind: 'hidden' } }], serverTime: 5 },
    ];
    for (const f of frames) expect(decodeServerMessage(JSON.stringify(f))).toEqual(f as ServerMessage);
  });

  it('drops events whose optional fields have the wrong type', () => {
    for (const f of [
      { type: 'event', seq: 1, at: 1, by: 'u5', op: { kind: 'hidden' } },
      { type: 'event', seq: 1, at: 1, clientSeq: 'x', op: { kind: 'hidden' } },
      { type: 'event', seq: 1, at: 1, op: { kind: 'hidden' }, patch: [] },
      { type: 'welcome', protocolVersion: 4, workshopId: 'w', you: {}, seq: 1, lastClientSeq: 0, events: [], serverTime: 'now' },
    ]) {
      expect(decodeServerMessage(JSON.stringify(f))).toBeNull();
    }
  });
});

