// The client side of docs/protocol.md: one connection to one workshop, kept alive across
// network trouble, with the user's own operations shown at once and kept until the server has
// them.

import { boardFromSnapshot, boardToSnapshot, cloneBoard, type Board, type Card } from '../model/board';
import { boardDigest } from '../model/digest';
import { applyPatch } from '../model/patch';
import { predict } from '../model/predict';
import { decodeServerMessage } from '../protocol/decode';
import {
  assertNever,
  CloseCode,
  PROTOCOL_VERSION,
  type AckMessage,
  type CardOpSummary,
  type ClientMessage,
  type ErrorMessage,
  type EventBody,
  type Operation,
  type ServerMessage,
  type WelcomeMessage,
  type You,
} from '../protocol/types';
import { BACKOFF_MAX_MS, MOVED_BACKOFF_MAX_MS, backoffDelay } from './backoff';
import { NO_PRESENCE, applyPresence, peopleOf, presenceFromList, unlistedOf, type Person, type PresenceState, type Unlisted } from './presence';
import type { Clock, Network, SocketFactory, SocketLike, TimerHandle } from './environment';
import { HEARTBEAT_MS, type PendingOp, type SyncStore } from './SyncStore';
import type { VersionReload } from './versionReload';

export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting' | 'offline' | 'failed';
/**
 * Why the server refused us for good (P-JOIN-2/3/4); reconnecting would not help. `removed`:
 * a facilitator removed this participant (participant.remove); the token is dropped.
 */
export type FailReason = 'protocol_version' | 'forbidden' | 'not_found' | 'removed' | 'closed' | 'full';

/**
 * An operation of someone else, as it reached the confirmed board. A card's add, update and move
 * name only the card (P-SYNC-12): what they did is the card on the board now.
 */
export interface RemoteChange {
  op: Operation | CardOpSummary;
  /** '' when the server made it or the author is anonymous to us. */
  by: string;
  /** The card the operation touched, as it was before (for card.* operations). */
  cardBefore: Card | undefined;
}

/** What a locked board refuses but a participant wrote: kept until it opens again. */
const HOLD_WHEN_LOCKED: ReadonlySet<Operation['kind']> = new Set(['card.add', 'card.update', 'card.move']);

export type SyncEvent =
  | { type: 'board'; remote: RemoteChange[] }
  | { type: 'connection' }
  | { type: 'presence' }
  /** Our own participant changed: a facilitator gave us another role. */
  | { type: 'me' }
  | { type: 'rejected'; op: Operation; code: string; message: string }
  /** Refused because the board is locked; kept, and sent again when it is unlocked. */
  | { type: 'held'; op: Operation }
  | { type: 'notice'; code: string; message: string }
  /** Our confirmed board was not the server's (P-SYNC-10): dropped, and fetched again by snapshot. */
  | { type: 'diverged'; reason: string };

export interface SyncClientOptions {
  url: string;
  workshopId: string;
  displayName: string;
  facilitatorKey?: string | undefined;
  /** Joins as the read-only big screen (role `screen`). */
  screenKey?: string | undefined;
  store: SyncStore;
  socketFactory: SocketFactory;
  clock: Clock;
  network: Network;
  random?: () => number;
  /** Application-level ping interval (P-WS-7). */
  pingIntervalMs?: number;
  /** A socket that has said nothing for this long is taken for dead. */
  deadAfterMs?: number;
  /** How many operations may wait for their ack at once; the rest follow as acks come. */
  sendWindow?: number;
  /** Delay before the confirmed board is written to storage. */
  saveDelayMs?: number;
  /** Where a divergence is logged (P-SYNC-10); console.warn unless told otherwise. */
  log?: (message: string) => void;
  /** Reloads the page when the server refuses our protocol version (P-JOIN-2); none in tests. */
  versionReload?: VersionReload | undefined;
}

const OPEN = 1;

/**
 * Owns the connection to one workshop, the confirmed board (server state up to `seq`), the
 * pending operations (sent or not, not yet confirmed) and the visible board (confirmed plus
 * pending, P-SYNC-6). Views read `board` and listen for events; they never touch the socket.
 */
