// Loads every schema in schemas/ into one strict Ajv (JSON Schema 2020-12) instance, so that
// tests validate against exactly the files that ship, resolved by their relative $ids.
import Ajv2020 from 'ajv/dist/2020.js';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const schemasDir = fileURLToPath(new URL('../../../schemas/', import.meta.url));

// Every *.schema.json file, parsed, keyed by file name (which is also its $id).
export function loadSchemaFiles() {
  const files = readdirSync(schemasDir).filter((f) => f.endsWith('.schema.json')).sort();
  return new Map(files.map((f) => [f, JSON.parse(readFileSync(path.join(schemasDir, f), 'utf8'))]));
}

// strict: unknown keywords, ambiguous types, a required field no `properties` beside it
// declares (strictRequired) and the like are errors, not silent no-ops. "At least one of" is
// written as anyOf of branches that each require one field and declare it `true` (its schema
// and description are in the object's own properties). allErrors: a failure reports every problem.
export function makeAjv(schemaFiles = loadSchemaFiles()) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  for (const schema of schemaFiles.values()) ajv.addSchema(schema);
  return ajv;
}

let shared;
// One compiled instance per process (compiling the unions takes a moment).
export function sharedAjv() {
  shared ??= makeAjv();
  return shared;
}

// Validates `value` against the schema with this $id (optionally with a #/json/pointer).
// Returns null when valid, else a short readable list of problems.
export function problems(ajv, id, value) {
  const validate = ajv.getSchema(id);
  if (!validate) throw new Error(`no schema ${id}`);
  if (validate(value)) return null;
  return formatErrors(validate.errors);
}

export function formatErrors(errors) {
  return (errors ?? [])
    .map((e) => `${e.instancePath || '/'} ${e.message}${e.params && Object.keys(e.params).length ? ' ' + JSON.stringify(e.params) : ''}`)
    .join('; ');
}

// The schema that validates one message of a direction, chosen by its type (for precise error
// messages; the union schemas are checked as well).
export const messageSchemaByType = {
  client: { hello: 'hello.schema.json', op: 'op.schema.json', presence: 'client-presence.schema.json', ping: 'ping.schema.json' },
  server: {
    welcome: 'welcome.schema.json', event: 'event.schema.json', ack: 'ack.schema.json',
    error: 'error.schema.json', presence: 'server-presence.schema.json', pong: 'pong.schema.json',
  },
};
export const unionSchema = { client: 'client-message.schema.json', server: 'server-message.schema.json' };
