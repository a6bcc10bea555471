// The schemas themselves: they compile, their examples hold, they reject what the protocol
// rejects, and they keep the house style (envelope, const type, a description on every property).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  loadSchemaFiles, makeAjv, problems, messageSchemaByType, unionSchema,
} from './lib/schemas.mjs';
import { invalidExamples } from './lib/invalid-examples.mjs';
import { requiredMessageTypes, requiredEventOpKinds } from './lib/coverage.mjs';

const files = loadSchemaFiles();
const ajv = makeAjv(files);
const messageFiles = (dir) => Object.values(messageSchemaByType[dir]);

// Every place in a schema document, with its JSON pointer.
function* walk(node, pointer = '') {
  if (node === null || typeof node !== 'object') return;
  yield [pointer, node];
  for (const [key, child] of Object.entries(node)) {
    if (key === 'examples' || key === 'const' || key === 'enum') continue;  // data, not schema
    yield* walk(child, `${pointer}/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`);
  }
}

test('schemas/ holds the message, operation, board-state and HTTP schemas', () => {
  for (const f of [...messageFiles('client'), ...messageFiles('server'),
    'envelope.schema.json', 'common.schema.json', 'operation.schema.json', 'board-state.schema.json',
    'client-message.schema.json', 'server-message.schema.json',
    'http-create-workshop-request.schema.json', 'http-create-workshop-response.schema.json',
    'http-join-response.schema.json', 'http-health-response.schema.json', 'http-error.schema.json',
    'http-facilitator-key-response.schema.json']) {
    assert.ok(files.has(f), `missing ${f}`);
  }
});

test('every schema compiles under strict Ajv (JSON Schema 2020-12), strictRequired included', () => {
  assert.equal(ajv.opts.strict, true);
  assert.equal(ajv.opts.strictRequired, true);
  for (const [name, schema] of files) {
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema', name);
    assert.ok(ajv.getSchema(name), `${name} did not compile`);
  }
});

test('every $id is the file name, so relative $refs resolve offline', () => {
  for (const [name, schema] of files) {
    assert.equal(schema.$id, name);
    for (const [pointer, node] of walk(schema)) {
      if (typeof node.$ref !== 'string') continue;
      assert.doesNotMatch(node.$ref, /^[a-z]+:/i, `${name}${pointer}: $ref must be relative`);
      const target = node.$ref.startsWith('#') ? name + node.$ref : node.$ref;
      assert.ok(ajv.getSchema(target), `${name}${pointer}: $ref ${node.$ref} does not resolve`);
    }
  }
});

test('every examples entry validates against the schema it stands in', () => {
  let count = 0;
  for (const [name, schema] of files) {
    for (const [pointer, node] of walk(schema)) {
      if (!Array.isArray(node.examples)) continue;
      for (const [i, example] of node.examples.entries()) {
        const where = `${name}#${pointer}`;
        assert.equal(problems(ajv, where, example), null, `${where} examples[${i}]`);
        count++;
      }
    }
  }
  assert.ok(count >= 40, `only ${count} examples`);
});

test('every message, HTTP body, operation and board-state schema has examples', () => {
  for (const [name, schema] of files) {
    if (name === 'common.schema.json') continue;  // definitions only; their uses have examples
    assert.ok(Array.isArray(schema.examples) && schema.examples.length > 0, `${name} has no examples`);
  }
});

test('every property has a description', () => {
  for (const [name, schema] of files) {
    for (const [pointer, node] of walk(schema)) {
      if (!node.properties || typeof node.properties !== 'object') continue;
      for (const [prop, sub] of Object.entries(node.properties)) {
        if (sub === true) continue;  // names a field of an "at least one of" branch, no schema of its own
        assert.equal(typeof sub.description, 'string', `${name}${pointer}/properties/${prop} has no description`);
      }
    }
  }
});

