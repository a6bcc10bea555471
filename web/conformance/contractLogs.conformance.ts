// Conformance (docs/protocol.md P-SYNC-9, P-SYNC-10): replays every connection of the contract
// logs (the messages the C++ integration tests and the browser tests exchanged with the real
// server, JB_CONTRACT_LOGS) through the web client's data layer, the SyncClient, and compares
// the board it builds from the snapshot and the events' patches alone with the server's:
// - whole, after each welcome that carries a snapshot (the client keeps it as sent);
// - by digest, at every ack and delta welcome that carries one (the board at that seq);
// - whole, at the end: the test harnesses log, once a test is over, what the same viewer gets
//   on joining again ("final" lines: the events after the connection's last seq, and the
//   snapshot; tests/support/ws_client.hpp log_final_views, web/e2e/support.ts). The replay
//   applies those events and compares its board with that snapshot, record by record. A
//   connection whose role changed while open (participant.role) joins again in its hello's
//   role, so its saved board is another role's: the client must see that by the digest and
//   resync (counted), or hold the snapshot's board.
// Zero differences, zero divergences, and at least one digest and one end board compared per
// log, or the test fails.
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
import { boardToSnapshot } from '../src/model/board';
import type { ServerMessage } from '../src/protocol/types';
import { boardDifferences } from './boardDifferences';

const paths = (process.env.JB_CONTRACT_LOGS ?? '').split(':').filter(Boolean);

interface Connection {
  clientId: string;
  workshopId: string;
  server: ServerMessage[];
  /** What the same viewer got on joining again after the test: the events after this connection's last seq. */
  finalDelta?: ServerMessage;
  /** ... and the server's whole board for that viewer. */
  finalSnapshot?: ServerMessage;
}

