// The list view (outline) of the live board: journeys → phases → lanes → cards, as headings
// and lists, for phones and screen readers. It renders from the same SyncClient board as the
// table, so both show the same state; only one of the two is on screen at a time.

import { cardsByCell, cellKey, lanesOf, phasesOf, sortedJourneys, type Board, type Lane, type Phase } from '../../model/board';
import { t, type MessageKey } from '../../i18n/i18n';
import type { GridContext } from '../BoardGrid';
import { skipLinks } from '../chrome';
import { personaLine } from '../structure/journeyInfo';
import { h, uid } from '../dom';
import { ListCard, type ListCardActions } from './ListCard';
import { TextEditor } from './TextEditor';
import { reconcileCards } from '../reconcileCards';

export interface ListActions extends ListCardActions {
  addCard(journeyId: string, phaseId: string, laneId: string, text: string): string | null;
}

/** One lane of one phase: its heading, its cards, its add button and an open new-card form. */
interface LaneBlock {
  journeyId: string;
  phase: Phase;
  lane: Lane;
  list: HTMLUListElement;
  empty: HTMLParagraphElement;
  addButton: HTMLButtonElement;
  draft: TextEditor | null;
  el: HTMLDivElement;
}

/**
 * Owns the outline and the ListCards in it. Like the table it keeps every card element alive
 * across renders and only moves what moved, so focus and an open form survive others' changes;
 * when the focused card disappears (deleted by someone else), focus goes to its neighbour in
 * the same lane, or to that lane's add button, without scrolling.
 */
export class ListView {
  readonly el: HTMLDivElement;
  private structureKey = '';
  private blocks = new Map<string, LaneBlock>();
  private cards = new Map<string, ListCard>();
  /** Card id → lane block key, as last placed (to find a neighbour when it disappears). */
  private placedIn = new Map<string, string>();
  /** Each phase's method element (filled by ctx.decoratePhase). */
  private phaseSlots = new Map<string, HTMLElement>();

  constructor(private readonly actions: ListActions) {
    this.el = h('div', { class: 'list-view', id: 'board-list' });
  }

  get cardViews(): ReadonlyMap<string, ListCard> {
    return this.cards;
  }

  render(board: Board, ctx: GridContext): void {
    const journeys = sortedJourneys(board);
    const key = JSON.stringify(
      journeys.map((j) => [
        j.id,
        j.title,
        j.targetGroup,
        j.persona,
        phasesOf(board, j.id).map((p) => [p.id, p.title]),
        lanesOf(board, j.id).map((l) => [l.id, l.title, l.kind]),
      ]),
    );
    if (key !== this.structureKey) {
      this.structureKey = key;
      this.build(board);
    }
    this.place(board, ctx);
    for (const [id, el] of this.phaseSlots) {
      const phase = board.phases.get(id);
      if (phase && ctx.decoratePhase) ctx.decoratePhase(el, phase, true);
    }
  }

  /** Rebuilds every label after a language switch (at the next render while hidden). */
  relabel(board: Board, ctx: GridContext): void {
    this.structureKey = '';
    for (const c of this.cards.values()) c.relabel();
    if (!this.el.hidden) this.render(board, ctx);
  }

  /** Focus on a card (after the user's own move or add). */
  focusCard(cardId: string): void {
    const card = this.cards.get(cardId);
    if (!card) return;
    card.focus();
    card.el.scrollIntoView({ block: 'nearest' });
  }

  /** Focus on the add button of a lane (after the last card there was deleted). */
  focusAdd(phaseId: string, laneId: string): void {
    this.blocks.get(cellKey(phaseId, laneId))?.addButton.focus();
  }

  private build(board: Board): void {
    const active = document.activeElement;
    const old = this.blocks;
    this.blocks = new Map();
    const oldSlots = this.phaseSlots;
    this.phaseSlots = new Map();
    const sections: HTMLElement[] = [];
    for (const journey of sortedJourneys(board)) {
      const phases = phasesOf(board, journey.id);
      const lanes = lanesOf(board, journey.id);
      const jId = uid('list-journey');
      const parts: HTMLElement[] = [
        h('h2', { id: jId, class: 'list-journey__title' }, journey.title, h('span', { class: 'list-journey__group' }, ` · ${t(`group.${journey.targetGroup}` as MessageKey)}`)),
      ];
      const persona = personaLine(journey);
      if (persona) parts.push(persona);
      // Each phase heading is a target of the previous phase's skip link.
      const headings = phases.map((phase, i) =>
        h('h3', { class: 'list-phase__title', id: uid('list-phase'), tabindex: -1 }, t('list.phase', { index: i + 1, title: phase.title })),
      );
      phases.forEach((phase, i) => {
        const laneEls = lanes.map((lane) => this.buildLane(journey.id, phase, lane, old).el);
        const next = phases[i + 1];
        parts.push(
          h(
            'div',
            { class: 'list-phase', 'data-phase-id': phase.id },
            headings[i]!,
            // A keyboard user skips a phase's cards and add buttons with one Tab and Enter.
            next ? skipLinks([[headings[i + 1]!.id, t('list.skipTo', { index: i + 2, title: next.title })]], 'list-phase__skip')[0]! : null,
            this.phaseSlot(phase, oldSlots),
            ...laneEls,
          ),
        );
      });
      sections.push(h('div', { class: 'list-journey', 'data-journey-id': journey.id }, ...parts));
    }
    this.el.replaceChildren(...sections);
    // A remote rename rebuilt the headings: our focus (a card or a form) is put back by place().
    if (active instanceof HTMLElement && active !== document.activeElement && active.isConnected) {
      active.focus({ preventScroll: true });
    }
  }

