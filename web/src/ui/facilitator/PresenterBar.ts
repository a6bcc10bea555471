// The facilitator's presenter controls: what is used all day, compact (as Parabol and
// Mentimeter keep presenter controls). The step back and forward and the timer's start and
// +1 minute sit in the stage banner beside the stage and the time they change (stageControls,
// timerControls); one row under it holds lock, private writing and follow me, the voting
// round, the join code and the big screen, and the button that opens every other control (the
// drawer). Built once; update() changes labels and states only, so a pressed button keeps
// keyboard focus.

import type { Board } from '../../model/board';
import { openRound } from '../../model/voting';
import type { Operation } from '../../protocol/types';
import type { Person } from '../../sync/presence';
import { t, type MessageKey } from '../../i18n/i18n';
import { h } from '../dom';
import { voterProgress } from '../voting/progress';

export interface PresenterHooks {
  submit(op: Operation): void;
  /** The journey on the facilitator's screen (follow me shows it to everyone). */
  journeyId(): string | null;
  /** The join code, once known. */
  joinCode(): string | null;
  /** The big screen's address, once the server has told its key. */
  screenLink(): string | null;
  /** Goes to the open round, or opens the form that starts one. */
  showRound(): void;
  /** Opens the drawer at the join code and QR code. */
  showJoin(opener: HTMLElement): void;
}

