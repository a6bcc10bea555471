// The open round as a voter sees it: one compact row per item with its whole text, its own dots
// and − and + (thumb-sized), a bar that stays in view with the remaining budget ("nog 3
// stemmen") and "Ik ben klaar", a notice when offline or locked, and a phase filter and search
// field for long ballots. Others' dots are never shown (the server does not send them). Buttons
// that would be refused stay focusable (aria-disabled) and say why when pressed, so keyboard
// users are never stranded. Keys (while focus is in the ballot): ↑ ↓ between ideas, + or Space
// votes, − or Backspace takes a vote back, K goes to "Ik ben klaar".

import type { Board, Round } from '../../model/board';
import { t } from '../../i18n/i18n';
import { h, uid } from '../dom';
import { oneLineText } from '../CardView';
import { addRefusal, ballotOf, canRemove, dotsOn, type AddRefusal } from './ballot';
import { itemInfo, type ItemInfo } from './items';

export interface BallotActions {
  vote(roundId: string, itemId: string, label: string): void;
  unvote(roundId: string, itemId: string, label: string): void;
  refused(reason: AddRefusal, label: string, round: Round): void;
  setDone(roundId: string, done: boolean): void;
}

/** What around the ballot changes what it may promise: the connection and the board lock. */
export interface BallotConditions {
  offline: boolean;
  /** Own changes waiting to be sent (votes tapped while offline). */
  pending: number;
  locked: boolean;
}

/** From this many items on, the ballot offers a phase filter and a search field. */
export const FILTER_FROM = 20;
/** Up to this cap per item, the row shows an open circle for each dot still allowed. */
const MAX_CIRCLES = 5;

/** Owns the ballot; the rows are rebuilt only when what they show changed, the filter never. */
export class BallotView {
  readonly el: HTMLDivElement;
  private readonly bar: HTMLDivElement;
  private readonly notice: HTMLParagraphElement;
  private readonly filters: HTMLDivElement;
  private readonly phaseSelect: HTMLSelectElement;
  private readonly search: HTMLInputElement;
  private readonly shown: HTMLParagraphElement;
  private readonly list: HTMLUListElement;
  private key = '';
  private filterKey = '';
  private doneBtn: HTMLButtonElement | null = null;

  constructor(private readonly actions: BallotActions) {
    this.bar = h('div', { class: 'ballot__bar' });
    this.notice = h('p', { class: 'ballot__notice', role: 'status', 'data-testid': 'ballot-notice', hidden: true });
    const selectId = uid('ballot-phase');
    const searchId = uid('ballot-search');
    this.phaseSelect = h('select', { id: selectId, class: 'field__input' });
    this.search = h('input', { id: searchId, type: 'search', class: 'field__input', autocomplete: 'off', enterkeyhint: 'search' });
    this.shown = h('p', { class: 'ballot__shown', role: 'status' });
    this.filters = h(
      'div',
      { class: 'ballot__filters', hidden: true },
      h('p', { class: 'field' }, h('label', { class: 'field__label', for: selectId }), this.phaseSelect),
      h('p', { class: 'field' }, h('label', { class: 'field__label', for: searchId }), this.search),
    );
    this.phaseSelect.addEventListener('change', () => this.applyFilter());
    this.search.addEventListener('input', () => this.applyFilter());
    this.list = h('ul', { class: 'ballot__items' });
    this.list.addEventListener('keydown', (ev) => this.onListKey(ev));
    this.list.addEventListener('keyup', (ev) => {
      // Space was handled on keydown; keep the button from clicking again on its release.
      if (ev.key === ' ' && isRowButton(ev.target)) ev.preventDefault();
    });
    this.el = h('div', { class: 'ballot' }, this.bar, this.notice, this.filters, this.shown, this.list);
    this.el.addEventListener('keydown', (ev) => {
      if ((ev.key === 'k' || ev.key === 'K') && !ev.ctrlKey && !ev.metaKey && !ev.altKey && isRowButton(ev.target)) {
        ev.preventDefault();
        this.doneBtn?.focus();
      }
    });
  }

