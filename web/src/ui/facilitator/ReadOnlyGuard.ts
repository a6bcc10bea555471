// Keeps a locked board (for participants) and the big screen read-only: the edit controls are
// hidden (CSS on .is-readonly) and the keys and pointer gestures that start an edit, a move or a
// delete are stopped before the board sees them. The sync layer refuses the operations too
// (FacilitationController.refuses), so this is about not offering what cannot work.

import { isTyping } from '../dom';

const EDIT_KEYS = new Set(['Enter', 'Delete', 'Backspace', 'F2']);

/** Owns the capture listeners on the board element. */
export class ReadOnlyGuard {
  private on = false;

  constructor(
    private readonly board: HTMLElement,
    private readonly marked: HTMLElement,
  ) {
    board.addEventListener('keydown', this.onKey, true);
    board.addEventListener('dblclick', this.stop, true);
    board.addEventListener('pointerdown', this.onPointer, true);
    board.addEventListener('dragstart', this.stop, true);
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
    if (EDIT_KEYS.has(ev.key) || (ev.altKey && ev.key.startsWith('Arrow')) || ((ev.ctrlKey || ev.metaKey) && ev.key.toLowerCase() === 'z')) {
      this.stop(ev);
    }
  };

  private readonly onPointer = (ev: PointerEvent): void => {
    if (!this.on) return;
    // Pointer presses start drags; clicks on links and plain reading stay possible.
    if ((ev.target as Element).closest?.('.card, .card__grip')) this.stop(ev);
  };

  dispose(): void {
    this.board.removeEventListener('keydown', this.onKey, true);
    this.board.removeEventListener('dblclick', this.stop, true);
    this.board.removeEventListener('pointerdown', this.onPointer, true);
    this.board.removeEventListener('dragstart', this.stop, true);
  }
}
