import { beforeAll, describe, expect, it } from 'vitest';
import { decodeServerMessage } from './decode';
import { schemaAjv, schemaFiles, schemaProblems } from './schemas.testing';
import { PROTOCOL_VERSION } from './wire';

/** JSON frames the decoder drops (the schema test below checks the server may not send them). */
const droppedFrames: unknown[] = [
  { type: 'surprise' },
  { seq: 1 },
  { type: 'event', seq: '1', clientSeq: 1, op: { kind: 'card.delete' } },
  { type: 'event', seq: 1, clientSeq: 1 },
  { type: 'event', seq: 1, at: 1, by: 'p1', op: { kind: 'card.delete', cardId: 'c1' } },
  { type: 'event', seq: 1, at: 1, by: 1, op: { kind: 'card.move' } },
  { type: 'ack', clientSeq: 1 },
  { type: 'welcome', protocolVersion: 4, you: {}, seq: 0, lastClientSeq: 0 },
  { type: 'welcome', protocolVersion: 4, you: {}, seq: 0, lastClientSeq: 0, events: [{ seq: 1 }] },
  { type: 'presence' },
  { type: 'presence', left: ['p3'] },
  { type: 'presence', joined: [{ displayName: 'no id' }] },
  { type: 'presence', updated: [{ participantId: 'p1', editing: null }] },
  { type: 'presence', online: 3, you: { displayName: 'no number' } },
  { type: 'welcome', protocolVersion: 4, you: {}, seq: 0, lastClientSeq: 0, events: [], presence: [] },
  { type: 'error' },
];

describe('decoding server frames', () => {
  it('accepts each server message type of the protocol', () => {
    const op = { kind: 'card.delete', cardId: 'c1' };
    const frames = [
      { type: 'welcome', protocolVersion: 4, workshopId: 'w', you: {}, seq: 0, lastClientSeq: 0, events: [] },
      { type: 'welcome', protocolVersion: 4, workshopId: 'w', you: {}, seq: 3, lastClientSeq: 0, snapshot: { workshop: {}, journeys: [], cards: [] } },
      { type: 'event', seq: 1, at: 1, by: 2, clientSeq: 1, op },
      { type: 'event', seq: 1, at: 1, by: 2, op },
      { type: 'ack', clientSeq: 1, seq: 1 },
      { type: 'error', code: 'invalid', message: 'x' },
      { type: 'welcome', protocolVersion: 4, workshopId: 'w', you: {}, seq: 0, lastClientSeq: 0, events: [], presence: { participants: [], offline: 0 } },
      { type: 'presence', participants: [], offline: 0 },
      { type: 'presence', joined: [{ number: 1, participantId: 'p1', displayName: 'A' }] },
      { type: 'presence', updated: [{ number: 1, editing: null }], left: [2], offline: 1 },
      { type: 'presence', online: 1500, voters: { count: 900, done: 3 }, you: { number: 7, participantId: 'p7', displayName: 'C' } },
      { type: 'pong', t: 5 },
    ];
    for (const f of frames) expect(decodeServerMessage(JSON.stringify(f)), f.type).toEqual(f);
  });

  it('drops what is not JSON, not an object, of an unknown type, or missing what the client relies on', () => {
    for (const text of ['not json', '[1,2]', '"welcome"', ...droppedFrames.map((f) => JSON.stringify(f))]) {
      expect(decodeServerMessage(text), text).toBeNull();
    }
  });
});

describe('decoding score events (P-METH-3)', () => {
  it('accepts the whole and the redacted form of score.set with its patch', () => {
    const patch = { scores: [{ scale: 'current', targetId: 'c1', counts: [0, 1, 0, 2, 0] }] };
    const whole = { type: 'event', seq: 2, at: 1, by: 1, clientSeq: 4, op: { kind: 'score.set', scale: 'current', targetId: 'c1', value: 1 }, patch };
    const redacted = { type: 'event', seq: 3, at: 1, op: { kind: 'score.set', scale: 'current', targetId: 'c1' }, patch };
    expect(decodeServerMessage(JSON.stringify(whole))).toEqual(whole);
    expect(decodeServerMessage(JSON.stringify(redacted))).toEqual(redacted);
  });
});

