// Where two board state documents differ, record by record: the conformance replay compares the
// board the web client built with the server's snapshot for the same viewer, and names what
// differs so a failure says which record the client got wrong.

import { canonicalJson } from '../src/model/digest';

/** Sections that are arrays of records with an id (a score's is "<scale>:<targetId>"). */
const COLLECTIONS = new Set(['journeys', 'cards', 'groups', 'rounds', 'scores']);

type Doc = Record<string, unknown>;
type Entry = { id?: string; scale?: string; targetId?: string };

function byId(section: string, records: unknown): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of (Array.isArray(records) ? records : []) as Entry[])
    out.set(section === 'scores' ? `${r.scale}:${r.targetId}` : String(r.id), canonicalJson(r));
  return out;
}

/**
 * Each difference between the client's document and the server's as one line, "cards c1:
 * client {...} server {...}"; empty when they agree. Compared as the digest compares them
 * (canonical JSON: key order and null members do not count), but whole, not hashed.
 */
export function boardDifferences(client: Doc, server: Doc): string[] {
  const out: string[] = [];
  const sections = new Set([...Object.keys(client), ...Object.keys(server)]);
  for (const section of [...sections].sort()) {
    if (COLLECTIONS.has(section)) {
      const mine = byId(section, client[section]);
      const theirs = byId(section, server[section]);
      for (const id of new Set([...mine.keys(), ...theirs.keys()])) {
        const a = mine.get(id);
        const b = theirs.get(id);
        if (a !== b) out.push(`${section} ${id}: client ${a ?? '(none)'} server ${b ?? '(none)'}`);
      }
    } else {
      const a = client[section] === undefined ? undefined : canonicalJson(client[section]);
      const b = server[section] === undefined ? undefined : canonicalJson(server[section]);
      if (a !== b) out.push(`${section}: client ${a ?? '(none)'} server ${b ?? '(none)'}`);
    }
  }
  return out;
}
