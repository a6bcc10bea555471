// A browser tab and handshake helpers shared by the sync client tests.

import { SyncClient, type SyncEvent } from './SyncClient';
import { FakeClock, FakeNetwork, FakeRoom, FakeSocketFactory, type FakeSocket } from './fakes';
import { BrowserSyncStore } from './SyncStore';
import { MemoryStorage } from '../util/MemoryStorage';
import { versionReload } from './versionReload';
import type { CardAddOp, CardDoc, ClientMessage, EventBody, Operation, RecordPatch } from '../protocol/types';

/** One browser tab: its storages survive a "reload" (a new SyncClient over the same ones). */
export class Tab {
  readonly local: MemoryStorage;
  readonly session = new MemoryStorage();
  readonly sockets = new FakeSocketFactory();
  readonly clock = new FakeClock();
  readonly network = new FakeNetwork();
  readonly events: SyncEvent[] = [];
  /** What the client logged (a divergence, P-SYNC-10). */
  readonly logs: string[] = [];
  /** How often the page reloaded itself for a refused protocol version (P-JOIN-2). */
  reloads = 0;
  client!: SyncClient;

  constructor(
    local = new MemoryStorage(),
    readonly name = 'Anna',
    readonly facilitatorKey?: string,
  ) {
    this.local = local;
    this.boot();
  }

  /** Starts a fresh SyncClient over this tab's storage, as a page load does. */
  boot(): SyncClient {
    this.client = new SyncClient({
      url: 'ws://test/ws',
      workshopId: 'w1',
      displayName: this.name,
      facilitatorKey: this.facilitatorKey,
      store: new BrowserSyncStore('w1', this.local, this.session, this.clock.now()),
      socketFactory: this.sockets.create,
      clock: this.clock,
      network: this.network,
      random: () => 0.5,
      log: (message) => this.logs.push(message),
      versionReload: versionReload(this.session, () => this.reloads++),
    });
    this.client.subscribe((e) => this.events.push(e));
    this.client.start();
    return this.client;
  }

  get socket(): FakeSocket {
    return this.sockets.last;
  }

  /** The server sends `msg` on the current socket, and the client reads it. */
  receive(msg: Record<string, unknown>): void {
    this.socket.push(msg);
    this.socket.flush();
  }
}

export function addCard(cardId: string, text = 'tekst', orderKey = 'a0', phaseId = 'p1', laneId = 'l1'): CardAddOp {
  return { kind: 'card.add', cardId, journeyId: 'j1', phaseId, laneId, text, color: 'yellow', orderKey };
}

export function ops(sent: ClientMessage[]): Array<{ clientSeq: number; op: Operation }> {
  return sent.filter((m) => m.type === 'op').map((m) => ({ clientSeq: (m as { clientSeq: number }).clientSeq, op: (m as { op: Operation }).op }));
}

/** Opens the tab's current socket on `room` and completes the handshake. */
export function join(tab: Tab, room: FakeRoom): void {
  room.accept(tab.socket);
  room.serve();
}

/**
 * The room takes a reconnecting tab's new socket: returns what the tab sent first (its hello),
 * then lets the handshake and the resent ops run to the end.
 */
export function rejoin(tab: Tab, room: FakeRoom): ClientMessage[] {
  room.accept(tab.socket);
  const first = [...tab.socket.sent];
  room.process();
  tab.socket.flush();
  room.serve();
  room.serve();
  return first;
}

/**
 * An event as the server sends it: by participant number `by`; `clientSeq` only for this tab's
 * own operation (P-SYNC-11); `patch`: the records it changed, as it would send them (P-SYNC-9).
 */
export function event(seq: number, op: EventBody['op'], clientSeq?: number, by = 9, patch?: RecordPatch): EventBody & { type: 'event' } {
  return { type: 'event', seq, at: seq, by, ...(clientSeq === undefined ? {} : { clientSeq }), op, ...(patch ? { patch } : {}) };
}

/** A patch with card `id` as addCardDoc makes it, changed by `fields`. */
export function cardPatch(id: string, fields: Partial<CardDoc> = {}): RecordPatch {
  return { cards: [{ ...addCardDoc(id), ...fields }] };
}

export function you() {
  return { participantId: 'u1', participantToken: 'tok', displayName: 'Anna', role: 'participant' as const, number: 1 };
}

export function addCardDoc(id: string) {
  return { id, journeyId: 'j1', phaseId: 'p1', laneId: 'l1', text: '', color: 'yellow' as const, authorId: 'u9', orderKey: 'a0', createdAt: 1, updatedAt: 1, groupId: null, linkedTo: null, private: false, channel: null };
}

