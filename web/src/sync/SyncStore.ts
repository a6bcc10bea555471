// What the sync client keeps across reloads, and where: the tab's clientId in sessionStorage
// (one per tab, survives a reload of that tab), everything else in localStorage.

import type { BoardSnapshot, Operation } from '../protocol/types';
import { randomId } from '../util/ids';

export interface PendingOp {
  clientSeq: number;
  op: Operation;
}

export interface SavedBoard {
  seq: number;
  snapshot: BoardSnapshot;
}

/** The persistence the sync client needs; tests use the same class over in-memory storage. */
export interface SyncStore {
  clientId(): string;
  /** The next clientSeq for this clientId: 1, 2, 3, … never reused. */
  nextClientSeq(): number;
  /** Makes sure later numbers are above `seq` (the server knows a higher one). */
  raiseClientSeq(seq: number): void;
  loadPending(): PendingOp[];
  savePending(ops: readonly PendingOp[]): void;
  loadToken(): string | null;
  saveToken(token: string): void;
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

/** SyncStore over Web Storage, for one workshop. */
export class BrowserSyncStore implements SyncStore {
  private readonly clientId_: string;

  constructor(
    private readonly workshopId: string,
    private readonly local: Storage,
    session: Storage,
  ) {
    let id: string | null = null;
    try {
      id = session.getItem('jb.clientId');
    } catch {
      id = null;
    }
    if (!id) {
      id = randomId();
      write(session, 'jb.clientId', id);
    }
    this.clientId_ = id;
  }

  clientId(): string {
    return this.clientId_;
  }

  private seqKey(): string {
    return `jb.clientSeq.${this.clientId_}`;
  }

  nextClientSeq(): number {
    const next = (readJson<number>(this.local, this.seqKey()) ?? 0) + 1;
    write(this.local, this.seqKey(), String(next));
    return next;
  }

  raiseClientSeq(seq: number): void {
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
