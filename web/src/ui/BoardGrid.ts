// The board of one journey as a table: phases as columns, lanes as rows, cards in the cells.

import { cardsByCell, cellKey, lanesOf, phasesOf, type Board, type Card, type Lane, type Phase } from '../model/board';
import type { MoveDirection } from '../model/moves';
import { MAX_CARD_TEXT } from '../protocol/types';
import { t, type MessageKey } from '../i18n/i18n';
import { CardView, type CardActions } from './CardView';
import type { Decoratable } from './voting/CardDecorator';
import { h, uid } from './dom';
import { reconcileCards } from './reconcileCards';
import { editHint } from './editHint';
import { LinkLines } from './LinkLines';
import type { GroupFolds } from './GroupFolds';
import { GroupHeads } from './GroupHeads';

export interface GridActions extends CardActions {
  addCard(phaseId: string, laneId: string, text: string): string | null;
  moveCard(cardId: string, phaseId: string, laneId: string, index: number): void;
  keyboardMove(cardId: string, direction: MoveDirection): void;
}

export interface GridContext {
  names: ReadonlyMap<string, string>;
  /** Card id → names of others editing it. */
  editors: ReadonlyMap<string, string[]>;
  /** Adds what the card shows beyond its own data (group, link: ui/voting/CardDecorator). */
  decorate?: (view: Decoratable, card: Card) => void;
  /**
   * Fills a phase's own element (ui/method: its largest-gap mark; with `controls`, the
   * viewer's expectation and experience pickers, which the table keeps out of its header so
   * the table stays one Tab stop).
   */
  decoratePhase?: (container: HTMLElement, phase: Phase, controls: boolean) => void;
  /**
   * A drawing across a lane's cells (ui/method: the emotion curve in the Emotie lane), or null.
   * The same element while nothing changed, so it is not redrawn on every render.
   */
  laneDrawing?: (lane: Lane, phases: readonly Phase[]) => Element | null;
  /** A mark at the top of a cell (ui/method: the largest gaps in the Verwachting and Ervaring lanes), or null. */
  cellMark?: (phase: Phase, lane: Lane) => string | null;
}

interface Cell {
  phase: Phase;
  lane: Lane;
  td: HTMLTableCellElement;
  list: HTMLUListElement;
  addButton: HTMLButtonElement;
  draft: HTMLLIElement | null;
}

/**
 * Owns the table of one journey and the CardViews in it. Re-rendering keeps every card element
 * alive and only moves the ones whose place changed, so focus, an open editor and the scroll
 * position survive others' changes (focus is never taken by a remote change).
 */
export class BoardGrid {
  readonly el: HTMLDivElement;
  private table: HTMLTableElement | null = null;
  private structureKey = '';
  private cells = new Map<string, Cell>();
  private views = new Map<string, CardView>();
  /** Each phase header's method element (ctx.decoratePhase: its largest-gap mark). */
  private phaseSlots = new Map<string, HTMLElement>();
  private journeyId = '';
  /**
   * Roving tabindex: the one card or add button of the table that is in the tab order, so the
   * whole table is one Tab stop (plus the tools of that card); arrow keys move between them.
   */
  private current: HTMLElement | null = null;
  /** Read-only here (a locked board for a participant): the add buttons are hidden. */
  private readOnly = false;
  /** The idea → pain point links drawn over the table. */
  private readonly lines: LinkLines;
  /** The heads of the group piles, which fold a group on this viewer's board. */
  private readonly heads: GroupHeads | null;

  constructor(
    private readonly actions: GridActions,
    folds?: GroupFolds,
  ) {
    this.heads = folds ? new GroupHeads(folds) : null;
    // Keyboard users scroll the table by moving between cards; the region is named for them.
    this.el = h('div', { class: 'board-scroll', id: 'board-grid' });
    this.lines = new LinkLines(this.el);
    this.el.addEventListener('keydown', (ev) => this.onKeyDown(ev));
    this.el.addEventListener('focusin', (ev) => {
      const item = (ev.target as Element).closest<HTMLElement>(ITEMS);
      if (item && this.el.contains(item)) this.setCurrent(item);
    });
  }

