import { describe, expect, it } from 'vitest';
import { BrowserSyncStore, HEARTBEAT_STALE_MS, syncStoreFor } from './SyncStore';
import { MemoryStorage } from '../util/MemoryStorage';
import { sampleSnapshot } from './fakes';

const T0 = 1_700_000_000_000;

describe('BrowserSyncStore clientId ownership', () => {
  it('keeps the clientId across a reload of the same tab', () => {
    const local = new MemoryStorage();
    const session = new MemoryStorage();
    const first = new BrowserSyncStore('w1', local, session, T0);
    first.markGone(); // pagehide
    const reloaded = new BrowserSyncStore('w1', local, session, T0 + 500);
    expect(reloaded.clientId()).toBe(first.clientId());
  });

  it('gives a duplicated tab its own clientId while the original lives', () => {
    const local = new MemoryStorage();
    const session = new MemoryStorage();
    const original = new BrowserSyncStore('w1', local, session, T0);
    const copied = new MemoryStorage();
    copied.setItem('jb.clientId', session.getItem('jb.clientId')!);
    const duplicate = new BrowserSyncStore('w1', local, copied, T0 + 1_000);
    expect(duplicate.clientId()).not.toBe(original.clientId());
    expect(copied.getItem('jb.clientId')).toBe(duplicate.clientId());
  });

  it('lets a new tab adopt a closed tab\'s clientId when it left queued operations', () => {
    const local = new MemoryStorage();
    const closed = new BrowserSyncStore('w1', local, new MemoryStorage(), T0);
    closed.nextClientSeq();
    closed.savePending([{ clientSeq: 1, op: { kind: 'card.delete', cardId: 'c1' } }]);
    closed.markGone();
    const next = new BrowserSyncStore('w1', local, new MemoryStorage(), T0 + 1_000);
    expect(next.clientId()).toBe(closed.clientId());
    expect(next.loadPending()).toHaveLength(1);
    expect(next.nextClientSeq()).toBe(2);
  });

  it('does not adopt the queue of a tab that is still alive, but does once its heartbeat is stale', () => {
    const local = new MemoryStorage();
    const alive = new BrowserSyncStore('w1', local, new MemoryStorage(), T0);
    alive.savePending([{ clientSeq: 1, op: { kind: 'card.delete', cardId: 'c1' } }]);
    const other = new BrowserSyncStore('w1', local, new MemoryStorage(), T0 + 1_000);
    expect(other.clientId()).not.toBe(alive.clientId());
    // The first tab crashed: no goodbye, its heartbeat just stops.
    const later = new BrowserSyncStore('w1', local, new MemoryStorage(), T0 + HEARTBEAT_STALE_MS + 1);
    expect(later.clientId()).toBe(alive.clientId());
  });

  it('does not adopt a queue of another workshop', () => {
    const local = new MemoryStorage();
    const closed = new BrowserSyncStore('w2', local, new MemoryStorage(), T0);
    closed.savePending([{ clientSeq: 1, op: { kind: 'card.delete', cardId: 'c1' } }]);
    closed.markGone();
    const next = new BrowserSyncStore('w1', local, new MemoryStorage(), T0 + 1_000);
    expect(next.clientId()).not.toBe(closed.clientId());
  });
});

describe('the big screen in the same browser', () => {
  it("neither adopts a closed tab's queue nor replaces the saved board", () => {
    const local = new MemoryStorage();
    const closed = syncStoreFor('w1', false, local, new MemoryStorage());
    closed.savePending([{ clientSeq: 1, op: { kind: 'card.delete', cardId: 'c1' } }]);
    closed.saveBoard({ seq: 3, snapshot: sampleSnapshot() });
    closed.markGone();
    const before = local.getItem('jb.board.w1');

    const screen = syncStoreFor('w1', true, local, new MemoryStorage());
    expect(screen.clientId()).not.toBe(closed.clientId());
    expect(screen.loadPending()).toEqual([]);
    expect(screen.loadBoard()).toBeNull();
    screen.saveBoard({ seq: 9, snapshot: sampleSnapshot() });
    expect(local.getItem('jb.board.w1')).toBe(before);

    // The participant's next tab still finds its queue.
    const next = syncStoreFor('w1', false, local, new MemoryStorage());
    expect(next.clientId()).toBe(closed.clientId());
    expect(next.loadPending()).toHaveLength(1);
  });
});

describe('BrowserSyncStore persistence', () => {
  it('numbers operations 1, 2, 3 and never goes below what the server knows', () => {
    const store = new BrowserSyncStore('w1', new MemoryStorage(), new MemoryStorage(), T0);
    expect([store.nextClientSeq(), store.nextClientSeq()]).toEqual([1, 2]);
    store.raiseClientSeq(10);
    store.raiseClientSeq(3);
    expect(store.nextClientSeq()).toBe(11);
  });

  it('stores the participant token and the board per workshop', () => {
    const local = new MemoryStorage();
    const a = new BrowserSyncStore('w1', local, new MemoryStorage(), T0);
    const b = new BrowserSyncStore('w2', local, new MemoryStorage(), T0);
    a.saveToken('ta');
    a.saveBoard({ seq: 4, snapshot: sampleSnapshot('w1') });
    expect(a.loadToken()).toBe('ta');
    expect(b.loadToken()).toBeNull();
    expect(a.loadBoard()?.seq).toBe(4);
    expect(b.loadBoard()).toBeNull();
  });

  it('ignores a saved board of another workshop or a damaged one', () => {
    const local = new MemoryStorage();
    local.setItem('jb.board.w1', JSON.stringify({ seq: 1, snapshot: sampleSnapshot('w9') }));
    local.setItem('jb.board.w2', '{not json');
    expect(new BrowserSyncStore('w1', local, new MemoryStorage(), T0).loadBoard()).toBeNull();
    expect(new BrowserSyncStore('w2', local, new MemoryStorage(), T0).loadBoard()).toBeNull();
  });

  it('keeps working when storage refuses writes', () => {
    const full = new MemoryStorage();
    full.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    const store = new BrowserSyncStore('w1', full, new MemoryStorage(), T0);
    expect(() => store.savePending([{ clientSeq: 1, op: { kind: 'card.delete', cardId: 'c' } }])).not.toThrow();
    expect([store.nextClientSeq(), store.nextClientSeq()]).toEqual([1, 2]);
  });
});
