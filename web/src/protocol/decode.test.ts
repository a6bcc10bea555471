import { describe, expect, it } from 'vitest';
import { decodeServerMessage } from './decode';

describe('decoding server frames', () => {
  it('accepts each server message type of the protocol', () => {
    const op = { kind: 'card.delete', cardId: 'c1' };
    const frames = [
      { type: 'welcome', protocolVersion: 2, workshopId: 'w', you: {}, seq: 0, lastClientSeq: 0, events: [] },
      { type: 'welcome', protocolVersion: 2, workshopId: 'w', you: {}, seq: 3, lastClientSeq: 0, snapshot: { workshop: {}, journeys: [], cards: [] } },
      { type: 'event', seq: 1, at: 1, by: 'p', clientId: 'c', clientSeq: 1, op },
      { type: 'ack', clientSeq: 1, seq: 1 },
      { type: 'error', code: 'invalid', message: 'x' },
      { type: 'welcome', protocolVersion: 2, workshopId: 'w', you: {}, seq: 0, lastClientSeq: 0, events: [], presence: { participants: [], offline: 0 } },
      { type: 'presence', participants: [], offline: 0 },
      { type: 'presence', joined: [{ participantId: 'p1', displayName: 'A', role: 'participant', online: true }] },
      { type: 'presence', updated: [{ participantId: 'p1', editing: null }], left: ['p2'], offline: 1 },
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
      JSON.stringify({ type: 'welcome', protocolVersion: 2, you: {}, seq: 0, lastClientSeq: 0 }),
      JSON.stringify({ type: 'welcome', protocolVersion: 2, you: {}, seq: 0, lastClientSeq: 0, events: [{ seq: 1 }] }),
      JSON.stringify({ type: 'presence' }),
      JSON.stringify({ type: 'presence', left: [3] }),
      JSON.stringify({ type: 'presence', joined: [{ displayName: 'no id' }] }),
      JSON.stringify({ type: 'welcome', protocolVersion: 2, you: {}, seq: 0, lastClientSeq: 0, events: [], presence: [] }),
      JSON.stringify({ type: 'error' }),
    ]) {
      expect(decodeServerMessage(text), text).toBeNull();
    }
  });
});

describe('decoding score events (P-METH-3)', () => {
  const tally = { scale: 'current', targetId: 'c1', counts: [0, 1, 0, 2, 0] };
  it('accepts the whole and the redacted form of score.set with its tally', () => {
    const whole = { type: 'event', seq: 2, at: 1, by: 'p', clientId: 'c', clientSeq: 4, op: { kind: 'score.set', scale: 'current', targetId: 'c1', value: 1 }, effect: { tally } };
    const redacted = { type: 'event', seq: 3, at: 1, op: { kind: 'score.set', scale: 'current', targetId: 'c1' }, effect: { tally } };
    expect(decodeServerMessage(JSON.stringify(whole))).toEqual(whole);
    expect(decodeServerMessage(JSON.stringify(redacted))).toEqual(redacted);
  });

  it('drops an event whose tally is malformed', () => {
    for (const bad of [
      { ...tally, counts: [1, 2, 3] },
      { ...tally, counts: [0, 0, 0, 0, -1] },
      { ...tally, counts: [0, 0, 0, 0, 0.5] },
      { ...tally, scale: 3 },
      { scale: 'current', counts: [0, 0, 0, 0, 0] },
      'tally',
    ]) {
      const frame = { type: 'event', seq: 3, at: 1, op: { kind: 'score.set', scale: 'current', targetId: 'c1' }, effect: { tally: bad } };
      expect(decodeServerMessage(JSON.stringify(frame)), JSON.stringify(bad)).toBeNull();
    }
  });
});
