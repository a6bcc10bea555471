// The board screen: top bar, the journey table, the side panel (join code, presence), and the
// glue between user actions and the sync client.

import { cardsInCell, lanesOf, phasesOf, sortedJourneys, type Board, type Card } from '../model/board';
import { planDrop, planKeyboardMove, type MoveDirection } from '../model/moves';
import { openRound } from '../model/voting';
import { keyAtEnd } from '../model/orderKeys';
import type { CardColor, Operation } from '../protocol/types';
import { t, type MessageKey } from '../i18n/i18n';
import { syncStoreFor } from '../sync/SyncStore';
import { SyncClient, type RemoteChange, type SyncEvent } from '../sync/SyncClient';
import { browserClock, browserNetwork, browserSocketFactory, webSocketUrl } from '../sync/environment';
import { MemoryStorage } from '../util/MemoryStorage';
import { randomId } from '../util/ids';
import { Announcer } from './Announcer';
import { BoardGrid, defaultColor, type GridContext } from './BoardGrid';
import { BoardZoom } from './BoardZoom';
import { langButton, pageFooter, safeLocalStorage, sessionStorageOrMemory, skipLinks, type View } from './chrome';
import { ConnectionIndicator } from './ConnectionIndicator';
import { DragController } from './DragController';
import { NextFrame } from '../util/NextFrame';
import { h, isTyping } from './dom';
import { HelpDialog } from './HelpDialog';
import { ListView } from './list/ListView';
import { GroupFolds } from './GroupFolds';
import { PresenceList } from './PresenceList';
import { forgetFacilitatorKey, rememberBoardMode, rememberedBoardMode, rememberFacilitatorKey, rememberJoinCode, type BoardMode } from './prefs';
import { SharePanel, screenLinkFor } from './SharePanel';
import { ControlsDrawer } from './facilitator/ControlsDrawer';
import { ScreenPinControl } from './facilitator/ScreenPinControl';
import { journeyInfo } from './structure/journeyInfo';
import { deleteRejectionKey } from './structure/structureOps';
import { StructureEditor } from './structure/StructureEditor';
import { forgetWorkshop } from './templates/earlierWorkshops';
import { Toasts } from './Toasts';
import { EvaluationController } from './evaluation/EvaluationController';
import { ExportDialog } from './export/ExportDialog';
import { FacilitationController } from './facilitator/FacilitationController';
import { VotingController } from './voting/VotingController';
import { MethodController } from './method/MethodController';
import { versionReload } from '../sync/versionReload';

export interface BoardViewOptions {
  workshopId: string;
  displayName: string;
  facilitatorKey: string | null;
  joinCode: string | null;
}

/** Owns the sync client of one workshop and every element of the board screen. */
export class BoardView implements View {
  private readonly client: SyncClient;
  private root: HTMLElement | null = null;
  private readonly grid: BoardGrid;
  private readonly zoom: BoardZoom;
  /** The journeys' tabs and the zoom controls, above the board. */
  private readonly boardBar: HTMLDivElement;
  private readonly list: ListView;
  /** Narrow screens get the list unless the user chose; the choice is remembered. */
  private readonly narrow = window.matchMedia('(max-width: 699px)');
  private mode: BoardMode = 'grid';
  private readonly modeButton: HTMLButtonElement;
  private drag: DragController | null = null;
  private readonly conn = new ConnectionIndicator();
  private readonly presence = new PresenceList();
  private readonly toasts = new Toasts();
  private readonly announcer = new Announcer();
  private readonly help = new HelpDialog();
  private share: SharePanel | null = null;
  /** Pins a stage on the big screen (P-FAC-10); shown with the screen link. */
  private readonly screenPin = new ScreenPinControl({ submit: (op) => this.submit(op), announce: (text) => this.announcer.now(text) });
  private structure: StructureEditor | null = null;
  private readonly journeyInfoEl: HTMLDivElement;
  private readonly titleEl: HTMLHeadingElement;
  private readonly mainEl: HTMLElement;
  private readonly asideEl: HTMLElement;
  /** The side panel: the facilitator's drawer of controls, or who is here for everyone else. */
  private readonly drawer: ControlsDrawer;
  private readonly journeyNav: HTMLElement;
  private readonly statusArea: HTMLDivElement;
  private readonly topActions: HTMLDivElement;
  private readonly skipEl = h('div', { class: 'skip-links' });
  private footerEl: HTMLElement = h('footer');
  private journeyId: string | null = null;
  private lastDeleted: Card | null = null;
  private readonly frame = new NextFrame(() => this.renderNow());
  private unsubscribe: (() => void) | null = null;
  private readonly facil: FacilitationController;
  private readonly voting: VotingController;
  private readonly method: MethodController;
  private readonly evaluation: EvaluationController;
  private exporter: ExportDialog | null = null;
  /** The key this tab came in with or was given (P-HTTP-11); null once the role is gone. */
  private facilitatorKey: string | null;

