// The JSON export (P-EXP-6) against schemas/export-improvements.schema.json: a workshop with an
// idea, a closed round and an owner, made over the WebSocket as any client would, exported by the
// real server (JB_SERVER_BIN); and the export endpoint's error bodies against http-error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sharedAjv, problems } from './lib/schemas.mjs';
import { call as callApi, startServer } from './lib/server.mjs';
import { WebSocket } from './lib/ws.mjs';

let server;
const call = (method, url, options) => callApi(server.base, method, url, options);

before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

function valid_(schema, value, what) {
  assert.equal(problems(sharedAjv(), schema, value), null, `${what} does not validate against ${schema}`);
}

// A facilitator's connection: join, then each op waits for its ack.
async function facilitator(workshop) {
  const ws = new WebSocket(server.base.replace(/^http/, 'ws') + '/ws');
  const inbox = [];
  let wake = () => {};
  ws.on('message', (data) => { inbox.push(JSON.parse(String(data))); wake(); });
  await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
  const next = async (pred) => {
    for (;;) {
      const i = inbox.findIndex(pred);
      if (i >= 0) return inbox.splice(i, 1)[0];
      await new Promise((resolve) => { wake = resolve; });
    }
  };
  ws.send(JSON.stringify({ type: 'hello', protocolVersion: 5, workshopId: workshop.workshopId, clientId: 'contract-export',
    displayName: 'Fien', lastSeq: 0, facilitatorKey: workshop.facilitatorKey }));
  const welcome = await next((m) => m.type === 'welcome' || m.type === 'error');
  assert.equal(welcome.type, 'welcome', JSON.stringify(welcome));
  let clientSeq = 0;
  const apply = async (op) => {
    clientSeq += 1;
    ws.send(JSON.stringify({ type: 'op', clientSeq, op }));
    const answer = await next((m) => (m.type === 'ack' || m.type === 'error') && m.clientSeq === clientSeq);
    assert.equal(answer.type, 'ack', `${op.kind}: ${JSON.stringify(answer)}`);
  };
  return { snapshot: welcome.snapshot, apply, close: () => ws.close() };
}

test('P-HTTP-11 a new facilitator key from the real server validates, and the old key is refused after it', async () => {
  const w = (await call('POST', '/api/workshops', { body: { title: 'Sleutel vervangen' } })).json;
  const path = `/api/workshops/${w.workshopId}/facilitator-key`;
  const replaced = await call('POST', path, { key: w.facilitatorKey });
  assert.equal(replaced.status, 200);
  valid_('http-facilitator-key-response.schema.json', replaced.json, 'the new key');
  assert.notEqual(replaced.json.facilitatorKey, w.facilitatorKey);
  const old = await call('GET', `/api/workshops/${w.workshopId}/template`, { key: w.facilitatorKey });
  assert.equal(old.status, 403);
  valid_('http-error.schema.json', old.json, 'the refusal');
  const fresh = await call('GET', `/api/workshops/${w.workshopId}/template`, { key: replaced.json.facilitatorKey });
  assert.equal(fresh.status, 200);
});

