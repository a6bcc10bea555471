// Deterministic stand-ins for the sync client's environment, for tests only: a socket that
// delivers nothing until the test flushes it, a clock that moves only when told, a network
// switch, and a tiny in-memory server that follows protocol.md closely enough to converge on
// card operations (it is no stand-in for the server's rules: tests/contract/conformance.test.mjs
// holds the client to the real server).

import { boardFromSnapshot, boardToSnapshot, cloneBoard, type Board } from '../model/board';
import { snapshotDigest } from '../model/digest';
import { predict } from '../model/predict';
import type {
  BoardSnapshot,
  CardDoc,
  ClientMessage,
  EventBody,
  Operation,
  PresenceEntry,
  RecordPatch,
  Role,
  ServerMessage,
} from '../protocol/types';
import { defaultFacilitation } from '../model/facilitation';
import { defaultEvaluation } from '../model/evaluation';
import { PROTOCOL_VERSION } from '../protocol/types';
import type { Clock, Network, SocketLike, TimerHandle } from './environment';

/** One socket. Client → server frames collect in `sent`; server → client frames wait in an inbox until flush(). */
export class FakeSocket implements SocketLike {
  readyState = 0;
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: { code: number; reason: string }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  readonly sent: ClientMessage[] = [];
  closedByClient: { code: number | undefined; reason: string | undefined } | null = null;
  private inbox: string[] = [];

  constructor(readonly url: string) {}

  send(data: string): void {
    if (this.readyState !== 1) throw new Error('send on a socket that is not open');
    this.sent.push(JSON.parse(data) as ClientMessage);
  }

  close(code?: number, reason?: string): void {
    this.closedByClient = { code, reason };
    this.readyState = 3;
  }

  // ---- the test's side ----

  /** The server accepts the connection. */
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }

  /** Queues a server message; it reaches the client on flush(). */
  push(msg: ServerMessage | Record<string, unknown>): void {
    this.inbox.push(JSON.stringify(msg));
  }

  /** Delivers queued server messages, even to a client that has already given up on us. */
  flush(): void {
    while (this.inbox.length > 0) this.onmessage?.({ data: this.inbox.shift()! });
  }

  /** The server (or the network) closes the connection. */
  serverClose(code: number, reason = ''): void {
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }

  /** Takes what the client sent since the last call. */
  takeSent(): ClientMessage[] {
    return this.sent.splice(0);
  }
}

/** Makes FakeSockets and remembers them in order. */
export class FakeSocketFactory {
  readonly sockets: FakeSocket[] = [];
  readonly create = (url: string): FakeSocket => {
    const s = new FakeSocket(url);
    this.sockets.push(s);
    return s;
  };
  get last(): FakeSocket {
    const s = this.sockets[this.sockets.length - 1];
    if (!s) throw new Error('no socket made yet');
    return s;
  }
}

/** A clock whose timers fire only inside advance(). */
export class FakeClock implements Clock {
  private t = 1_000_000;
  private nextId = 1;
  private timers = new Map<number, { at: number; fn: () => void }>();

