// The voting part of the board screen: the open round (ballot for voters, controls and paper
// votes for the facilitator), the form to start a round, the revealed result, the history of
// rounds, the improvement list and the groups. Everyone sees the same section; what it offers
// depends on the viewer's role.

import type { Board, Round } from '../../model/board';
import { openRound } from '../../model/voting';
import type { Operation, Role } from '../../protocol/types';
import type { Person, VoterCount } from '../../sync/presence';
import { voterProgress } from './progress';
import { formatTime, t, type MessageKey } from '../../i18n/i18n';
import { h } from '../dom';
import { BallotView, type BallotActions } from './BallotView';
import { GroupList } from './GroupList';
import { ImprovementListView } from './ImprovementListView';
import { PaperVotesForm } from './PaperVotesForm';
import { resultTable, roundSettingsText } from './ResultTable';
import { roundHistory } from './results';
import { latestClosedRound } from '../../model/improvements';
import { StartRoundForm } from './StartRoundForm';

export interface VotingContext {
  board: Board;
  journeyId: string;
  meId: string | null;
  role: Role;
  participants: readonly Person[];
  /** Voters a crowded room's presence list counts instead of naming (P-PRES-6). */
  unlistedVoters?: VoterCount;
  names: ReadonlyMap<string, string>;
  /** Server clock minus ours, to show a round's end in local time. */
  clockOffset: number;
  /** Not connected now, and how many own changes wait to be sent. */
  offline: boolean;
  pending: number;
}

export interface VotingPanelActions extends BallotActions {
  submit(op: Operation): void;
  /** Render again now (after the panel dropped what it showed). */
  refresh(): void;
}

/** Owns the voting section and its parts; each part rebuilds only when what it shows changed. */
export class VotingPanel {
  readonly el: HTMLElement;
  private readonly heading: HTMLHeadingElement;
  private readonly openBlock: HTMLElement;
  private readonly openHead: HTMLDivElement;
  private readonly ballot: BallotView;
  private readonly controls: HTMLDivElement;
  private readonly openPaper: PaperVotesForm;
  private startForm: StartRoundForm;
  /** The language the start form's labels are in. */
  private startLang = document.documentElement.lang;
  private readonly resultBlock: HTMLElement;
  private readonly history: HTMLDetailsElement;
  private readonly improvements: ImprovementListView;
  private readonly groups: GroupList;
  private readonly paperForms = new Map<string, PaperVotesForm>();
  private openKey = '';
  private resultKey = '';
  private historyKey = '';

  constructor(private readonly actions: VotingPanelActions) {
    this.heading = h('h2', { id: 'voting-title', class: 'voting__title' });
    this.openHead = h('div', { class: 'voting__open-head' });
    this.ballot = new BallotView(actions);
    this.controls = h('div', { class: 'voting__controls' });
    this.openPaper = new PaperVotesForm((op) => actions.submit(op));
    this.openBlock = h('section', { class: 'voting__block voting__open', 'aria-labelledby': 'voting-open-title', 'data-testid': 'open-round' }, this.openHead, this.ballot.el, this.controls, this.openPaper.el);
    this.startForm = new StartRoundForm((op) => actions.submit(op));
    this.resultBlock = h('section', { class: 'voting__block voting__result', 'aria-labelledby': 'voting-result-title', 'data-testid': 'result' });
    this.history = h('details', { class: 'voting__block voting__history', 'data-testid': 'history' });
    this.improvements = new ImprovementListView((op) => actions.submit(op));
    this.groups = new GroupList((op) => actions.submit(op));
    this.el = h(
      'section',
      { class: 'voting', 'aria-labelledby': 'voting-title' },
      this.heading,
      this.openBlock,
      this.startForm.el,
      this.resultBlock,
      this.improvements.el,
      this.history,
      this.groups.el,
    );
  }

