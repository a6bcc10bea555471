// What a card on the board shows about grouping and linking, and its card actions for them:
// "Groep: <title>", "Lost op: <pain point>" (with a button to remove the link) on an idea and
// "Opgelost door: <idea>" on the pain point it is linked to, and the tools "Groeperen met…",
// "Uit de groep" and "Koppelen aan knelpunt…".

import type { Board, Card } from '../../model/board';
import { t } from '../../i18n/i18n';
import { oneLineText } from '../CardView';
import { h } from '../dom';
import { openRound } from '../../model/voting';
import { compareCards } from '../../model/ranking';
import { ballotOf } from './ballot';
import { isIdea } from './items';

export interface CardDecoration {
  groupId: string | null;
  groupTitle: string | null;
  linkedId: string | null;
  linkedText: string | null;
  /** The texts of the cards linked to this one (the ideas that solve this pain point), in board order. */
  solvedBy: string[];
  /** Idea cards get the link action; any card may be grouped (SPEC-3 group.add). */
  idea: boolean;
  /** The viewer's own dots on this card (or its group) in the open round; null outside it. */
  myDots: number | null;
  /** The round item the dots are on (the card or its group), when myDots is not null. */
  itemId: string | null;
  roundId: string | null;
}

export function decorationOf(board: Board, card: Card): CardDecoration {
  const round = openRound(board);
  const itemId = round ? [card.id, card.groupId].find((id) => id !== null && round.items.includes(id)) : undefined;
  const voting = round && itemId && ballotOf(round).canVote ? (round.myVotes[itemId] ?? 0) : null;
  const group = card.groupId ? board.groups.get(card.groupId) : undefined;
  const linked = card.linkedTo ? board.cards.get(card.linkedTo) : undefined;
  return {
    groupId: group ? group.id : null,
    groupTitle: group ? group.title : null,
    linkedId: linked ? linked.id : null,
    linkedText: linked ? linked.text : null,
    // The links as the server keeps them (card.linkedTo), read the other way round.
    solvedBy: [...board.cards.values()].filter((c) => c.linkedTo === card.id).sort((a, b) => compareCards(board, a, b)).map((c) => c.text),
    idea: isIdea(board, card),
    myDots: voting,
    itemId: voting !== null ? (itemId ?? null) : null,
    roundId: voting !== null ? round!.id : null,
  };
}

export interface DecoratorActions {
  chooseGroup(cardId: string): void;
  ungroup(cardId: string): void;
  chooseLink(cardId: string): void;
  unlink(cardId: string): void;
  vote(roundId: string, itemId: string, label: string): void;
  unvote(roundId: string, itemId: string, label: string): void;
}

/** What can be decorated: a card of the table (CardView) or of the list view. */
export interface Decoratable {
  readonly el: HTMLElement;
  readonly badges: HTMLElement;
  readonly extraTools: HTMLElement;
}

/** Owns a cache key per card view, so unchanged cards cost no DOM writes. */
export class CardDecorator {
  private readonly keys = new WeakMap<Decoratable, string>();

  constructor(private readonly actions: DecoratorActions) {}

  decorate(board: Board, view: Decoratable, card: Card): void {
    const d = decorationOf(board, card);
    // CardView.update rewrites the class list when the card changes: set ours every time.
    view.el.classList.toggle('card--grouped', d.groupId !== null);
    const key = JSON.stringify([document.documentElement.lang, card.text, d]);
    if (this.keys.get(view) === key) return;
    this.keys.set(view, key);
    const label = oneLineText(card.text);
    const badges: HTMLElement[] = [];
    if (d.groupTitle !== null) {
      badges.push(h('p', { class: 'card__badge card__badge--group', 'data-group-id': d.groupId }, t('grouping.badge', { title: d.groupTitle })));
    }
    if (d.linkedText !== null) {
      const remove = h('button', { type: 'button', class: 'card__badge-remove', 'aria-label': t('link.removeLabel', { text: label }) }, '×');
      remove.addEventListener('click', () => this.actions.unlink(card.id));
      badges.push(h('p', { class: 'card__badge card__badge--link' }, h('span', null, t('link.badge', { text: oneLineText(d.linkedText) })), remove));
    }
    for (const text of d.solvedBy) {
      badges.push(h('p', { class: 'card__badge card__badge--solved' }, t('link.solvedBy', { text: oneLineText(text) })));
    }
    if (d.myDots !== null) {
      badges.push(
        h(
          'p',
          { class: 'card__badge card__badge--dots' },
          h('span', { class: 'dots', 'aria-hidden': 'true' }, '●'.repeat(d.myDots)),
          t('ballot.onCard', { count: d.myDots }),
        ),
      );
    }
    view.badges.replaceChildren(...badges);
    view.badges.hidden = badges.length === 0;
    if (d.groupId) view.el.dataset.groupId = d.groupId;
    else delete view.el.dataset.groupId;

    const tools: HTMLElement[] = [];
    if (d.groupId) {
      const out = h('button', { type: 'button', class: 'card__tool', 'aria-label': t('grouping.ungroupLabel', { text: label }) }, t('grouping.ungroup'));
      out.addEventListener('click', () => this.actions.ungroup(card.id));
      tools.push(out);
    } else if (d.idea) {
      const group = h('button', { type: 'button', class: 'card__tool', 'aria-label': t('grouping.withLabel', { text: label }) }, t('grouping.with'));
      group.addEventListener('click', () => this.actions.chooseGroup(card.id));
      tools.push(group);
    }
    if (d.idea) {
      const link = h('button', { type: 'button', class: 'card__tool', 'aria-label': t('link.chooseLabel', { text: label }) }, t('link.choose'));
      link.addEventListener('click', () => this.actions.chooseLink(card.id));
      tools.push(link);
    }
    if (d.myDots !== null && d.itemId && d.roundId) {
      const { itemId, roundId } = d;
      const group = d.groupId !== null && itemId === d.groupId;
      const itemLabel = group ? (d.groupTitle ?? '') : label;
      const add = h('button', { type: 'button', class: 'card__tool card__tool--vote', 'aria-label': t('ballot.addLabel', { text: itemLabel }) }, t('ballot.add'));
      add.addEventListener('click', () => this.actions.vote(roundId, itemId, itemLabel));
      tools.unshift(add);
      if (d.myDots > 0) {
        const remove = h('button', { type: 'button', class: 'card__tool card__tool--vote', 'aria-label': t('ballot.removeLabel', { text: itemLabel }) }, t('ballot.remove'));
        remove.addEventListener('click', () => this.actions.unvote(roundId, itemId, itemLabel));
        tools.splice(1, 0, remove);
      }
    }
    view.extraTools.replaceChildren(...tools);
  }
}
