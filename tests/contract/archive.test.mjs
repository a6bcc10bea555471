// The workshop archive (P-ARC-*): what the real server (JB_SERVER_BIN) exports validates against
// schemas/archive.schema.json; it imports again and exports the same; and the schema and the
// server refuse the same broken archives.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { sharedAjv, problems } from './lib/schemas.mjs';
import { call as callApi, startServer } from './lib/server.mjs';

let server;
let archive;
const call = (method, url, options) => callApi(server.base, method, url, options);

// Joins as the facilitator, applies `ops` one by one (each acknowledged), and leaves.
async function applyOps(workshop, ops) {
  const socket = new WebSocket(`${server.base.replace(/^http/, 'ws')}/ws`);
  const messages = [];
  let wake = () => {};
  socket.on('message', (data) => { messages.push(JSON.parse(String(data))); wake(); });
  await new Promise((resolve, reject) => { socket.once('open', resolve); socket.once('error', reject); });
  const next = async (pred) => {
    for (;;) {
      const i = messages.findIndex(pred);
      if (i >= 0) return messages.splice(i, 1)[0];
      await new Promise((resolve) => { wake = resolve; });
    }
  };
  socket.send(JSON.stringify({ type: 'hello', protocolVersion: 5, workshopId: workshop.workshopId,
    clientId: 'contract-archive', displayName: 'Fien', lastSeq: 0, facilitatorKey: workshop.facilitatorKey }));
  const welcome = await next((m) => m.type === 'welcome' || m.type === 'error');
  assert.equal(welcome.type, 'welcome', JSON.stringify(welcome));
  for (const [i, op] of ops(welcome.snapshot).entries()) {
    socket.send(JSON.stringify({ type: 'op', clientSeq: i + 1, op }));
    const answer = await next((m) => (m.type === 'ack' || m.type === 'error') && m.clientSeq === i + 1);
    assert.equal(answer.type, 'ack', JSON.stringify(answer));
  }
  socket.close();
}

before(async () => {
  server = await startServer();
  const w = (await call('POST', '/api/workshops', { body: { title: 'Archief' } })).json;
  await applyOps(w, (snapshot) => {
    const j = snapshot.journeys[0];
    const card = (cardId, lane, text) => ({ kind: 'card.add', cardId, journeyId: j.id, phaseId: j.phases[0].id,
      laneId: j.lanes[lane].id, text, color: 'yellow', orderKey: 'a0' });
    return [
      card('c1', 0, 'Website'), card('c2', 4, 'Geen bevestiging'), card('c3', 5, 'Bevestig per mail'),
      { kind: 'card.link', cardId: 'c3', targetId: 'c2' },
      { kind: 'round.start', roundId: 'r1', criterion: 'impact', budget: 2, maxPerItem: 2, durationMs: null,
        anonymous: true, facilitatorVotes: true, scope: { kind: 'ideas' } },
      { kind: 'vote.add', roundId: 'r1', itemId: 'c3' },
      { kind: 'round.close', roundId: 'r1' },
      { kind: 'score.set', scale: 'current', targetId: 'c1', value: -1 },
      { kind: 'score.set', scale: 'expected', targetId: j.phases[0].id, value: 4 },
      { kind: 'evaluation.open', open: true },
      { kind: 'evaluation.submit', rating: 4, remarks: 'Leerzaam' },
    ];
  });
  const res = await call('GET', `/api/workshops/${w.workshopId}/archive`, { key: w.facilitatorKey });
  assert.equal(res.status, 200, res.text);
  archive = res.json;
});

after(async () => { await server?.stop(); });

const change = (edit) => { const doc = structuredClone(archive); edit(doc); return doc; };

// Each breaks one rule of the archive format; the schema and the server must both refuse it.
const broken = () => [
  ['formatVersion 2', change((d) => { d.formatVersion = 2; })],
  ['another kind', change((d) => { d.kind = 'journeyboard.template'; })],
  ['an unknown field', change((d) => { d.note = 'x'; })],
  ['no participants', change((d) => { delete d.participants; })],
  ['a participant with a token', change((d) => { d.participants[0].token = 'abc'; })],
  ['a screen participant', change((d) => { d.participants[0].role = 'screen'; })],
  ['an unknown field in a card', change((d) => { d.state.cards[0].votes = 1; })],
  ['a card without its author', change((d) => { delete d.state.cards[0].authorId; })],
  ['a round with myVotes', change((d) => { d.state.rounds[0].myVotes = {}; })],
  ['a card text of 2001 characters', change((d) => { d.state.cards[0].text = 'x'.repeat(2001); })],
  ['an emotion score of 3', change((d) => { d.state.scores[0].values[d.participants[0].id] = 3; })],
  ['an expectation score of 0', change((d) => { d.state.scores[1].values[d.participants[0].id] = 0; })],
  ['10,001 poll responses', change((d) => {
    for (let i = 2; i <= 10_001; i++)
      d.state.evaluation.responses.push({ id: `r${i}`, participantId: `p${i}`, rating: 3, remarks: '', at: 1 });
  })],
];

