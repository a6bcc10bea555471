// The keyed reconcile of one cell's cards, shared by the table (BoardGrid) and the list view
// (ListView): each card keeps its element across renders, and only elements out of place are
// moved, so focus, an open editor and the scroll position survive others' changes.

import type { Card } from '../model/board';
import type { GridContext } from './BoardGrid';
import type { CardContext } from './CardView';
import type { Decoratable } from './voting/CardDecorator';

/** A card's view as the reconcile needs it (CardView, ListCard). */
export interface CardElementView extends Decoratable {
  update(card: Card, ctx: CardContext): void;
}

/**
 * Puts the views of `cards` (in display order) into `list`, making missing ones with `make`,
 * updating and decorating each, and calling `placed` after each (for what only one view
 * needs). Adds every card id to `seen`; removing views of cards not seen is the caller's part,
 * as each view treats lost focus its own way.
 */
export function reconcileCards<V extends CardElementView>(
  list: HTMLElement,
  cards: readonly Card[],
  views: Map<string, V>,
  make: (card: Card) => V,
  ctx: GridContext,
  seen: Set<string>,
  placed?: (view: V, card: Card) => void,
): void {
  let prev: Element | null = null;
  let prevGroup: string | null = null;
  cards.forEach((card, i) => {
    seen.add(card.id);
    let view = views.get(card.id);
    if (!view) {
      view = make(card);
      views.set(card.id, view);
    }
    view.update(card, {
      authorName: card.authorId !== undefined ? (ctx.names.get(card.authorId) ?? null) : null,
      editors: ctx.editors.get(card.id) ?? [],
      index: i + 1,
      count: cards.length,
    });
    ctx.decorate?.(view, card);
    // Cards of one group that sit together in the cell make one pile under the group's title.
    view.el.classList.toggle('card--stacked', card.groupId !== null && card.groupId === prevGroup);
    prevGroup = card.groupId;
    let expected: Element | null = prev ? prev.nextElementSibling : list.firstElementChild;
    // A pile's head (GroupHeads) stays where it is: it is placed after the cards.
    while (expected?.classList.contains('group-head')) expected = expected.nextElementSibling;
    if (expected !== view.el) list.insertBefore(view.el, expected);
    placed?.(view, card);
    prev = view.el;
  });
}
