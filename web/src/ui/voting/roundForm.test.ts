import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUND_INPUT, minutesToMs, parseRoundForm, wholeNumber, type RoundFormInput } from './roundForm';

const input = (extra: Partial<RoundFormInput>): RoundFormInput => ({ ...DEFAULT_ROUND_INPUT, criterion: 'impact', ...extra });

describe('round form: checked against the round.start limits', () => {
  it('makes a round over all idea lanes by default', () => {
    const r = parseRoundForm(input({}), 'r9');
    expect(r).toEqual({
      ok: true,
      op: { kind: 'round.start', roundId: 'r9', criterion: 'impact', budget: 5, maxPerItem: 2, durationMs: null, anonymous: true, facilitatorVotes: false, scope: { kind: 'ideas' } },
    });
  });

  it('turns minutes (with a decimal comma) into a duration', () => {
    expect(minutesToMs('2,5')).toBe(150_000);
    const r = parseRoundForm(input({ minutes: '3' }), 'r9');
    expect(r.ok && r.op.durationMs).toBe(180_000);
  });

  it('names each wrong field', () => {
    const r = parseRoundForm(input({ criterion: '  ', budget: '0', maxPerItem: 'x', minutes: '0,1' }), 'r9');
    expect(r).toEqual({
      ok: false,
      errors: { criterion: 'round.error.criterion', budget: 'round.error.budget', maxPerItem: 'round.error.maxPerItem', minutes: 'round.error.minutes' },
    });
  });

  it('refuses a cap above the budget and a criterion over 80 characters', () => {
    expect(parseRoundForm(input({ budget: '3', maxPerItem: '4' }), 'r9')).toMatchObject({ ok: false, errors: { maxPerItem: 'round.error.maxPerItem' } });
    expect(parseRoundForm(input({ criterion: 'x'.repeat(81) }), 'r9')).toMatchObject({ ok: false, errors: { criterion: 'round.error.criterion' } });
    expect(parseRoundForm(input({ criterion: 'x'.repeat(80) }), 'r9').ok).toBe(true);
  });

  it('builds lane, phase and card scopes from the ticks, and wants at least one', () => {
    expect(parseRoundForm(input({ scopeKind: 'phases', picked: ['p1', 'p2'] }), 'r').ok && true).toBe(true);
    const lanes = parseRoundForm(input({ scopeKind: 'lanes', picked: ['l1'] }), 'r');
    expect(lanes.ok && lanes.op.scope).toEqual({ kind: 'lanes', laneIds: ['l1'] });
    const cards = parseRoundForm(input({ scopeKind: 'cards', picked: ['c1', 'c2'] }), 'r');
    expect(cards.ok && cards.op.scope).toEqual({ kind: 'cards', cardIds: ['c1', 'c2'] });
    expect(parseRoundForm(input({ scopeKind: 'cards', picked: [] }), 'r')).toMatchObject({ ok: false, errors: { scope: 'round.error.pickSome' } });
  });

  it('builds a top-N scope of an earlier round', () => {
    const top = parseRoundForm(input({ scopeKind: 'top', topRoundId: 'r1', topN: '3' }), 'r2');
    expect(top.ok && top.op.scope).toEqual({ kind: 'top', roundId: 'r1', n: 3 });
    expect(parseRoundForm(input({ scopeKind: 'top', topRoundId: '', topN: '0' }), 'r2')).toMatchObject({
      ok: false,
      errors: { scope: 'round.error.topRound', topN: 'round.error.topN' },
    });
  });

  it('reads only plain whole numbers', () => {
    expect(wholeNumber(' 7 ', 1, 100)).toBe(7);
    for (const bad of ['', '1.0', '1e1', '-1', '101']) expect(wholeNumber(bad, 1, 100)).toBeNull();
  });
});
