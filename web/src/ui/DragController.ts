// Dragging cards with pointer events (mouse anywhere on a card, touch and pen on its grip), so
// it works the same with a mouse, a touch screen and in automated tests.

import { h } from './dom';

export interface DropTarget {
  phaseId: string;
  laneId: string;
  /** Position in the cell, counted without the dragged card. */
  index: number;
}

const THRESHOLD_PX = 6;
const EDGE_PX = 48;

interface Pending {
  pointerId: number;
  card: HTMLElement;
  startX: number;
  startY: number;
}

interface Active extends Pending {
  ghost: HTMLElement;
  offsetX: number;
  offsetY: number;
  target: DropTarget | null;
  /** The card under the pointer's middle band, when dropping there groups the two. */
  groupWith: HTMLElement | null;
}

/** Grouping by drag (ui/voting): may `cardId` be dropped onto `ontoId` to group them? */
export interface GroupDrop {
  canGroup(cardId: string, ontoId: string): boolean;
  group(cardId: string, ontoId: string): void;
}

/** The middle band of a card (as a fraction of its height) where a drop means "group". */
const GROUP_BAND = [0.3, 0.7] as const;

/**
 * Owns one drag at a time over the board: the floating copy of the card, the drop marker, and
 * the decision where the card lands. It reports a drop; the board turns it into an operation.
 */
export class DragController {
  private pending: Pending | null = null;
  private active: Active | null = null;
  private readonly marker: HTMLLIElement;

  constructor(
    private readonly root: HTMLElement,
    private readonly onDrop: (cardId: string, target: DropTarget) => void,
    private readonly groupDrop?: GroupDrop,
  ) {
    this.marker = h('li', { class: 'drop-marker', 'aria-hidden': 'true' });
    root.addEventListener('pointerdown', this.onPointerDown);
  }

  dispose(): void {
    this.cancel();
    this.root.removeEventListener('pointerdown', this.onPointerDown);
  }

  private readonly onPointerDown = (ev: PointerEvent): void => {
    if (ev.button !== 0 || this.pending || this.active) return;
    const target = ev.target as Element;
    const card = target.closest<HTMLElement>('.card[data-card-id]');
    if (!card || !this.root.contains(card)) return;
    if (target.closest('button, select, textarea, input, a') || card.querySelector('textarea')) return;
    if (ev.pointerType !== 'mouse' && !target.closest('.card__grip')) return;
    this.pending = { pointerId: ev.pointerId, card, startX: ev.clientX, startY: ev.clientY };
    window.addEventListener('pointermove', this.onPointerMove);
    window.addEventListener('pointerup', this.onPointerUp);
    window.addEventListener('pointercancel', this.onPointerCancel);
    window.addEventListener('keydown', this.onKeyDown, true);
  };

  private readonly onPointerMove = (ev: PointerEvent): void => {
    if (!this.pending || ev.pointerId !== this.pending.pointerId) return;
    if (!this.active) {
      if (Math.hypot(ev.clientX - this.pending.startX, ev.clientY - this.pending.startY) < THRESHOLD_PX) return;
      this.begin(ev);
    }
    ev.preventDefault();
    this.follow(ev.clientX, ev.clientY);
  };

  private readonly onPointerUp = (ev: PointerEvent): void => {
    if (!this.pending || ev.pointerId !== this.pending.pointerId) return;
    const active = this.active;
    const cardId = this.pending.card.dataset.cardId!;
    this.cleanUp();
    if (!active) return; // a plain click
    // The click that follows a drag is not meant for whatever lies under the pointer.
    window.addEventListener('click', swallow, { capture: true, once: true });
    window.setTimeout(() => window.removeEventListener('click', swallow, { capture: true }), 0);
    active.card.focus({ preventScroll: true });
    if (active.groupWith) this.groupDrop?.group(cardId, active.groupWith.dataset.cardId!);
    else if (active.target) this.onDrop(cardId, active.target);
  };

  private readonly onPointerCancel = (): void => this.cancel();

  private readonly onKeyDown = (ev: KeyboardEvent): void => {
    if (ev.key === 'Escape' && this.active) {
      ev.preventDefault();
      ev.stopPropagation();
      this.cancel();
    }
  };

  private cancel(): void {
    this.cleanUp();
  }