test('P-EXP-6 improvements.json from the real server validates against its schema, with a group\'s own ideas', async () => {
  const w = (await call('POST', '/api/workshops', { body: { title: 'Melding "openbare" ruimte; één' } })).json;
  const fac = await facilitator(w);
  const j = fac.snapshot.journeys[0];
  const lane = (kind) => j.lanes.find((l) => l.kind === kind).id;
  const card = (cardId, laneId, text, orderKey = 'a0') => ({ kind: 'card.add', cardId, journeyId: j.id,
    phaseId: j.phases[0].id, laneId, text, color: 'yellow', orderKey });
  await fac.apply(card('t1', lane('touchpoint'), 'Melding via de app'));
  await fac.apply(card('k1', lane('pain_point'), 'Geen terugkoppeling'));
  await fac.apply(card('i1', lane('idea'), 'Status per "sms"; één bericht'));
  await fac.apply(card('i2', lane('idea'), 'Foto meesturen', 'a1'));
  await fac.apply(card('i3', lane('idea'), 'Melding per WhatsApp', 'a2'));
  await fac.apply(card('i4', lane('idea'), 'Melding per telefoon', 'a3'));
  await fac.apply({ kind: 'card.link', cardId: 'i1', targetId: 'k1' });
  await fac.apply({ kind: 'group.add', groupId: 'g1', title: 'Meer kanalen', cardIds: ['i4', 'i3'] });
  await fac.apply({ kind: 'round.start', roundId: 'r1', criterion: 'impact', budget: 3, maxPerItem: 2, durationMs: null,
    anonymous: false, facilitatorVotes: true, scope: { kind: 'ideas' } });
  await fac.apply({ kind: 'vote.add', roundId: 'r1', itemId: 'i1' });
  await fac.apply({ kind: 'round.paper', roundId: 'r1', label: 'Tafel 1', votes: { i2: 3, g1: 2 } });
  await fac.apply({ kind: 'round.close', roundId: 'r1' });
  await fac.apply({ kind: 'improvement.update', itemId: 'i1', owner: 'Team Buiten', status: 'planned' });
  fac.close();

  const res = await call('GET', `/api/workshops/${w.workshopId}/export/improvements.json`, { key: w.facilitatorKey });
  assert.equal(res.status, 200, res.text);
  valid_('export-improvements.schema.json', res.json, 'improvements.json');
  assert.deepEqual(res.json.items.map((i) => [i.itemId, i.rank, i.total, i.painPoint, i.owner, i.status]), [
    ['i2', 1, 3, null, '', 'open'],
    ['g1', 2, 2, null, '', 'open'],
    ['i1', 3, 1, 'Geen terugkoppeling', 'Team Buiten', 'planned'],
  ]);
  assert.deepEqual(res.json.items[2].touchpoints.map((t) => t.text), ['Melding via de app']);
  // A group lists its own ideas in board order, not only its title; a single card has none.
  assert.deepEqual(res.json.items.map((i) => [i.text, i.members]), [
    ['Foto meesturen', []],
    ['Meer kanalen', [{ cardId: 'i3', text: 'Melding per WhatsApp' }, { cardId: 'i4', text: 'Melding per telefoon' }]],
    ['Status per "sms"; één bericht', []],
  ]);
  assert.deepEqual(res.json.rounds.map((r) => [r.id, r.inList, r.paperLabels]), [['r1', true, ['Tafel 1']]]);

  // The schema is strict: it does not take what the server never sends.
  assert.notEqual(problems(sharedAjv(), 'export-improvements.schema.json', { ...res.json, extra: 1 }), null);
  assert.notEqual(problems(sharedAjv(), 'export-improvements.schema.json',
    { ...res.json, items: [{ ...res.json.items[0], status: 'busy' }] }), null);
});

test('P-EXP-1 the export endpoint\'s errors are valid error bodies', async () => {
  const w = (await call('POST', '/api/workshops', { body: { title: 'Fouten' } })).json;
  const url = `/api/workshops/${w.workshopId}/export/`;
  for (const [res, status, code] of [
    [await call('GET', url + 'improvements.csv'), 401, 'unauthorized'],
    [await call('GET', url + 'improvements.csv', { key: 'x'.repeat(43) }), 403, 'forbidden'],
    [await call('GET', url + 'nothing.txt', { key: w.facilitatorKey }), 404, 'not_found'],
    [await call('GET', url + 'improvements.csv?delimiter=pipe', { key: w.facilitatorKey }), 400, 'invalid'],
  ]) {
    assert.equal(res.status, status, res.text);
    valid_('http-error.schema.json', res.json, `${status} body`);
    assert.equal(res.json.error.code, code);
  }
});
