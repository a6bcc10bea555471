// The open round as a voter sees it: each item with its own dots and buttons to place and
// remove one, the remaining budget ("nog 3 stemmen"), and "ik ben klaar". Others' dots are
// never shown (the server does not send them). Buttons that would be refused stay focusable
// (aria-disabled) and say why when pressed, so keyboard users are never stranded.

import type { Board, Round } from '../../model/board';
import { t } from '../../i18n/i18n';
import { h } from '../dom';
import { oneLineText } from '../CardView';
import { addRefusal, ballotOf, canRemove, dotsOn, type AddRefusal } from './ballot';
import { itemInfo } from './items';
import type { Role } from '../../protocol/types';

export interface BallotActions {
  vote(roundId: string, itemId: string, label: string): void;
  unvote(roundId: string, itemId: string, label: string): void;
  refused(reason: AddRefusal, label: string, round: Round): void;
  setDone(roundId: string, done: boolean): void;
}

/** Owns the ballot list; rebuilt only when what it shows changed. */
export class BallotView {
  readonly el: HTMLDivElement;
  private key = '';

  constructor(private readonly actions: BallotActions) {
    this.el = h('div', { class: 'ballot' });
  }

  update(board: Board, round: Round, role: Role, done: boolean): void {
    const ballot = ballotOf(round, role);
    const items = round.items.map((id) => itemInfo(board, id));
    const key = JSON.stringify([document.documentElement.lang, round.id, round.myVotes, done, ballot.canVote, items.map((i) => [i.id, i.text, i.phase, i.lane, i.members.length])]);
    if (key === this.key) return;
    this.key = key;
    // Keep the keyboard on the same button when the list is rebuilt under it.
    const active = document.activeElement;
    const focusKey = active instanceof HTMLElement && this.el.contains(active) ? active.dataset.focusKey : undefined;

    const remaining = h(
      'p',
      { class: 'ballot__budget', 'data-testid': 'ballot-budget' },
      t(ballot.remaining === 1 ? 'ballot.remaining.one' : 'ballot.remaining.other', { count: ballot.remaining, budget: ballot.budget }),
    );
    const doneBtn = h(
      'button',
      { type: 'button', class: 'button', 'aria-pressed': String(done), 'data-focus-key': 'done' },
      t('ballot.done'),
    );
    doneBtn.addEventListener('click', () => this.actions.setDone(round.id, !done));
    const list = h(
      'ul',
      { class: 'ballot__items', 'aria-label': t('ballot.itemsLabel', { number: round.number }) },
      ...items.map((item) => {
        const label = item.kind === 'gone' ? t('item.gone') : oneLineText(item.text);
        const mine = dotsOn(ballot, item.id);
        const refusal = addRefusal(round, ballot, item.id);
        const plus = h(
          'button',
          {
            type: 'button',
            class: 'button button--small ballot__add',
            'aria-label': t('ballot.addLabel', { text: label }),
            'aria-disabled': refusal ? 'true' : null,
            'data-focus-key': `add:${item.id}`,
          },
          t('ballot.add'),
        );
        plus.addEventListener('click', () => {
          const why = addRefusal(round, ballotOf(round, role), item.id);
          if (why) this.actions.refused(why, label, round);
          else this.actions.vote(round.id, item.id, label);
        });
        const removable = canRemove(ballot, item.id);
        const minus = h(
          'button',
          {
            type: 'button',
            class: 'button button--small button--quiet ballot__remove',
            'aria-label': t('ballot.removeLabel', { text: label }),
            'aria-disabled': removable ? null : 'true',
            'data-focus-key': `remove:${item.id}`,
          },
          t('ballot.remove'),
        );
        minus.addEventListener('click', () => {
          if (canRemove(ballotOf(round, role), item.id)) this.actions.unvote(round.id, item.id, label);
        });
        return h(
          'li',
          { class: 'ballot__item', 'data-item-id': item.id },
          h(
            'div',
            { class: 'ballot__text' },
            h('p', { class: 'ballot__label' }, item.kind === 'group' ? t('item.group', { title: item.text, count: item.members.length }) : label),
            h('p', { class: 'ballot__where' }, [item.phase, item.lane].filter(Boolean).join(' · ')),
          ),
          ballot.canVote
            ? h(
                'p',
                { class: 'ballot__mine' },
                h('span', { class: 'dots', 'aria-hidden': 'true' }, '●'.repeat(mine)),
                h('span', { class: 'ballot__count' }, t('ballot.mine', { count: mine, max: ballot.maxPerItem })),
              )
            : null,
          ballot.canVote ? h('p', { class: 'ballot__buttons' }, plus, minus) : null,
        );
      }),
    );
    this.el.replaceChildren(...(ballot.canVote ? [remaining, list, h('p', { class: 'ballot__done' }, doneBtn)] : [list]));
    if (focusKey) this.el.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus({ preventScroll: true });
  }
}
