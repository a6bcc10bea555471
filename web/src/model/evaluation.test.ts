import { describe, expect, it } from 'vitest';
import { summarise } from './evaluation';

const submit = (rating: number, remarks = '') => ({ kind: 'evaluation.submit' as const, rating, remarks });

describe('summarise', () => {
  it('gives count, average, distribution and the remarks that say something', () => {
    const s = summarise([
      { id: 'r1', rating: 4, remarks: 'Goed' },
      { id: 'r2', rating: 5, remarks: '  ' },
      { id: 'r3', rating: 2, remarks: '<b>vet</b>' },
      { id: 'r4', rating: 4, remarks: '' },
    ]);
    expect(s.count).toBe(4);
    expect(s.average).toBe(3.75);
    expect(s.distribution).toEqual([0, 1, 0, 2, 1]);
    expect(s.remarks).toEqual([
      { id: 'r1', text: 'Goed' },
      { id: 'r3', text: '<b>vet</b>' },
    ]);
  });

  it('has no average without answers', () => {
    expect(summarise([])).toEqual({ count: 0, average: null, distribution: [0, 0, 0, 0, 0], remarks: [] });
  });
});

describe('decoding evaluation events', () => {
  it('P-EVAL-2 reads a hidden evaluation.submit with its effect, and the sender\'s whole form', async () => {
    const { decodeServerMessage } = await import('../protocol/decode');
    const hidden = { type: 'event', seq: 7, at: 1, op: { kind: 'hidden' }, effect: { responseId: 'r2', count: 2 } };
    expect(decodeServerMessage(JSON.stringify(hidden))).toEqual(hidden);
    const whole = { type: 'event', seq: 8, at: 1, by: 'u1', clientId: 'c', clientSeq: 3, op: submit(5, 'Top'), effect: { responseId: 'r3', count: 3 } };
    expect(decodeServerMessage(JSON.stringify(whole))).toEqual(whole);
  });
});
