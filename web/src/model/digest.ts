// The board digest of protocol.md P-SYNC-10: a cheap check that this client holds the board the
// server sees. The same lines and hash as the server's model::board_digest (record_patch.cpp).

import type { BoardSnapshot } from '../protocol/types';
import { boardToSnapshot, type Board } from './board';

const SINGLETONS = ['workshop', 'facilitation', 'improvements', 'improvementList', 'methodFigures', 'evaluation'] as const;
const COLLECTIONS = ['journeys', 'cards', 'groups', 'rounds', 'scores'] as const;

/**
 * Compact JSON with object keys in order and members whose value is null or false left out
 * (absent, null and false agree: a record leaves out a field at its default, P-SYNC-9).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined && v !== false)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function recordId(collection: (typeof COLLECTIONS)[number], record: { id?: string; scale?: string; targetId?: string }): string {
  return collection === 'scores' ? `${record.scale}:${record.targetId}` : String(record.id);
}

const encoder = new TextEncoder();

/** FNV-1a, 32 bits, over the UTF-8 bytes. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of encoder.encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The digest of a board state document as one viewer holds it: the sum (mod 2^32) of one line's
 * hash per record, so the server can keep each record's share (protocol 4); 8 lowercase hex digits.
 */
export function snapshotDigest(doc: BoardSnapshot): string {
  let sum = 0;
  for (const s of SINGLETONS) if (doc[s] !== undefined) sum = (sum + fnv1a(`${s} ${canonicalJson(doc[s])}`)) >>> 0;
  for (const s of COLLECTIONS) {
    for (const r of (doc[s] ?? []) as Array<{ id?: string }>) sum = (sum + fnv1a(`${s} ${recordId(s, r)} ${canonicalJson(r)}`)) >>> 0;
  }
  return sum.toString(16).padStart(8, '0');
}

export function boardDigest(board: Board): string {
  return snapshotDigest(boardToSnapshot(board));
}
