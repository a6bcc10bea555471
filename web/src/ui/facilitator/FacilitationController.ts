// The glue between the board screen and the facilitation features: the stage banner for
// everyone, the facilitator's panel (controls and participants), follow me, the read-only
// state (a locked board for participants), private-card marks, and what is
// announced when the facilitator changes something.

import '../../styles/facilitation.css';
import type { Board } from '../../model/board';
import { currentStage, timerRemaining } from '../../model/facilitation';
import { openRound } from '../../model/voting';
import type { FacilitationDoc, Operation } from '../../protocol/types';
import { t } from '../../i18n/i18n';
import type { SyncClient } from '../../sync/SyncClient';
import type { Announcer } from '../Announcer';
import { h } from '../dom';
import { FacilitatorPanel } from './FacilitatorPanel';
import { PresenterBar, type PresenterHooks } from './PresenterBar';
import { FollowMe, followEnabled, setFollowEnabled } from './FollowMe';
import { ParticipantsPanel } from './ParticipantsPanel';
import { ReadOnlyGuard } from './ReadOnlyGuard';
import { StageBanner } from './StageBanner';
import { formatRemaining } from './timerFormat';
import { playSoftTone } from './tone';

/** Operations whose effect this controller announces (or, for settings and roles, keeps quiet). */
const FACILITATION_KINDS = new Set<Operation['kind']>([
  'stage.set',
  'stage.update',
  'timer.set',
  'timer.start',
  'timer.pause',
  'timer.add',
  'timer.reset',
  'board.lock',
  'door.set',
  'writing.private',
  'focus.set',
  'settings.update',
  'participant.role',
  'participant.remove',
]);

export interface FacilitationHost extends Pick<PresenterHooks, 'joinCode' | 'screenLink' | 'showRound' | 'showJoin'> {
  client: SyncClient;
  announcer: Announcer;
  /** Shows a short message (the board's toasts). */
  notify(text: string): void;
  /** The element the read-only class goes on (the board's main area). */
  mainEl: HTMLElement;
  /** The elements that show the board (the table and the list view); one is visible. */
  boardEls: readonly HTMLElement[];
  journeyId(): string | null;
  showJourney(journeyId: string): void;
  /** More sections of the facilitator's panel (the closing poll), after the controls. */
  panelSections?: readonly HTMLElement[];
}

/** What a participant may still do on a locked board: votes and the closing poll are not edits. */
function allowedWhileLocked(op: Operation): boolean {
  return op.kind.startsWith('vote.') || op.kind === 'evaluation.submit' || op.kind === 'score.set';
}

/** Owns the banner, the facilitator panel and the follow/read-only behaviour of one board screen. */
export class FacilitationController {
  readonly banner: StageBanner;
  /** The facilitator's compact controls under the banner; hidden for everyone else. */
  readonly bar: PresenterBar;
  /** The facilitator's panel; hidden for everyone else. */
  readonly panel: HTMLElement;
  private readonly controls: FacilitatorPanel;
  private readonly people: ParticipantsPanel;
  private readonly follow: FollowMe;
  private readonly guard: ReadOnlyGuard;
  private readonly panelHeading: HTMLElement;
  private last: FacilitationDoc | null = null;

  constructor(private readonly host: FacilitationHost) {
    const client = host.client;
    this.banner = new StageBanner({
      serverNow: () => client.serverNow(),
      onZero: () => this.timerDone(),
      followEnabled,
      setFollow: (on) => {
        setFollowEnabled(on);
        if (on) this.follow.resume(client.board?.facilitation.focus ?? null);
      },
    });
    const submit = (op: Operation) => this.submit(op);
    const announce = (text: string) => host.announcer.now(text);
    this.controls = new FacilitatorPanel({ submit, announce, journeyId: () => host.journeyId() });
    this.bar = new PresenterBar({
      submit,
      journeyId: () => host.journeyId(),
      joinCode: () => host.joinCode(),
      screenLink: () => host.screenLink(),
      showRound: () => host.showRound(),
      showJoin: (opener) => host.showJoin(opener),
    });
    this.banner.stageSlot.append(this.bar.stageControls);
    this.banner.timerSlot.append(this.bar.timerControls);
    this.people = new ParticipantsPanel({ submit, announce, confirm: (text) => window.confirm(text) });
    this.panelHeading = h('h2', { id: 'facil-title', class: 'aside__heading' });
    this.panel = h(
      'section',
      { class: 'aside__section facil-panel', 'aria-labelledby': 'facil-title', 'data-testid': 'facilitator-panel', hidden: true },
      this.panelHeading,
      this.controls.el,
      ...(host.panelSections ?? []),
      this.people.el,
    );
    this.follow = new FollowMe({
      boardEl: () => host.boardEls.find((el) => !el.hidden) ?? host.boardEls[0]!,
      currentJourney: () => host.journeyId(),
      showJourney: (id) => host.showJourney(id),
    });
    this.guard = new ReadOnlyGuard(host.boardEls, host.mainEl);
    this.relabel();
  }

  private get isFacilitator(): boolean {
    return this.host.client.me?.role === 'facilitator';
  }

  private submit(op: Operation): void {
    if (this.refuses(op)) return;
    this.host.client.submit(op);
  }

  /**
   * Whether this user may not make `op` now: a screen role never edits, and a participant cannot
   * change a locked board (votes and the closing poll still count: they are not edits). Says
   * why, once.
   */
  refuses(op: Operation): boolean {
    const role = this.host.client.me?.role;
    if (role === 'screen') return true;
    const locked = this.host.client.board?.facilitation.locked ?? false;
    if (locked && role === 'participant' && !allowedWhileLocked(op)) {
      this.host.notify(t('lock.refused'));
      return true;
    }
    return false;
  }