test('every message schema extends the envelope and fixes type to one value (P-WS-1)', () => {
  for (const dir of ['client', 'server']) {
    for (const [type, name] of Object.entries(messageSchemaByType[dir])) {
      const schema = files.get(name);
      assert.ok(schema.allOf?.some((s) => s.$ref === 'envelope.schema.json'), `${name} does not extend the envelope`);
      assert.equal(schema.properties.type.const, type, `${name}: type is not const ${type}`);
      assert.ok(schema.required.includes('type'), name);
      assert.equal(schema.unevaluatedProperties, false, `${name} is not closed`);
    }
  }
});

test('the direction unions hold exactly the message schemas of their direction', () => {
  for (const dir of ['client', 'server']) {
    const refs = files.get(unionSchema[dir]).oneOf.map((s) => s.$ref).sort();
    assert.deepEqual(refs, messageFiles(dir).sort());
    for (const name of messageFiles(dir)) {
      for (const example of files.get(name).examples) {
        assert.equal(problems(ajv, unionSchema[dir], example), null, `${name} example in ${unionSchema[dir]}`);
      }
    }
  }
});

test('client messages with an unknown field are rejected (the server rejects them too)', () => {
  for (const name of messageFiles('client')) {
    for (const example of files.get(name).examples) {
      assert.notEqual(problems(ajv, name, { ...example, extra: 1 }), null, `${name} accepted an unknown field`);
    }
  }
});

test('operation.schema.json has one closed branch per kind, and an example of each', () => {
  const op = files.get('operation.schema.json');
  const kinds = op.oneOf.map(({ $ref }) => {
    const branch = op.$defs[$ref.replace('#/$defs/', '')];
    assert.equal(branch.additionalProperties, false, `${$ref} is not closed`);
    assert.ok(branch.required.includes('kind'));
    return branch.properties.kind.const;
  });
  assert.equal(new Set(kinds).size, kinds.length, 'a kind appears twice');
  assert.deepEqual([...kinds].sort(), [...requiredEventOpKinds].sort(),
    'lib/coverage.mjs requiredEventOpKinds must list every operation kind');
  assert.deepEqual(op.examples.map((e) => e.kind).sort(), [...kinds].sort());
});

test('lib/coverage.mjs requires every message type the schemas define', () => {
  for (const dir of ['client', 'server']) {
    const defined = files.get(unionSchema[dir]).oneOf
      .map(({ $ref }) => files.get($ref).properties.type.const).sort();
    assert.deepEqual([...requiredMessageTypes[dir]].sort(), defined, dir);
  }
});

test('the order key pattern accepts fractional-indexing keys', () => {
  for (const key of ['a0', 'a1', 'aV', 'a0V', 'b12', 'b00', 'Zz', 'zzzzzzzzzzzzzzzzzzzzzzzzzz' + 'z', 'a0000001', 'A' + '0'.repeat(25) + '1']) {
    assert.equal(problems(ajv, 'common.schema.json#/$defs/orderKey', key), null, key);
  }
  for (const key of ['', 'a', 'a0 ', '0a', 'b1', 'a10', 'Z', 'A' + '0'.repeat(26), 'aé']) {
    assert.notEqual(problems(ajv, 'common.schema.json#/$defs/orderKey', key), null, key);
  }
});

test('text limits count code points: 2,000 emoji are a valid card text', () => {
  assert.equal(problems(ajv, 'common.schema.json#/$defs/cardText', '🙂'.repeat(2000)), null);
  assert.equal(problems(ajv, 'common.schema.json#/$defs/cardText', 'regel 1\n\tregel 2'), null);
  assert.equal(problems(ajv, 'common.schema.json#/$defs/displayName', 'é'.repeat(60)), null);
});

for (const [name, id, message] of invalidExamples) {
  test(`rejects: ${name}`, () => {
    assert.notEqual(problems(ajv, id, message), null, `${id} accepted it`);
  });
}