  constructor(private readonly opts: BoardViewOptions) {
    this.facilitatorKey = opts.facilitatorKey;
    const local = safeLocalStorage() ?? new MemoryStorage();
    this.client = new SyncClient({
      url: webSocketUrl(window.location, opts.workshopId),
      workshopId: opts.workshopId,
      displayName: opts.displayName,
      facilitatorKey: opts.facilitatorKey ?? undefined,
      store: syncStoreFor(opts.workshopId, false, local, sessionStorageOrMemory()),
      socketFactory: browserSocketFactory,
      clock: browserClock,
      network: browserNetwork,
      versionReload: versionReload(sessionStorageOrMemory(), () => location.reload()),
    });
    this.grid = new BoardGrid({
      addCard: (phaseId, laneId, text) => this.addCard(phaseId, laneId, text),
      commitText: (cardId, text) => this.submit({ kind: 'card.update', cardId, text }),
      setColor: (cardId, color) => this.submit({ kind: 'card.update', cardId, color }),
      remove: (cardId) => this.removeCard(cardId),
      editingChanged: (cardId) => this.client.setEditing(cardId),
      moveCard: (cardId, phaseId, laneId, index) => this.dropCard(cardId, phaseId, laneId, index),
      keyboardMove: (cardId, direction) => this.keyboardMove(cardId, direction),
    }, new GroupFolds(opts.workshopId, () => this.scheduleRender()));
    this.list = new ListView({
      addCard: (journeyId, phaseId, laneId, text) => this.addCard(phaseId, laneId, text, journeyId),
      commitText: (cardId, text) => this.submit({ kind: 'card.update', cardId, text }),
      setColor: (cardId, color) => this.submit({ kind: 'card.update', cardId, color }),
      remove: (cardId) => this.removeCard(cardId),
      editingChanged: (cardId) => this.client.setEditing(cardId),
      step: (cardId, direction) => this.keyboardMove(cardId, direction),
      moveTo: (cardId, phaseId, laneId) => this.moveTo(cardId, phaseId, laneId),
      placesOf: (journeyId) => {
        const board = this.client.board;
        return board ? { phases: phasesOf(board, journeyId), lanes: lanesOf(board, journeyId) } : { phases: [], lanes: [] };
      },
    });
    this.mode = rememberedBoardMode() ?? (this.narrow.matches ? 'list' : 'grid');
    this.modeButton = h('button', { type: 'button', class: 'button button--quiet view-switch' });
    this.modeButton.addEventListener('click', () => this.setMode(this.mode === 'grid' ? 'list' : 'grid', true));
    this.titleEl = h('h1', { class: 'topbar__title' });
    this.topActions = h('div', { class: 'topbar__actions' });
    this.journeyNav = h('nav', { class: 'journeys', hidden: true });
    this.statusArea = h('div', { class: 'board-status' });
    this.journeyInfoEl = h('div', { class: 'journey-info-area' });
    this.zoom = new BoardZoom(this.grid.el, () => this.grid.tableEl, () => {
      // Fitted by the user: the board's bar and box in view, if the page has scrolled away.
      const bar = this.boardBar.getBoundingClientRect();
      const box = this.grid.el.getBoundingClientRect();
      if (bar.top < 0 || box.bottom > window.innerHeight) this.boardBar.scrollIntoView({ block: 'start' });
    });
    this.boardBar = h('div', { class: 'board-bar' }, this.journeyNav, this.zoom.controls);
    this.mainEl = h('main', { id: 'main', class: 'board-main', tabindex: -1 }, this.journeyInfoEl, this.statusArea, this.boardBar, this.grid.el, this.list.el);
    this.asideEl = h('aside', { id: 'aside', class: 'board-aside', tabindex: -1 });
    this.drawer = new ControlsDrawer(this.asideEl);
    this.evaluation = new EvaluationController({
      submit: (op) => this.submit(op),
      announcer: this.announcer,
    });
    this.facil = new FacilitationController({
      client: this.client,
      announcer: this.announcer,
      notify: (text) => this.toasts.show(text, undefined, 5_000),
      mainEl: this.mainEl,
      boardEls: [this.grid.el, this.list.el],
      journeyId: () => this.journeyId,
      showJourney: (id) => {
        this.journeyId = id;
        this.renderNow();
      },
      panelSections: [this.evaluation.results.el],
      joinCode: () => this.share?.code ?? null,
      screenLink: () => (this.client.screenKey ? screenLinkFor(this.opts.workshopId, this.client.screenKey) : null),
      showRound: () => this.voting.panel.reveal(),
      showJoin: (opener) => this.drawer.open(opener, this.share?.el),
    });
    this.mainEl.prepend(this.facil.banner.el, this.facil.bar.el);
    this.drawer.bindToggle(this.facil.bar.more);
    this.voting = new VotingController({
      board: () => this.client.board,
      me: () => this.client.me,
      participants: () => this.client.participants,
      unlistedVoters: () => this.client.unlisted.voters,
      names: () => this.gridContext().names,
      serverNow: () => this.client.serverNow(),
      offline: () => this.client.status !== 'online',
      pending: () => this.client.pendingCount,
      submit: (op) => this.submit(op),
      renderNow: () => this.renderNow(),
      announcer: this.announcer,
      toasts: this.toasts,
    });
    this.mainEl.insertBefore(this.voting.panel.el, this.boardBar);
    this.method = new MethodController({
      board: () => this.client.board,
      me: () => this.client.me,
      submit: (op) => this.submit(op),
      announcer: this.announcer,
    });
    this.mainEl.append(this.method.panel.el);
    this.mainEl.insertBefore(this.evaluation.form.el, this.voting.panel.el);
    this.syncFacilitatorTools();
    if (opts.joinCode) {
      this.share = this.makeShare(opts.joinCode);
    }
  }