  /** The table (null before the first render): what the zoom scales. */
  get tableEl(): HTMLTableElement | null {
    return this.table;
  }

  get cardViews(): ReadonlyMap<string, CardView> {
    return this.views;
  }

  cellAt(phaseId: string, laneId: string): Cell | undefined {
    return this.cells.get(cellKey(phaseId, laneId));
  }

  render(board: Board, journeyId: string, ctx: GridContext): void {
    const journey = board.journeys.get(journeyId);
    if (!journey) return;
    const phases = phasesOf(board, journeyId);
    const lanes = lanesOf(board, journeyId);
    const key = JSON.stringify([
      journeyId,
      journey.title,
      journey.targetGroup,
      phases.map((p) => [p.id, p.title]),
      lanes.map((l) => [l.id, l.title, l.kind, l.question]),
    ]);
    if (key !== this.structureKey || !this.table) {
      this.structureKey = key;
      this.journeyId = journeyId;
      this.buildTable(board, phases, lanes);
    }
    this.placeCards(board, ctx);
    this.decoratePhases(board, ctx);
    this.drawLanes(phases, lanes, ctx);
    this.lines.update(board, journeyId, this.table);
    this.keepTabStop();
    this.keepScrollReachable(board);
  }

  /** Called after each render with whether the board is read-only for this viewer. */
  setReadOnly(readOnly: boolean, board: Board): void {
    this.readOnly = readOnly;
    this.keepTabStop();
    this.keepScrollReachable(board);
  }

  /** Rebuilds labels after a language switch. */
  relabel(board: Board, ctx: GridContext): void {
    this.structureKey = '';
    for (const v of this.views.values()) v.relabel();
    this.render(board, this.journeyId, ctx);
  }

