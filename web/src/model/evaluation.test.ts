import { describe, expect, it } from 'vitest';

const submit = (rating: number, remarks = '') => ({ kind: 'evaluation.submit' as const, rating, remarks });

describe('decoding evaluation events', () => {
  it('P-EVAL-2 reads a hidden evaluation.submit with its effect, and the sender\'s whole form', async () => {
    const { decodeServerMessage } = await import('../protocol/decode');
    const hidden = { type: 'event', seq: 7, at: 1, op: { kind: 'hidden' }, effect: { responseId: 'r2', count: 2 } };
    expect(decodeServerMessage(JSON.stringify(hidden))).toEqual(hidden);
    const whole = { type: 'event', seq: 8, at: 1, by: 'u1', clientId: 'c', clientSeq: 3, op: submit(5, 'Top'), effect: { responseId: 'r3', count: 3 } };
    expect(decodeServerMessage(JSON.stringify(whole))).toEqual(whole);
  });
});