  mount(root: HTMLElement): void {
    this.root = root;
    root.replaceChildren(
      this.skipEl,
      h('header', { class: 'topbar' }, h('div', { class: 'topbar__brand' }, this.titleEl), this.topActions),
      h('div', { class: 'board-layout' }, this.mainEl, this.asideEl),
      this.footerEl,
      this.toasts.el,
      this.announcer.el,
      this.help.el,
      this.voting.dialog.el,
    );
    if (this.structure) root.append(this.structure.el);
    if (this.exporter) root.append(this.exporter.el);
    this.renderChrome();
    this.drag = new DragController(this.grid.el, (cardId, target) =>
      this.dropCard(cardId, target.phaseId, target.laneId, target.index),
      this.voting,
    );
    document.addEventListener('keydown', this.onKeyDown);
    window.addEventListener('pagehide', this.onPageHide);
    this.narrow.addEventListener('change', this.onWidthChange);
    window.addEventListener('resize', this.onWindowResize);
    this.unsubscribe = this.client.subscribe((e) => this.onSyncEvent(e));
    this.client.start();
    this.renderNow();
  }

  unmount(): void {
    document.removeEventListener('keydown', this.onKeyDown);
    window.removeEventListener('pagehide', this.onPageHide);
    this.narrow.removeEventListener('change', this.onWidthChange);
    window.removeEventListener('resize', this.onWindowResize);
    this.zoom.dispose();
    this.frame.cancel();
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
    this.announcer.clear();
    this.help.render();
    this.zoom.relabel();
    this.structure?.relabel();
    this.drawer.relabel();
    this.share?.render();
    this.facil.relabel();
    this.evaluation.relabel();
    this.exporter?.relabel();
    this.renderChrome();
    const board = this.client.board;
    if (board && this.journeyId) this.grid.relabel(board, this.gridContext());
    if (board) this.list.relabel(board, this.gridContext());
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
    this.modeButton.textContent = t(this.mode === 'grid' ? 'view.toList' : 'view.toGrid');
    this.modeButton.setAttribute('aria-keyshortcuts', 'Alt+L');
    this.topActions.replaceChildren(this.conn.el, this.modeButton, helpButton, langButton());
    if (this.exporter) {
      const exportButton = h('button', { type: 'button', class: 'button button--quiet', 'data-testid': 'export-open' }, t('export.open'));
      exportButton.addEventListener('click', () => this.exporter?.open());
      this.topActions.prepend(exportButton);
    }
    if (this.structure) {
      const structureButton = h('button', { type: 'button', class: 'button button--quiet' }, t('structure.open'));
      structureButton.addEventListener('click', () => this.structure?.open());
      this.topActions.prepend(structureButton);
    }
    this.skipEl.replaceChildren(
      ...skipLinks([
        ['main', t(this.mode === 'grid' ? 'skip.board' : 'skip.list')],
        this.structure ? ['presenter', t('skip.presenter')] : ['aside', t('skip.aside')],
      ]),
    );
    this.footerEl.replaceWith((this.footerEl = pageFooter()));
    // A facilitator's side panel is the drawer the presenter bar opens; the board has the width.
    this.drawer.setEnabled(!!this.structure);
    this.drawer.fill([this.share?.el, this.facil.panel, this.presence.el].filter((e): e is HTMLElement => !!e));
    this.journeyNav.setAttribute('aria-label', t('board.journeys'));
  }