export class SyncClient {
  private readonly opts: Required<Omit<SyncClientOptions, 'facilitatorKey' | 'screenKey' | 'versionReload'>> &
    Pick<SyncClientOptions, 'facilitatorKey' | 'screenKey' | 'versionReload'>;
  private confirmed: Board | null = null;
  private confirmedSeq_ = 0;
  private view: Board | null = null;
  private pending: PendingOp[] = [];
  /** The highest clientSeq sent on the current socket. */
  private sentUpTo = 0;
  /** The next hello asks for a snapshot (our state is from another history, or has a gap). */
  private needSnapshot = false;
  private socket: SocketLike | null = null;
  private welcomed = false;
  private everWelcomed = false;
  private status_: ConnectionStatus = 'connecting';
  private failReason_: FailReason | null = null;
  private attempt = 0;
  private reconnectTimer: TimerHandle | null = null;
  private pingTimer: TimerHandle | null = null;
  private saveTimer: TimerHandle | null = null;
  private heartbeatTimer: TimerHandle | null = null;
  private lastHeard = 0;
  private me_: You | null = null;
  private joinCode_: string | null = null;
  private screenKey_: string | null = null;
  /** The facilitator key sent in each hello; dropped when a facilitator makes us a participant. */
  private facilitatorKey_: string | undefined;
  /** Server clock minus our clock, from welcome.serverTime (0 until known). */
  private clockOffset = 0;
  private presence_: PresenceState = NO_PRESENCE;
  /** Participant number (event.by) → participant id, from the presence list. */
  private idByNumber = new Map<number, string>();
  private participants_: Person[] = [];
  private editing: string | null = null;
  private started = false;
  private stopped = false;
  private unsubscribeNetwork: (() => void) | null = null;
  private readonly listeners = new Set<(e: SyncEvent) => void>();

  constructor(options: SyncClientOptions) {
    this.opts = {
      random: Math.random,
      pingIntervalMs: 20_000,
      deadAfterMs: 45_000,
      sendWindow: 64,
      saveDelayMs: 1_000,
      log: (message) => console.warn(message),
      ...options,
    };
    this.facilitatorKey_ = options.facilitatorKey;
  }

  // ---- what views read ----

  get board(): Board | null {
    return this.view;
  }
  get confirmedSeq(): number {
    return this.confirmedSeq_;
  }
  get pendingCount(): number {
    return this.pending.length;
  }
  get pendingOps(): readonly PendingOp[] {
    return this.pending;
  }
  get status(): ConnectionStatus {
    return this.status_;
  }
  get failReason(): FailReason | null {
    return this.failReason_;
  }
  get me(): You | null {
    return this.me_;
  }
  /** A new facilitator key replaced the old one (P-HTTP-11): later hellos send it. */
  setFacilitatorKey(key: string): void {
    this.facilitatorKey_ = key;
  }
  /** This participant's own secret, once the server gave one (it stands in for the facilitator key over HTTP for facilitators, P-HTTP-9). */
  get participantToken(): string | null {
    return this.opts.store.loadToken();
  }

  /** The join code, when the server told this (facilitator) connection. */
  get joinCode(): string | null {
    return this.joinCode_;
  }
  /** The big-screen key, when the server told this (facilitator) connection. */
  get screenKey(): string | null {
    return this.screenKey_;
  }
  /** Our best estimate of the server's clock now (for timers; corrects for clock skew). */
  serverNow(): number {
    return this.opts.clock.now() + this.clockOffset;
  }
  /** Everyone the presence list names, and ourselves where a crowded room's list leaves us out (P-PRES-7). */
  get participants(): readonly Person[] {
    return this.participants_;
  }
  /** Offline participants the presence list leaves out (P-PRES-5): a count, not names. */
  get offlineCount(): number {
    return this.presence_.offline;
  }
  /** Who a crowded room's presence list counts instead of naming, ourselves not included (P-PRES-6). */
  get unlisted(): Unlisted {
    return unlistedOf(this.presence_);
  }
  get clientId(): string {
    return this.opts.store.clientId();
  }