  /** Whether this viewer may not edit the board now (locked for a participant). */
  get readOnly(): boolean {
    return this.guard.active;
  }

  relabel(): void {
    this.panelHeading.textContent = t('facil.heading');
    this.banner.relabel();
    this.controls.relabel();
    this.bar.relabel();
  }

  /** After each render of the board. */
  update(board: Board): void {
    const client = this.host.client;
    const role = client.me?.role;
    const f = board.facilitation;
    this.announceChanges(board, f);
    this.last = f;

    const focusWhere = f.focus ? this.describeFocus(board, f) : null;
    this.banner.update(f, role, focusWhere);
    this.guard.set(role === 'screen' || (f.locked && role === 'participant'));

    const facilitator = this.isFacilitator;
    this.panel.hidden = !facilitator;
    for (const el of [this.bar.el, this.banner.stageSlot, this.banner.timerSlot]) el.hidden = !facilitator;
    if (facilitator) {
      this.bar.update(board, client.participants);
      this.controls.update(board);
      this.people.update(client.participants, client.me?.participantId ?? '', openRound(board));
    }
    // Participants follow; facilitators lead.
    this.follow.update(f.focus, !facilitator);
    this.markBoard(board, f);
  }

  /**
   * Marks the focused phase and our own private cards on the grid. Touches only the few
   * elements concerned (phase headers and cells of one column, private cards), so a big
   * board's render stays cheap.
   */
  private markBoard(board: Board, f: FacilitationDoc): void {
    for (const el of this.host.boardEls) this.markIn(el, board, f);
  }

  private markIn(grid: HTMLElement, board: Board, f: FacilitationDoc): void {
    const focusPhase = f.focus && f.focus.journeyId === this.host.journeyId() ? f.focus.phaseId : null;
    for (const el of grid.querySelectorAll<HTMLElement>('.is-followed')) {
      if (el.dataset.phaseId !== focusPhase) {
        el.classList.remove('is-followed');
        el.removeAttribute('title');
      }
    }
    if (focusPhase) {
      for (const el of grid.querySelectorAll<HTMLElement>(`[data-phase-id="${CSS.escape(focusPhase)}"]:not(.is-followed)`)) {
        el.classList.add('is-followed');
        if (el.matches('th')) el.setAttribute('title', t('follow.focusColumn'));
      }
    }
    const privateIds = new Set<string>();
    if (f.privateWriting || f.privateCount > 0) {
      for (const c of board.cards.values()) if (c.private) privateIds.add(c.id);
    }
    for (const el of grid.querySelectorAll<HTMLElement>('[data-private]')) {
      if (!privateIds.has(el.dataset.cardId ?? '')) {
        el.removeAttribute('data-private');
        el.querySelector(':scope > .card__private')?.remove();
      }
    }
    for (const id of privateIds) {
      const el = grid.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(id)}"]`);
      if (!el) continue;
      el.setAttribute('data-private', '');
      let badge = el.querySelector<HTMLElement>(':scope > .card__private');
      if (!badge) {
        badge = h('span', { class: 'card__private' });
        el.prepend(badge);
      }
      if (badge.textContent !== t('private.badge')) badge.textContent = t('private.badge');
    }
  }

  private describeFocus(board: Board, f: FacilitationDoc): string {
    const journey = board.journeys.get(f.focus!.journeyId)?.title ?? '';
    const phase = f.focus!.phaseId ? board.phases.get(f.focus!.phaseId)?.title : undefined;
    return phase ? `${journey}, ${phase}` : journey;
  }

  /**
   * Whether this controller speaks for `op` itself (from the state it changed), so the board
   * should not also say "… heeft het bord aangepast".
   */
  announcesItself(op: Operation): boolean {
    return FACILITATION_KINDS.has(op.kind);
  }

  /** Says what the facilitator changed (for everyone, the facilitator included, as feedback). */
  private announceChanges(board: Board, f: FacilitationDoc): void {
    const before = this.last;
    if (!before) return;
    const say = (text: string) => this.host.announcer.sessionChange(text);
    if (before.timer.endsAt === null && f.timer.endsAt !== null) {
      say(t('timer.started', { time: formatRemaining(timerRemaining(f.timer, this.host.client.serverNow())) }));
    }
    if (before.stageId !== f.stageId) say(t('stage.changed', { title: currentStage(f)?.title ?? '' }));
    if (before.locked !== f.locked) say(f.locked ? t('lock.nowLocked') : t('lock.nowUnlocked'));
    if (before.privateWriting !== f.privateWriting) say(f.privateWriting ? t('private.started') : t('private.revealed'));
    const focusKey = (x: FacilitationDoc) => JSON.stringify(x.focus);
    if (focusKey(before) !== focusKey(f) && f.focus && !this.isFacilitator) {
      say(t('follow.moved', { where: this.describeFocus(board, f) }));
    }
  }

  /** The client's own participant changed role. */
  roleChanged(): void {
    const role = this.host.client.me?.role;
    this.host.announcer.now(role === 'facilitator' ? t('role.nowFacilitator') : t('role.nowParticipant'));
  }

  private timerDone(): void {
    this.host.announcer.now(t('timer.done'));
    playSoftTone();
  }

  dispose(): void {
    this.banner.dispose();
    this.follow.dispose();
    this.guard.dispose();
  }
}