  update(ctx: VotingContext): void {
    const { board } = ctx;
    const facilitator = ctx.role === 'facilitator';
    const open = openRound(board) ?? null;
    const closed = latestClosedRound(board) ?? null;
    const rounds = roundHistory(board);
    this.heading.textContent = t('voting.heading');

    this.openBlock.hidden = !open;
    if (open) this.renderOpen(ctx, open);
    if (this.startLang !== document.documentElement.lang) {
      // Its labels are set once: after a language switch a fresh form speaks the new language.
      this.startLang = document.documentElement.lang;
      const fresh = new StartRoundForm((op) => this.actions.submit(op));
      this.startForm.el.replaceWith(fresh.el);
      this.startForm = fresh;
    }
    this.startForm.el.hidden = !facilitator || !!open;
    if (facilitator && !open) this.startForm.update(board);

    this.resultBlock.hidden = !closed;
    if (closed) {
      const key = JSON.stringify([document.documentElement.lang, closed.id, closed.result, closed.paper, closed.items.map((id) => board.cards.get(id)?.text ?? board.groups.get(id)?.title)]);
      if (key !== this.resultKey) {
        this.resultKey = key;
        this.resultBlock.replaceChildren(
          h('h3', { id: 'voting-result-title', class: 'voting__heading' }, t('result.heading', { number: closed.number, criterion: closed.criterion })),
          h('p', { class: 'voting__settings' }, roundSettingsText(closed)),
          h('p', { class: 'voting__voters' }, t(closed.result?.voters === 1 ? 'result.voters.one' : 'result.voters.other', { count: closed.result?.voters ?? 0 })),
          resultTable(board, closed, ctx.names),
        );
      }
    }
    this.improvements.el.hidden = !closed && board.improvements.roundIds.length === 0;
    if (!this.improvements.el.hidden) this.improvements.update(board, facilitator);
    this.renderHistory(ctx, rounds, facilitator);
    this.groups.update(board, ctx.journeyId);
    // Participants see nothing until there is something to see.
    this.el.hidden = !facilitator && rounds.length === 0 && this.groups.el.hidden;
  }

  /**
   * The presenter bar's round button: the open round comes into view with focus on its heading
   * (its progress and the close button follow), or else the form to start one opens.
   */
  reveal(): void {
    if (!this.openBlock.hidden) {
      const heading = this.openHead.querySelector<HTMLElement>('h3');
      if (!heading) return;
      heading.tabIndex = -1;
      heading.scrollIntoView({ block: 'start' });
      heading.focus({ preventScroll: true });
    } else if (!this.startForm.el.hidden) {
      this.startForm.openAndFocus();
    }
  }

  private renderOpen(ctx: VotingContext, round: Round): void {
    const facilitator = ctx.role === 'facilitator';
    // The server decides who counts in this round (P-VOTE-7): online voters, and offline ones
    // who hold a ballot in it; an offline voter who is not done stays "offline", not done.
    const voters = ctx.participants.filter((p) => p.voting);
    const isDone = (p: Person) => p.voting?.done === true;
    // A crowded room's list names only some voters and counts the others (P-PRES-6).
    const { done, count } = voterProgress(ctx.participants, ctx.unlistedVoters);
    const meDone = ctx.participants.find((p) => p.participantId === ctx.meId)?.voting?.done ?? false;
    const names = (list: readonly Person[]) => list.map((p) => p.displayName).sort((a, b) => a.localeCompare(b)).join(', ');
    const doneNames = names(voters.filter(isDone));
    const busyNames = names(voters.filter((p) => !isDone(p) && p.online));
    const offlineNames = names(voters.filter((p) => !isDone(p) && !p.online));
    const key = JSON.stringify([document.documentElement.lang, round.id, round.number, round.criterion, round.endsAt, doneNames, busyNames, offlineNames, facilitator, done, count]);
    if (key !== this.openKey) {
      this.openKey = key;
      const ends = h('p', { class: 'voting__ends', hidden: round.endsAt === null }, round.endsAt === null ? '' : t('round.endsAt', { time: clockTime(round.endsAt - ctx.clockOffset) }));
      this.openHead.replaceChildren(
        h('h3', { id: 'voting-open-title', class: 'voting__heading' }, t('round.openHeading', { number: round.number, criterion: round.criterion })),
        h('p', { class: 'voting__settings' }, roundSettingsText(round)),
        ends,
        h('p', { class: 'voting__progress', 'data-testid': 'round-progress' }, t('round.progress', { done, count })),
        // Names, never whose dots went where (SPEC-3 presence.voting); for the facilitator.
        h(
          'p',
          { class: 'voting__who', hidden: !facilitator || voters.length === 0, 'data-testid': 'round-who' },
          [
            doneNames ? t('round.doneNames', { names: doneNames }) : '',
            busyNames ? t('round.busyNames', { names: busyNames }) : '',
            offlineNames ? t('round.offlineNames', { names: offlineNames }) : '',
          ]
            .filter(Boolean)
            .join(' '),
        ),
      );
      const buttons: HTMLElement[] = [];
      if (facilitator) {
        const close = () => this.actions.submit({ kind: 'round.close', roundId: round.id });
        buttons.push(this.button('round.close', 'button--primary', () => (offlineNames ? this.warnBeforeClose(offlineNames, close) : close())));
        buttons.push(this.button('round.cancel', '', () => this.actions.submit({ kind: 'round.cancel', roundId: round.id })));
      }
      this.controls.replaceChildren(...buttons);
    }
    this.ballot.update(ctx.board, round, meDone, { offline: ctx.offline, pending: ctx.pending, locked: ctx.board.facilitation.locked });
    this.openPaper.el.hidden = !facilitator;
    if (facilitator) this.openPaper.update(ctx.board, round);
  }