  private begin(ev: PointerEvent): void {
    const card = this.pending!.card;
    const rect = card.getBoundingClientRect();
    const ghost = card.cloneNode(true) as HTMLElement;
    ghost.removeAttribute('tabindex');
    ghost.removeAttribute('data-card-id');
    ghost.removeAttribute('aria-describedby');
    ghost.querySelectorAll('[id]').forEach((n) => n.removeAttribute('id'));
    ghost.setAttribute('aria-hidden', 'true');
    ghost.classList.add('card--ghost');
    ghost.style.width = `${rect.width}px`;
    ghost.style.left = '0px';
    ghost.style.top = '0px';
    document.body.append(ghost);
    card.classList.add('card--dragging');
    document.body.classList.add('is-dragging');
    this.active = {
      ...this.pending!,
      ghost,
      offsetX: ev.clientX - rect.left,
      offsetY: ev.clientY - rect.top,
      target: null,
      groupWith: null,
    };
  }

  private follow(x: number, y: number): void {
    const a = this.active!;
    a.ghost.style.transform = `translate(${x - a.offsetX}px, ${y - a.offsetY}px) rotate(1.5deg)`;
    this.autoScroll(x, y);
    const under = document.elementFromPoint(x, y);
    if (this.followGroup(under, y)) return;
    const td = under?.closest<HTMLTableCellElement>('td.cell');
    if (!td || !this.root.contains(td)) {
      a.target = null;
      this.marker.remove();
      return;
    }
    const list = td.querySelector('.cell__cards')!;
    const cards = [...list.children].filter(
      (c): c is HTMLElement => c instanceof HTMLElement && c.matches('.card[data-card-id]') && c !== a.card,
    );
    let index = cards.findIndex((c) => {
      const r = c.getBoundingClientRect();
      return y < r.top + r.height / 2;
    });
    if (index < 0) index = cards.length;
    a.target = { phaseId: td.dataset.phaseId!, laneId: td.dataset.laneId!, index };
    const before = cards[index] ?? null;
    if (this.marker.parentNode !== list || this.marker.nextElementSibling !== before) {
      list.insertBefore(this.marker, before ?? list.querySelector('.card--draft'));
    }
  }

  /** Over the middle of a card it may be grouped with: mark that card, and no move target. */
  private followGroup(under: Element | null, y: number): boolean {
    const a = this.active!;
    const over = under?.closest<HTMLElement>('.card[data-card-id]') ?? null;
    let onto: HTMLElement | null = null;
    if (over && over !== a.card && this.root.contains(over) && this.groupDrop) {
      const r = over.getBoundingClientRect();
      const f = (y - r.top) / r.height;
      if (f >= GROUP_BAND[0] && f <= GROUP_BAND[1] && this.groupDrop.canGroup(a.card.dataset.cardId!, over.dataset.cardId!)) onto = over;
    }
    if (a.groupWith !== onto) {
      a.groupWith?.classList.remove('card--group-target');
      onto?.classList.add('card--group-target');
      a.groupWith = onto;
    }
    if (!onto) return false;
    a.target = null;
    this.marker.remove();
    return true;
  }

  private autoScroll(x: number, y: number): void {
    const r = this.root.getBoundingClientRect();
    if (x < r.left + EDGE_PX) this.root.scrollLeft -= 16;
    else if (x > r.right - EDGE_PX) this.root.scrollLeft += 16;
    if (y < EDGE_PX) window.scrollBy(0, -16);
    else if (y > window.innerHeight - EDGE_PX) window.scrollBy(0, 16);
  }

  private cleanUp(): void {
    if (this.active) {
      this.active.groupWith?.classList.remove('card--group-target');
      this.active.ghost.remove();
      this.active.card.classList.remove('card--dragging');
      document.body.classList.remove('is-dragging');
    }
    this.marker.remove();
    this.pending = null;
    this.active = null;
    window.removeEventListener('pointermove', this.onPointerMove);
    window.removeEventListener('pointerup', this.onPointerUp);
    window.removeEventListener('pointercancel', this.onPointerCancel);
    window.removeEventListener('keydown', this.onKeyDown, true);
  }
}

function swallow(ev: Event): void {
  ev.preventDefault();
  ev.stopPropagation();
}
