// Bytes of one hand-made card.add, card.update and card.move as the sender and another client get them.
//   node --experimental-websocket bench/event_bytes.mjs SERVER_BIN [PROTOCOL_VERSION]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const [bin, version = '5'] = process.argv.slice(2);
const work = mkdtempSync(path.join(tmpdir(), 'jb-event-bytes-'));
mkdirSync(path.join(work, 'static'));
writeFileSync(path.join(work, 'static/index.html'), '<!doctype html><title>x</title>\n');
const server = spawn(bin, ['--port', '0', '--bind', '127.0.0.1', '--db', path.join(work, 'db'), '--static', path.join(work, 'static')]);
const port = await new Promise((resolve, reject) => {
  let out = '';
  const look = (d) => { out += d; const m = /listening on http:\/\/[^ ]*:(\d+)\//.exec(out); if (m) resolve(m[1]); };
  server.stdout.on('data', look); server.stderr.on('data', look);
  server.on('exit', () => reject(new Error(out)));
});
try {
  const created = await (await fetch(`http://127.0.0.1:${port}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"Bytes"}' })).json();
  const join = (clientId, name) => new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`);
    const c = { ws, frames: [], welcome: null, waiters: [] };
    ws.onmessage = (m) => {
      const msg = JSON.parse(m.data);
      if (msg.type === 'welcome') { c.welcome = msg; resolve(c); }
      if (msg.type === 'error') { console.error(name, m.data); process.exitCode = 1; }
      if (msg.type === 'event') { c.frames.push({ msg, bytes: Buffer.byteLength(m.data) }); c.waiters.forEach((w) => w()); }
    };
    ws.onopen = () => ws.send(JSON.stringify({ type: 'hello', protocolVersion: Number(version), workshopId: created.workshopId, clientId, displayName: name, lastSeq: 0 }));
  });
  const eventAt = (c, seq) => new Promise((resolve) => {
    const look = () => { const f = c.frames.find((x) => x.msg.seq === seq); if (f) resolve(f); };
    c.waiters.push(look); look();
  });
  const a = await join('3f2b9c1e-7d4a-4e8b-9c2f-1a2b3c4d5e6f', 'Anna');
  const b = await join('8e1f6c2a-3b4d-4e5f-9a0b-1c2d3e4f5a6b', 'Bram');
  const journey = a.welcome.snapshot.journeys[0];
  const lane = journey.lanes.find((l) => l.kind === 'touchpoint') ?? journey.lanes[0];
  const cardId = 'c1a2b3c4d5e6f-1';
  const ops = [
    { kind: 'card.add', cardId, journeyId: journey.id, phaseId: journey.phases[0].id, laneId: lane.id, text: '#1 Inwoner zoekt op de website naar de voorwaarden voor een vergunning', color: 'yellow', orderKey: 'a0' },
    { kind: 'card.update', cardId, text: '#1 Belt het klantcontactcentrum omdat de status niet online te zien is' },
    { kind: 'card.move', cardId, phaseId: journey.phases[1].id, laneId: lane.id, orderKey: 'a0V' },
  ];
  let seq = a.welcome.seq;
  for (const [i, op] of ops.entries()) {
    a.ws.send(JSON.stringify({ type: 'op', clientSeq: i + 1, op }));
    seq += 1;
    const own = await eventAt(a, seq), other = await eventAt(b, seq);
    console.log(`${op.kind}: to others ${other.bytes} bytes, to the sender ${own.bytes} bytes`);
    if (process.env.SHOW) console.log(JSON.stringify(other.msg));
  }
  a.ws.close(); b.ws.close();
} finally {
  server.kill();
  rmSync(work, { recursive: true, force: true });
}