  private scheduleRender(): void {
    this.frame.request();
  }

  /**
   * The structure editor and the exports are the facilitator's: shown with the key before the
   * welcome says otherwise, and to anyone the room makes facilitator, also without the key.
   * A facilitator's HTTP requests carry the key this tab came in with, or else this
   * participant's own token, which the server accepts while their role is facilitator (P-HTTP-9).
   */
  private syncFacilitatorTools(): void {
    const role = this.client.me?.role;
    const wanted = role === undefined ? !!this.facilitatorKey : role === 'facilitator';
    if (wanted === !!this.structure) return;
    if (wanted) {
      // A facilitator's own token is valid exactly as long as their role, also when another
      // facilitator replaced the key this tab holds (P-HTTP-11); the key serves before the welcome.
      const credential = () =>
        (this.client.me?.role === 'facilitator' ? this.client.participantToken : null) ?? this.facilitatorKey ?? '';
      this.structure = new StructureEditor(this.opts.workshopId, credential, {
        submit: (op) => this.submit(op),
        notify: (message) => this.toasts.show(message),
        deleted: () => {
          forgetFacilitatorKey(this.opts.workshopId);
          forgetWorkshop(this.opts.workshopId);
          location.hash = '#/';
        },
        keyReplaced: (key) => this.useNewFacilitatorKey(key),
        otherFacilitators: () =>
          this.client.participants
            .filter((p) => p.role === 'facilitator' && p.participantId !== this.client.me?.participantId)
            .map((p) => p.displayName),
      });
      this.exporter = new ExportDialog(this.opts.workshopId, credential);
      this.root?.append(this.structure.el, this.exporter.el);
    } else {
      for (const dialog of [this.structure?.el, this.exporter?.el]) {
        if (dialog?.open) dialog.close();
        dialog?.remove();
      }
      this.structure = null;
      this.exporter = null;
    }
    if (this.root) this.renderChrome();
  }

  /**
   * P-HTTP-11: the old key opens nothing now; this tab and this browser keep the new one. The
   * address drops its key rather than show the new one: an address is how a key leaks (history,
   * a shared screen, a synced tab).
   */
  private useNewFacilitatorKey(key: string): void {
    this.facilitatorKey = key;
    this.client.setFacilitatorKey(key);
    rememberFacilitatorKey(this.opts.workshopId, key);
    if (/[?&]key=/.test(location.hash)) {
      const rest = location.hash.replace(/[?&]key=[^&]*/, '').replace(/^([^?&]*)&/, '$1?');
      history.replaceState(null, '', rest);
    }
  }

