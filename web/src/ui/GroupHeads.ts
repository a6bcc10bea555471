// The head of each pile of grouped cards on the board: the group's title and how many cards it
// holds, on a button that folds the group shut (only the head stays, like a stack of notes
// under its label) or opens it again. The cards of one group that sit together in a cell make
// one pile (reconcileCards stacks them); a group spread over several cells has a pile, and a
// head, in each, and folding folds them all. Which groups are folded is this viewer's own
// choice (GroupFolds).

import type { Board, Card } from '../model/board';
import { t } from '../i18n/i18n';
import { h } from './dom';
import type { GroupFolds } from './GroupFolds';

const SVG_NS = 'http://www.w3.org/2000/svg';

interface Head {
  el: HTMLLIElement;
  button: HTMLButtonElement;
  label: HTMLSpanElement;
}

/** Owns the heads of the piles in a board's cells, each kept across renders. */
export class GroupHeads {
  /** By cell, group and the pile's place among that group's piles in the cell. */
  private heads = new Map<string, Head>();
  private placed = new Set<string>();
  private groupIds = new Set<string>();
  private sizes = new Map<string, number>();

  constructor(private readonly folds: GroupFolds) {}

  /** Before the cells of a render are placed: how many cards each group has. */
  begin(board: Board): void {
    this.placed = new Set();
    this.groupIds = new Set(board.groups.keys());
    this.sizes = new Map();
    for (const c of board.cards.values()) if (c.groupId !== null) this.sizes.set(c.groupId, (this.sizes.get(c.groupId) ?? 0) + 1);
  }

  /**
   * After a cell's cards are in place (in `cards` order): a head right before each run of one
   * group's cards, and the cards of folded groups hidden. `elOf` finds a card's element.
   */
  place(board: Board, cellKey: string, list: HTMLElement, cards: readonly Card[], elOf: (cardId: string) => HTMLElement | undefined): void {
    const runsSeen = new Map<string, number>();
    for (let i = 0; i < cards.length; ) {
      const card = cards[i]!;
      const groupId = card.groupId;
      let end = i + 1;
      while (groupId !== null && end < cards.length && cards[end]!.groupId === groupId) end += 1;
      const run = cards.slice(i, end);
      i = end;
      const group = groupId !== null ? board.groups.get(groupId) : undefined;
      if (!groupId || !group) {
        for (const c of run) setHidden(elOf(c.id), false);
        continue;
      }
      const nth = runsSeen.get(groupId) ?? 0;
      runsSeen.set(groupId, nth + 1);
      const key = JSON.stringify([cellKey, groupId, nth]);
      this.placed.add(key);
      let head = this.heads.get(key);
      if (!head) {
        head = this.makeHead(groupId);
        this.heads.set(key, head);
      }
      const folded = this.folds.isFolded(groupId);
      const total = this.sizes.get(groupId) ?? run.length;
      const text = total === run.length ? t('groups.summary', { title: group.title, count: total }) : t('groups.summaryHere', { title: group.title, here: run.length, count: total });
      if (head.label.textContent !== text) head.label.textContent = text;
      head.button.setAttribute('aria-expanded', String(!folded));
      head.el.classList.toggle('group-head--folded', folded);
      const first = elOf(run[0]!.id);
      if (first && head.el.nextElementSibling !== first) list.insertBefore(head.el, first);
      for (const c of run) setHidden(elOf(c.id), folded);
    }
  }

  /** After every cell is placed: removes the heads of piles that are gone. */
  end(): void {
    for (const [key, head] of this.heads) {
      if (this.placed.has(key)) continue;
      head.el.remove();
      this.heads.delete(key);
    }
  }

  private makeHead(groupId: string): Head {
    const label = h('span', { class: 'group-head__label' });
    const button = h('button', { type: 'button', class: 'group-head__toggle', tabindex: -1, 'data-group-id': groupId }, chevron(), label);
    button.addEventListener('click', () => this.folds.toggle(groupId, this.groupIds));
    const el = h('li', { class: 'group-head', 'data-group-id': groupId }, button);
    return { el, button, label };
  }
}

function setHidden(el: HTMLElement | undefined, hidden: boolean): void {
  if (el && el.hidden !== hidden) el.hidden = hidden;
}

/** A small arrow, drawn (not a glyph a projector laptop's fonts may lack); CSS turns it. */
function chevron(): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('class', 'group-head__chevron');
  svg.setAttribute('viewBox', '0 0 12 12');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', 'M2 4 L6 8 L10 4');
  svg.append(path);
  return svg;
}
