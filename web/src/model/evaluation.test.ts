import { describe, expect, it } from 'vitest';

const submit = (rating: number, remarks = '') => ({ kind: 'evaluation.submit' as const, rating, remarks });

describe('decoding evaluation events', () => {
  it('P-EVAL-2 reads a hidden evaluation.submit with the count in its patch, and the sender\'s whole form', async () => {
    const { decodeServerMessage } = await import('../protocol/decode');
    const hidden = { type: 'event', seq: 7, at: 1, op: { kind: 'hidden' }, patch: { evaluation: { open: true, count: 2 } } };
    expect(decodeServerMessage(JSON.stringify(hidden))).toEqual(hidden);
    const whole = { type: 'event', seq: 8, at: 1, by: 1, clientSeq: 3, op: submit(5, 'Top'), patch: { evaluation: { open: true, count: 3, mine: { rating: 5, remarks: 'Top' } } } };
    expect(decodeServerMessage(JSON.stringify(whole))).toEqual(whole);
  });
});