  /**
   * Votes tapped by someone offline reach the server only when they are back: closing now
   * leaves them out. Asks first, in place of the buttons (nothing to dismiss by accident).
   */
  private warnBeforeClose(offlineNames: string, close: () => void): void {
    const warning = h('p', { class: 'voting__warning', role: 'alert' }, t('round.closeWarning', { names: offlineNames }));
    const anyway = h('button', { type: 'button', class: 'button button--primary' }, t('round.closeAnyway'));
    const wait = h('button', { type: 'button', class: 'button' }, t('round.keepOpen'));
    const back = () => {
      this.openKey = '';
      this.controls.replaceChildren();
    };
    anyway.addEventListener('click', () => {
      back();
      close();
    });
    wait.addEventListener('click', () => {
      back();
      this.actions.refresh();
      this.controls.querySelector<HTMLElement>('.button--primary')?.focus();
    });
    this.controls.replaceChildren(warning, anyway, wait);
    wait.focus();
  }

  private renderHistory(ctx: VotingContext, rounds: Round[], facilitator: boolean): void {
    this.history.hidden = rounds.length === 0;
    const key = JSON.stringify([
      document.documentElement.lang,
      facilitator,
      rounds.map((r) => [r.id, r.status, r.result, r.paper, r.criterion]),
      rounds.map((r) => r.items.map((id) => ctx.board.cards.get(id)?.text ?? ctx.board.groups.get(id)?.title ?? '')),
    ]);
    // Paper forms of closed rounds keep their own state; update them in any case.
    for (const r of rounds) if (r.status === 'closed' && facilitator) this.paperForm(r.id).update(ctx.board, r);
    if (key === this.historyKey) return;
    this.historyKey = key;
    const open = this.history.open;
    const anyOpen = rounds.some((r) => r.status === 'open');
    this.history.replaceChildren(
      h('summary', null, t('history.heading', { count: rounds.length })),
      h(
        'ol',
        { class: 'history__list', reversed: true },
        ...rounds.map((r) => {
          const buttons: HTMLElement[] = [];
          if (facilitator && r.status !== 'open') {
            if (!anyOpen) buttons.push(this.button('round.reopen', '', () => this.actions.submit({ kind: 'round.reopen', roundId: r.id }), { number: r.number }));
            if (r.status === 'closed') buttons.push(this.button('round.cancel', '', () => this.actions.submit({ kind: 'round.cancel', roundId: r.id }), { number: r.number }));
          }
          return h(
            'li',
            { class: 'history__round', 'data-round-id': r.id },
            h('h4', { class: 'history__title' }, t('round.label', { number: r.number, criterion: r.criterion }), ' · ', t(`round.status.${r.status}` as MessageKey)),
            h('p', { class: 'voting__settings' }, roundSettingsText(r)),
            r.status === 'closed' ? resultTable(ctx.board, r, ctx.names) : null,
            buttons.length ? h('p', { class: 'voting__controls' }, ...buttons) : null,
            r.status === 'closed' && facilitator ? this.paperForm(r.id).el : null,
          );
        }),
      ),
    );
    this.history.open = open;
    for (const id of [...this.paperForms.keys()]) if (!rounds.some((r) => r.id === id && r.status === 'closed')) this.paperForms.delete(id);
  }

  private paperForm(roundId: string): PaperVotesForm {
    let form = this.paperForms.get(roundId);
    if (!form) this.paperForms.set(roundId, (form = new PaperVotesForm((op) => this.actions.submit(op))));
    return form;
  }

  private button(key: MessageKey, cls: string, run: () => void, params?: Record<string, string | number>): HTMLButtonElement {
    const b = h('button', { type: 'button', class: `button ${cls}`.trim() }, t(key));
    if (params) b.setAttribute('aria-label', t(`${key}Label` as MessageKey, params));
    b.addEventListener('click', run);
    return b;
  }
}

function clockTime(ms: number): string {
  return formatTime(new Date(ms));
}