  subscribe(listener: (e: SyncEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---- lifecycle ----

  start(): void {
    if (this.started) return;
    this.started = true;
    const saved = this.opts.store.loadBoard();
    if (saved) {
      this.confirmed = boardFromSnapshot(saved.snapshot);
      this.confirmedSeq_ = saved.seq;
    }
    this.pending = this.opts.store.loadPending().sort((a, b) => a.clientSeq - b.clientSeq);
    this.rebuildView();
    this.unsubscribeNetwork = this.opts.network.subscribe((online) => this.onNetwork(online));
    this.heartbeat();
    this.connect();
  }

  private heartbeat(): void {
    this.opts.store.markAlive(this.opts.clock.now());
    this.heartbeatTimer = this.opts.clock.setTimeout(() => this.heartbeat(), HEARTBEAT_MS);
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.unsubscribeNetwork?.();
    this.clearTimer('reconnectTimer');
    this.clearTimer('pingTimer');
    this.clearTimer('heartbeatTimer');
    if (this.saveTimer !== null) {
      this.clearTimer('saveTimer');
      this.saveBoardNow();
    }
    this.opts.store.markGone();
    const s = this.socket;
    this.socket = null;
    this.welcomed = false;
    if (s) s.close(1000, 'leaving');
    this.listeners.clear();
  }

  // ---- what views do ----

  /**
   * The page is going away (pagehide): write the board now, and release the clientId so a
   * reload keeps it or another tab can adopt its queued operations. If the page comes back
   * from the back/forward cache, the next heartbeat claims the clientId again.
   */
  flush(): void {
    if (this.saveTimer !== null) this.clearTimer('saveTimer');
    this.saveBoardNow();
    this.opts.store.markGone();
  }

  /** Applies `op` at once and sends it when connected. Returns its clientSeq. */
  submit(op: Operation): number {
    const clientSeq = this.opts.store.nextClientSeq();
    this.pending.push({ clientSeq, op });
    this.opts.store.savePending(this.pending);
    this.rebuildView();
    this.emit({ type: 'board', remote: [] });
    this.emit({ type: 'connection' }); // the queued count changed
    this.pump();
    return clientSeq;
  }

  /** Tells the others which card this participant is editing (ephemeral, P-PRES-1). */
  setEditing(cardId: string | null): void {
    if (this.editing === cardId) return;
    this.editing = cardId;
    if (this.welcomed) this.send({ type: 'presence', editing: cardId });
  }

  // ---- connection ----

  private connect(): void {
    if (this.stopped || this.socket || this.failReason_) return;
    this.clearTimer('reconnectTimer');
    if (!this.opts.network.isOnline()) {
      this.setStatus('offline');
      return;
    }
    this.setStatus(this.everWelcomed ? 'reconnecting' : 'connecting');
    const socket = this.opts.socketFactory(this.opts.url);
    this.socket = socket;
    this.welcomed = false;
    socket.onopen = () => {
      if (socket !== this.socket) return;
      this.lastHeard = this.opts.clock.now();
      this.sendHello();
      this.schedulePing();
    };
    socket.onmessage = (ev) => {
      if (socket !== this.socket) return; // a late event of an old socket
      this.lastHeard = this.opts.clock.now();
      const msg = typeof ev.data === 'string' ? decodeServerMessage(ev.data) : null;
      if (msg) this.handle(msg);
    };
    socket.onclose = (ev) => {
      if (socket !== this.socket) return;
      this.onClosed(ev.code);
    };
    socket.onerror = () => {
      // A close event always follows; that is where we act.
    };
  }

  private sendHello(): void {
    const token = this.opts.store.loadToken();
    const hello: ClientMessage = {
      type: 'hello',
      protocolVersion: PROTOCOL_VERSION,
      workshopId: this.opts.workshopId,
      clientId: this.clientId,
      displayName: this.opts.displayName,
      lastSeq: this.confirmed && !this.needSnapshot ? this.confirmedSeq_ : 0,
    };
    if (token) hello.participantToken = token;
    if (this.facilitatorKey_) hello.facilitatorKey = this.facilitatorKey_;
    else if (this.opts.screenKey) hello.screenKey = this.opts.screenKey;
    this.send(hello);
  }

  private onClosed(code: number): void {
    this.detachSocket();
    if (!this.failReason_) {
      if (code === CloseCode.protocolVersion) this.failReason_ = 'protocol_version';
      else if (code === CloseCode.forbidden) this.failReason_ = 'forbidden';
      else if (code === CloseCode.notFound) this.failReason_ = 'not_found';
    }
    if (this.failReason_) {
      this.setStatus('failed');
      // The reloaded page resends the pending operations: they are in the store already.
      if (this.failReason_ === 'protocol_version') this.opts.versionReload?.refused();
      return;
    }
    this.scheduleReconnect(code === CloseCode.moved ? MOVED_BACKOFF_MAX_MS : BACKOFF_MAX_MS);
  }

  private detachSocket(): void {
    this.socket = null;
    this.welcomed = false;
    this.clearTimer('pingTimer');
  }

  /** Gives up on the current socket (dead, or our state needs a fresh start) and reconnects. */
  private dropSocket(reconnectNow: boolean): void {
    const s = this.socket;
    this.detachSocket();
    if (s) s.close(1000, 'resync');
    if (reconnectNow) {
      this.attempt = 0;
      this.connect();
    } else {
      this.scheduleReconnect();
    }
  }

  private scheduleReconnect(maxDelay = BACKOFF_MAX_MS): void {
    if (this.stopped) return;
    if (!this.opts.network.isOnline()) {
      this.setStatus('offline');
      return;
    }
    this.setStatus(this.everWelcomed ? 'reconnecting' : 'connecting');
    const delay = backoffDelay(this.attempt++, this.opts.random(), maxDelay);
    this.clearTimer('reconnectTimer');
    this.reconnectTimer = this.opts.clock.setTimeout(() => {
      this.reconnectTimer = null;
      this.connect();
    }, delay);
  }

  private onNetwork(online: boolean): void {
    if (this.stopped || this.failReason_) return;
    if (online) {
      if (!this.socket) {
        this.attempt = 0;
        this.connect();
      }
    } else {
      // No network: the socket cannot carry anything; keep edits queued until it is back.
      this.clearTimer('reconnectTimer');
      const s = this.socket;
      this.detachSocket();
      if (s) s.close(1000, 'offline');
      this.setStatus('offline');
    }
  }

  private schedulePing(): void {
    this.clearTimer('pingTimer');
    this.pingTimer = this.opts.clock.setTimeout(() => {
      this.pingTimer = null;
      if (!this.socket) return;
      const now = this.opts.clock.now();
      if (now - this.lastHeard > this.opts.deadAfterMs) {
        this.dropSocket(false);
        return;
      }
      this.send({ type: 'ping', t: now });
      this.schedulePing();
    }, this.opts.pingIntervalMs);
  }

  // ---- incoming ----

  private handle(msg: ServerMessage): void {
    switch (msg.type) {
      case 'welcome':
        this.onWelcome(msg);
        return;
      case 'event':
        this.onEvent(msg);
        return;
      case 'ack':
        this.onAck(msg);
        return;
      case 'error':
        this.onError(msg);
        return;
      case 'presence':
        this.setPresence(applyPresence(this.presence_, msg));
        return;
      case 'pong':
        return;
      default:
        assertNever(msg);
    }
  }

  private setPresence(state: PresenceState): void {
    this.presence_ = state;
    this.participants_ = peopleOf(state);
    this.idByNumber = new Map(this.participants_.map((p) => [p.number, p.participantId]));
    this.emit({ type: 'presence' });
  }

  /**
   * Who an event's `by` names (P-SYNC-11): ourselves, or someone the presence list holds; '' for
   * someone it does not (an offline participant summarised, P-PRES-5).
   */
  private participantIdOf(number: number | undefined): string {
    if (number === undefined) return '';
    if (this.me_?.number === number) return this.me_.participantId;
    return this.idByNumber.get(number) ?? '';
  }

  private onWelcome(w: WelcomeMessage): void {
    if (this.welcomed || w.workshopId !== this.opts.workshopId) return;
    this.opts.versionReload?.accepted();
    const roleBefore = this.me_?.role;
    this.me_ = w.you;
    if (w.joinCode) this.joinCode_ = w.joinCode;
    if (w.screenKey) this.screenKey_ = w.screenKey;
    if (typeof w.serverTime === 'number') this.clockOffset = w.serverTime - this.opts.clock.now();
    // A screen has no participant and no token.
    if (w.you.participantToken) this.opts.store.saveToken(w.you.participantToken);
    // Later presence messages change this list (P-PRES-3); a server that sent none is empty.
    this.setPresence(w.presence ? presenceFromList(w.presence) : NO_PRESENCE);
    const remote: RemoteChange[] = [];
    if (w.snapshot) {
      this.confirmed = boardFromSnapshot(w.snapshot);
      this.confirmedSeq_ = w.seq;
      this.needSnapshot = false;
    } else {
      const events = [...(w.events ?? [])].sort((a, b) => a.seq - b.seq);
      if (!this.confirmed || this.needSnapshot || w.seq < this.confirmedSeq_) {
        // Deltas on top of nothing, or on top of a history the server does not have (its
        // database was replaced): start over from a snapshot.
        this.resync();
        return;
      }
      for (const e of events) {
        if (e.seq <= this.confirmedSeq_) continue;
        if (e.seq !== this.confirmedSeq_ + 1) {
          this.resync();
          return;
        }
        // welcome.you already holds our role as it is now: an older role event replayed here
        // must not override it.
        const change = this.applyEvent(e, false);
        if (change) remote.push(change);
      }
      if (this.confirmedSeq_ !== w.seq) {
        this.resync();
        return;
      }
      if (w.digest !== undefined && !this.agrees(w.digest, w.seq, 'welcome')) return;
    }
    // Everything at or below lastClientSeq has been processed (applied, or rejected while we
    // were away): it is in the state we just got, or it never will be (P-SYNC-4, P-SYNC-5).
    this.opts.store.raiseClientSeq(w.lastClientSeq);
    const before = this.pending.length;
    // Held ops were refused, never applied: they stay whatever their clientSeq.
    this.pending = this.pending.filter((p) => p.held === true || p.clientSeq > w.lastClientSeq);
    if (this.pending.length !== before) this.opts.store.savePending(this.pending);
    if (this.confirmed && !this.confirmed.facilitation.locked) this.releaseHeld();
    this.welcomed = true;
    this.everWelcomed = true;
    this.attempt = 0;
    this.sentUpTo = 0;
    this.rebuildView();
    this.scheduleSave();
    this.setStatus('online');
    this.emit({ type: 'board', remote });
    if (roleBefore !== undefined && roleBefore !== w.you.role) this.emit({ type: 'me' });
    this.pump();
    if (this.editing !== null) this.send({ type: 'presence', editing: this.editing });
  }

  private resync(): void {
    // The first time at once; if the server keeps answering with deltas, back off.
    const first = !this.needSnapshot;
    this.needSnapshot = true;
    this.dropSocket(first);
  }

  private onEvent(e: EventBody): void {
    if (!this.welcomed || !this.confirmed || this.failReason_) return;
    if (e.seq <= this.confirmedSeq_) return; // already have it
    if (e.seq !== this.confirmedSeq_ + 1) {
      this.resync(); // a gap: never guess, fetch the truth
      return;
    }
    const before = this.pending.length;
    const wasLocked = this.confirmed?.facilitation.locked === true;
    let change: RemoteChange | null;
    try {
      change = this.applyEvent(e);
    } catch (err) {
      this.diverge(`event ${e.seq} did not apply: ${String(err)}`);
      return;
    }
    if (this.failReason_) return; // the event removed us
    if (wasLocked && this.confirmed?.facilitation.locked === false) this.releaseHeld();
    if (this.pending.length !== before) this.opts.store.savePending(this.pending);
    this.rebuildView();
    this.scheduleSave();
    this.emit({ type: 'board', remote: change ? [change] : [] });
    if (this.pending.length !== before) {
      this.emit({ type: 'connection' });
      this.pump();
    }
  }

  /**
   * Applies an event's patch (the records it changed, P-SYNC-9) to the confirmed board; returns
   * it as a remote change if not ours. An event without a patch changed nothing we hold. Events
   * about our own participant (a new role, our removal) act on the connection too.
   */
  private applyEvent(e: EventBody, ownRoleFromEvent = true): RemoteChange | null {
    const board = this.confirmed!;
    const op = e.op;
    const by = this.participantIdOf(e.by);
    const cardBefore = 'cardId' in op ? board.cards.get(op.cardId) : undefined;
    const myId = this.me_?.participantId;
    if (e.patch) applyPatch(board, e.patch);
    this.confirmedSeq_ = e.seq;
    if (op.kind === 'participant.role' && myId && op.participantId === myId && ownRoleFromEvent) this.onOwnRole(op.role);
    if (op.kind === 'participant.remove' && myId && op.participantId === myId) this.onRemoved();
    // Only our own copy of an event carries a clientSeq (P-SYNC-11): it confirms a pending op.
    if (e.clientSeq !== undefined) {
      this.pending = this.pending.filter((p) => p.clientSeq !== e.clientSeq);
      return null;
    }
    if (op.kind === 'hidden') return null;
    return { op, by, cardBefore };
  }

  /** A facilitator changed our role: it applies at once; reconnect for the facilitator's welcome. */
  private onOwnRole(role: You['role']): void {
    if (!this.me_ || this.me_.role === role) return;
    const promoted = role === 'facilitator';
    this.me_ = { ...this.me_, role };
    if (role !== 'facilitator') {
      this.joinCode_ = null;
      this.screenKey_ = null;
      // A hello with the key makes us facilitator again (P-ROLE-1): after a hand-over, the next
      // reconnect of this tab would undo it.
      this.facilitatorKey_ = undefined;
    }
    this.emit({ type: 'me' });
    // The join code and screen key come only in a facilitator's welcome: resume to get them.
    if (promoted) this.opts.clock.setTimeout(() => this.dropSocket(true), 0);
  }

  /** A facilitator removed us: our token no longer works; forget it and what we had queued. */
  private onRemoved(): void {
    if (this.failReason_ === 'removed') return;
    this.failReason_ = 'removed';
    this.opts.store.clearToken();
    this.pending = [];
    this.opts.store.savePending(this.pending);
    this.opts.store.saveBoard(null);
    this.clearTimer('saveTimer');
    this.clearTimer('reconnectTimer');
    const s = this.socket;
    this.detachSocket();
    if (s) s.close(1000, 'removed');
    this.setStatus('failed');
  }

  /**
   * Whether our confirmed board at `seq` has the digest the server gives (P-SYNC-10). If not,
   * it is dropped and fetched again by snapshot; pending operations are kept.
   */
  private agrees(digest: string, seq: number, where: string): boolean {
    if (!this.confirmed || this.confirmedSeq_ !== seq) return true; // not the same moment: nothing to compare
    const ours = boardDigest(this.confirmed);
    if (ours === digest) return true;
    this.diverge(`board digest at seq ${seq} (${where}) is ${ours}, the server's is ${digest}`);
    return false;
  }

  /** Our confirmed board is not the server's: never keep or save it; resync by snapshot. */
  private diverge(reason: string): void {
    this.opts.log(`journeyboard: resyncing by snapshot: ${reason}`);
    this.clearTimer('saveTimer');
    this.opts.store.saveBoard(null);
    this.emit({ type: 'diverged', reason });
    this.resync();
  }

  private onAck(a: AckMessage): void {
    if (a.digest !== undefined && !this.agrees(a.digest, a.seq, 'ack')) return;
    const index = this.pending.findIndex((p) => p.clientSeq === a.clientSeq);
    if (index < 0) return; // its event came first, as it should (P-SYNC-1)
    this.pending.splice(index, 1);
    this.opts.store.savePending(this.pending);
    this.rebuildView();
    this.emit({ type: 'board', remote: [] });
    this.emit({ type: 'connection' });
    this.pump();
  }

  private onError(err: ErrorMessage): void {
    // P-ROLE-4: told by its code, also as the answer to one of our ops (which it drops with the rest).
    if (err.code === 'removed') {
      this.onRemoved();
      return;
    }
    if (err.clientSeq !== undefined) {
      const index = this.pending.findIndex((p) => p.clientSeq === err.clientSeq);
      if (index >= 0 && err.code === 'locked' && HOLD_WHEN_LOCKED.has(this.pending[index]!.op.kind)) {
        this.pending[index]!.held = true;
        this.opts.store.savePending(this.pending);
        this.emit({ type: 'held', op: this.pending[index]!.op });
        this.emit({ type: 'connection' });
        this.pump();
        return;
      }
      if (index >= 0) {
        const [dropped] = this.pending.splice(index, 1);
        this.opts.store.savePending(this.pending);
        this.rebuildView();
        this.emit({ type: 'rejected', op: dropped!.op, code: err.code, message: err.message });
        this.emit({ type: 'board', remote: [] });
        this.emit({ type: 'connection' });
        this.pump();
        return;
      }
    }
    if (
      !this.welcomed &&
      (err.code === 'protocol_version' || err.code === 'forbidden' || err.code === 'not_found')
    ) {
      this.failReason_ = err.code; // the close that follows ends it
      return;
    }
    // The store cannot be reached now (P-JOIN-7): the 1013 that follows is retried like a dropped
    // connection, and the status already says "reconnecting"; a notice on every try would alarm.
    if (!this.welcomed && err.code === 'unavailable') return;
    // A newcomer the workshop does not admit (P-JOIN-8, P-JOIN-10): the 4003 that follows ends it.
    if (!this.welcomed && (err.code === 'closed' || err.code === 'limit')) {
      this.failReason_ = err.code === 'closed' ? 'closed' : 'full';
      return;
    }
    this.emit({ type: 'notice', code: err.code, message: err.message });
  }

  // ---- outgoing ----

  /** Sends pending operations in clientSeq order, at most sendWindow unacknowledged. */
  private pump(): void {
    if (!this.welcomed) return;
    let inFlight = this.pending.filter((p) => !p.held && p.clientSeq <= this.sentUpTo).length;
    for (const p of this.pending) {
      if (inFlight >= this.opts.sendWindow) break;
      if (p.held || p.clientSeq <= this.sentUpTo) continue;
      this.send({ type: 'op', clientSeq: p.clientSeq, op: p.op });
      this.sentUpTo = p.clientSeq;
      inFlight++;
    }
  }

  /**
   * The board is open again: held ops get new clientSeqs (after everything sent meanwhile, which
   * the server may have applied: an old number would count as a duplicate) and go out in the
   * order they were written.
   */
  private releaseHeld(): void {
    if (!this.pending.some((p) => p.held)) return;
    for (const p of this.pending) {
      if (!p.held) continue;
      p.clientSeq = this.opts.store.nextClientSeq();
      delete p.held;
    }
    this.pending.sort((a, b) => a.clientSeq - b.clientSeq);
    this.opts.store.savePending(this.pending);
    this.pump();
  }

  private send(msg: ClientMessage): void {
    const s = this.socket;
    if (!s || s.readyState !== OPEN) return;
    try {
      s.send(JSON.stringify(msg));
    } catch {
      // The close event follows and reconnecting resends what matters.
    }
  }

  // ---- state ----

  private rebuildView(): void {
    if (!this.confirmed) {
      this.view = null;
      return;
    }
    if (this.pending.length === 0) {
      this.view = this.confirmed;
      return;
    }
    const view = cloneBoard(this.confirmed);
    const who = { participantId: this.me_?.participantId ?? '', role: this.me_?.role, at: this.serverNow() };
    for (const p of this.pending) predict(view, p.op, who);
    this.view = view;
  }

  private scheduleSave(): void {
    if (this.saveTimer !== null) return;
    this.saveTimer = this.opts.clock.setTimeout(() => {
      this.saveTimer = null;
      this.saveBoardNow();
    }, this.opts.saveDelayMs);
  }

  private saveBoardNow(): void {
    if (!this.confirmed || this.needSnapshot) return;
    this.opts.store.saveBoard({ seq: this.confirmedSeq_, snapshot: boardToSnapshot(this.confirmed) });
  }

  private setStatus(status: ConnectionStatus): void {
    if (this.status_ === status) return;
    this.status_ = status;
    this.emit({ type: 'connection' });
  }

  private clearTimer(name: 'reconnectTimer' | 'pingTimer' | 'saveTimer' | 'heartbeatTimer'): void {
    const handle = this[name];
    if (handle !== null) this.opts.clock.clearTimeout(handle);
    this[name] = null;
  }

  private emit(e: SyncEvent): void {
    for (const l of [...this.listeners]) l(e);
  }
}