// Broken archives that only the server can tell (a rule between parts of the document, beyond
// what a JSON Schema says): the server refuses each, naming the field, as a live operation is
// refused (P-ARC-2). The schema's descriptions state these rules.
const beyondSchema = () => [
  ['a card by a stranger', 'archive.state.cards[0].authorId: no participant "zoe"',
    change((d) => { d.state.cards[0].authorId = 'zoe'; })],
  ['a poll response by a stranger', 'archive.state.evaluation.responses[0].participantId: no participant "zoe"',
    change((d) => { d.state.evaluation.responses[0].participantId = 'zoe'; })],
  ['a score by a stranger', 'archive.state.scores[0].values.zoe: no participant "zoe"',
    change((d) => { d.state.scores[0].values.zoe = 1; })],
  ['a score on a card that is not there', 'archive.state.scores[0].targetId: no phase or card "nope"',
    change((d) => { d.state.scores[0].targetId = 'nope'; })],
  ['an emotion score on a phase', 'archive.state.scores[0].targetId: no card',
    change((d) => { d.state.scores[0].targetId = d.state.journeys[0].phases[0].id; })],
  ['a score on a private card', 'archive.state.scores[0].targetId: a private card is scored after the reveal',
    change((d) => { d.state.cards[0].private = true; d.state.facilitation.privateCount = 1; })],
  ['a vote on an item that is not the round\'s', 'archive.state.rounds[0].ballots.',
    change((d) => { const voter = Object.keys(d.state.rounds[0].ballots)[0]; d.state.rounds[0].ballots[voter] = { c1: 1 }; })],
  ['a ballot of a stranger', 'archive.state.rounds[0].ballots.zoe: no participant "zoe"',
    change((d) => { d.state.rounds[0].ballots.zoe = { c3: 1 }; })],
];

test('P-ARC-1 the archive the server exports validates against archive.schema.json', () => {
  assert.equal(problems(sharedAjv(), 'archive.schema.json', archive), null);
  assert.equal(archive.state.cards.length, 3);
  assert.deepEqual(Object.keys(archive.state.rounds[0].ballots).length, 1);
  assert.equal(archive.state.scores.length, 2);
  assert.equal(archive.state.evaluation.responses.length, 1);
});

test('P-ARC-4 the imported archive exports again the same, but for exportedAt and the id', async () => {
  const created = await call('POST', '/api/workshops/import', { body: archive });
  assert.equal(created.status, 201, created.text);
  assert.equal(problems(sharedAjv(), 'http-create-workshop-response.schema.json', created.json), null);
  const again = await call('GET', `/api/workshops/${created.json.workshopId}/archive`, { key: created.json.facilitatorKey });
  assert.equal(again.status, 200);
  assert.equal(problems(sharedAjv(), 'archive.schema.json', again.json), null);
  assert.equal(again.json.state.workshop.id, created.json.workshopId);
  assert.deepEqual({ ...again.json, exportedAt: 0, state: { ...again.json.state, workshop: { ...again.json.state.workshop, id: 'x' } } },
    { ...archive, exportedAt: 0, state: { ...archive.state, workshop: { ...archive.state.workshop, id: 'x' } } });
});

test('P-ARC-2 the schema and the server refuse every broken archive, with a valid error body', async () => {
  for (const [name, doc] of broken()) {
    assert.notEqual(problems(sharedAjv(), 'archive.schema.json', doc), null, `the schema accepted: ${name}`);
    const res = await call('POST', '/api/workshops/import', { body: doc });
    assert.equal(res.status, 400, `the server accepted: ${name}`);
    assert.equal(problems(sharedAjv(), 'http-error.schema.json', res.json), null, name);
    assert.match(res.json.error.message, /^not a valid workshop archive: /, name);
  }
});

test('P-ARC-2 the server refuses what the schema cannot tell, naming the field', async () => {
  for (const [name, field, doc] of beyondSchema()) {
    const res = await call('POST', '/api/workshops/import', { body: doc });
    assert.equal(res.status, 400, `the server accepted: ${name}`);
    assert.equal(problems(sharedAjv(), 'http-error.schema.json', res.json), null, name);
    assert.ok(res.json.error.message.startsWith(`not a valid workshop archive: ${field}`), `${name}: ${res.json.error.message}`);
  }
});
