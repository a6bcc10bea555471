// The board screen: top bar, the journey table, the side panel (join code, presence), and the
// glue between user actions and the sync client.

import { cardsInCell, sortedJourneys, type Board, type Card } from '../model/board';
import { planDrop, planKeyboardMove, type MoveDirection } from '../model/moves';
import { keyAtEnd } from '../model/orderKeys';
import type { CardColor, Operation } from '../protocol/types';
import { t, type MessageKey } from '../i18n/i18n';
import { BrowserSyncStore } from '../sync/SyncStore';
import { SyncClient, type RemoteChange, type SyncEvent } from '../sync/SyncClient';
import { browserClock, browserNetwork, browserSocketFactory, webSocketUrl } from '../sync/environment';
import { MemoryStorage } from '../util/MemoryStorage';
import { randomId } from '../util/ids';
import { Announcer } from './Announcer';
import { BoardGrid, defaultColor, type GridContext } from './BoardGrid';
import { langButton, safeLocalStorage, skipLink, type View } from './chrome';
import { ConnectionIndicator } from './ConnectionIndicator';
import { DragController } from './DragController';
import { h, isTyping } from './dom';
import { HelpDialog } from './HelpDialog';
import { PresenceList } from './PresenceList';
import { forgetFacilitatorKey, rememberJoinCode } from './prefs';
import { SharePanel } from './SharePanel';
import { journeyInfo } from './structure/journeyInfo';
import { StructureEditor } from './structure/StructureEditor';
import { forgetWorkshop } from './templates/earlierWorkshops';
import { Toasts } from './Toasts';
import { FacilitationController } from './facilitator/FacilitationController';
import { VotingController } from './voting/VotingController';

export interface BoardViewOptions {
  workshopId: string;
  displayName: string;
  facilitatorKey: string | null;
  joinCode: string | null;
  /** Opens the read-only big screen with this key (no facilitator key then). */
  screenKey?: string | null;
}

function sessionStore(): Storage {
  try {
    return window.sessionStorage;
  } catch {
    return new MemoryStorage();
  }
}

/** Owns the sync client of one workshop and every element of the board screen. */
export class BoardView implements View {
  private readonly client: SyncClient;
  private root: HTMLElement | null = null;
  private readonly grid: BoardGrid;
  private drag: DragController | null = null;
  private readonly conn = new ConnectionIndicator();
  private readonly presence = new PresenceList();
  private readonly toasts = new Toasts();
  private readonly announcer = new Announcer();
  private readonly help = new HelpDialog();
  private share: SharePanel | null = null;
  private readonly structure: StructureEditor | null = null;
  private readonly journeyInfoEl: HTMLDivElement;
  private readonly titleEl: HTMLHeadingElement;
  private readonly mainEl: HTMLElement;
  private readonly asideEl: HTMLElement;
  private readonly journeyNav: HTMLElement;
  private readonly statusArea: HTMLDivElement;
  private readonly topActions: HTMLDivElement;
  private journeyId: string | null = null;
  private lastDeleted: Card | null = null;
  private frame: number | null = null;
  private unsubscribe: (() => void) | null = null;
  private readonly facil: FacilitationController;
  private readonly voting: VotingController;

