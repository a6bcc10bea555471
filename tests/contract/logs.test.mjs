// Every WebSocket message that the integration tests (C++, via CTest) and the browser end-to-end
// tests exchanged with the real server validates against schemas/ (the contract), and between
// them the logs hold every message type and operation kind, so coverage cannot rot unnoticed.
//
// JB_CONTRACT_LOGS: colon-separated paths of JSONL files, one line per message:
//   {"from":"client"|"server","msg":{...the message...}}
// `msg` may also be the frame's text (a string holding the JSON). A line with
// "expectInvalid":true is a message a test sent on purpose to be rejected: it must NOT validate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { sharedAjv, problems, messageSchemaByType, unionSchema } from './lib/schemas.mjs';
import { requiredMessageTypes, requiredEventOpKinds } from './lib/coverage.mjs';

const paths = (process.env.JB_CONTRACT_LOGS ?? '').split(':').filter(Boolean);
const maxShown = 20;

// What the logs held, across all files.
const seen = { client: new Map(), server: new Map(), eventOpKinds: new Map(), clientOpKinds: new Map(), errorCodes: new Map() };
const bump = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);

// Reads one line into { from, msg, expectInvalid } or throws what is wrong with the line.
function parseLine(text) {
  const line = JSON.parse(text);
  if (line === null || typeof line !== 'object') throw new Error('a line must be a JSON object');
  if (line.from !== 'client' && line.from !== 'server') throw new Error('"from" must be "client" or "server"');
  if (!('msg' in line)) throw new Error('no "msg"');
  let msg = line.msg;
  if (typeof msg === 'string') {
    try { msg = JSON.parse(msg); } catch { msg = { notJson: line.msg }; }
  }
  return { from: line.from, msg, expectInvalid: line.expectInvalid === true };
}

// Validates one message; null when valid, else what is wrong.
function check(ajv, from, msg) {
  const byType = messageSchemaByType[from][msg?.type];
  if (byType) {
    const p = problems(ajv, byType, msg);
    if (p) return `${byType}: ${p}`;
  }
  const union = problems(ajv, unionSchema[from], msg);
  if (union) return byType ? `${unionSchema[from]}: ${union}` : `unknown ${from} message type ${JSON.stringify(msg?.type)}`;
  return null;
}

function record(from, msg) {
  bump(seen[from], msg.type);
  if (from === 'client' && msg.type === 'op') bump(seen.clientOpKinds, msg.op.kind);
  if (from === 'server' && msg.type === 'event') bump(seen.eventOpKinds, msg.op.kind);
  if (from === 'server' && msg.type === 'welcome') {
    bump(seen.server, msg.snapshot ? 'welcome (snapshot)' : 'welcome (events)');
    for (const e of msg.events ?? []) bump(seen.eventOpKinds, e.op.kind);
  }
  if (from === 'server' && msg.type === 'error') bump(seen.errorCodes, msg.code);
}

test('JB_CONTRACT_LOGS names the message logs to check', () => {
  assert.ok(paths.length > 0,
    'set JB_CONTRACT_LOGS to the colon-separated JSONL logs of the integration and e2e tests (scripts/test does)');
});

for (const file of paths) {
  test(`every message in ${file} validates against schemas/`, () => {
    assert.ok(existsSync(file), `${file} does not exist: did the tests that write it run?`);
    assert.ok(statSync(file).size > 0, `${file} is empty: the tests that write it sent nothing`);
    const ajv = sharedAjv();
    const failures = [];
    let count = 0;
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((text, i) => {
      if (text.trim() === '') return;
      count++;
      const where = `${file}:${i + 1}`;
      let line;
      try {
        line = parseLine(text);
      } catch (e) {
        failures.push(`${where}: not a log line (${e.message})`);
        return;
      }
      const problem = check(ajv, line.from, line.msg);
      if (line.expectInvalid) {
        if (!problem) failures.push(`${where}: sent as invalid on purpose, but the schemas accept it: ${text.slice(0, 200)}`);
        return;
      }
      if (problem) failures.push(`${where}: ${line.from} ${line.msg?.type ?? '(no type)'}: ${problem}\n    ${text.slice(0, 300)}`);
      else record(line.from, line.msg);
    });
    assert.ok(count > 0, `${file} holds no messages`);
    assert.equal(failures.length, 0,
      `${failures.length} of ${count} messages break the contract:\n  ${failures.slice(0, maxShown).join('\n  ')}` +
      (failures.length > maxShown ? `\n  … and ${failures.length - maxShown} more` : ''));
  });
}

const describe = (map) => [...map].sort().map(([k, n]) => `${k}×${n}`).join(' ') || '(none)';

test('the logs hold every message type of both directions', (t) => {
  assert.ok(paths.length > 0, 'no logs');
  t.diagnostic(`client: ${describe(seen.client)}`);
  t.diagnostic(`server: ${describe(seen.server)}`);
  t.diagnostic(`error codes: ${describe(seen.errorCodes)}`);
  const missing = ['client', 'server'].flatMap((dir) =>
    requiredMessageTypes[dir].filter((type) => !seen[dir].has(type)).map((type) => `${dir} ${type}`));
  assert.deepEqual(missing, [], `never seen in ${paths.join(', ')}: ${missing.join(', ')}`);
});

test('the logs hold an event of every operation kind', (t) => {
  assert.ok(paths.length > 0, 'no logs');
  t.diagnostic(`op kinds sent by clients: ${describe(seen.clientOpKinds)}`);
  t.diagnostic(`op kinds in server events: ${describe(seen.eventOpKinds)}`);
  const missing = requiredEventOpKinds.filter((kind) => !seen.eventOpKinds.has(kind));
  assert.deepEqual(missing, [], `no server event carried: ${missing.join(', ')}`);
});
