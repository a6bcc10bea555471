// The facilitator's form to start a voting round: criterion, budget, cap per item, optional
// time limit, anonymous or not, whether the facilitator votes, and the scope (all idea lanes,
// some lanes, some phases, hand-picked cards, or the top N of an earlier round).

import type { Board } from '../../model/board';
import { lanesOf, phasesOf, sortedJourneys } from '../../model/board';
import { MAX_CRITERION, type RoundStartOp } from '../../protocol/types';
import { t, type MessageKey } from '../../i18n/i18n';
import { randomId } from '../../util/ids';
import { h, uid } from '../dom';
import { oneLineText } from '../CardView';
import { textField, type Field } from '../forms';
import { compareCards } from '../../model/ranking';
import { isIdea } from './items';
import { DEFAULT_ROUND_INPUT, parseRoundForm, SCOPE_KINDS, type RoundFormField, type RoundFormInput, type ScopeKind } from './roundForm';

/** Owns the form; the lists of the scope are refreshed when the board changes. */
export class StartRoundForm {
  readonly el: HTMLDetailsElement;
  private readonly criterion: Field;
  private readonly budget: Field;
  private readonly maxPerItem: Field;
  private readonly minutes: Field;
  private readonly topN: Field;
  private readonly anonymous: HTMLInputElement;
  private readonly facilitatorVotes: HTMLInputElement;
  private readonly scopeRadios = new Map<ScopeKind, HTMLInputElement>();
  private readonly pickBox: HTMLDivElement;
  private readonly topRound: HTMLSelectElement;
  private readonly topBox: HTMLDivElement;
  private readonly scopeError: HTMLParagraphElement;
  private board: Board | null = null;
  private listKey = '';