  constructor(private readonly opts: BoardViewOptions) {
    const local = safeLocalStorage() ?? new MemoryStorage();
    this.client = new SyncClient({
      url: webSocketUrl(window.location),
      workshopId: opts.workshopId,
      displayName: opts.displayName,
      facilitatorKey: opts.facilitatorKey ?? undefined,
      screenKey: opts.screenKey ?? undefined,
      store: new BrowserSyncStore(opts.workshopId, local, sessionStore()),
      socketFactory: browserSocketFactory,
      clock: browserClock,
      network: browserNetwork,
    });
    this.grid = new BoardGrid({
      addCard: (phaseId, laneId, text) => this.addCard(phaseId, laneId, text),
      commitText: (cardId, text) => this.submit({ kind: 'card.update', cardId, text }),
      setColor: (cardId, color) => this.submit({ kind: 'card.update', cardId, color }),
      remove: (cardId) => this.removeCard(cardId),
      editingChanged: (cardId) => this.client.setEditing(cardId),
      moveCard: (cardId, phaseId, laneId, index) => this.dropCard(cardId, phaseId, laneId, index),
      keyboardMove: (cardId, direction) => this.keyboardMove(cardId, direction),
    });
    this.titleEl = h('h1', { class: 'topbar__title' });
    this.topActions = h('div', { class: 'topbar__actions' });
    this.journeyNav = h('nav', { class: 'journeys', hidden: true });
    this.statusArea = h('div', { class: 'board-status' });
    this.journeyInfoEl = h('div', { class: 'journey-info-area' });
    this.mainEl = h('main', { id: 'main', class: 'board-main', tabindex: -1 }, this.journeyNav, this.journeyInfoEl, this.statusArea, this.grid.el);
    this.asideEl = h('aside', { class: 'board-aside', hidden: !!opts.screenKey });
    this.facil = new FacilitationController({
      client: this.client,
      announcer: this.announcer,
      notify: (text) => this.toasts.show(text, undefined, 5_000),
      mainEl: this.mainEl,
      gridEl: this.grid.el,
      journeyId: () => this.journeyId,
      showJourney: (id) => {
        this.journeyId = id;
        this.renderNow();
      },
      screen: !!opts.screenKey,
    });
    this.mainEl.prepend(this.facil.banner.el);
    if (opts.facilitatorKey) {
      this.structure = new StructureEditor(opts.workshopId, opts.facilitatorKey, {
        submit: (op) => this.submit(op),
        notify: (message) => this.toasts.show(message),
        deleted: () => {
          forgetFacilitatorKey(opts.workshopId);
          forgetWorkshop(opts.workshopId);
          location.hash = '#/';
        },
      });
    }
    this.voting = new VotingController({
      board: () => this.client.board,
      me: () => this.client.me,
      participants: () => this.client.participants,
      names: () => this.gridContext().names,
      serverNow: () => this.client.serverNow(),
      submit: (op) => this.submit(op),
      renderNow: () => this.renderNow(),
      announcer: this.announcer,
      toasts: this.toasts,
    });
    this.mainEl.insertBefore(this.voting.panel.el, this.grid.el);
    if (opts.joinCode) {
      this.share = this.makeShare(opts.joinCode);
    }
  }

  mount(root: HTMLElement): void {
    this.root = root;
    root.replaceChildren(
      skipLink(),
      h('header', { class: 'topbar' }, h('div', { class: 'topbar__brand' }, this.titleEl), this.topActions),
      h('div', { class: 'board-layout' }, this.mainEl, this.asideEl),
      this.toasts.el,
      this.announcer.el,
      this.help.el,
      this.voting.dialog.el,
    );
    if (this.structure) root.append(this.structure.el);
    this.renderChrome();
    this.drag = new DragController(this.grid.el, (cardId, target) =>
      this.dropCard(cardId, target.phaseId, target.laneId, target.index),
      this.voting,
    );
    document.addEventListener('keydown', this.onKeyDown);
    window.addEventListener('pagehide', this.onPageHide);
    this.unsubscribe = this.client.subscribe((e) => this.onSyncEvent(e));
    this.client.start();
    this.renderNow();
  }

  unmount(): void {
    document.removeEventListener('keydown', this.onKeyDown);
    window.removeEventListener('pagehide', this.onPageHide);
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.unsubscribe?.();
    this.drag?.dispose();
    this.client.stop();
    this.facil.dispose();
    this.announcer.dispose();
    this.toasts.dispose();
    this.root?.replaceChildren();
    document.title = t('app.name');
  }

  relabel(): void {
    this.help.render();
    this.structure?.relabel();
    this.share?.render();
    this.facil.relabel();
    this.renderChrome();
    const board = this.client.board;
    if (board && this.journeyId) this.grid.relabel(board, this.gridContext());
    this.renderNow();
  }

