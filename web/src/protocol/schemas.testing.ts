// schemas/ for the client's unit tests: the files as parsed JSON, and one strict Ajv (JSON
// Schema 2020-12) that holds them all, as tests/contract/lib/schemas.mjs loads them.

import { Ajv2020 } from 'ajv/dist/2020.js';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const schemasDir = fileURLToPath(new URL('../../../schemas/', import.meta.url));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- schema documents are open JSON
export type SchemaDoc = Record<string, any>;

export const schemaFiles: ReadonlyMap<string, SchemaDoc> = new Map(
  readdirSync(schemasDir)
    .filter((f) => f.endsWith('.schema.json'))
    .map((f) => [f, JSON.parse(readFileSync(path.join(schemasDir, f), 'utf8')) as SchemaDoc]),
);

let ajv: Ajv2020 | undefined;
/** One instance per test file (compiling the unions takes a moment). */
export function schemaAjv(): Ajv2020 {
  if (!ajv) {
    ajv = new Ajv2020({ strict: true, allErrors: true });
    for (const schema of schemaFiles.values()) ajv.addSchema(schema);
  }
  return ajv;
}

/** Null when `value` holds to the schema with this $id (and #pointer), else its problems. */
export function schemaProblems(id: string, value: unknown): string | null {
  const validate = schemaAjv().getSchema(id);
  if (!validate) throw new Error(`no schema ${id}`);
  if (validate(value)) return null;
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
}
