// The glue between the board screen and the voting part: it owns the voting panel, the card
// decorations, the choice dialog and drag-to-group, turns their actions into operations, and
// says what happened (own actions at once, others' changes politely, refusals clearly).

import type { Board, Card } from '../../model/board';
import { MAX_TITLE, type Operation, type You } from '../../protocol/types';
import type { Person, VoterCount } from '../../sync/presence';
import { t, type MessageKey } from '../../i18n/i18n';
import { randomId } from '../../util/ids';
import type { Announcer } from '../Announcer';
import { oneLineText } from '../CardView';
import type { GroupDrop } from '../DragController';
import type { Toasts } from '../Toasts';
import { addRefusal, ballotOf, rejectionKey, type AddRefusal } from './ballot';
import { CardDecorator, type Decoratable } from './CardDecorator';
import { ChoiceDialog } from './ChoiceDialog';
import { canDragGroup, defaultGroupTitle, groupChoices, linkChoices, planGroup } from './items';
import { VotingPanel } from './VotingPanel';

/** What the controller needs from the board screen (the sync client and the shared widgets). */
export interface VotingHost {
  board(): Board | null;
  me(): You | null;
  participants(): readonly Person[];
  /** Voters a crowded room's presence list counts instead of naming (P-PRES-6). */
  unlistedVoters(): VoterCount;
  names(): ReadonlyMap<string, string>;
  /** The server's clock now, as well as the client knows it (round end times). */
  serverNow(): number;
  /** Not connected now, and how many own operations wait to be sent. */
  offline(): boolean;
  pending(): number;
  submit(op: Operation): void;
  /** Re-render now (after an own change, so buttons and announcements agree). */
  renderNow(): void;
  announcer: Announcer;
  toasts: Toasts;
}

/** Owns the voting panel, the card decorator and the choice dialog of one board screen. */
export class VotingController implements GroupDrop {
  readonly panel: VotingPanel;
  readonly dialog = new ChoiceDialog();
  private readonly decorator: CardDecorator;

  constructor(private readonly host: VotingHost) {
    this.panel = new VotingPanel({
      submit: (op) => this.submit(op),
      refresh: () => this.host.renderNow(),
      vote: (roundId, itemId, label) => this.vote('vote.add', roundId, itemId, label),
      unvote: (roundId, itemId, label) => this.vote('vote.remove', roundId, itemId, label),
      refused: (reason, _label, round) => this.say(refusalText(reason, round.maxPerItem)),
      setDone: (roundId, done) => {
        this.submit({ kind: 'vote.done', roundId, done });
        this.say(t(done ? 'ballot.doneOn' : 'ballot.doneOff'));
      },
    });
    this.decorator = new CardDecorator({
      chooseGroup: (cardId) => this.chooseGroup(cardId),
      ungroup: (cardId) => {
        this.submit({ kind: 'card.ungroup', cardId });
        this.say(t('grouping.out'));
      },
      chooseLink: (cardId) => this.chooseLink(cardId),
      vote: (roundId, itemId, label) => this.voteChecked(roundId, itemId, label),
      unvote: (roundId, itemId, label) => this.vote('vote.remove', roundId, itemId, label),
      unlink: (cardId) => {
        this.submit({ kind: 'card.link', cardId, targetId: null });
        this.say(t('link.removed'));
      },
    });
  }

  /** For the grid: adds group and link badges and tools to a card. */
  readonly decorate = (view: Decoratable, card: Card): void => {
    const board = this.host.board();
    if (board) this.decorator.decorate(board, view, card);
  };

  update(journeyId: string): void {
    const board = this.host.board();
    const me = this.host.me();
    if (!board || !me) return;
    this.panel.update({
      board,
      journeyId,
      meId: me.participantId,
      role: me.role,
      participants: this.host.participants(),
      unlistedVoters: this.host.unlistedVoters(),
      names: this.host.names(),
      clockOffset: this.host.serverNow() - Date.now(),
      offline: this.host.offline(),
      pending: this.host.pending(),
    });
  }

  // ---- drag to group ----

  canGroup(cardId: string, ontoId: string): boolean {
    const board = this.host.board();
    return !!board && canDragGroup(board, cardId, ontoId);
  }

  group(cardId: string, ontoId: string): void {
    const board = this.host.board();
    if (!board) return;
    this.applyGroup(board, cardId, { kind: 'card', id: ontoId }, '');
  }

  // ---- what the board screen asks ----

  /** A clear reason for a refused voting operation, or null for the generic one. */
  rejectionText(op: Operation, code: string): string | null {
    const key = rejectionKey(op.kind, code);
    return key ? t(key) : null;
  }

  /**
   * Votes queued offline that the server refused because their round was closed meanwhile:
   * said once per round in plain words, instead of one "not saved" per vote. True when handled.
   */
  explainLateVote(op: Operation): boolean {
    if (op.kind !== 'vote.add' && op.kind !== 'vote.remove' && op.kind !== 'vote.done') return false;
    const round = this.host.board()?.rounds.get(op.roundId);
    if (!round || round.status === 'open') return false;
    this.host.toasts.showOnce(`late-vote:${round.id}`, t('ballot.closedBeforeSent', { number: round.number }));
    return true;
  }

