// What a card on the board shows about grouping and linking, and its card actions for them:
// "Groep: <title>", "Lost op: <pain point>" (with a button to remove the link), and the tools
// "Groeperen met…", "Uit de groep" and "Koppelen aan knelpunt…".

import type { Board, Card } from '../../model/board';
import { t } from '../../i18n/i18n';
import type { CardView } from '../CardView';
import { shortText } from '../CardView';
import { h } from '../dom';
import { isIdea } from './items';

export interface CardDecoration {
  groupId: string | null;
  groupTitle: string | null;
  linkedId: string | null;
  linkedText: string | null;
  /** Idea cards get the link action; any card may be grouped (SPEC-3 group.add). */
  idea: boolean;
}

export function decorationOf(board: Board, card: Card): CardDecoration {
  const group = card.groupId ? board.groups.get(card.groupId) : undefined;
  const linked = card.linkedTo ? board.cards.get(card.linkedTo) : undefined;
  return {
    groupId: group ? group.id : null,
    groupTitle: group ? group.title : null,
    linkedId: linked ? linked.id : null,
    linkedText: linked ? linked.text : null,
    idea: isIdea(board, card),
  };
}

export interface DecoratorActions {
  chooseGroup(cardId: string): void;
  ungroup(cardId: string): void;
  chooseLink(cardId: string): void;
  unlink(cardId: string): void;
}

/** Owns a cache key per card view, so unchanged cards cost no DOM writes. */
export class CardDecorator {
  private readonly keys = new WeakMap<CardView, string>();

  constructor(private readonly actions: DecoratorActions) {}

  decorate(board: Board, view: CardView, card: Card): void {
    const d = decorationOf(board, card);
    // CardView.update rewrites the class list when the card changes: set ours every time.
    view.el.classList.toggle('card--grouped', d.groupId !== null);
    const key = JSON.stringify([document.documentElement.lang, card.text, d]);
    if (this.keys.get(view) === key) return;
    this.keys.set(view, key);
    const label = shortText(card.text);
    const badges: HTMLElement[] = [];
    if (d.groupTitle !== null) {
      badges.push(h('p', { class: 'card__badge card__badge--group', 'data-group-id': d.groupId }, t('grouping.badge', { title: d.groupTitle })));
    }
    if (d.linkedText !== null) {
      const remove = h('button', { type: 'button', class: 'card__badge-remove', 'aria-label': t('link.removeLabel', { text: label }) }, '×');
      remove.addEventListener('click', () => this.actions.unlink(card.id));
      badges.push(h('p', { class: 'card__badge card__badge--link' }, h('span', null, t('link.badge', { text: shortText(d.linkedText) })), remove));
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
    view.extraTools.replaceChildren(...tools);
  }
}