/** The connections of one log, in the order they first appear; only those that were welcomed. */
function connectionsOf(file: string): { connections: Connection[]; untagged: number } {
  const byConn = new Map<string, Connection>();
  let untagged = 0;
  for (const text of readFileSync(file, 'utf8').split('\n')) {
    if (text.trim() === '') continue;
    const line = JSON.parse(text) as { from: string; conn?: string; msg: unknown; final?: string };
    if (typeof line.conn !== 'string') {
      untagged++;
      continue;
    }
    const msg = typeof line.msg === 'string' ? safeParse(line.msg) : line.msg;
    if (msg === null || typeof msg !== 'object') continue;
    let conn = byConn.get(line.conn);
    if (!conn) byConn.set(line.conn, (conn = { clientId: '', workshopId: '', server: [] }));
    const m = msg as { type?: string; clientId?: string; workshopId?: string };
    if (line.final === 'delta') conn.finalDelta = msg as ServerMessage;
    if (line.final === 'snapshot') conn.finalSnapshot = msg as ServerMessage;
    if (line.final !== undefined) continue;
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
  /** Differences between the client's whole board and the server's snapshot. */
  differences: string[];
  checked: number;
  /** Snapshot welcomes and end boards compared whole. */
  snapshots: number;
  ends: number;
  /** End boards not compared: something happened between the two final joins, or the connection was not followed to its end. */
  endsSkipped: number;
  /** Connections the client could not follow for reasons of the log, not of the board (a gap). */
  unfollowed: number;
  /**
   * End boards of a connection whose role changed while it was open (participant.role): the final
   * join, with the hello's key, views the board in another role, and the client must notice by
   * the digest and resync instead of keeping the other role's board.
   */
  roleResyncs: number;
}

/** The role the connection had at its end: its welcome's, changed by participant.role events about it. */
function roleAtEnd(conn: Connection): string | undefined {
  let role: string | undefined;
  let me: string | undefined;
  for (const msg of conn.server) {
    if (msg.type === 'welcome') {
      role = msg.you.role;
      me = msg.you.participantId;
    } else if (msg.type === 'event' && msg.op.kind === 'participant.role' && msg.op.participantId === me) {
      role = msg.op.role;
    }
  }
  return role;
}

/** Browser storage per clientId: a reconnecting test client resumes from what it had. */
const storages = new Map<string, { local: MemoryStorage; session: MemoryStorage }>();

function copyOf(s: MemoryStorage): MemoryStorage {
  const out = new MemoryStorage();
  for (let i = 0; i < s.length; i++) out.setItem(s.key(i)!, s.getItem(s.key(i)!)!);
  return out;
}

function replay(conn: Connection, outcome: Outcome): void {
  const key = `${conn.workshopId}/${conn.clientId}`;
  let storage = storages.get(key);
  if (!storage) storages.set(key, (storage = { local: new MemoryStorage(), session: new MemoryStorage() }));
  const followed = follow(conn, key, storage, outcome);
  if (!conn.finalDelta || !conn.finalSnapshot) return;
  if (!followed) {
    outcome.endsSkipped++;
    return;
  }
  // On copies: a later connection of this clientId resumes from what this one saved.
  compareEnd(conn, key, { local: copyOf(storage.local), session: copyOf(storage.session) }, outcome);
}

/** A SyncClient on fake sockets and clocks that keeps its board in `storage`; the test pushes the server's messages. */
function replayClient(conn: Connection, storage: { local: MemoryStorage; session: MemoryStorage }) {
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
  return { client, events, socket, sockets };
}

/** Replays the connection's messages; whether the client followed it to its end without diverging. */
function follow(conn: Connection, key: string, storage: { local: MemoryStorage; session: MemoryStorage }, outcome: Outcome): boolean {
  const { client, events, socket, sockets } = replayClient(conn, storage);
  for (const msg of conn.server) {
    if (sockets.last !== socket) break; // the client gave up on this socket
    const digest = (msg as { digest?: string }).digest;
    const seq = (msg as { seq?: number }).seq;
    socket.push(msg);
    socket.flush();
    if (sockets.last !== socket) continue;
    // A digest at a seq the client holds is one it compared.
    if (digest !== undefined && client.confirmedSeq === seq) {
      outcome.checked++;
      expect(boardDigest(client.board!)).toBe(digest); // no pending operations here: the board is the confirmed one
    }
    if (msg.type === 'welcome' && msg.snapshot) {
      outcome.snapshots++;
      for (const d of boardDifferences({ ...boardToSnapshot(client.board!) }, { ...msg.snapshot }))
        outcome.differences.push(`${key} after its welcome at seq ${msg.seq}: ${d}`);
    }
  }
  const diverged = events.some((e) => e.type === 'diverged');
  for (const e of events) if (e.type === 'diverged') outcome.divergences.push(`${key}: ${e.reason}`);
  const followed = sockets.last === socket && !diverged;
  if (sockets.last !== socket && !diverged) outcome.unfollowed++;
  client.stop(); // saves the board for this clientId's next connection
  return followed;
}

/**
 * The end of a connection: the client resumes from the board it saved, gets the events the
 * viewer had not read (the final delta welcome), and must then hold the server's snapshot.
 */
function compareEnd(conn: Connection, key: string, storage: { local: MemoryStorage; session: MemoryStorage }, outcome: Outcome): void {
  const delta = conn.finalDelta as Extract<ServerMessage, { type: 'welcome' }>;
  const whole = conn.finalSnapshot as Extract<ServerMessage, { type: 'welcome' }>;
  if (delta.seq !== whole.seq || !whole.snapshot) {
    outcome.endsSkipped++; // an operation came between the two joins (a round's timer): not the same board
    return;
  }
  const { client, events, socket, sockets } = replayClient(conn, storage);
  socket.push(delta);
  socket.flush();
  if (roleAtEnd(conn) !== delta.you.role && events.some((e) => e.type === 'diverged')) {
    outcome.roleResyncs++; // noticed, and asks for a snapshot: what a real client does
    client.stop();
    return;
  }
  for (const e of events) if (e.type === 'diverged') outcome.divergences.push(`${key} at its end: ${e.reason}`);
  if (sockets.last !== socket || client.confirmedSeq !== whole.seq || !client.board) {
    outcome.divergences.push(`${key} at its end: did not reach seq ${whole.seq} (at ${client.confirmedSeq})`);
  } else {
    outcome.ends++;
    for (const d of boardDifferences({ ...boardToSnapshot(client.board) }, { ...whole.snapshot }))
      outcome.differences.push(`${key} at its end (seq ${whole.seq}): ${d}`);
  }
  client.stop();
}

describe.skipIf(paths.length === 0)('conformance: the web client keeps the board the server sees (P-SYNC-9, P-SYNC-10)', () => {
  for (const file of paths) {
    it(`every connection in ${file} ends with the server's board for its viewer`, () => {
      expect(existsSync(file), `${file} does not exist: did the tests that write it run?`).toBe(true);
      const { connections, untagged } = connectionsOf(file);
      expect(untagged, 'log lines without "conn": the log predates per-connection tags').toBe(0);
      expect(connections.length).toBeGreaterThan(0);
      const outcome: Outcome = { divergences: [], differences: [], checked: 0, snapshots: 0, ends: 0, endsSkipped: 0, unfollowed: 0, roleResyncs: 0 };
      for (const conn of connections) replay(conn, outcome);
      console.log(
        `${file}: ${connections.length} connections, ${outcome.checked} digests compared, ` +
          `${outcome.snapshots} welcome snapshots and ${outcome.ends} end boards compared whole ` +
          `(${outcome.endsSkipped} end boards not comparable, ${outcome.roleResyncs} resynced after a role change), ` +
          `${outcome.unfollowed} left early (a gap the log does not hold)`,
      );
      expect(outcome.divergences).toEqual([]);
      expect(outcome.differences).toEqual([]);
      expect(outcome.checked).toBeGreaterThan(0);
      expect(outcome.snapshots).toBeGreaterThan(0);
      expect(outcome.ends, 'no end board compared: do the harnesses log the final snapshots?').toBeGreaterThan(0);
    });
  }
});
