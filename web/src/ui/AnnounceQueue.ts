// The rate limit for announcing others' changes: a busy board must not drown a screen reader.
// Plain logic over a Clock, so the limit is unit-tested without a browser.

import type { Clock, TimerHandle } from '../sync/environment';

export interface AnnounceQueueOptions {
  /** At most one announcement per this many ms. */
  intervalMs: number;
  /** Wait this long after the first change, so a burst arriving together is said as one. */
  settleMs: number;
}

/**
 * Owns the changes not yet said. The first change of a quiet period is said after `settleMs`;
 * after that at most one announcement per `intervalMs`. Each announcement is either the one
 * change there was, or `summarise(count)` for several ("3 wijzigingen door anderen").
 * Important changes (the session's: a round starts, the stage changes, the board is locked) are
 * never folded into the count: a participant must hear them to act, so they are said word for
 * word, before the summary of the rest.
 */
export class AnnounceQueue {
  private waiting: string[] = [];
  private important: string[] = [];
  private timer: TimerHandle | null = null;
  private lastSpoke = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly clock: Clock,
    private readonly speak: (text: string) => void,
    private readonly summarise: (count: number) => string,
    private readonly opts: AnnounceQueueOptions = { intervalMs: 3_000, settleMs: 300 },
  ) {}

  push(text: string, important = false): void {
    (important ? this.important : this.waiting).push(text);
    if (this.timer !== null) return;
    const wait = Math.max(this.opts.settleMs, this.lastSpoke + this.opts.intervalMs - this.clock.now());
    this.timer = this.clock.setTimeout(() => this.flush(), wait);
  }

  /** How many changes wait to be said. */
  get pending(): number {
    return this.waiting.length + this.important.length;
  }

  private flush(): void {
    this.timer = null;
    const batch = this.waiting;
    const important = this.important;
    this.waiting = [];
    this.important = [];
    if (batch.length === 0 && important.length === 0) return;
    this.lastSpoke = this.clock.now();
    const rest = batch.length === 0 ? [] : [batch.length === 1 ? batch[0]! : this.summarise(batch.length)];
    this.speak([...important, ...rest].join(' '));
  }

  dispose(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.waiting = [];
    this.important = [];
  }
}