// The decoder is hand-written and tolerant; the schemas are the contract. What the server may
// send (every example the schemas hold, every operation as an event) must get through, and what
// the decoder drops must be something the server never sends.
/** An operation as an event names it: a card's add, update and move by kind and card id (P-SYNC-12). */
function asInEvent(op: unknown): unknown {
  const { kind, cardId } = op as { kind: string; cardId?: string };
  return ['card.add', 'card.update', 'card.move'].includes(kind) ? { kind, cardId } : op;
}

describe('the decoder against schemas/ (Ajv, strict)', () => {
  const serverMessage = 'server-message.schema.json';
  const examples = (file: string, def?: string): unknown[] => {
    const schema = schemaFiles.get(file)!;
    return (def ? schema.$defs[def] : schema).examples ?? [];
  };
  const operations = Object.keys(schemaFiles.get('operation.schema.json')!.$defs).flatMap((def) =>
    examples('operation.schema.json', def),
  );
  const validMessages: unknown[] = [
    ...['welcome', 'event', 'ack', 'error', 'server-presence', 'pong', 'server-message'].flatMap((f) =>
      examples(`${f}.schema.json`),
    ),
    ...examples('event.schema.json', 'body').map((body) => ({ type: 'event', ...(body as object) })),
    ...operations.map((op, i) => ({ type: 'event', seq: i + 1, at: 1, by: 1, clientSeq: i + 1, op: asInEvent(op) })),
    ...examples('board-state.schema.json').map((snapshot) => ({
      type: 'welcome', protocolVersion: PROTOCOL_VERSION, workshopId: 'w1', seq: 3, lastClientSeq: 0, serverTime: 1,
      you: { participantId: 'p1', participantToken: 'Zp4Q9rT2vX7yA1bC3dE5fG8hJ0kL6mN2pQ4rS6tU8vW', displayName: 'Anna', role: 'participant' },
      limits: { maxMessageBytes: 65536, maxCardText: 2000 }, snapshot, presence: { participants: [], offline: 0 },
    })),
  ];

  // Compiling the unions takes seconds on a loaded machine: once, outside the tests' own time.
  beforeAll(() => {
    schemaAjv().getSchema(serverMessage);
  }, 60_000);

  it('holds enough examples to mean something', () => {
    expect(operations.length).toBeGreaterThanOrEqual(47);
    expect(validMessages.length).toBeGreaterThan(60);
  });

  it('accepts, unchanged, every message the schemas allow the server to send', () => {
    for (const message of validMessages) {
      const text = JSON.stringify(message);
      expect(schemaProblems(serverMessage, message), text).toBeNull();
      expect(decodeServerMessage(text), text).toEqual(message);
    }
  });

  it('P-SYNC-12 an event names a card\'s add, update and move by kind and card id only', () => {
    const full = operations.filter((op) => ['card.add', 'card.update', 'card.move'].includes((op as { kind: string }).kind));
    expect(full.length).toBeGreaterThanOrEqual(3);
    for (const op of full) {
      const event = { type: 'event', seq: 1, at: 1, by: 1, op };
      expect(schemaProblems(serverMessage, event), JSON.stringify(op)).not.toBeNull();
      expect(schemaProblems(serverMessage, { ...event, op: asInEvent(op) })).toBeNull();
    }
  });

  it('drops only what the schemas forbid the server to send', () => {
    for (const message of droppedFrames) {
      expect(decodeServerMessage(JSON.stringify(message)), JSON.stringify(message)).toBeNull();
      expect(schemaProblems(serverMessage, message), JSON.stringify(message)).not.toBeNull();
    }
  });
});
