// Journey templates and the template/delete HTTP bodies (P-TPL-*, P-HTTP-8..9, P-DEL-1):
// the shipped templates/*.json validate against schemas/template.schema.json; the schema and
// the real server (JB_SERVER_BIN) accept and reject the same template documents; and every
// body the server answers on these endpoints validates against its schema.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sharedAjv, problems } from './lib/schemas.mjs';
import { call as callApi, startServer, templatesDir } from './lib/server.mjs';

const shipped = readdirSync(templatesDir).filter((f) => f.endsWith('.json')).sort();
const valid = JSON.parse(readFileSync(path.join(templatesDir, 'verhuizing-doorgeven.json'), 'utf8'));
const change = (edit) => { const doc = structuredClone(valid); edit(doc); return doc; };

// Each breaks one rule of the template format; the schema and the server must both refuse it.
const invalidTemplates = [
  ['no title', change((d) => { delete d.title; })],
  ['formatVersion 2', change((d) => { d.formatVersion = 2; })],
  ['an unknown field', change((d) => { d.author = 'x'; })],
  ['no journeys', change((d) => { d.journeys = []; })],
  ['21 journeys', change((d) => { d.journeys = Array(21).fill({ title: 'R', targetGroup: 'inwoner', phases: [], lanes: [] }); })],
  ['an unknown lane kind', change((d) => { d.journeys[0].lanes[0].kind = 'mood'; })],
  ['a 301-character question', change((d) => { d.journeys[0].lanes[0].question = 'x'.repeat(301); })],
  ['a phase given as a string', change((d) => { d.journeys[0].phases[0] = 'Melden'; })],
  ['31 phases', change((d) => { d.journeys[0].phases = Array(31).fill({ title: 'F' }); })],
  ['a blank phase title', change((d) => { d.journeys[0].phases[0].title = ' '; })],
  ['a persona without a name', change((d) => { d.journeys[0].persona = { description: 'x' }; })],
  ['an unknown target group', change((d) => { d.journeys[0].targetGroup = 'bedrijf'; })],
  ['a lane without a kind', change((d) => { delete d.journeys[0].lanes[0].kind; })],
  ['a 1001-character description', change((d) => { d.description = 'x'.repeat(1001); })],
];

test('P-TPL-4 at least four templates ship, and each validates against template.schema.json', () => {
  assert.ok(shipped.length >= 4, `only ${shipped.length} templates in templates/`);
  for (const file of shipped) {
    const doc = JSON.parse(readFileSync(path.join(templatesDir, file), 'utf8'));
    assert.equal(problems(sharedAjv(), 'template.schema.json', doc), null, file);
    assert.match(file, /^[A-Za-z0-9_-]{1,64}\.json$/, `${file}: the file name is the template's id`);
    for (const j of doc.journeys) for (const l of j.lanes) assert.ok(l.question, `${file}: lane ${l.title} has no guiding question`);
  }
});

test('P-TPL-1 the schema refuses every broken template example', () => {
  for (const [name, doc] of invalidTemplates) {
    assert.notEqual(problems(sharedAjv(), 'template.schema.json', doc), null, `the schema accepted: ${name}`);
  }
});

// ---- against the real server ----
let server;
const call = (method, url, options) => callApi(server.base, method, url, options);

function valid_(schema, value, what) {
  assert.equal(problems(sharedAjv(), schema, value), null, `${what} does not validate against ${schema}`);
}

before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

test('P-TPL-4 GET /api/templates validates against http-templates-response.schema.json', async () => {
  const res = await call('GET', '/api/templates');
  assert.equal(res.status, 200);
  valid_('http-templates-response.schema.json', res.json, 'GET /api/templates');
  assert.deepEqual(res.json.templates.map((t) => `${t.id}.json`).sort(), shipped);
});

test('P-HTTP-8 every source kind is a valid request and gets a valid answer', async () => {
  const first = await call('POST', '/api/workshops', { body: { title: 'Eerste', source: { kind: 'template', templateId: 'melding-openbare-ruimte' } } });
  const requests = [
    [{ title: 'A' }, undefined],
    [{ title: 'B', source: { kind: 'default' } }, undefined],
    [{ title: 'C', source: { kind: 'empty' } }, undefined],
    [{ title: 'D', source: { kind: 'file', template: valid } }, undefined],
    [{ title: 'E', source: { kind: 'workshop', workshopId: first.json.workshopId } }, first.json.facilitatorKey],
  ];
  valid_('http-create-workshop-response.schema.json', first.json, 'the answer');
  for (const [body, key] of requests) {
    valid_('http-create-workshop-request.schema.json', body, JSON.stringify(body));
    const res = await call('POST', '/api/workshops', { body, key });
    assert.equal(res.status, 201, res.text);
    valid_('http-create-workshop-response.schema.json', res.json, 'the answer');
  }
});

test('P-TPL-1 the server refuses every template the schema refuses, with a valid error body', async () => {
  for (const [name, template] of invalidTemplates) {
    const res = await call('POST', '/api/workshops', { body: { title: 'X', source: { kind: 'file', template } } });
    assert.equal(res.status, 400, `the server accepted: ${name}`);
    valid_('http-error.schema.json', res.json, name);
    assert.match(res.json.error.message, /^source\.template: not a valid journey template: /, name);
  }
});

test('P-HTTP-10 P-DEL-1 a saved structure is a valid template; delete answers 204 and errors validate', async () => {
  const w = (await call('POST', '/api/workshops', { body: { title: 'Opslaan', source: { kind: 'template', templateId: 'ondernemer-contact-plan' } } })).json;
  const saved = await call('GET', `/api/workshops/${w.workshopId}/template`, { key: w.facilitatorKey });
  assert.equal(saved.status, 200);
  valid_('template.schema.json', saved.json, 'the saved template');
  for (const res of [
    await call('GET', `/api/workshops/${w.workshopId}/template`),
    await call('DELETE', `/api/workshops/${w.workshopId}`, { key: 'A'.repeat(43) }),
  ]) {
    assert.ok(res.status === 401 || res.status === 403);
    valid_('http-error.schema.json', res.json, 'the refusal');
  }
  const deleted = await call('DELETE', `/api/workshops/${w.workshopId}`, { key: w.facilitatorKey });
  assert.equal(deleted.status, 204);
  assert.equal(deleted.text, '');
  const again = await call('DELETE', `/api/workshops/${w.workshopId}`, { key: w.facilitatorKey });
  assert.equal(again.status, 404);
  valid_('http-error.schema.json', again.json, 'the 404');
});
