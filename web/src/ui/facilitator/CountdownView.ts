// The countdown everyone sees: remaining time from the shared timer state and the server
// clock (so every screen shows the same), and a gentle signal when a running timer reaches
// zero while watched: a calm highlight (no motion under prefers-reduced-motion, see CSS), an
// announcement, and a soft tone unless muted.

import type { TimerDoc } from '../../protocol/types';
import { timerRemaining } from '../../model/facilitation';
import { t } from '../../i18n/i18n';
import { h } from '../dom';
import { formatRemaining } from './timerFormat';

export interface CountdownHooks {
  serverNow(): number;
  /** The timer reached zero (called once per run). */
  onZero(): void;
}

/** Owns the timer display and its ticking. */
export class CountdownView {
  readonly el: HTMLElement;
  private readonly timeEl: HTMLElement;
  private readonly stateEl: HTMLElement;
  private timer: TimerDoc | null = null;
  private ticker: number | null = null;
  /** The endsAt of the run we saw above zero and have not signalled yet. */
  private armed: number | null = null;

  constructor(private readonly hooks: CountdownHooks) {
    this.timeEl = h('span', { class: 'countdown__time', 'data-testid': 'timer' });
    this.stateEl = h('span', { class: 'countdown__state' });
    this.el = h('div', { class: 'countdown', role: 'timer' }, this.timeEl, this.stateEl);
  }

  update(timer: TimerDoc): void {
    const changed = JSON.stringify(timer) !== JSON.stringify(this.timer);
    this.timer = timer;
    if (changed) this.el.classList.remove('countdown--done');
    this.tick();
    if (timer.endsAt !== null && this.ticker === null) {
      this.ticker = window.setInterval(() => this.tick(), 250);
    } else if (timer.endsAt === null && this.ticker !== null) {
      window.clearInterval(this.ticker);
      this.ticker = null;
    }
  }

  relabel(): void {
    this.el.setAttribute('aria-label', t('timer.label'));
    this.tick();
  }

  private tick(): void {
    const timer = this.timer;
    if (!timer) return;
    const remaining = timerRemaining(timer, this.hooks.serverNow());
    const text = formatRemaining(remaining);
    if (this.timeEl.textContent !== text) this.timeEl.textContent = text;
    const state = timer.endsAt !== null ? t('timer.running') : t('timer.paused');
    if (this.stateEl.textContent !== state) this.stateEl.textContent = state;
    this.el.dataset.running = String(timer.endsAt !== null);
    if (timer.endsAt !== null && remaining > 0) this.armed = timer.endsAt;
    if (timer.endsAt !== null && remaining === 0 && this.armed === timer.endsAt) {
      this.armed = null;
      this.el.classList.add('countdown--done');
      this.hooks.onZero();
    }
    if (remaining === 0 && this.ticker !== null) {
      window.clearInterval(this.ticker);
      this.ticker = null;
    }
  }

  dispose(): void {
    if (this.ticker !== null) window.clearInterval(this.ticker);
    this.ticker = null;
  }
}