function setText(el: HTMLElement, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

function setAttr(el: HTMLElement, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/** Owns the presenter controls; `more` is the drawer's toggle (bound by the drawer). */
export class PresenterBar {
  readonly el: HTMLElement;
  readonly stageControls: HTMLElement;
  readonly timerControls: HTMLElement;
  readonly more: HTMLButtonElement;
  private board: Board | null = null;
  private participants: readonly Person[] = [];
  private readonly title = h('h2', { id: 'presenter-title', class: 'sr-only' });
  private readonly prev = this.button('stage-prev', () => this.step(-1));
  private readonly next = this.button('stage-next', () => this.step(1));
  private readonly startPause = this.button('timer-start', () => this.startOrPause());
  private readonly addMinute = this.button('timer-add', () => this.hooks.submit({ kind: 'timer.add', ms: 60_000 }));
  private readonly lock = this.button('lock-toggle', () => this.toggle('lock'));
  private readonly privateWriting = this.button('private-toggle', () => this.toggle('private'));
  private readonly follow = this.button('follow-everyone', () => this.toggle('follow'));
  private readonly round = this.button('bar-round', () => this.hooks.showRound());
  private readonly code = this.button('bar-code', () => this.hooks.showJoin(this.code));
  private readonly screen = h('a', { class: 'button button--small', target: '_blank', rel: 'noopener', 'data-testid': 'bar-screen', hidden: true });
  private readonly groups: Array<[HTMLElement, MessageKey]> = [];

  constructor(private readonly hooks: PresenterHooks) {
    // Its click is the drawer's (ControlsDrawer.bindToggle).
    this.more = this.button('controls-toggle', () => undefined);
    const group = (key: MessageKey, ...children: HTMLElement[]) => {
      const g = h('div', { class: 'presenter__group', role: 'group' }, ...children);
      this.groups.push([g, key]);
      return g;
    };
    this.el = h(
      'section',
      { id: 'presenter', class: 'presenter', 'aria-labelledby': this.title.id, tabindex: -1, 'data-testid': 'presenter-bar', hidden: true },
      this.title,
      group('presenter.room', this.lock, this.privateWriting, this.follow),
      group('presenter.round', this.round),
      group('presenter.share', this.code, this.screen),
      h('div', { class: 'presenter__group presenter__group--end' }, this.more),
    );
    // The arrows are drawn by CSS: the visible label stays the start of the name (WCAG 2.5.3).
    this.prev.classList.add('presenter__prev');
    this.next.classList.add('presenter__next');
    this.stageControls = group('presenter.stage', this.prev, this.next);
    this.timerControls = group('timer.heading', this.startPause, this.addMinute);
  }

  private button(testId: string, run: () => void): HTMLButtonElement {
    const b = h('button', { type: 'button', class: 'button button--small', 'data-testid': testId });
    b.addEventListener('click', run);
    return b;
  }

  relabel(): void {
    setText(this.title, t('presenter.heading'));
    for (const [g, key] of this.groups) g.setAttribute('aria-label', t(key));
    setText(this.more, t('drawer.open'));
    if (this.board) this.update(this.board, this.participants);
  }

  update(board: Board, participants: readonly Person[]): void {
    this.board = board;
    this.participants = participants;
    const f = board.facilitation;

    // Back and forward through the stages; the names say where to.
    const at = f.stages.findIndex((s) => s.id === f.stageId);
    const before = f.stages[at - 1];
    const after = f.stages[at + 1];
    setAttr(this.prev, 'aria-label', before ? t('presenter.prevStage', { title: before.title }) : t('presenter.prevNone'));
    setAttr(this.prev, 'title', this.prev.getAttribute('aria-label')!);
    this.prev.disabled = !before;
    setText(this.next, t('presenter.next'));
    setAttr(this.next, 'aria-label', after ? t('presenter.nextStage', { title: after.title }) : t('presenter.nextNone'));
    setAttr(this.next, 'title', this.next.getAttribute('aria-label')!);
    this.next.disabled = !after;

    const running = f.timer.endsAt !== null;
    setText(this.startPause, t(running ? 'timer.pause' : f.timer.remainingMs < f.timer.durationMs ? 'timer.resume' : 'timer.start'));
    this.startPause.disabled = !running && f.timer.remainingMs <= 0;
    setText(this.addMinute, t('timer.addMinute'));

    // Toggles keep their label; aria-pressed (and the filled look) says whether it is on.
    setText(this.lock, t('lock.lock'));
    setAttr(this.lock, 'aria-pressed', String(f.locked));
    setText(this.privateWriting, t('private.toggle'));
    setAttr(this.privateWriting, 'aria-pressed', String(f.privateWriting));
    setText(this.follow, t('follow.start'));
    setAttr(this.follow, 'aria-pressed', String(f.focus !== null));
    this.follow.disabled = f.focus === null && this.hooks.journeyId() === null;

    const open = openRound(board);
    if (open) {
      const { done, count } = voterProgress(participants);
      setText(this.round, t('presenter.roundOpen', { number: open.number, done, count }));
    } else {
      setText(this.round, t('round.new'));
    }

    const code = this.hooks.joinCode();
    this.code.hidden = code === null;
    setText(this.code, code === null ? '' : t('presenter.code', { code }));
    const link = this.hooks.screenLink();
    this.screen.hidden = link === null;
    if (link !== null && this.screen.getAttribute('href') !== link) this.screen.setAttribute('href', link);
    if (this.screen.childNodes.length === 0 || this.screen.dataset.lang !== document.documentElement.lang) {
      this.screen.dataset.lang = document.documentElement.lang;
      this.screen.replaceChildren(t('presenter.screen'), h('span', { class: 'sr-only' }, ` ${t('presenter.newWindow')}`));
    }
  }

  private step(by: number): void {
    const f = this.board?.facilitation;
    if (!f) return;
    const to = f.stages[f.stages.findIndex((s) => s.id === f.stageId) + by];
    if (to) this.hooks.submit({ kind: 'stage.set', stageId: to.id });
  }

  private startOrPause(): void {
    const timer = this.board?.facilitation.timer;
    if (timer) this.hooks.submit(timer.endsAt !== null ? { kind: 'timer.pause' } : { kind: 'timer.start' });
  }

  private toggle(what: 'lock' | 'private' | 'follow'): void {
    const f = this.board?.facilitation;
    if (!f) return;
    if (what === 'lock') this.hooks.submit({ kind: 'board.lock', locked: !f.locked });
    else if (what === 'private') this.hooks.submit({ kind: 'writing.private', on: !f.privateWriting });
    else if (f.focus !== null) this.hooks.submit({ kind: 'focus.set', journeyId: null, phaseId: null });
    else {
      const journeyId = this.hooks.journeyId();
      if (journeyId) this.hooks.submit({ kind: 'focus.set', journeyId, phaseId: null });
    }
  }
}