  now(): number {
    return this.t;
  }
  setTimeout(fn: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    this.timers.set(id, { at: this.t + ms, fn });
    return id;
  }
  clearTimeout(handle: TimerHandle): void {
    this.timers.delete(handle as number);
  }
  get pendingTimers(): number {
    return this.timers.size;
  }
  /** Moves time forward, firing due timers in time order. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      let due: [number, { at: number; fn: () => void }] | null = null;
      for (const entry of this.timers) {
        if (entry[1].at <= end && (!due || entry[1].at < due[1].at)) due = entry;
      }
      if (!due) break;
      this.timers.delete(due[0]);
      this.t = Math.max(this.t, due[1].at);
      due[1].fn();
    }
    this.t = end;
  }
}

export class FakeNetwork implements Network {
  private online = true;
  private listeners = new Set<(online: boolean) => void>();
  isOnline(): boolean {
    return this.online;
  }
  subscribe(listener: (online: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  set(online: boolean): void {
    this.online = online;
    for (const l of [...this.listeners]) l(online);
  }
}

/** The record patch that turns viewer snapshot `a` into `b` (null when nothing changed). */
export function diffSnapshots(a: BoardSnapshot, b: BoardSnapshot): RecordPatch | null {
  const patch: RecordPatch = {};
  const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
  for (const s of ['workshop', 'facilitation', 'improvements', 'improvementList', 'methodFigures', 'evaluation'] as const) {
    if (!same(a[s], b[s])) Object.assign(patch, { [s]: b[s] });
  }
  const removed: NonNullable<RecordPatch['removed']> = {};
  for (const s of ['journeys', 'cards', 'groups', 'rounds', 'scores'] as const) {
    const key = (r: { id?: string; scale?: string; targetId?: string }) => (s === 'scores' ? `${r.scale}:${r.targetId}` : String(r.id));
    const old = new Map((a[s] as Array<{ id?: string }>).map((r) => [key(r), r]));
    const changed = (b[s] as Array<{ id?: string }>).filter((r) => !same(old.get(key(r)), r));
    if (changed.length) Object.assign(patch, { [s]: changed });
    for (const r of b[s] as Array<{ id?: string }>) old.delete(key(r));
    if (old.size) removed[s] = [...old.keys()];
  }
  if (Object.keys(removed).length) patch.removed = removed;
  return Object.keys(patch).length ? patch : null;
}

/** A board with one journey, two phases and two lanes, like a fresh workshop (smaller). */
export function sampleSnapshot(workshopId = 'w1'): BoardSnapshot {
  return {
    workshop: { id: workshopId, title: 'Vergunning', createdAt: 1 },
    journeys: [
      {
        id: 'j1',
        title: 'Omgevingsvergunning',
        targetGroup: 'inwoner',
        orderKey: 'a0',
        persona: null,
        phases: [
          { id: 'p1', title: 'Oriënteren', orderKey: 'a0' },
          { id: 'p2', title: 'Aanvragen', orderKey: 'a1' },
        ],
        lanes: [
          { id: 'l1', title: 'Contactmoment', kind: 'touchpoint', orderKey: 'a0', question: '' },
          { id: 'l2', title: 'Knelpunt', kind: 'pain_point', orderKey: 'a1', question: '' },
        ],
      },
    ],
    cards: [],
    facilitation: {
      ...defaultFacilitation(),
      stages: [
        { id: 'prepare', title: 'Voorbereiden', instruction: 'Lees de opdracht.' },
        { id: 'map', title: 'Klantreis in kaart brengen', instruction: 'Schrijf per fase op wat de klant doet.' },
      ],
      stageId: 'prepare',
    },
    groups: [],
    rounds: [],
    improvements: { roundIds: [], items: [] },
    scores: [],
    evaluation: defaultEvaluation(),
  };
}

interface Connection {
  socket: FakeSocket;
  clientId: string;
  participantId: string;
  displayName: string;
  joined: boolean;
  role: Role;
}

/** FakeRoom's participants are u1, u2, …: their numbers (P-SYNC-11) are 1, 2, … */
function numberOf(participantId: string): number {
  return Number(participantId.slice(1));
}

/** The facilitator key FakeRoom accepts. */
export const FAKE_FACILITATOR_KEY = 'f'.repeat(43);

/** An operation as the server's event names it: a card's add, update and move by kind and card id (P-SYNC-12). */
function asInEvent(op: Operation): EventBody['op'] {
  return op.kind === 'card.add' || op.kind === 'card.update' || op.kind === 'card.move' ? { kind: op.kind, cardId: op.cardId } : op;
}

/**
 * An in-memory server for one workshop, good enough to check that clients converge: it applies
 * operations in arrival order, numbers them, sends the event to all and the ack to the sender,
 * and answers a reconnect with the missed events (or a snapshot for lastSeq 0).
 */
export class FakeRoom {
  board: Board;
  seq = 0;
  /** Each event with the one participant allowed to see it (null: everyone) and the boards around it. */
  readonly log: Array<EventBody & { clientId: string; onlyFor: string | null; before: Board; after: Board }> = [];
  readonly lastClientSeq = new Map<string, number>();
  private connections: Connection[] = [];
  private tokens = new Map<string, string>();
  private nextParticipant = 1;

  constructor(readonly workshopId = 'w1', snapshot: BoardSnapshot = sampleSnapshot(workshopId)) {
    this.board = boardFromSnapshot(snapshot);
  }

  /** Accepts a socket the client opened. */
  accept(socket: FakeSocket): void {
    this.connections.push({ socket, clientId: '', participantId: '', displayName: '', joined: false, role: 'participant' });
    socket.open();
  }

  /** Processes everything the clients sent, then delivers all answers. */
  serve(): void {
    this.process();
    this.deliver();
  }

  /** Processes everything the clients sent; the answers wait in the sockets. */
  process(): void {
    for (const conn of [...this.connections]) {
      for (const msg of conn.socket.takeSent()) this.receive(conn, msg);
    }
  }

  /** Delivers the answers waiting in every socket. */
  deliver(): void {
    for (const conn of [...this.connections]) conn.socket.flush();
  }

  /** Drops a connection as a network failure would (close code 1006). */
  cut(socket: FakeSocket, code = 1006): void {
    this.connections = this.connections.filter((c) => c.socket !== socket);
    socket.serverClose(code);
  }

