// Conformance (docs/protocol.md P-SYNC-9, P-SYNC-10): replays every connection of the contract
// logs (the messages the C++ integration tests and the browser tests exchanged with the real
// server, JB_CONTRACT_LOGS) through the web client's data layer, the SyncClient. The server
// sends digests of each viewer's board with its acks and delta welcomes; the client checks its
// board against every one it can (the board at that seq) and reports a divergence when its
// board, built from the snapshot and the events' patches alone, is not the server's. Zero
// divergences, and at least one checked digest per log, or the test fails.
//
// Run by scripts/test (suite conformance) after the suites that write the logs:
//   JB_CONTRACT_LOGS=a.jsonl:b.jsonl npm run test:conformance

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SyncClient, type SyncEvent } from '../src/sync/SyncClient';
import { BrowserSyncStore } from '../src/sync/SyncStore';
import { FakeClock, FakeNetwork, FakeSocketFactory } from '../src/sync/fakes';
import { MemoryStorage } from '../src/util/MemoryStorage';
import { boardDigest } from '../src/model/digest';
import type { ServerMessage } from '../src/protocol/types';

const paths = (process.env.JB_CONTRACT_LOGS ?? '').split(':').filter(Boolean);

interface Connection {
  clientId: string;
  workshopId: string;
  server: ServerMessage[];
}

/** The connections of one log, in the order they first appear; only those that were welcomed. */
function connectionsOf(file: string): { connections: Connection[]; untagged: number } {
  const byConn = new Map<string, Connection>();
  let untagged = 0;
  for (const text of readFileSync(file, 'utf8').split('\n')) {
    if (text.trim() === '') continue;
    const line = JSON.parse(text) as { from: string; conn?: string; msg: unknown };
    if (typeof line.conn !== 'string') {
      untagged++;
      continue;
    }
    const msg = typeof line.msg === 'string' ? safeParse(line.msg) : line.msg;
    if (msg === null || typeof msg !== 'object') continue;
    let conn = byConn.get(line.conn);
    if (!conn) byConn.set(line.conn, (conn = { clientId: '', workshopId: '', server: [] }));
    const m = msg as { type?: string; clientId?: string; workshopId?: string };
    if (line.from === 'client' && m.type === 'hello' && !conn.clientId) conn.clientId = String(m.clientId ?? '');
    if (line.from === 'server') {
      if (m.type === 'welcome' && !conn.workshopId) conn.workshopId = String(m.workshopId ?? '');
      conn.server.push(msg as ServerMessage);
    }
  }
  const connections = [...byConn.values()].filter((c) => c.workshopId !== '' && c.server.some((m) => m.type === 'welcome'));
  return { connections, untagged };
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

interface Outcome {
  divergences: string[];
  checked: number;
  /** Connections the client could not follow for reasons of the log, not of the board (a gap). */
  unfollowed: number;
}

/** Browser storage per clientId: a reconnecting test client resumes from what it had. */
const storages = new Map<string, { local: MemoryStorage; session: MemoryStorage }>();

function replay(conn: Connection, outcome: Outcome): void {
  const key = `${conn.workshopId}/${conn.clientId}`;
  let storage = storages.get(key);
  if (!storage) storages.set(key, (storage = { local: new MemoryStorage(), session: new MemoryStorage() }));
  const clock = new FakeClock();
  const sockets = new FakeSocketFactory();
  const logs: string[] = [];
  const client = new SyncClient({
    url: 'ws://replay/ws',
    workshopId: conn.workshopId,
    displayName: 'replay',
    store: new BrowserSyncStore(conn.workshopId, storage.local, storage.session, clock.now()),
    socketFactory: sockets.create,
    clock,
    network: new FakeNetwork(),
    log: (m) => logs.push(m),
  });
  const events: SyncEvent[] = [];
  client.subscribe((e) => events.push(e));
  client.start();
  const socket = sockets.last;
  socket.open();
  for (const msg of conn.server) {
    if (sockets.last !== socket) break; // the client gave up on this socket
    const digest = (msg as { digest?: string }).digest;
    const seq = (msg as { seq?: number }).seq;
    socket.push(msg);
    socket.flush();
    // A digest at a seq the client holds is one it compared.
    if (digest !== undefined && client.confirmedSeq === seq && sockets.last === socket) {
      outcome.checked++;
      expect(boardDigest(client.board!)).toBe(digest); // no pending operations here: the board is the confirmed one
    }
  }
  for (const e of events) if (e.type === 'diverged') outcome.divergences.push(`${key}: ${e.reason}`);
  if (sockets.last !== socket && !events.some((e) => e.type === 'diverged')) outcome.unfollowed++;
  client.stop(); // saves the board for this clientId's next connection
}

describe.skipIf(paths.length === 0)('conformance: the web client keeps the board the server sees (P-SYNC-9, P-SYNC-10)', () => {
  for (const file of paths) {
    it(`every connection in ${file} ends with the server's board for its viewer`, () => {
      expect(existsSync(file), `${file} does not exist: did the tests that write it run?`).toBe(true);
      const { connections, untagged } = connectionsOf(file);
      expect(untagged, 'log lines without "conn": the log predates per-connection tags').toBe(0);
      expect(connections.length).toBeGreaterThan(0);
      const outcome: Outcome = { divergences: [], checked: 0, unfollowed: 0 };
      for (const conn of connections) replay(conn, outcome);
      console.log(`${file}: ${connections.length} connections, ${outcome.checked} digests compared, ${outcome.unfollowed} left early (a gap the log does not hold)`);
      expect(outcome.divergences).toEqual([]);
      expect(outcome.checked).toBeGreaterThan(0);
    });
  }
});