  private makeShare(code: string): SharePanel {
    return new SharePanel(
      code,
      () => this.toasts.show(t('share.copied'), undefined, 3_000),
      { workshopId: this.opts.workshopId, screenKey: () => this.client.screenKey, pinControl: this.screenPin.el },
      {
        open: () => this.client.board?.facilitation.doorOpen ?? null,
        set: (open) => this.submit({ kind: 'door.set', open }),
      },
    );
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
    this.frame.cancel();
    const client = this.client;
    this.showShareOnceKnown();
    this.syncFacilitatorTools();
    this.conn.update(client.status, client.pendingCount);
    this.presence.update(client.participants, client.me?.participantId ?? null, client.status === 'online', client.offlineCount, client.unlisted.online);
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
    this.grid.el.hidden = this.mode !== 'grid';
    this.list.el.hidden = this.mode !== 'list';
    this.mainEl.dataset.mode = this.mode;
    this.method.beginRender();
    if (this.mode === 'list') {
      this.journeyNav.hidden = true;
      this.list.render(board, this.gridContext());
    } else {
      this.renderJourneyNav(board);
      if (this.journeyId) this.grid.render(board, this.journeyId, this.gridContext());
    }
    const journey = this.journeyId ? board.journeys.get(this.journeyId) : undefined;
    // The list names every journey under its own h2: a second copy of one here was a duplicate.
    this.journeyInfoEl.replaceChildren(...(journey && this.mode === 'grid' ? [journeyInfo(journey)] : []));
    this.structure?.update(board);
    if (this.journeyId) this.voting.update(this.journeyId);
    if (this.journeyId) this.method.update(this.journeyId, journeys.map((j) => j.id), this.mode);
    this.evaluation.update(board, client.me?.role);
    this.facil.update(board);
    this.screenPin.update(board);
    if (this.mode === 'grid' && this.journeyId) this.grid.setReadOnly(this.facil.readOnly, board);
    this.zoom.controls.hidden = this.mode !== 'grid';
    this.placeVotingPanel(board);
    if (this.mode === 'grid') {
      this.fitBoxToWindow();
      this.zoom.afterRender();
    }
  }

  /**
   * During a round the ballot and its progress come first; otherwise the voting panel (start a
   * round, earlier results) waits under the board, which then starts at the top of the page.
   */
  private placeVotingPanel(board: Board): void {
    const panel = this.voting.panel.el;
    const before = openRound(board) ? this.boardBar : this.method.panel.el;
    if (panel.nextElementSibling !== before && before.parentElement === this.mainEl) {
      const hadFocus = panel.contains(document.activeElement) ? (document.activeElement as HTMLElement) : null;
      this.mainEl.insertBefore(panel, before);
      hadFocus?.focus({ preventScroll: true });
    }
  }

  /**
   * The board's box reaches from where it starts to the bottom of the window (at the page's
   * top): the whole poster is on screen without scrolling the page, and panning a zoomed board
   * is the box's own scrolling.
   */
  private fitBoxToWindow(): void {
    let top = this.grid.el.getBoundingClientRect().top + window.scrollY;
    // Much above the board (an open evaluation form): the board gets the whole window, under its
    // bar, and "Passend maken" scrolls it into view.
    if (top > window.innerHeight * 0.45) top = this.boardBar.offsetHeight + 8;
    const px = `${Math.round(top)}px`;
    if (this.grid.el.style.getPropertyValue('--board-top') !== px) this.grid.el.style.setProperty('--board-top', px);
  }

  private readonly onWindowResize = (): void => {
    if (this.mode === 'grid') this.fitBoxToWindow();
  };

