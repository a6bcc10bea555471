// Follow me, on a participant's screen: when the facilitator sets a focus, show that journey
// and scroll its phase into view, unless the participant opted out. It never moves keyboard
// focus, and waits while the participant is typing (or, for a journey switch that would take
// away the card they are on, while their focus is in the board).

import type { FocusDoc } from '../../protocol/types';
import { isTyping } from '../dom';

const OPT_OUT_KEY = 'jb.followOff';

export function followEnabled(): boolean {
  try {
    return localStorage.getItem(OPT_OUT_KEY) !== '1';
  } catch {
    return true;
  }
}

export function setFollowEnabled(on: boolean): void {
  try {
    if (on) localStorage.removeItem(OPT_OUT_KEY);
    else localStorage.setItem(OPT_OUT_KEY, '1');
  } catch {
    // Not remembered.
  }
}

export interface FollowHooks {
  /** The element holding the board (its phase headers carry data-phase-id). */
  boardEl(): HTMLElement;
  currentJourney(): string | null;
  showJourney(journeyId: string): void;
}

/** Owns the participant's following of the facilitator's focus. */
export class FollowMe {
  private applied = '';
  private waiting: FocusDoc | null = null;
  private readonly retry = () => this.tryApply();

  constructor(private readonly hooks: FollowHooks) {
    document.addEventListener('focusout', this.retry);
  }

  /** Called on every render with the current focus; `active` is false for non-followers. */
  update(focus: FocusDoc | null, active: boolean): void {
    const key = focus ? JSON.stringify(focus) : '';
    if (!active || !focus || !followEnabled()) {
      this.waiting = null;
      this.applied = key; // opting back in later waits for the next change… unless asked
      return;
    }
    if (key === this.applied) return;
    this.waiting = focus;
    this.tryApply();
  }

  /** The participant turned following back on: go where the facilitator is now. */
  resume(focus: FocusDoc | null): void {
    this.applied = '';
    if (focus) {
      this.waiting = focus;
      this.tryApply();
    }
  }

  private tryApply(): void {
    const focus = this.waiting;
    if (!focus) return;
    // Let focusout settle first: activeElement is still the old element during the event.
    window.setTimeout(() => {
      if (this.waiting !== focus) return;
      const active = document.activeElement;
      if (isTyping(active)) return;
      const board = this.hooks.boardEl();
      const switching = this.hooks.currentJourney() !== focus.journeyId;
      if (switching && active && board.contains(active) && active !== board) return;
      if (switching) this.hooks.showJourney(focus.journeyId);
      this.waiting = null;
      this.applied = JSON.stringify(focus);
      if (focus.phaseId) {
        const header = board.querySelector(`[data-phase-id="${CSS.escape(focus.phaseId)}"]`);
        const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
        header?.scrollIntoView({ behavior: reduced ? 'auto' : 'smooth', block: 'nearest', inline: 'center' });
      }
    }, 0);
  }

  dispose(): void {
    document.removeEventListener('focusout', this.retry);
  }
}
