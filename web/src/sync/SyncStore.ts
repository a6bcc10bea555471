// What the sync client keeps across reloads, and where: the tab's clientId in sessionStorage
// (one per tab, survives a reload of that tab), everything else in localStorage.
//
// A clientId must never be used by two live tabs at once (their clientSeqs would collide and
// the server would take one tab's operations for the other's retries), and operations queued
// by a tab that was closed while offline must not be lost. So each live client keeps a
// heartbeat in localStorage and removes it when its page goes away:
// - a reloaded tab finds its own clientId without a heartbeat and keeps it;
// - a duplicated tab (the browser copies sessionStorage) finds its clientId alive elsewhere
//   and takes a new one;
// - a new tab adopts the clientId of a closed (or crashed, heartbeat stale) tab that still has
//   queued operations for this workshop, so they are resent under their own clientId and
//   clientSeq, which the server de-duplicates exactly (P-SYNC-4).

import type { BoardSnapshot, Operation } from '../protocol/types';
import { randomId } from '../util/ids';
import { MemoryStorage } from '../util/MemoryStorage';

export interface PendingOp {
  clientSeq: number;
  op: Operation;
  /**
   * Refused because the board was locked: kept (and shown) instead of dropped, and sent again
   * with a new clientSeq once the board is unlocked, so nothing written is lost.
   */
  held?: boolean;
}

export interface SavedBoard {
  seq: number;
  snapshot: BoardSnapshot;
}

/** The persistence the sync client needs; tests use the same class over in-memory storage. */
export interface SyncStore {
  clientId(): string;
  /** Says this clientId is in use by a live page (call every HEARTBEAT_MS or so). */
  markAlive(now: number): void;
  /** Says the page is going away: the clientId may be reused by its reload or adopted. */
  markGone(): void;
  /** The next clientSeq for this clientId: 1, 2, 3, … never reused. */
  nextClientSeq(): number;
  /** Makes sure later numbers are above `seq` (the server knows a higher one). */
  raiseClientSeq(seq: number): void;
  loadPending(): PendingOp[];
  savePending(ops: readonly PendingOp[]): void;
  loadToken(): string | null;
  saveToken(token: string): void;
  /** Forgets the token (this participant was removed). */
  clearToken(): void;
  loadBoard(): SavedBoard | null;
  saveBoard(board: SavedBoard | null): void;
}

function readJson<T>(storage: Storage, key: string): T | null {
  try {
    const text = storage.getItem(key);
    return text === null ? null : (JSON.parse(text) as T);
  } catch {
    return null;
  }
}

function write(storage: Storage, key: string, value: string | null): void {
  try {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, value);
  } catch {
    // Full or disabled storage: the session still works, it just will not survive a reload.
  }
}

export const HEARTBEAT_MS = 5_000;
/** A heartbeat older than this belongs to a page that died without saying goodbye. */
export const HEARTBEAT_STALE_MS = 3 * HEARTBEAT_MS;

/** SyncStore over Web Storage, for one workshop. */
export class BrowserSyncStore implements SyncStore {
  private readonly clientId_: string;
  private lastSeq = 0;

  constructor(
    private readonly workshopId: string,
    private readonly local: Storage,
    session: Storage,
    now: number = Date.now(),
  ) {
    let id: string | null = null;
    try {
      id = session.getItem('jb.clientId');
    } catch {
      id = null;
    }
    if (id && this.isAlive(id, now)) id = null; // a duplicated tab: the original has it
    if (!id) id = this.findOrphan(now) ?? randomId();
    write(session, 'jb.clientId', id);
    this.clientId_ = id;
    this.markAlive(now); // claim it before another tab looks
  }

  clientId(): string {
    return this.clientId_;
  }

  markAlive(now: number): void {
    write(this.local, `jb.alive.${this.clientId_}`, String(now));
  }

  markGone(): void {
    write(this.local, `jb.alive.${this.clientId_}`, null);
  }

  private isAlive(clientId: string, now: number): boolean {
    const beat = readJson<number>(this.local, `jb.alive.${clientId}`);
    return typeof beat === 'number' && now - beat < HEARTBEAT_STALE_MS;
  }

  /** A clientId with queued operations for this workshop whose page is gone. */
  private findOrphan(now: number): string | null {
    const prefix = `jb.pending.${this.workshopId}.`;
    try {
      for (let i = 0; i < this.local.length; i++) {
        const key = this.local.key(i);
        if (!key?.startsWith(prefix)) continue;
        const clientId = key.slice(prefix.length);
        if (clientId && !this.isAlive(clientId, now)) return clientId;
      }
    } catch {
      // No storage to look in.
    }
    return null;
  }

  private seqKey(): string {
    return `jb.clientSeq.${this.clientId_}`;
  }

  nextClientSeq(): number {
    // Also counted in memory: if storage refuses writes, numbers must still never repeat
    // (the server would take a repeated one for a retry and drop it).
    const next = Math.max(readJson<number>(this.local, this.seqKey()) ?? 0, this.lastSeq) + 1;
    this.lastSeq = next;
    write(this.local, this.seqKey(), String(next));
    return next;
  }

  raiseClientSeq(seq: number): void {
    this.lastSeq = Math.max(this.lastSeq, seq);
    if ((readJson<number>(this.local, this.seqKey()) ?? 0) < seq) {
      write(this.local, this.seqKey(), String(seq));
    }
  }

  private pendingKey(): string {
    return `jb.pending.${this.workshopId}.${this.clientId_}`;
  }

  loadPending(): PendingOp[] {
    const ops = readJson<PendingOp[]>(this.local, this.pendingKey());
    return Array.isArray(ops) ? ops : [];
  }

  savePending(ops: readonly PendingOp[]): void {
    write(this.local, this.pendingKey(), ops.length === 0 ? null : JSON.stringify(ops));
  }

  loadToken(): string | null {
    try {
      return this.local.getItem(`jb.token.${this.workshopId}`);
    } catch {
      return null;
    }
  }

  saveToken(token: string): void {
    write(this.local, `jb.token.${this.workshopId}`, token);
  }

  clearToken(): void {
    write(this.local, `jb.token.${this.workshopId}`, null);
  }

  loadBoard(): SavedBoard | null {
    const saved = readJson<SavedBoard>(this.local, `jb.board.${this.workshopId}`);
    if (!saved || typeof saved.seq !== 'number' || !saved.snapshot) return null;
    if (saved.snapshot.workshop?.id !== this.workshopId) return null;
    return saved;
  }

  saveBoard(board: SavedBoard | null): void {
    write(this.local, `jb.board.${this.workshopId}`, board === null ? null : JSON.stringify(board));
  }
}

/**
 * The store of one connection. The big screen (role `screen`) keeps nothing in this browser's
 * storage: it sends no operations, so a closed tab's queue it adopted would only be refused
 * (forbidden) and dropped, and its board (no votes, no private cards, no authors where
 * anonymous) must not replace the saved board that a participant's tab resumes from.
 */
export function syncStoreFor(workshopId: string, screen: boolean, local: Storage, session: Storage): BrowserSyncStore {
  return screen
    ? new BrowserSyncStore(workshopId, new MemoryStorage(), new MemoryStorage())
    : new BrowserSyncStore(workshopId, local, session);
}