  constructor(private readonly start: (op: RoundStartOp) => void) {
    const d = DEFAULT_ROUND_INPUT;
    this.criterion = textField({ name: 'criterion', label: t('round.criterion'), hint: t('round.criterionHint'), maxlength: MAX_CRITERION });
    this.budget = textField({ name: 'budget', label: t('round.budget'), value: d.budget, attrs: { inputmode: 'numeric' } });
    this.maxPerItem = textField({ name: 'maxPerItem', label: t('round.maxPerItem'), value: d.maxPerItem, attrs: { inputmode: 'numeric' } });
    this.minutes = textField({ name: 'minutes', label: t('round.minutes'), hint: t('round.minutesHint'), attrs: { inputmode: 'decimal' } });
    this.topN = textField({ name: 'topN', label: t('round.topN'), value: d.topN, attrs: { inputmode: 'numeric' } });
    this.anonymous = h('input', { type: 'checkbox', checked: d.anonymous });
    this.facilitatorVotes = h('input', { type: 'checkbox', checked: d.facilitatorVotes });
    const scopeName = uid('scope');
    const radios = SCOPE_KINDS.map((kind) => {
      const r = h('input', { type: 'radio', name: scopeName, value: kind, checked: kind === d.scopeKind });
      r.addEventListener('change', () => this.refreshScope(true));
      this.scopeRadios.set(kind, r);
      return h('label', { class: 'check' }, r, ` ${t(`round.scope.${kind}` as MessageKey)}`);
    });
    this.pickBox = h('div', { class: 'round-form__pick' });
    const topRoundId = uid('top-round');
    this.topRound = h('select', { id: topRoundId, class: 'field__input' });
    this.topBox = h(
      'div',
      { class: 'round-form__top' },
      h('div', { class: 'field' }, h('label', { class: 'field__label', for: topRoundId }, t('round.topRound')), this.topRound),
      this.topN.el,
    );
    this.scopeError = h('p', { class: 'field__error', hidden: true, role: 'alert' });
    const submit = h('button', { type: 'submit', class: 'button button--primary' }, t('round.start'));
    const form = h(
      'form',
      { class: 'round-form', novalidate: true },
      this.criterion.el,
      h('div', { class: 'round-form__numbers' }, this.budget.el, this.maxPerItem.el, this.minutes.el),
      h('p', null, h('label', { class: 'check' }, this.anonymous, ` ${t('round.anonymous')}`)),
      h('p', null, h('label', { class: 'check' }, this.facilitatorVotes, ` ${t('round.facilitatorVotes')}`)),
      h('fieldset', { class: 'round-form__scope' }, h('legend', null, t('round.scope')), ...radios, this.scopeError, this.pickBox, this.topBox),
      h('p', null, submit),
    );
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      this.submit();
    });
    this.el = h('details', { class: 'voting__block round-start' }, h('summary', null, t('round.new')), form);
    this.el.addEventListener('toggle', () => this.refreshScope(true));
  }

  /** Opens the form and puts the keyboard in its first field. */
  openAndFocus(): void {
    this.el.open = true;
    this.el.scrollIntoView({ block: 'start' });
    this.criterion.input.focus({ preventScroll: true });
  }

  update(board: Board): void {
    this.board = board;
    this.refreshScope(false);
  }

  private scopeKind(): ScopeKind {
    for (const [kind, r] of this.scopeRadios) if (r.checked) return kind;
    return 'ideas';
  }

  private picked(): string[] {
    return [...this.pickBox.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')].map((c) => c.value);
  }

  /** Rebuilds the tick lists for the chosen scope, keeping ticks; not under the user's focus. */
  private refreshScope(force: boolean): void {
    const board = this.board;
    if (!board || !this.el.open) return;
    const kind = this.scopeKind();
    const options = scopeOptions(board, kind);
    const closed = [...board.rounds.values()].filter((r) => r.status === 'closed');
    const key = JSON.stringify([kind, options, closed.map((r) => [r.id, r.criterion])]);
    if (!force && (key === this.listKey || this.pickBox.contains(document.activeElement) || this.topBox.contains(document.activeElement))) return;
    this.listKey = key;
    const ticked = new Set(this.picked());
    this.pickBox.hidden = kind === 'ideas' || kind === 'top';
    this.pickBox.replaceChildren(
      ...(kind === 'ideas' || kind === 'top'
        ? []
        : options.length === 0
          ? [h('p', null, t('round.nothingToPick'))]
          : [
              h(
                'ul',
                { class: 'round-form__options', 'aria-label': t(`round.scope.${kind}` as MessageKey) },
                ...options.map((o) =>
                  h('li', null, h('label', { class: 'check' }, h('input', { type: 'checkbox', value: o.id, checked: ticked.has(o.id) }), ` ${o.label}`)),
                ),
              ),
            ]),
    );
    this.topBox.hidden = kind !== 'top';
    const chosen = this.topRound.value;
    this.topRound.replaceChildren(
      ...closed.map((r) => h('option', { value: r.id }, t('round.label', { number: r.number, criterion: r.criterion }))),
    );
    if (closed.some((r) => r.id === chosen)) this.topRound.value = chosen;
  }

  private input(): RoundFormInput {
    return {
      criterion: this.criterion.input.value,
      budget: this.budget.input.value,
      maxPerItem: this.maxPerItem.input.value,
      minutes: this.minutes.input.value,
      anonymous: this.anonymous.checked,
      facilitatorVotes: this.facilitatorVotes.checked,
      scopeKind: this.scopeKind(),
      picked: this.picked(),
      topRoundId: this.topRound.value,
      topN: this.topN.input.value,
    };
  }

  private submit(): void {
    const result = parseRoundForm(this.input(), randomId());
    const fields: Record<Exclude<RoundFormField, 'scope'>, Field> = {
      criterion: this.criterion,
      budget: this.budget,
      maxPerItem: this.maxPerItem,
      minutes: this.minutes,
      topN: this.topN,
    };
    const errors = result.ok ? {} : result.errors;
    for (const [name, field] of Object.entries(fields)) {
      const e = errors[name as RoundFormField];
      field.setError(e ? t(e) : null);
    }
    this.scopeError.textContent = errors.scope ? t(errors.scope) : '';
    this.scopeError.hidden = !errors.scope;
    if (!result.ok) {
      const first = (['criterion', 'budget', 'maxPerItem', 'minutes', 'topN'] as const).find((f) => errors[f]);
      if (first) fields[first].input.focus();
      return;
    }
    this.start(result.op);
    this.el.open = false;
  }
}

/** What can be ticked for a scope kind: lanes and phases of every journey, or idea cards. */
export function scopeOptions(board: Board, kind: ScopeKind): Array<{ id: string; label: string }> {
  const journeys = sortedJourneys(board);
  const prefix = (title: string) => (journeys.length > 1 ? `${title}: ` : '');
  switch (kind) {
    case 'lanes':
      return journeys.flatMap((j) => lanesOf(board, j.id).map((l) => ({ id: l.id, label: `${prefix(j.title)}${l.title}` })));
    case 'phases':
      return journeys.flatMap((j) => phasesOf(board, j.id).map((p) => ({ id: p.id, label: `${prefix(j.title)}${p.title}` })));
    case 'cards':
      return [...board.cards.values()]
        .filter((c) => isIdea(board, c) && !c.private)
        .sort((a, b) => compareCards(board, a, b))
        .map((c) => ({ id: c.id, label: `${oneLineText(c.text)} (${board.phases.get(c.phaseId)?.title ?? ''})` }));
    default:
      return [];
  }
}