  /** Switches between the table and the list; `chosen` when the user asked (then remembered). */
  private setMode(mode: BoardMode, chosen: boolean): void {
    if (chosen) rememberBoardMode(mode);
    if (mode === this.mode) return;
    const active = document.activeElement;
    const hadFocus = this.modeButton === active;
    // Focus in the view being hidden would drop to <body>: the same card in the other view,
    // else the board's main region, takes it.
    const leaving = this.mode === 'grid' ? this.grid.el : this.list.el;
    const inLeaving = active instanceof HTMLElement && leaving.contains(active);
    const cardId = inLeaving ? active.closest<HTMLElement>('[data-card-id]')?.dataset.cardId : undefined;
    this.mode = mode;
    this.renderChrome();
    this.renderNow();
    if (hadFocus) this.modeButton.focus();
    else if (cardId && this.client.board?.cards.has(cardId)) this.focusCard(cardId);
    else if (inLeaving) this.mainEl.focus();
    if (chosen) this.announcer.now(t(mode === 'list' ? 'announce.listShown' : 'announce.gridShown'));
  }

  private readonly onWidthChange = (): void => {
    if (rememberedBoardMode() === null) this.setMode(this.narrow.matches ? 'list' : 'grid', false);
  };

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
    if (reason === 'removed') forgetFacilitatorKey(this.opts.workshopId); // no way back in by key
    if (reason === 'forbidden' && this.facilitatorKey) {
      // This key was refused; a newer one another tab stored (P-HTTP-11) stays.
      forgetFacilitatorKey(this.opts.workshopId, this.facilitatorKey);
      this.facilitatorKey = null;
      this.syncFacilitatorTools();
    }
    if (reason === 'forbidden') {
      actions.push(h('a', { class: 'button', href: `#/w/${this.opts.workshopId}` }, t('fail.joinAsParticipant')));
    }
    actions.push(h('a', { class: 'button button--quiet', href: '#/' }, t('fail.home')));
    this.grid.el.hidden = true;
    this.journeyInfoEl.replaceChildren();
    this.list.el.hidden = true;
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
    return {
      names,
      editors,
      decorate: (view, card) => {
        this.voting.decorate(view, card);
        this.method.decorate(view, card);
      },
      decoratePhase: this.method.decoratePhase,
      laneDrawing: this.method.laneDrawing,
      cellMark: this.method.cellMark,
    };
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
          this.facilitatorKey = null;
          if (/[?&]key=/.test(location.hash)) history.replaceState(null, '', `#/w/${this.opts.workshopId}`);
        }
        this.facil.roleChanged();
        this.scheduleRender();
        return;
      case 'rejected': {
        const known = ['not_found', 'conflict', 'invalid', 'forbidden', 'limit', 'locked'];
        const structure = deleteRejectionKey(e.op, e.code);
        if (structure) {
          this.toasts.show(t(structure));
          return;
        }
        if (this.voting.explainLateVote(e.op)) return;
        const reason = this.voting.rejectionText(e.op, e.code) ?? t(`reason.${known.includes(e.code) ? e.code : 'other'}` as MessageKey);
        this.toasts.show(t('notice.rejected', { reason }));
        return;
      }
      case 'held':
        this.toasts.showOnce('held', t('notice.held'));
        return;
      case 'notice':
        this.toasts.show(t('notice.server'));
        return;
    }
  }

  private announceRemote(change: RemoteChange): void {
    const board = this.client.board;
    const name = this.gridContext().names.get(change.by) ?? t('announce.someone');
    // A card's add and move name only the card (P-SYNC-12): its place is the card's on the board now.
    const where = (cardId: string) => {
      const card = board?.cards.get(cardId);
      return {
        phase: (card && board?.phases.get(card.phaseId)?.title) ?? '',
        lane: (card && board?.lanes.get(card.laneId)?.title) ?? '',
      };
    };
    const op = change.op;
    switch (op.kind) {
      case 'card.add':
        this.announcer.remoteChange(t('announce.added', { name, ...where(op.cardId) }));
        return;
      case 'card.update':
        this.announcer.remoteChange(t('announce.updated', { name }));
        return;
      case 'card.move':
        this.announcer.remoteChange(t('announce.moved', { name, ...where(op.cardId) }));
        return;
      case 'card.delete':
        this.announcer.remoteChange(t('announce.deleted', { name }));
        return;
      case 'score.set': {
        // Others' scores are anonymous (P-METH-3): said politely, folded into a burst.
        const text = this.method.remoteText(op);
        if (text && change.by !== this.client.me?.participantId) this.announcer.remoteChange(text);
        return;
      }
      default: {
        if (this.facil.announcesItself(op) || this.evaluation.announcesItself(op)) return;
        const text = this.voting.remoteText(op);
        // '' = nothing to say (e.g. one's own vote from another tab).
        if (text === '') return;
        if (text && op.kind.startsWith('round.')) this.announcer.sessionChange(text);
        else this.announcer.remoteChange(text ?? t('announce.structure', { name }));
      }
    }
  }

  // ---- user actions ----

  private submit(op: Operation): void {
    if (this.facil.refuses(op)) return;
    this.client.submit(op);
  }

  private addCard(phaseId: string, laneId: string, text: string, journeyId = this.journeyId): string | null {
    const board = this.client.board;
    const lane = board?.lanes.get(laneId);
    if (!board || !lane || !journeyId) return null;
    const cardId = randomId();
    this.submit({
      kind: 'card.add',
      cardId,
      journeyId,
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
    const active = document.activeElement;
    const hadFocus =
      (this.grid.cardViews.get(cardId)?.el.contains(active) ?? false) || (this.list.cardViews.get(cardId)?.contains(active) ?? false);
    this.lastDeleted = card;
    this.submit({ kind: 'card.delete', cardId });
    this.renderNow();
    if (hadFocus) {
      if (neighbour) this.focusCard(neighbour.id);
      else if (this.mode === 'list') this.list.focusAdd(card.phaseId, card.laneId);
      else this.grid.cellAt(card.phaseId, card.laneId)?.addButton.focus();
    }
    this.toasts.show(t('toast.deleted'), { label: t('toast.undo'), run: () => this.undoDelete() }, 10_000, 'undo');
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
    this.focusCard(cardId);
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
    this.announceOwnMove(cardId, op.phaseId, op.laneId);
  }

  /** The list view's "Verplaatsen": to the end of the chosen phase and lane. */
  private moveTo(cardId: string, phaseId: string, laneId: string): void {
    const board = this.client.board;
    if (!board) return;
    const op = planDrop(board, cardId, phaseId, laneId, Number.MAX_SAFE_INTEGER);
    if (op) {
      this.submit(op);
      this.renderNow();
    }
    this.announceOwnMove(cardId, phaseId, laneId);
  }

  /** Focus on the card in whichever view is shown. */
  private focusCard(cardId: string): void {
    if (this.mode === 'list') {
      this.list.focusCard(cardId);
      return;
    }
    const view = this.grid.cardViews.get(cardId);
    if (view) {
      view.focus();
      view.el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  }

  /** Keeps the keyboard on the moved card and says where it is now. */
  private announceOwnMove(cardId: string, phaseId: string, laneId: string): void {
    // A button of the card (the list's "Omhoog") keeps focus, so it can be pressed again.
    const inCard = document.activeElement?.closest('[data-card-id]');
    if (!(inCard instanceof HTMLElement) || inCard.dataset.cardId !== cardId || inCard === document.activeElement) this.focusCard(cardId);
    const after = this.client.board!;
    const cell = cardsInCell(after, phaseId, laneId);
    this.announcer.now(
      t('announce.movedSelf', {
        phase: after.phases.get(phaseId)?.title ?? '',
        lane: after.lanes.get(laneId)?.title ?? '',
        index: cell.findIndex((c) => c.id === cardId) + 1,
        count: cell.length,
      }),
    );
  }

  private readonly onKeyDown = (ev: KeyboardEvent): void => {
    if (ev.defaultPrevented || isTyping(ev.target) || this.help.el.open) return;
    if (ev.altKey && !ev.ctrlKey && !ev.metaKey && ev.code === 'KeyL') {
      ev.preventDefault();
      this.setMode(this.mode === 'grid' ? 'list' : 'grid', true);
    } else if (ev.key === '?' && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
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
