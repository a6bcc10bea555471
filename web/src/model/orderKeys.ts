// Order keys (protocol.md "Identifiers and values"): fractional-indexing strings, shown in
// ascending byte-wise order with ties broken by id. Placing something between two neighbours
// makes a key strictly between theirs, so nothing is ever renumbered.

import { generateKeyBetween } from 'fractional-indexing';

export interface Ordered {
  id: string;
  orderKey: string;
}

/** Byte-wise comparison (keys are ASCII, so UTF-16 code unit order is byte order). */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Display order: by key, then by id. */
export function compareOrdered(a: Ordered, b: Ordered): number {
  return compareKeys(a.orderKey, b.orderKey) || compareKeys(a.id, b.id);
}

/**
 * The key that puts an item at position `index` of `siblings` (in display order, without the
 * item itself). Two clients adding at the same spot at once can make equal keys; between two
 * equal keys there is no key, so the item then goes right after that run of equal keys.
 */
export function keyAt(siblings: readonly Ordered[], index: number): string {
  const at = Math.max(0, Math.min(index, siblings.length));
  const before = at > 0 ? siblings[at - 1]!.orderKey : null;
  let after: string | null = null;
  for (let i = at; i < siblings.length; i++) {
    const key = siblings[i]!.orderKey;
    if (before === null || compareKeys(key, before) > 0) {
      after = key;
      break;
    }
  }
  try {
    return generateKeyBetween(before, after);
  } catch {
    // A key the library cannot read (should not happen: the server checks the format): go
    // after the largest key we have rather than fail the user's action.
    const last = siblings.length > 0 ? siblings[siblings.length - 1]!.orderKey : null;
    return generateKeyBetween(last, null);
  }
}

/** The key for a new item at the end of `siblings`. */
export function keyAtEnd(siblings: readonly Ordered[]): string {
  return keyAt(siblings, siblings.length);
}

/**
 * Where `item` goes when moved to position `index` of `list` (display order). When the item is
 * in `list` already, `index` counts positions in `list` without it, as a drop indicator does.
 */
export function keyForMove(list: readonly Ordered[], itemId: string, index: number): string {
  return keyAt(
    list.filter((o) => o.id !== itemId),
    index,
  );
}