  /** What to say about someone else's voting operation: null for the generic text, '' for nothing. */
  remoteText(op: Operation): string | null {
    const board = this.host.board();
    const round = 'roundId' in op ? board?.rounds.get(op.roundId) : undefined;
    const params = { number: round?.number ?? '', criterion: round?.criterion ?? '' };
    switch (op.kind) {
      case 'round.start':
        return t('announce.roundStarted', { number: round?.number ?? '', criterion: op.criterion });
      case 'round.close':
        return t('announce.roundClosed', params);
      case 'round.cancel':
        return t('announce.roundCancelled', params);
      case 'round.reopen':
        return t('announce.roundReopened', params);
      case 'vote.add':
      case 'vote.remove':
      case 'vote.done':
        // Only the voter's own connections see these: another tab of the same person.
        return '';
      default:
        return null;
    }
  }

  // ---- actions ----

  private submit(op: Operation): void {
    this.host.submit(op);
    this.host.renderNow();
  }

  private say(text: string): void {
    this.host.announcer.now(text);
  }

  /** A dot placed from a card: the same local checks as the ballot, then the vote. */
  private voteChecked(roundId: string, itemId: string, label: string): void {
    const round = this.host.board()?.rounds.get(roundId);
    const me = this.host.me();
    if (!round || !me) return;
    const why = addRefusal(round, ballotOf(round), itemId);
    if (why) this.say(refusalText(why, round.maxPerItem));
    else this.vote('vote.add', roundId, itemId, label);
  }

  private vote(kind: 'vote.add' | 'vote.remove', roundId: string, itemId: string, label: string): void {
    this.submit({ kind, roundId, itemId });
    const round = this.host.board()?.rounds.get(roundId);
    const me = this.host.me();
    if (!round || !me) return;
    const b = ballotOf(round);
    this.say(t(kind === 'vote.add' ? 'ballot.voted' : 'ballot.unvoted', { text: label, count: b.remaining, budget: b.budget }));
  }

  private applyGroup(board: Board, cardId: string, target: { kind: 'card' | 'group'; id: string }, title: string): void {
    const ops = planGroup(board, cardId, target, title.slice(0, MAX_TITLE), randomId());
    for (const op of ops) this.host.submit(op);
    this.host.renderNow();
    // The group shows when the server's event arrives (P-SYNC-9); say now what was asked.
    const last = ops[ops.length - 1];
    const groupTitle =
      last?.kind === 'group.add' ? last.title : last?.kind === 'card.group' ? board.groups.get(last.groupId)?.title : undefined;
    if (groupTitle !== undefined) this.say(t('grouping.done', { title: groupTitle }));
  }

  private cardEl(cardId: string): HTMLElement | null {
    return document.querySelector<HTMLElement>(`.card[data-card-id="${CSS.escape(cardId)}"]`);
  }

  private chooseGroup(cardId: string): void {
    const board = this.host.board();
    const card = board?.cards.get(cardId);
    if (!board || !card) return;
    const choices = groupChoices(board, cardId);
    this.dialog.open(
      {
        title: t('grouping.dialogTitle'),
        intro: t('grouping.dialogIntro', { text: oneLineText(card.text) }),
        empty: t('grouping.dialogEmpty'),
        field: { label: t('grouping.newTitle'), value: defaultGroupTitle(card.text), maxlength: MAX_TITLE },
        choices: choices.map((c) =>
          c.kind === 'group'
            ? { id: `group:${c.id}`, label: t('grouping.toGroup', { title: c.text, count: c.size }) }
            : { id: `card:${c.id}`, label: oneLineText(c.text), detail: c.phase },
        ),
        onChoose: (id, title) => {
          const now = this.host.board();
          const [kind, targetId] = id.split(/:(.*)/s) as ['card' | 'group', string];
          if (now) this.applyGroup(now, cardId, { kind, id: targetId }, title);
        },
      },
      this.cardEl(cardId),
    );
  }

  private chooseLink(cardId: string): void {
    const board = this.host.board();
    const card = board?.cards.get(cardId);
    if (!board || !card) return;
    const choices = linkChoices(board, cardId).map((c) => ({ id: c.id, label: oneLineText(c.text), detail: c.phase, current: c.id === card.linkedTo }));
    if (card.linkedTo) choices.push({ id: '', label: t('link.none'), detail: '', current: false });
    this.dialog.open(
      {
        title: t('link.dialogTitle'),
        intro: t('link.dialogIntro', { text: oneLineText(card.text) }),
        empty: t('link.dialogEmpty'),
        choices,
        onChoose: (targetId) => {
          this.submit({ kind: 'card.link', cardId, targetId: targetId === '' ? null : targetId });
          const target = targetId ? this.host.board()?.cards.get(targetId) : undefined;
          this.say(target ? t('link.done', { text: oneLineText(target.text) }) : t('link.removed'));
        },
      },
      this.cardEl(cardId),
    );
  }
}

export function refusalText(reason: AddRefusal, max: number): string {
  return t(`ballot.refused.${reason}` as MessageKey, { max });
}
