// Reading what the server sends: parse the JSON and check the few fields the client relies on,
// so that a malformed frame is dropped instead of corrupting the board.

import type { ServerMessage } from './types';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

/**
 * An event needs a seq and an op with a kind (a card's operation also its cardId: the summary of
 * P-SYNC-12 names only that); `by` (the actor's number) and `clientSeq` (only in the sender's own
 * copy, P-SYNC-11) are optional (server-made, anonymous and hidden events lack `by`) but must
 * have their type when present, and `patch`, when present, must be an object (a patch that does
 * not apply makes the client resync, P-SYNC-10). Unknown fields are ignored.
 */
function isEventBody(v: unknown): boolean {
  return (
    isObject(v) &&
    isInt(v.seq) &&
    (v.by === undefined || isInt(v.by)) &&
    (v.clientSeq === undefined || isInt(v.clientSeq)) &&
    (v.patch === undefined || isObject(v.patch)) &&
    isObject(v.op) &&
    typeof v.op.kind === 'string' &&
    (!v.op.kind.startsWith('card.') || typeof v.op.cardId === 'string')
  );
}

/** A presence list or change (P-PRES-3, P-PRES-6, P-PRES-7): its parts, where present, of the right kind. */
function isPresence(v: Record<string, unknown>): boolean {
  const entry = (e: unknown) => isObject(e) && isInt(e.number) && typeof e.participantId === 'string';
  const list = (x: unknown, ok: (e: unknown) => boolean) => x === undefined || (Array.isArray(x) && x.every(ok));
  const parts = [v.participants, v.joined, v.updated, v.left, v.offline, v.online, v.voters, v.you];
  return (
    parts.some((x) => x !== undefined) &&
    list(v.participants, entry) &&
    list(v.joined, entry) &&
    list(v.updated, (e) => isObject(e) && isInt(e.number)) &&
    list(v.left, isInt) &&
    (v.offline === undefined || isInt(v.offline)) &&
    (v.online === undefined || isInt(v.online)) &&
    (v.voters === undefined || (isObject(v.voters) && isInt(v.voters.count) && isInt(v.voters.done))) &&
    (v.you === undefined || entry(v.you))
  );
}

/** Returns the message, or null when the frame is not a server message this client understands. */
export function decodeServerMessage(text: string): ServerMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(value) || typeof value.type !== 'string') return null;
  switch (value.type) {
    case 'welcome': {
      if (!isInt(value.seq) || !isInt(value.lastClientSeq) || !isObject(value.you)) return null;
      const hasSnapshot = isObject(value.snapshot);
      const hasEvents = Array.isArray(value.events) && value.events.every(isEventBody);
      if (!hasSnapshot && !hasEvents) return null;
      if (value.presence !== undefined && !(isObject(value.presence) && isPresence(value.presence))) return null;
      if (value.serverTime !== undefined && typeof value.serverTime !== 'number') return null;
      return value as unknown as ServerMessage;
    }
    case 'event':
      return isEventBody(value) ? (value as unknown as ServerMessage) : null;
    case 'ack':
      return isInt(value.clientSeq) && isInt(value.seq) && (value.digest === undefined || typeof value.digest === 'string')
        ? (value as unknown as ServerMessage)
        : null;
    case 'error':
      return typeof value.code === 'string' ? (value as unknown as ServerMessage) : null;
    case 'presence':
      return isPresence(value) ? (value as unknown as ServerMessage) : null;
    case 'pong':
      return value as unknown as ServerMessage;
    default:
      return null;
  }
}