  /** Kept across rebuilds, so a phase's picker keeps its focus when others rename things. */
  private phaseSlot(phase: Phase, old: Map<string, HTMLElement>): HTMLElement {
    const el = old.get(phase.id) ?? h('div', { class: 'list-phase__method', 'data-phase-id': phase.id });
    this.phaseSlots.set(phase.id, el);
    return el;
  }

  private buildLane(journeyId: string, phase: Phase, lane: Lane, old: Map<string, LaneBlock>): LaneBlock {
    const key = cellKey(phase.id, lane.id);
    const list = h('ul', { class: 'list-lane__cards', role: 'list' });
    const empty = h('p', { class: 'list-lane__empty' }, t('list.empty'));
    const addButton = h(
      'button',
      { type: 'button', class: 'button button--small list-lane__add', 'aria-label': t('card.addIn', { phase: phase.title, lane: lane.title }) },
      h('span', { 'aria-hidden': 'true' }, '+ '),
      t('card.add'),
    );
    const kind = t(`kind.${lane.kind}` as MessageKey);
    const heading = h(
      'h4',
      { class: 'list-lane__title' },
      lane.title,
      kind.trim().toLowerCase() === lane.title.trim().toLowerCase() ? null : h('span', { class: 'list-lane__kind' }, ` (${kind})`),
    );
    const el = h('div', { class: `list-lane list-lane--${lane.kind}`, 'data-lane-id': lane.id }, heading, list, empty, addButton);
    const block: LaneBlock = { journeyId, phase, lane, list, empty, addButton, draft: null, el };
    addButton.addEventListener('click', () => this.openDraft(block));
    const previous = old.get(key);
    if (previous?.draft) {
      block.draft = previous.draft;
      block.draft.relabel(t('card.newTextLabel', { phase: phase.title, lane: lane.title }));
      addButton.before(previous.draft.el);
    }
    this.blocks.set(key, block);
    return block;
  }

  private place(board: Board, ctx: GridContext): void {
    const active = document.activeElement;
    const selection = active instanceof HTMLTextAreaElement ? [active.selectionStart, active.selectionEnd] : null;
    const seen = new Set<string>();
    const lostFrom = new Map<string, { block: string; index: number }>();
    for (const [id, key] of this.placedIn) {
      const card = this.cards.get(id);
      if (card?.contains(active)) {
        const list = this.blocks.get(key)?.list;
        lostFrom.set(id, { block: key, index: list ? [...list.children].indexOf(card.el) : 0 });
      }
    }
    for (const journey of sortedJourneys(board)) {
      const byCell = cardsByCell(board, journey.id);
      for (const [key, block] of this.blocks) {
        if (block.journeyId !== journey.id) continue;
        const cards = byCell.get(key) ?? [];
        reconcileCards(block.list, cards, this.cards, (card) => new ListCard(card, this.actions), ctx, seen, (view, card) => {
          this.placedIn.set(card.id, key);
          view.keepTabStop(); // decorations may have added controls to its toolbar
        });
        block.list.hidden = cards.length === 0;
        block.empty.hidden = cards.length > 0;
      }
    }
    let fallback: HTMLElement | null = null;
    for (const [id, view] of this.cards) {
      if (seen.has(id)) continue;
      const lost = lostFrom.get(id);
      view.el.remove();
      this.cards.delete(id);
      this.placedIn.delete(id);
      if (lost) {
        // Someone else deleted the card we were on: its neighbour, or the lane's add button.
        const block = this.blocks.get(lost.block);
        if (block) {
          const items = [...block.list.children] as HTMLElement[];
          fallback = items[Math.min(lost.index, items.length - 1)] ?? block.addButton;
        }
      }
    }
    // Moving an element drops its focus: give it back (ours, never a new one), caret included.
    if (active instanceof HTMLElement && active !== document.activeElement) {
      if (active.isConnected) {
        active.focus({ preventScroll: true });
        if (selection && active instanceof HTMLTextAreaElement) active.setSelectionRange(selection[0] ?? 0, selection[1] ?? 0);
      } else if (fallback) {
        fallback.focus({ preventScroll: true });
      }
    }
  }

  private openDraft(block: LaneBlock): void {
    if (block.draft) {
      block.draft.focus();
      return;
    }
    const key = cellKey(block.phase.id, block.lane.id);
    const close = (text: string | null) => {
      const current = this.blocks.get(key) ?? block;
      current.draft?.el.remove();
      current.draft = null;
      block.draft = null;
      const id = text !== null && text.trim() !== '' ? this.actions.addCard(block.journeyId, block.phase.id, block.lane.id, text) : null;
      if (id && this.cards.has(id)) this.focusCard(id);
      else current.addButton.focus();
    };
    const draft = new TextEditor({
      label: t('card.newTextLabel', { phase: block.phase.title, lane: block.lane.title }),
      value: '',
      onSave: (text) => close(text),
      onCancel: () => close(null),
    });
    block.draft = draft;
    block.addButton.before(draft.el);
    draft.focus();
  }
}