  update(board: Board, round: Round, done: boolean, when: BallotConditions): void {
    this.updateNotice(when);
    const ballot = ballotOf(round);
    const items = round.items.map((id) => itemInfo(board, id));
    const lang = document.documentElement.lang;
    const key = JSON.stringify([lang, round.id, round.myVotes, done, ballot.canVote, items.map((i) => [i.id, i.text, i.phase, i.lane, i.members.length])]);
    if (key === this.key) return;
    this.key = key;
    // Keep the keyboard on the same button when the rows are rebuilt under it.
    const active = document.activeElement;
    const focusKey = active instanceof HTMLElement && this.el.contains(active) ? active.dataset.focusKey : undefined;

    this.bar.hidden = !ballot.canVote;
    this.doneBtn = null;
    if (ballot.canVote) {
      const doneBtn = h(
        'button',
        { type: 'button', class: 'button ballot__done', 'aria-pressed': String(done), 'aria-keyshortcuts': 'K', 'data-focus-key': 'done' },
        t('ballot.done'),
      );
      doneBtn.addEventListener('click', () => this.actions.setDone(round.id, !done));
      this.doneBtn = doneBtn;
      this.bar.replaceChildren(
        h(
          'p',
          { class: 'ballot__budget', 'data-testid': 'ballot-budget' },
          t(ballot.remaining === 1 ? 'ballot.remaining.one' : 'ballot.remaining.other', { count: ballot.remaining, budget: ballot.budget }),
        ),
        doneBtn,
      );
    }
    this.list.setAttribute('aria-label', t('ballot.itemsLabel', { number: round.number }));
    this.list.classList.toggle('ballot__items--voting', ballot.canVote);
    // The lane says something only when the items come from more than one (e.g. a round on
    // pain points and ideas); a phone needs the room for the text.
    const oneLane = new Set(items.map((i) => i.lane)).size <= 1;
    this.list.replaceChildren(...items.map((item) => this.row(item, round, ballot.canVote, oneLane)));
    this.updateFilters(board, items, lang);
    this.applyFilter();
    if (focusKey) this.el.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus({ preventScroll: true });
  }

  private row(item: ItemInfo, round: Round, canVote: boolean, oneLane: boolean): HTMLLIElement {
    const ballot = ballotOf(round);
    const label = item.kind === 'gone' ? t('item.gone') : oneLineText(item.text);
    const mine = dotsOn(ballot, item.id);
    const text = h(
      'div',
      { class: 'ballot__text' },
      h('p', { class: 'ballot__label' }, item.kind === 'group' ? t('item.group', { title: label, count: item.members.length }) : label),
      h('p', { class: 'ballot__where' }, [item.phase, oneLane ? '' : item.lane].filter(Boolean).join(' · ')),
    );
    const li = h('li', { class: 'ballot__item', 'data-item-id': item.id, 'data-phase-id': item.first?.phaseId ?? '', 'data-has-votes': mine > 0 ? 'true' : null }, text);
    if (!canVote) return li;

    const refusal = addRefusal(round, ballot, item.id);
    const plus = h(
      'button',
      {
        type: 'button',
        class: 'ballot__step ballot__add',
        'aria-label': t('ballot.addLabel', { text: label }),
        'aria-disabled': refusal ? 'true' : null,
        'data-focus-key': `add:${item.id}`,
        'data-step': 'add',
      },
      h('span', { 'aria-hidden': 'true' }, '+'),
    );
    plus.addEventListener('click', () => {
      const why = addRefusal(round, ballotOf(round), item.id);
      if (why) this.actions.refused(why, label, round);
      else this.actions.vote(round.id, item.id, label);
    });
    const minus = h(
      'button',
      {
        type: 'button',
        class: 'ballot__step ballot__remove',
        'aria-label': t('ballot.removeLabel', { text: label }),
        'aria-disabled': canRemove(ballot, item.id) ? null : 'true',
        'data-focus-key': `remove:${item.id}`,
        'data-step': 'remove',
      },
      h('span', { 'aria-hidden': 'true' }, '−'),
    );
    minus.addEventListener('click', () => {
      if (canRemove(ballotOf(round), item.id)) this.actions.unvote(round.id, item.id, label);
    });
    const circles = ballot.maxPerItem <= MAX_CIRCLES ? '○'.repeat(Math.max(0, ballot.maxPerItem - mine)) : '';
    const dots = h(
      'span',
      { class: 'ballot__dots' },
      h('span', { class: 'dots', 'aria-hidden': 'true' }, '●'.repeat(Math.min(mine, MAX_CIRCLES)), h('span', { class: 'dots__free' }, circles)),
      mine > MAX_CIRCLES || ballot.maxPerItem > MAX_CIRCLES ? h('span', { class: 'ballot__number', 'aria-hidden': 'true' }, String(mine)) : null,
      h('span', { class: 'sr-only' }, t('ballot.mine', { count: mine, max: ballot.maxPerItem })),
    );
    li.append(h('div', { class: 'ballot__vote' }, minus, dots, plus));
    return li;
  }

