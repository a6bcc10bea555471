// The board digest of protocol.md P-SYNC-10: a cheap check that this client holds the board the
// server sees. The same lines and hash as the server's model::board_digest (record_patch.cpp).

import type { BoardSnapshot } from '../protocol/types';
import { boardToSnapshot, type Board } from './board';

const SINGLETONS = ['workshop', 'facilitation', 'improvements', 'improvementList', 'methodFigures', 'evaluation'] as const;
const COLLECTIONS = ['journeys', 'cards', 'groups', 'rounds', 'scores'] as const;

/** Compact JSON with object keys in order and null members left out (absent and null agree). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function recordId(collection: (typeof COLLECTIONS)[number], record: { id?: string; scale?: string; targetId?: string }): string {
  return collection === 'scores' ? `${record.scale}:${record.targetId}` : String(record.id);
}

/** FNV-1a, 32 bits, over the UTF-8 bytes; 8 lowercase hex digits. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The digest of a board state document as one viewer holds it. */
export function snapshotDigest(doc: BoardSnapshot): string {
  const lines: string[] = [];
  for (const s of SINGLETONS) if (doc[s] !== undefined) lines.push(`${s} ${canonicalJson(doc[s])}`);
  for (const s of COLLECTIONS) {
    for (const r of (doc[s] ?? []) as Array<{ id?: string }>) lines.push(`${s} ${recordId(s, r)} ${canonicalJson(r)}`);
  }
  lines.sort();
  return fnv1a(lines.join('\n'));
}

export function boardDigest(board: Board): string {
  return snapshotDigest(boardToSnapshot(board));
}