  private buildTable(board: Board, phases: Phase[], lanes: Lane[]): void {
    const journey = board.journeys.get(this.journeyId)!;
    const oldCells = this.cells;
    this.cells = new Map();
    // Kept across rebuilds (a phase's mark is made once per element).
    const oldSlots = this.phaseSlots;
    this.phaseSlots = new Map(phases.map((p) => [p.id, oldSlots.get(p.id) ?? h('div', { class: 'phase-header__method', 'data-phase-id': p.id })]));
    const caption = h(
      'caption',
      { class: 'sr-only' },
      t('board.caption', { title: journey.title, group: t(`group.${journey.targetGroup}` as MessageKey) }),
    );
    const head = h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('td', { class: 'board-corner' }, h('span', { class: 'sr-only' }, t('board.corner'))),
        ...phases.map((p, i) =>
          h(
            'th',
            { scope: 'col', class: 'phase-header', 'data-phase-id': p.id },
            h('span', { class: 'phase-header__step', 'aria-hidden': 'true' }, String(i + 1)),
            h('span', { class: 'phase-header__title' }, p.title),
            this.phaseSlots.get(p.id),
          ),
        ),
      ),
    );
    const body = h('tbody');
    for (const lane of lanes) {
      const row = h(
        'tr',
        { class: `lane lane--${lane.kind}`, 'data-lane-id': lane.id },
        h(
          'th',
          { scope: 'row', class: 'lane-header' },
          h('span', { class: 'lane-header__title' }, lane.title),
          kindLabel(lane),
          lane.question ? h('span', { class: 'lane-header__question' }, lane.question) : null,
        ),
      );
      for (const phase of phases) row.append(this.buildCell(phase, lane, oldCells));
      body.append(row);
    }
    const table = h('table', { class: 'board-table' }, caption, head, body);
    // Through the CSSOM: the content security policy refuses style attributes.
    table.style.setProperty('--phases', String(phases.length));
    // Keep focus if it was inside the old table (a remote rename rebuilt it).
    const active = document.activeElement;
    const hadFocus = this.table?.contains(active) ?? false;
    if (this.table) this.table.replaceWith(table);
    else this.el.append(table);
    this.table = table;
    if (hadFocus && active instanceof HTMLElement && active !== document.activeElement) {
      // Its card view is re-placed by placeCards; focus follows there.
      queueMicrotask(() => {
        if (active.isConnected) active.focus({ preventScroll: true });
      });
    }
  }

  private buildCell(phase: Phase, lane: Lane, oldCells: Map<string, Cell>): HTMLTableCellElement {
    const key = cellKey(phase.id, lane.id);
    const list = h('ul', { class: 'cell__cards', role: 'list' });
    const addButton = h(
      'button',
      {
        type: 'button',
        class: 'cell__add',
        'aria-label': t('card.addIn', { phase: phase.title, lane: lane.title }),
      },
      h('span', { 'aria-hidden': 'true' }, '+ '),
      t('card.add'),
    );
    const td = h('td', { class: 'cell', 'data-phase-id': phase.id, 'data-lane-id': lane.id }, list, addButton);
    const cell: Cell = { phase, lane, td, list, addButton, draft: null };
    addButton.addEventListener('click', () => this.openDraft(cell));
    const old = oldCells.get(key);
    if (old?.draft) {
      cell.draft = old.draft;
      // After a language switch the open field speaks the new language too.
      old.draft.querySelector('textarea')?.setAttribute('aria-label', t('card.newTextLabel', { phase: phase.title, lane: lane.title }));
      const hint = old.draft.querySelector('.card__hint');
      if (hint) hint.textContent = editHint('card');
      list.append(old.draft);
    }
    this.cells.set(key, cell);
    return td;
  }

  private placeCards(board: Board, ctx: GridContext): void {
    const byCell = cardsByCell(board, this.journeyId);
    const active = document.activeElement;
    const editing = [...this.views.values()].find((v) => v.isEditing);
    const selection = editing?.editorElement
      ? [editing.editorElement.selectionStart, editing.editorElement.selectionEnd]
      : null;
    const seen = new Set<string>();
    this.heads?.begin(board);
    for (const [key, cell] of this.cells) {
      const cards = byCell.get(key) ?? [];
      reconcileCards(cell.list, cards, this.views, (card) => new CardView(card, this.actions), ctx, seen, (view) => {
        view.setPlace(cell.phase.title, cell.lane.title);
        // Controls a decoration added follow the card's place in the roving tab order.
        if (view.extraTools.childElementCount > 0 || !view.badges.hidden || view.el.querySelector('.card__method')) view.setTabStop(view.el === this.current);
      });
      this.heads?.place(board, key, cell.list, cards, (id) => this.views.get(id)?.el);
      if (cell.draft && cell.draft.nextElementSibling) cell.list.append(cell.draft);
    }
    this.heads?.end();
    let lostFocusCell: Cell | null = null;
    for (const [id, view] of this.views) {
      if (seen.has(id)) continue;
      if (view.el.contains(active)) {
        const cellEl = view.el.closest('td');
        lostFocusCell = [...this.cells.values()].find((c) => c.td === cellEl) ?? null;
      }
      view.el.remove();
      this.views.delete(id);
    }
    // A card that went into a group this viewer folded: focus stays on the pile, at its head.
    const hiddenCard = active instanceof HTMLElement ? active.closest<HTMLElement>('li.card[hidden]') : null;
    if (hiddenCard) {
      let head = hiddenCard.previousElementSibling;
      while (head && !head.classList.contains('group-head')) head = head.previousElementSibling;
      head?.querySelector<HTMLElement>('.group-head__toggle')?.focus({ preventScroll: true });
      return;
    }
    // Moving an element in the DOM drops its focus; give it back (this is our own focus, never
    // a new one), with the caret where it was.
    if (active instanceof HTMLElement && active !== document.activeElement) {
      if (active.isConnected) {
        active.focus({ preventScroll: true });
        if (selection && active instanceof HTMLTextAreaElement) {
          active.setSelectionRange(selection[0] ?? 0, selection[1] ?? 0);
        }
      } else if (lostFocusCell) {
        lostFocusCell.addButton.focus({ preventScroll: true });
      }
    }
  }

  /** Each lane's drawing, in a box that spans the row from its first cell (CSS: .lane-drawing). */
  private drawLanes(phases: readonly Phase[], lanes: readonly Lane[], ctx: GridContext): void {
    for (const lane of lanes) {
      const first = phases[0] ? this.cells.get(cellKey(phases[0].id, lane.id)) : undefined;
      if (!first) continue;
      const drawing = ctx.laneDrawing?.(lane, phases) ?? null;
      let host = first.td.querySelector<HTMLElement>(':scope > .lane-drawing');
      if (!drawing) {
        host?.remove();
        first.td.parentElement?.querySelector('.lane-header__legend')?.remove();
        first.td.parentElement?.classList.remove('lane--drawn');
        continue;
      }
      if (!host) {
        host = h('div', { class: 'lane-drawing' });
        first.td.prepend(host);
      }
      first.td.parentElement?.classList.add('lane--drawn');
      if (host.firstElementChild !== drawing) host.replaceChildren(drawing);
      const header = first.td.parentElement?.querySelector('th.lane-header');
      if (header && !header.querySelector('.lane-header__legend')) {
        header.append(h('span', { class: 'lane-header__legend', 'aria-hidden': 'true' }, t('method.curve.laneLegend')));
      }
    }
    for (const cell of this.cells.values()) {
      const mark = ctx.cellMark?.(cell.phase, cell.lane) ?? null;
      let el = cell.td.querySelector<HTMLElement>(':scope > .cell__mark');
      cell.td.classList.toggle('cell--marked', mark !== null);
      if (mark === null) {
        el?.remove();
        continue;
      }
      if (!el) {
        el = h('p', { class: 'cell__mark' });
        cell.td.insertBefore(el, cell.list);
      }
      if (el.textContent !== mark) el.textContent = mark;
    }
  }

  private decoratePhases(board: Board, ctx: GridContext): void {
    if (!ctx.decoratePhase) return;
    for (const [id, el] of this.phaseSlots) {
      const phase = board.phases.get(id);
      if (phase) ctx.decoratePhase(el, phase, false);
    }
  }

  /** Opens an empty note at the end of a cell; the card is made when its text is saved. */
  openDraft(cell: Cell): void {
    if (cell.draft) {
      cell.draft.querySelector('textarea')?.focus();
      return;
    }
    const hintId = uid('draft-hint');
    const editor = h('textarea', {
      class: 'card__editor',
      'aria-label': t('card.newTextLabel', { phase: cell.phase.title, lane: cell.lane.title }),
      'aria-describedby': hintId,
      maxlength: MAX_CARD_TEXT,
      rows: 3,
    });
    const draft = h(
      'li',
      { class: `card card--draft card--${defaultColor(cell.lane.kind)}` },
      editor,
      h('p', { class: 'card__hint', id: hintId }, editHint('card')),
    );
    cell.draft = draft;
    cell.list.append(draft);
    let done = false;
    const finish = (save: boolean, refocus: boolean) => {
      if (done) return;
      done = true;
      const text = editor.value;
      draft.remove();
      const current = this.cells.get(cellKey(cell.phase.id, cell.lane.id));
      if (current) current.draft = null;
      cell.draft = null;
      let newId: string | null = null;
      if (save && text.trim() !== '') newId = this.actions.addCard(cell.phase.id, cell.lane.id, text);
      if (!refocus) return;
      const view = newId ? this.views.get(newId) : undefined;
      if (view) view.focus();
      else (current ?? cell).addButton.focus();
    };
    editor.addEventListener('keydown', (ev) => {
      if (ev.key === 'Escape') {
        ev.preventDefault();
        ev.stopPropagation();
        finish(false, true);
      } else if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
        ev.preventDefault();
        finish(true, true);
      }
    });
    editor.addEventListener('blur', () => {
      queueMicrotask(() => {
        if (!done && document.activeElement !== editor && editor.isConnected) finish(true, false);
      });
    });
    editor.focus();
  }

  /** Makes `item` the table's one Tab stop. */
  private setCurrent(item: HTMLElement): void {
    if (this.current === item) return;
    const old = this.current;
    this.current = item;
    if (old) this.setTabStop(old, false);
    this.setTabStop(item, true);
  }

  private setTabStop(item: HTMLElement, on: boolean): void {
    const id = item.dataset.cardId;
    const view = id ? this.views.get(id) : undefined;
    if (view) view.setTabStop(on);
    else item.tabIndex = on ? 0 : -1;
  }

  /**
   * After a render: the Tab stop still exists, or moves to the first card or add button (on a
   * read-only board the first card: its add buttons are hidden).
   */
  private keepTabStop(): void {
    const table = this.table;
    if (!table) return;
    for (const cell of this.cells.values()) if (cell.addButton !== this.current) cell.addButton.tabIndex = -1;
    for (const toggle of table.querySelectorAll<HTMLElement>('.group-head__toggle')) if (toggle !== this.current) toggle.tabIndex = -1;
    const hidden = (this.readOnly && this.current?.classList.contains('cell__add')) || !!this.current?.closest('li.card[hidden]');
    if (this.current && table.contains(this.current) && !hidden) {
      this.setTabStop(this.current, true);
      return;
    }
    if (this.current) this.setTabStop(this.current, false);
    this.current = null;
    const first = table.querySelector<HTMLElement>(this.readOnly ? SHOWN_CARDS : `${SHOWN_CARDS}, .cell__add`);
    if (first) this.setCurrent(first);
  }

  /**
   * The board scrolls, so the keyboard must reach it (WCAG 2.1.1): its Tab stop is a card or an
   * add button inside. A read-only board without cards has neither, so the scrolling region
   * itself becomes the Tab stop, named after the journey.
   */
  private keepScrollReachable(board: Board): void {
    const journey = board.journeys.get(this.journeyId);
    if (this.readOnly && this.views.size === 0 && journey) {
      this.el.tabIndex = 0;
      this.el.setAttribute('role', 'region');
      this.el.setAttribute('aria-label', t('board.region', { title: journey.title }));
    } else {
      this.el.removeAttribute('tabindex');
      this.el.removeAttribute('role');
      this.el.removeAttribute('aria-label');
    }
  }

  /**
   * The shown cards, the heads of group piles and the add button of a cell, top to bottom (no
   * add button when read-only).
   */
  private itemsOf(cell: Cell): HTMLElement[] {
    const cards = [...cell.list.querySelectorAll<HTMLElement>(':scope > .card[data-card-id]:not([hidden]), :scope > .group-head > .group-head__toggle')];
    return this.readOnly ? cards : [...cards, cell.addButton];
  }

  /** Arrow keys between cards and add buttons: ↑/↓ within a phase, ←/→ to the next phase. */
  private arrowTarget(item: HTMLElement, key: string): HTMLElement | null {
    const td = item.closest('td');
    const cell = [...this.cells.values()].find((c) => c.td === td);
    if (!cell) return null;
    const items = this.itemsOf(cell);
    const at = items.indexOf(item);
    const phases = [...new Set([...this.cells.values()].map((c) => c.phase.id))];
    const lanes = [...new Set([...this.cells.values()].map((c) => c.lane.id))];
    const cellOf = (phaseIdx: number, laneIdx: number) =>
      phases[phaseIdx] && lanes[laneIdx] ? this.cells.get(cellKey(phases[phaseIdx]!, lanes[laneIdx]!)) : undefined;
    const p = phases.indexOf(cell.phase.id);
    const l = lanes.indexOf(cell.lane.id);
    // The nearest cell that way with something to focus (every cell has, but for the add
    // buttons a read-only board hides).
    const nearest = (dp: number, dl: number): HTMLElement[] | null => {
      for (let step = 1; ; step += 1) {
        const next = cellOf(p + dp * step, l + dl * step);
        if (!next) return null;
        const found = this.itemsOf(next);
        if (found.length > 0) return found;
      }
    };
    switch (key) {
      case 'ArrowUp': {
        if (at > 0) return items[at - 1]!;
        return nearest(0, -1)?.at(-1) ?? null;
      }
      case 'ArrowDown': {
        if (at < items.length - 1) return items[at + 1]!;
        return nearest(0, 1)?.[0] ?? null;
      }
      case 'ArrowLeft':
      case 'ArrowRight': {
        const side = nearest(key === 'ArrowLeft' ? -1 : 1, 0);
        return side ? side[Math.min(at, side.length - 1)]! : null;
      }
      default:
        return null;
    }
  }

  private onKeyDown(ev: KeyboardEvent): void {
    const target = ev.target as HTMLElement;
    const isItem = target instanceof Element && target.matches(ITEMS);
    if (isItem && !ev.altKey && !ev.ctrlKey && !ev.metaKey && !ev.shiftKey) {
      const next = this.arrowTarget(target, ev.key);
      if (next) {
        ev.preventDefault();
        this.setCurrent(next);
        next.focus();
        next.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        return;
      }
      if (ev.key.startsWith('Arrow')) {
        ev.preventDefault(); // at the edge of the table: stay
        return;
      }
      if (ev.key === 'n' || ev.key === 'N') {
        const td = target.closest('td');
        const cell = [...this.cells.values()].find((c) => c.td === td);
        if (cell) {
          ev.preventDefault();
          this.openDraft(cell);
        }
        return;
      }
    }
    if (!target.classList?.contains('card') || !target.dataset.cardId) return;
    const id = target.dataset.cardId;
    const view = this.views.get(id);
    if (!view || view.isEditing) return;
    if (ev.altKey && !ev.ctrlKey && !ev.metaKey) {
      let direction: MoveDirection | null = null;
      if (ev.key === 'ArrowLeft' && !ev.shiftKey) direction = 'phasePrev';
      else if (ev.key === 'ArrowRight' && !ev.shiftKey) direction = 'phaseNext';
      else if (ev.key === 'ArrowUp') direction = ev.shiftKey ? 'up' : 'lanePrev';
      else if (ev.key === 'ArrowDown') direction = ev.shiftKey ? 'down' : 'laneNext';
      if (direction) {
        ev.preventDefault();
        this.actions.keyboardMove(id, direction);
      }
      return;
    }
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.key === 'Enter' || ev.key === 'F2') {
      ev.preventDefault();
      view.startEditing();
    } else if (ev.key === 'Delete' || ev.key === 'Backspace') {
      ev.preventDefault();
      this.actions.remove(id);
    }
  }
}

/** What the table's one Tab stop and its arrow keys move between. */
const ITEMS = '.card[data-card-id], .cell__add, .group-head__toggle';
/** The cards that show (a folded group's do not) and the heads of group piles. */
const SHOWN_CARDS = '.card[data-card-id]:not([hidden]), .group-head__toggle';

/** A sensible first colour per lane, so a new board reads well without choosing. */
export function defaultColor(kind: Lane['kind']) {
  switch (kind) {
    case 'touchpoint':
      return 'blue' as const;
    case 'expectation':
      return 'purple' as const;
    case 'experience':
      return 'yellow' as const;
    case 'emotion':
      return 'orange' as const;
    case 'pain_point':
      return 'pink' as const;
    case 'idea':
      return 'green' as const;
    default:
      return 'grey' as const;
  }
}

/** The lane's kind as text, unless the title already says exactly that. */
function kindLabel(lane: Lane): HTMLSpanElement | null {
  const label = t(`kind.${lane.kind}` as MessageKey);
  if (label.trim().toLowerCase() === lane.title.trim().toLowerCase()) return null;
  return h('span', { class: 'lane-header__kind' }, label);
}