  private receive(conn: Connection, msg: ClientMessage): void {
    switch (msg.type) {
      case 'hello': {
        let pid = msg.participantToken ? this.tokens.get(msg.participantToken) : undefined;
        let token = msg.participantToken ?? '';
        if (!pid) {
          pid = `u${this.nextParticipant++}`;
          token = `token-${pid}`;
          this.tokens.set(token, pid);
        }
        const role: Role = msg.facilitatorKey === FAKE_FACILITATOR_KEY ? 'facilitator' : 'participant';
        Object.assign(conn, { clientId: msg.clientId, participantId: pid, displayName: msg.displayName, joined: true, role });
        const base = {
          type: 'welcome' as const,
          protocolVersion: PROTOCOL_VERSION,
          workshopId: this.workshopId,
          you: { participantId: pid, participantToken: token, displayName: msg.displayName, role, number: numberOf(pid) },
          seq: this.seq,
          lastClientSeq: this.lastClientSeq.get(msg.clientId) ?? 0,
          presence: { participants: this.presenceList(), offline: 0 },
        };
        if (msg.lastSeq > 0 && msg.lastSeq <= this.seq) {
          const events = this.log.filter((e) => e.seq > msg.lastSeq).map((e) => this.eventFor(e, pid!, msg.clientId));
          conn.socket.push({ ...base, events, digest: snapshotDigest(this.snapshotFor(pid)) });
        } else {
          conn.socket.push({ ...base, snapshot: this.snapshotFor(pid) });
        }
        this.broadcastPresence();
        return;
      }
      case 'op': {
        if ((this.lastClientSeq.get(conn.clientId) ?? 0) >= msg.clientSeq) {
          conn.socket.push({ type: 'ack', clientSeq: msg.clientSeq, seq: this.seq, duplicate: true });
          return;
        }
        const trial = cloneBoard(this.board);
        const who = { participantId: conn.participantId, role: conn.role, at: this.seq + 1 };
        if (!predict(trial, msg.op, who)) {
          conn.socket.push({ type: 'error', code: 'not_found', message: 'no such thing', clientSeq: msg.clientSeq });
          return;
        }
        const before = this.board;
        this.board = trial;
        this.seq += 1;
        this.lastClientSeq.set(conn.clientId, msg.clientSeq);
        // Private cards are seen only by their author (P-FAC-6).
        const madePrivate = msg.op.kind === 'card.add' && this.board.cards.get(msg.op.cardId)?.private === true;
        const onlyFor = madePrivate ? conn.participantId : null;
        const body = {
          seq: this.seq,
          at: this.seq,
          by: numberOf(conn.participantId),
          clientId: conn.clientId,
          clientSeq: msg.clientSeq,
          op: asInEvent(msg.op),
          onlyFor,
          before,
          after: this.board,
        };
        this.log.push(body);
        for (const c of this.connections) if (c.joined) c.socket.push({ type: 'event', ...this.eventFor(body, c.participantId, c.clientId) });
        // Every ack carries the digest (the server sends it now and then, P-SYNC-10).
        conn.socket.push({ type: 'ack', clientSeq: msg.clientSeq, seq: this.seq, digest: snapshotDigest(this.snapshotFor(conn.participantId)) });
        return;
      }
      case 'presence':
        return;
      case 'ping':
        conn.socket.push({ type: 'pong', t: msg.t });
        return;
    }
  }

  /**
   * The event as `participantId` may see it on a connection of `clientId`, whole or hidden, with
   * its patch (P-SYNC-9); clientSeq only in the sender's own copy (P-SYNC-11).
   */
  private eventFor(e: (typeof this.log)[number], participantId: string, clientId: string): EventBody {
    const { onlyFor, before, after, clientId: sender, clientSeq, ...rest } = e;
    const body: EventBody = sender === clientId ? { ...rest, clientSeq } : rest;
    const patch = diffSnapshots(this.snapshotFor(participantId, before), this.snapshotFor(participantId, after));
    const seen: EventBody = onlyFor === null || onlyFor === participantId ? body : { seq: e.seq, at: e.at, op: { kind: 'hidden' } };
    return patch ? { ...seen, patch } : seen;
  }

  /** The board as `participantId` may see it: others' private cards left out, but counted. */
  snapshotFor(participantId: string, board = this.board): BoardSnapshot {
    const snap = boardToSnapshot(board);
    const visible = (c: CardDoc) => !c.private || c.authorId === participantId;
    snap.facilitation.privateCount = snap.cards.filter((c) => c.private).length;
    snap.cards = snap.cards.filter(visible);
    return snap;
  }

  private presenceList(): PresenceEntry[] {
    return this.connections
      .filter((c) => c.joined)
      .map((c) => ({ number: numberOf(c.participantId), participantId: c.participantId, displayName: c.displayName, ...(c.role === 'facilitator' ? { role: 'facilitator' as const } : {}) }));
  }

  /** The whole list each time (P-PRES-4's form of the message): simple, and valid. */
  private broadcastPresence(): void {
    const participants = this.presenceList();
    for (const c of this.connections) if (c.joined) c.socket.push({ type: 'presence', participants, offline: 0 });
  }
}
