// Keeps a locked board read-only for participants: the edit controls are
// hidden (CSS on .is-readonly) and the keys and pointer gestures that start an edit, a move or a
// delete are stopped before the board sees them. The sync layer refuses the operations too
// (FacilitationController.refuses), so this is about not offering what cannot work.

import { isTyping } from '../dom';

const EDIT_KEYS = new Set(['Enter', 'Delete', 'Backspace', 'F2']);

/** Owns the capture listeners on the board's elements (the table and the list view). */
export class ReadOnlyGuard {
  private on = false;

  constructor(
    private readonly boards: readonly HTMLElement[],
    private readonly marked: HTMLElement,
  ) {
    for (const board of boards) {
      board.addEventListener('keydown', this.onKey, true);
      board.addEventListener('dblclick', this.stop, true);
      board.addEventListener('pointerdown', this.onPointer, true);
      board.addEventListener('dragstart', this.stop, true);
    }
  }

  set(readOnly: boolean): void {
    if (readOnly === this.on) return;
    this.on = readOnly;
    this.marked.classList.toggle('is-readonly', readOnly);
  }

  get active(): boolean {
    return this.on;
  }

  private readonly stop = (ev: Event): void => {
    if (!this.on) return;
    ev.stopPropagation();
    ev.preventDefault();
  };

  private readonly onKey = (ev: KeyboardEvent): void => {
    // An editor that was open when the lock came may still be closed with Esc.
    if (!this.on || isTyping(ev.target)) return;
    // Buttons still shown (a vote) work as buttons; only the card's own edit keys stop.
    if ((ev.target as Element).closest?.('button, a, summary, select')) return;
    if (EDIT_KEYS.has(ev.key) || (ev.altKey && ev.key.startsWith('Arrow')) || ((ev.ctrlKey || ev.metaKey) && ev.key.toLowerCase() === 'z')) {
      this.stop(ev);
    }
  };

  private readonly onPointer = (ev: PointerEvent): void => {
    if (!this.on) return;
    // Pointer presses start drags; clicks on links, on the vote buttons still shown, on the
    // score pickers (scores still count on a locked board), and plain reading stay possible.
    const target = ev.target as Element;
    if (target.closest?.('button')) return;
    if (target.closest?.('.card, .card__grip') && !target.closest('.list-view, .method-slot')) this.stop(ev);
  };

  dispose(): void {
    for (const board of this.boards) {
      board.removeEventListener('keydown', this.onKey, true);
      board.removeEventListener('dblclick', this.stop, true);
      board.removeEventListener('pointerdown', this.onPointer, true);
      board.removeEventListener('dragstart', this.stop, true);
    }
  }
}
