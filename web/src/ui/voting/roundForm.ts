// The facilitator's "start a round" form as plain data: what was typed in, checked against the
// limits of SPEC-3 round.start, turned into the operation or into one error per field (catalogue
// keys), so the form can tie each error to its field.

import {
  MAX_CRITERION,
  ROUND_MIN_MS,
  TIMER_MAX_MS,
  type RoundScope,
  type RoundStartOp,
} from '../../protocol/types';

export type ScopeKind = RoundScope['kind'];
export const SCOPE_KINDS: readonly ScopeKind[] = ['ideas', 'lanes', 'phases', 'cards', 'top'];

export interface RoundFormInput {
  criterion: string;
  budget: string;
  maxPerItem: string;
  /** Minutes; empty = no time limit. */
  minutes: string;
  anonymous: boolean;
  facilitatorVotes: boolean;
  scopeKind: ScopeKind;
  /** The ticked lanes, phases or cards, for those scope kinds. */
  picked: string[];
  /** For "top": the earlier round and how many of its ranking. */
  topRoundId: string;
  topN: string;
}

export type RoundFormField = 'criterion' | 'budget' | 'maxPerItem' | 'minutes' | 'scope' | 'topN';
export type RoundFormError =
  | 'round.error.criterion'
  | 'round.error.budget'
  | 'round.error.maxPerItem'
  | 'round.error.minutes'
  | 'round.error.pickSome'
  | 'round.error.topRound'
  | 'round.error.topN';

export type RoundFormResult =
  | { ok: true; op: RoundStartOp }
  | { ok: false; errors: Partial<Record<RoundFormField, RoundFormError>> };

export const DEFAULT_ROUND_INPUT: RoundFormInput = {
  criterion: '',
  budget: '5',
  maxPerItem: '2',
  minutes: '',
  anonymous: true,
  facilitatorVotes: false,
  scopeKind: 'ideas',
  picked: [],
  topRoundId: '',
  topN: '5',
};

/** A whole number in [min, max] written plainly ("5", not "5.0" or "1e1"), else null. */
export function wholeNumber(text: string, min: number, max: number): number | null {
  const s = text.trim();
  if (!/^\d{1,7}$/.test(s)) return null;
  const n = Number(s);
  return n >= min && n <= max ? n : null;
}

/** Minutes with an optional decimal comma or point ("2,5"); null when not a number. */
export function minutesToMs(text: string): number | null {
  const s = text.trim().replace(',', '.');
  if (!/^\d{1,4}(\.\d{1,2})?$/.test(s)) return null;
  return Math.round(Number(s) * 60_000);
}

export function parseRoundForm(input: RoundFormInput, roundId: string): RoundFormResult {
  const errors: Partial<Record<RoundFormField, RoundFormError>> = {};
  const criterion = input.criterion.trim();
  if (criterion === '' || [...criterion].length > MAX_CRITERION) errors.criterion = 'round.error.criterion';
  const budget = wholeNumber(input.budget, 1, 100);
  if (budget === null) errors.budget = 'round.error.budget';
  const maxPerItem = wholeNumber(input.maxPerItem, 1, 100);
  if (maxPerItem === null || (budget !== null && maxPerItem > budget)) errors.maxPerItem = 'round.error.maxPerItem';
  let durationMs: number | null = null;
  if (input.minutes.trim() !== '') {
    durationMs = minutesToMs(input.minutes);
    if (durationMs === null || durationMs < ROUND_MIN_MS || durationMs > TIMER_MAX_MS) errors.minutes = 'round.error.minutes';
  }
  let scope: RoundScope | null = null;
  switch (input.scopeKind) {
    case 'ideas':
      scope = { kind: 'ideas' };
      break;
    case 'lanes':
      scope = { kind: 'lanes', laneIds: [...input.picked] };
      break;
    case 'phases':
      scope = { kind: 'phases', phaseIds: [...input.picked] };
      break;
    case 'cards':
      scope = { kind: 'cards', cardIds: [...input.picked] };
      break;
    case 'top': {
      const n = wholeNumber(input.topN, 1, 1000);
      if (input.topRoundId === '') errors.scope = 'round.error.topRound';
      if (n === null) errors.topN = 'round.error.topN';
      else scope = { kind: 'top', roundId: input.topRoundId, n };
      break;
    }
  }
  if (['lanes', 'phases', 'cards'].includes(input.scopeKind) && input.picked.length === 0) {
    errors.scope = 'round.error.pickSome';
  }
  if (Object.keys(errors).length > 0 || scope === null) return { ok: false, errors };
  return {
    ok: true,
    op: {
      kind: 'round.start',
      roundId,
      criterion,
      budget: budget!,
      maxPerItem: maxPerItem!,
      durationMs,
      anonymous: input.anonymous,
      facilitatorVotes: input.facilitatorVotes,
      scope,
    },
  };
}