  /** The test hook and debugging aid: the sync client of this screen. */
  get sync(): SyncClient {
    return this.client;
  }

  // ---- rendering ----

  private renderChrome(): void {
    const helpButton = h('button', { type: 'button', class: 'button button--quiet' }, t('help.open'));
    helpButton.addEventListener('click', () => this.help.open());
    this.topActions.replaceChildren(this.conn.el, helpButton, langButton());
    if (this.structure) {
      const structureButton = h('button', { type: 'button', class: 'button button--quiet' }, t('structure.open'));
      structureButton.addEventListener('click', () => this.structure?.open());
      this.topActions.prepend(structureButton);
    }
    this.asideEl.replaceChildren(...[this.share?.el, this.facil.panel, this.presence.el].filter((e): e is HTMLElement => !!e));
    this.journeyNav.setAttribute('aria-label', t('board.journeys'));
  }

  private scheduleRender(): void {
    if (this.frame !== null) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = null;
      this.renderNow();
    });
  }

  private makeShare(code: string): SharePanel {
    return new SharePanel(code, () => this.toasts.show(t('share.copied'), undefined, 3_000), {
      workshopId: this.opts.workshopId,
      screenKey: () => this.client.screenKey,
    });
  }

  /**
   * A facilitator who came in with only the key (or was made one) learns the join code from
   * the welcome; one who handed over stops showing it.
   */
  private showShareOnceKnown(): void {
    const role = this.client.me?.role;
    if (this.share && role !== undefined && role !== 'facilitator') {
      this.share = null;
      this.renderChrome();
      return;
    }
    this.share?.update();
    const code = this.client.joinCode;
    if (this.share || !code) return;
    rememberJoinCode(this.opts.workshopId, code);
    this.share = this.makeShare(code);
    this.renderChrome();
  }

  private renderNow(): void {
    if (this.frame !== null) {
      cancelAnimationFrame(this.frame);
      this.frame = null;
    }
    const client = this.client;
    this.showShareOnceKnown();
    this.conn.update(client.status, client.pendingCount);
    this.presence.update(client.participants, client.me?.participantId ?? null, client.status === 'online');
    const board = client.board;
    if (client.status === 'failed') {
      this.renderFailure();
      return;
    }
    if (!board) {
      this.titleEl.textContent = t('app.name');
      this.statusArea.replaceChildren(h('p', { class: 'board-loading' }, t('board.loading')));
      return;
    }
    this.statusArea.replaceChildren();
    this.titleEl.textContent = board.workshop.title;
    document.title = `${board.workshop.title} – ${t('app.name')}`;
    const journeys = sortedJourneys(board);
    if (!this.journeyId || !board.journeys.has(this.journeyId)) this.journeyId = journeys[0]?.id ?? null;
    this.renderJourneyNav(board);
    if (this.journeyId) {
      this.grid.render(board, this.journeyId, this.gridContext());
      this.voting.update(this.journeyId);
    }
    const journey = this.journeyId ? board.journeys.get(this.journeyId) : undefined;
    this.journeyInfoEl.replaceChildren(...(journey ? [journeyInfo(journey)] : []));
    this.structure?.update(board);
    this.facil.update(board);
  }

  private renderJourneyNav(board: Board): void {
    const journeys = sortedJourneys(board);
    this.journeyNav.hidden = journeys.length < 2;
    if (journeys.length < 2) return;
    this.journeyNav.replaceChildren(
      ...journeys.map((j) => {
        const b = h(
          'button',
          { type: 'button', class: 'journeys__tab', 'aria-pressed': String(j.id === this.journeyId) },
          j.title,
          h('span', { class: 'journeys__group' }, ` · ${t(`group.${j.targetGroup}` as MessageKey)}`),
        );
        b.addEventListener('click', () => {
          this.journeyId = j.id;
          this.renderNow();
        });
        return b;
      }),
    );
  }

  private renderFailure(): void {
    const reason = this.client.failReason ?? 'not_found';
    const actions: HTMLElement[] = [];
    if (reason === 'protocol_version') {
      const reload = h('button', { type: 'button', class: 'button' }, t('fail.reload'));
      reload.addEventListener('click', () => location.reload());
      actions.push(reload);
    }
    if (reason === 'forbidden') {
      forgetFacilitatorKey(this.opts.workshopId);
      actions.push(h('a', { class: 'button', href: `#/w/${this.opts.workshopId}` }, t('fail.joinAsParticipant')));
    }
    actions.push(h('a', { class: 'button button--quiet', href: '#/' }, t('fail.home')));
    this.grid.el.hidden = true;
    this.journeyInfoEl.replaceChildren();
    this.statusArea.replaceChildren(
      h('div', { class: 'panel failure', role: 'alert' }, h('p', null, t(`fail.${reason}` as MessageKey)), h('p', { class: 'failure__actions' }, ...actions)),
    );
  }

  private gridContext(): GridContext {
    const names = new Map<string, string>();
    const editors = new Map<string, string[]>();
    const me = this.client.me?.participantId;
    for (const p of this.client.participants) {
      names.set(p.participantId, p.displayName);
      if (p.online && p.editing && p.participantId !== me) {
        const list = editors.get(p.editing) ?? [];
        list.push(p.displayName);
        editors.set(p.editing, list);
      }
    }
    if (this.client.me) names.set(this.client.me.participantId, this.client.me.displayName);
    return { names, editors, decorate: this.voting.decorate };
  }

  // ---- sync events ----

  private onSyncEvent(e: SyncEvent): void {
    switch (e.type) {
      case 'board':
        for (const change of e.remote) this.announceRemote(change);
        this.scheduleRender();
        return;
      case 'connection':
        this.conn.update(this.client.status, this.client.pendingCount);
        if (this.client.status === 'failed') this.renderNow();
        else this.scheduleRender();
        return;
      case 'presence':
        this.scheduleRender();
        return;
      case 'me':
        if (this.client.me?.role !== 'facilitator') {
          // Handed over or demoted: a remembered facilitator key would make us one again.
          forgetFacilitatorKey(this.opts.workshopId);
          if (/[?&]key=/.test(location.hash)) history.replaceState(null, '', `#/w/${this.opts.workshopId}`);
        }
        this.facil.roleChanged();
        this.scheduleRender();
        return;
      case 'rejected': {
        const known = ['not_found', 'conflict', 'invalid', 'forbidden', 'limit', 'locked'];
        const reason = this.voting.rejectionText(e.op, e.code) ?? t(`reason.${known.includes(e.code) ? e.code : 'other'}` as MessageKey);
        this.toasts.show(t('notice.rejected', { reason }));
        return;
      }
      case 'notice':
        this.toasts.show(t('notice.server'));
        return;
    }
  }

  private announceRemote(change: RemoteChange): void {
    const board = this.client.board;
    const name = this.gridContext().names.get(change.by) ?? t('announce.someone');
    const where = (phaseId: string, laneId: string) => ({
      phase: board?.phases.get(phaseId)?.title ?? '',
      lane: board?.lanes.get(laneId)?.title ?? '',
    });
    const op = change.op;
    switch (op.kind) {
      case 'card.add':
        this.announcer.remoteChange(t('announce.added', { name, ...where(op.phaseId, op.laneId) }));
        return;
      case 'card.update':
        this.announcer.remoteChange(t('announce.updated', { name }));
        return;
      case 'card.move':
        this.announcer.remoteChange(t('announce.moved', { name, ...where(op.phaseId, op.laneId) }));
        return;
      case 'card.delete':
        this.announcer.remoteChange(t('announce.deleted', { name }));
        return;
      default:
        const text = this.voting.remoteText(op);
        // '' = nothing to say (e.g. one's own vote from another tab).
        if (text !== '') this.announcer.remoteChange(text ?? t('announce.structure', { name }));
    }
  }

  // ---- user actions ----

  private submit(op: Operation): void {
    if (this.facil.refuses(op)) return;
    this.client.submit(op);
  }

  private addCard(phaseId: string, laneId: string, text: string): string | null {
    const board = this.client.board;
    const lane = board?.lanes.get(laneId);
    if (!board || !lane || !this.journeyId) return null;
    const cardId = randomId();
    this.submit({
      kind: 'card.add',
      cardId,
      journeyId: this.journeyId,
      phaseId,
      laneId,
      text,
      color: defaultColor(lane.kind) as CardColor,
      orderKey: keyAtEnd(cardsInCell(board, phaseId, laneId)),
    });
    this.renderNow(); // so the new card exists to take focus
    return cardId;
  }

  private removeCard(cardId: string): void {
    const board = this.client.board;
    const card = board?.cards.get(cardId);
    if (!board || !card) return;
    // Keyboard users land on the next card of the cell, or the previous, or its add button.
    const cell = cardsInCell(board, card.phaseId, card.laneId);
    const at = cell.findIndex((c) => c.id === cardId);
    const neighbour = cell[at + 1] ?? cell[at - 1];
    const hadFocus = this.grid.cardViews.get(cardId)?.el.contains(document.activeElement) ?? false;
    this.lastDeleted = card;
    this.submit({ kind: 'card.delete', cardId });
    this.renderNow();
    if (hadFocus) {
      const next = neighbour ? this.grid.cardViews.get(neighbour.id) : undefined;
      if (next) next.focus();
      else this.grid.cellAt(card.phaseId, card.laneId)?.addButton.focus();
    }
    this.toasts.show(t('toast.deleted'), { label: t('toast.undo'), run: () => this.undoDelete() }, 10_000);
  }

  private undoDelete(): void {
    const card = this.lastDeleted;
    if (!card) return;
    this.lastDeleted = null;
    const cardId = randomId();
    this.submit({
      kind: 'card.add',
      cardId,
      journeyId: card.journeyId,
      phaseId: card.phaseId,
      laneId: card.laneId,
      text: card.text,
      color: card.color,
      orderKey: card.orderKey,
    });
    this.renderNow();
    this.grid.cardViews.get(cardId)?.focus();
    this.announcer.now(t('announce.restored'));
  }

  private dropCard(cardId: string, phaseId: string, laneId: string, index: number): void {
    const board = this.client.board;
    if (!board) return;
    const op = planDrop(board, cardId, phaseId, laneId, index);
    if (!op) return;
    this.submit(op);
    this.renderNow();
  }

  private keyboardMove(cardId: string, direction: MoveDirection): void {
    const board = this.client.board;
    if (!board) return;
    const op = planKeyboardMove(board, cardId, direction);
    if (!op) {
      this.announcer.now(t('announce.cannotMove'));
      return;
    }
    this.submit(op);
    this.renderNow();
    const view = this.grid.cardViews.get(cardId);
    if (view) {
      view.focus();
      view.el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
    const after = this.client.board!;
    const cell = cardsInCell(after, op.phaseId, op.laneId);
    this.announcer.now(
      t('announce.movedSelf', {
        phase: after.phases.get(op.phaseId)?.title ?? '',
        lane: after.lanes.get(op.laneId)?.title ?? '',
        index: cell.findIndex((c) => c.id === cardId) + 1,
        count: cell.length,
      }),
    );
  }

  private readonly onKeyDown = (ev: KeyboardEvent): void => {
    if (ev.defaultPrevented || isTyping(ev.target) || this.help.el.open) return;
    if (ev.key === '?' && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
      ev.preventDefault();
      this.help.open();
    } else if ((ev.key === 'z' || ev.key === 'Z') && (ev.ctrlKey || ev.metaKey) && !ev.shiftKey && this.lastDeleted) {
      ev.preventDefault();
      this.undoDelete();
    }
  };

  private readonly onPageHide = (): void => {
    this.client.flush();
  };
}
