import { describe, expect, it } from 'vitest';
import { decodeServerMessage } from './decode';

describe('decoding server frames', () => {
  it('accepts each server message type of the protocol', () => {
    const op = { kind: 'card.delete', cardId: 'c1' };
    const frames = [
      { type: 'welcome', protocolVersion: 1, workshopId: 'w', you: {}, seq: 0, lastClientSeq: 0, events: [] },
      { type: 'welcome', protocolVersion: 1, workshopId: 'w', you: {}, seq: 3, lastClientSeq: 0, snapshot: { workshop: {}, journeys: [], cards: [] } },
      { type: 'event', seq: 1, at: 1, by: 'p', clientId: 'c', clientSeq: 1, op },
      { type: 'ack', clientSeq: 1, seq: 1 },
      { type: 'error', code: 'invalid', message: 'x' },
      { type: 'presence', participants: [] },
      { type: 'pong', t: 5 },
    ];
    for (const f of frames) expect(decodeServerMessage(JSON.stringify(f)), f.type).toEqual(f);
  });

  it('drops what is not JSON, not an object, of an unknown type, or missing what the client relies on', () => {
    for (const text of [
      'not json',
      '[1,2]',
      '"welcome"',
      JSON.stringify({ type: 'surprise' }),
      JSON.stringify({ seq: 1 }),
      JSON.stringify({ type: 'event', seq: '1', clientId: 'c', clientSeq: 1, op: { kind: 'card.delete' } }),
      JSON.stringify({ type: 'event', seq: 1, clientId: 'c', clientSeq: 1 }),
      JSON.stringify({ type: 'ack', clientSeq: 1 }),
      JSON.stringify({ type: 'welcome', protocolVersion: 1, you: {}, seq: 0, lastClientSeq: 0 }),
      JSON.stringify({ type: 'welcome', protocolVersion: 1, you: {}, seq: 0, lastClientSeq: 0, events: [{ seq: 1 }] }),
      JSON.stringify({ type: 'presence' }),
      JSON.stringify({ type: 'error' }),
    ]) {
      expect(decodeServerMessage(text), text).toBeNull();
    }
  });
});