  private updateNotice(when: BallotConditions): void {
    const text = when.offline
      ? t(when.pending > 0 ? 'ballot.offlinePending' : 'ballot.offline', { count: when.pending })
      : when.locked
        ? t('ballot.locked')
        : '';
    if (this.notice.textContent !== text) this.notice.textContent = text;
    this.notice.hidden = text === '';
    this.notice.classList.toggle('ballot__notice--offline', when.offline);
  }

  /** The phase filter and search field, for long ballots; they keep what was chosen. */
  private updateFilters(board: Board, items: ItemInfo[], lang: string): void {
    this.filters.hidden = items.length < FILTER_FROM;
    const phases = new Map<string, string>();
    for (const i of items) if (i.first && !phases.has(i.first.phaseId)) phases.set(i.first.phaseId, board.phases.get(i.first.phaseId)?.title ?? '');
    const key = JSON.stringify([lang, [...phases]]);
    if (key === this.filterKey) return;
    this.filterKey = key;
    const [selectLabel, searchLabel] = this.filters.querySelectorAll('label');
    selectLabel!.textContent = t('ballot.filterPhase');
    searchLabel!.textContent = t('ballot.search');
    const chosen = this.phaseSelect.value;
    this.phaseSelect.replaceChildren(
      h('option', { value: '' }, t('ballot.allPhases')),
      ...[...phases].map(([id, title]) => h('option', { value: id }, title)),
    );
    this.phaseSelect.value = phases.has(chosen) ? chosen : '';
  }

  /** Shows the rows that match the phase and the search words (in the text, phase or lane). */
  private applyFilter(): void {
    const phase = this.filters.hidden ? '' : this.phaseSelect.value;
    const words = this.filters.hidden ? [] : this.search.value.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    const rows = [...this.list.children] as HTMLElement[];
    let shown = 0;
    for (const row of rows) {
      const hay = (row.querySelector('.ballot__text')?.textContent ?? '').toLocaleLowerCase();
      const match = (phase === '' || row.dataset.phaseId === phase) && words.every((w) => hay.includes(w));
      row.hidden = !match;
      if (match) shown += 1;
    }
    const filtering = phase !== '' || words.length > 0;
    this.shown.textContent = filtering ? t(shown === 0 ? 'ballot.shownNone' : 'ballot.shown', { shown, count: rows.length }) : '';
    this.shown.hidden = !filtering;
  }

  // ---- keyboard ----

  private onListKey(ev: KeyboardEvent): void {
    const button = ev.target;
    if (!isRowButton(button) || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const row = button.closest<HTMLElement>('.ballot__item')!;
    const step = (name: 'add' | 'remove') => row.querySelector<HTMLButtonElement>(`[data-step="${name}"]`);
    const rows = ([...this.list.children] as HTMLElement[]).filter((r) => !r.hidden);
    const at = rows.indexOf(row);
    const moveTo = (index: number) => {
      const target = rows[Math.max(0, Math.min(rows.length - 1, index))];
      target?.querySelector<HTMLElement>(`[data-step="${button.dataset.step}"]`)?.focus();
    };
    switch (ev.key) {
      case 'ArrowDown':
        moveTo(at + 1);
        break;
      case 'ArrowUp':
        moveTo(at - 1);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(rows.length - 1);
        break;
      case 'ArrowLeft':
        step('remove')?.focus();
        break;
      case 'ArrowRight':
        step('add')?.focus();
        break;
      case '+':
      case '=':
      case ' ':
        step('add')?.click();
        break;
      case '-':
      case '−':
      case 'Backspace':
        step('remove')?.click();
        break;
      default:
        return;
    }
    ev.preventDefault();
  }
}

function isRowButton(target: EventTarget | null): target is HTMLButtonElement {
  return target instanceof HTMLButtonElement && target.dataset.step !== undefined;
}
