// The big screen (`#/w/{id}?screen={key}`): a presentation for the projector that follows the
// facilitator's stage, or the stage pinned on it (P-FAC-10), one slide per stage, sized to the
// viewport so that nothing ever scrolls. Read-only: it joins with the screen key and sends no
// operation.

import '../../styles/screen.css';
import { sortedJourneys, type Board } from '../../model/board';
import { currentStage, timerRemaining } from '../../model/facilitation';
import { latestClosedRound } from '../../model/improvements';
import { openRound } from '../../model/voting';
import { t, type MessageKey } from '../../i18n/i18n';
import { syncStoreFor } from '../../sync/SyncStore';
import { SyncClient } from '../../sync/SyncClient';
import { versionReload } from '../../sync/versionReload';
import { browserClock, browserNetwork, browserSocketFactory, webSocketUrl } from '../../sync/environment';
import { MemoryStorage } from '../../util/MemoryStorage';
import { sessionStorageOrMemory, type View } from '../chrome';
import { h } from '../dom';
import { formatRemaining } from '../facilitator/timerFormat';
import { hyphenateTree, loadHyphenation, type Hyphenate } from './hyphenation';
import { cutToLines } from './cutToLines';
import { PosterBoard } from './PosterBoard';
import { NextFrame } from '../../util/NextFrame';
import { resultsChart } from './ResultsChart';
import { shownStageId, slideFor, type SlideKind } from './screenSlide';
import { evaluationSlide, improvementsSlide, joinAddress, joinSlide, slideTitle, voteSlide, writingSlide } from './slides';

export interface ScreenViewOptions {
  workshopId: string;
  screenKey: string;
  displayName: string;
}

/** Owns the screen's sync client and its slides. */
export class ScreenView implements View {
  private readonly client: SyncClient;
  private readonly poster = new PosterBoard();
  private readonly barEl = h('header', { class: 'screen__bar' });
  private readonly slideEl = h('main', { id: 'main', class: 'screen__slide', tabindex: -1 });
  private readonly rootEl = h('div', { class: 'screen', 'data-testid': 'big-screen' }, this.barEl, this.slideEl);
  private readonly countdownEl = h('p', { class: 'screen__countdown', role: 'timer', 'data-testid': 'screen-countdown' });
  private root: HTMLElement | null = null;
  private readonly frame = new NextFrame(() => this.render());
  private ticker: number | null = null;
  private unsubscribe: (() => void) | null = null;
  /** What the slide on show was built from: rebuilt only when this changes. */
  private shownKey = '';
  /** Counts board changes (the client updates its board in place), for the slides that show its content. */
  private version = 0;
  /** Soft hyphens for long words, once the patterns of the page's language have loaded. */
  private hyphenate: Hyphenate | null = null;

  constructor(private readonly opts: ScreenViewOptions) {
    this.client = new SyncClient({
      url: webSocketUrl(window.location, opts.workshopId),
      workshopId: opts.workshopId,
      displayName: opts.displayName,
      screenKey: opts.screenKey,
      store: syncStoreFor(opts.workshopId, true, new MemoryStorage(), new MemoryStorage()),
      socketFactory: browserSocketFactory,
      clock: browserClock,
      network: browserNetwork,
      versionReload: versionReload(sessionStorageOrMemory(), () => location.reload()),
    });
  }

  mount(root: HTMLElement): void {
    this.root = root;
    root.replaceChildren(this.rootEl);
    document.documentElement.classList.add('is-big-screen');
    window.addEventListener('resize', this.onResize);
    this.unsubscribe = this.client.subscribe((e) => {
      if (e.type === 'board') this.version += 1;
      this.scheduleRender();
    });
    this.client.start();
    this.ticker = window.setInterval(() => this.tick(), 250);
    this.loadHyphenation();
    this.render();
  }

  /** Loads the hyphenation patterns of the page's language, then draws the slide again with them. */
  private loadHyphenation(): void {
    const lang = document.documentElement.lang;
    delete this.rootEl.dataset.hyphens;
    loadHyphenation(lang)
      .then((hyphenate) => {
        if (document.documentElement.lang !== lang) return;
        this.hyphenate = hyphenate;
        this.poster.hyphenate = hyphenate;
        this.rootEl.dataset.hyphens = lang;
        this.shownKey = '';
        this.scheduleRender();
      })
      .catch(() => {
        // Without the patterns long words still wrap (overflow-wrap), only not at a syllable.
      });
  }

  unmount(): void {
    this.frame.cancel();
    if (this.ticker !== null) window.clearInterval(this.ticker);
    window.removeEventListener('resize', this.onResize);
    document.documentElement.classList.remove('is-big-screen');
    this.unsubscribe?.();
    this.client.stop();
    this.root?.replaceChildren();
    document.title = t('app.name');
  }

  relabel(): void {
    this.hyphenate = null;
    this.poster.hyphenate = null;
    this.loadHyphenation();
    this.shownKey = '';
    this.render();
  }

  /** The test hook and debugging aid, as BoardView's. */
  get sync(): SyncClient {
    return this.client;
  }

  private readonly onResize = (): void => {
    // The poster measures its cells; other slides scale with the viewport by themselves, but
    // for where a long text is cut.
    if (this.rootEl.dataset.slide === 'board') {
      this.shownKey = '';
      this.scheduleRender();
    } else {
      cutToLines(this.slideEl);
    }
  };

  private scheduleRender(): void {
    this.frame.request();
  }

  private render(): void {
    const board = this.client.board;
    if (this.client.status === 'failed') {
      const reason = this.client.failReason ?? 'not_found';
      this.show('failed', [reason], () => h('div', { class: 'screen__message', role: 'alert' }, t(`fail.${reason}` as MessageKey)));
      return;
    }
    if (!board) {
      this.show('loading', [], () => h('p', { class: 'screen__message' }, t('screen.loading')));
      return;
    }
    document.title = `${board.workshop.title} – ${t('app.name')}`;
    const kind = slideFor(board);
    this.renderBar(board, kind);
    const participants = this.client.participants;
    const unlisted = this.client.unlisted;
    const code = this.client.joinCode;
    const journeyId = this.journeyId(board);
    const version = this.version;
    switch (kind) {
      case 'join':
        this.show(kind, [code, participants.map((p) => [p.role, p.online]), unlisted.online], () => joinSlide(code, participants, unlisted));
        return;
      case 'board':
        // The poster is measured to fit, so it is drawn once it is on the page.
        if (this.show(kind, [journeyId, version], () => h('div', { class: 'poster-slide' }, this.poster.el)) && journeyId) {
          this.poster.render(board, journeyId);
        }
        return;
      case 'writing':
        this.show(kind, [journeyId, version], () =>
          journeyId ? writingSlide(board, journeyId) : h('div'),
        );
        return;
      case 'vote': {
        const round = openRound(board)!;
        this.show(kind, [round.id, round.criterion, participants.map((p) => p.voting ?? null), unlisted.voters], () =>
          voteSlide(round, participants, this.countdownEl, unlisted.voters),
        );
        this.tick();
        return;
      }
      case 'results': {
        const round = latestClosedRound(board);
        // Built again only when the result itself changes, so the bars grow in once.
        const texts = (round?.result?.ranking ?? []).map((e) => board.cards.get(e.itemId)?.text ?? board.groups.get(e.itemId)?.title);
        this.show(kind, [round?.id, round?.result, texts], () =>
          h(
            'div',
            { class: 'results-slide' },
            slideTitle(round ? t('screen.resultsTitle', { criterion: round.criterion }) : t('screen.resultsNone')),
            round ? resultsChart(board, round) : null,
          ),
        );
        return;
      }
      case 'improvements':
        this.show(kind, [version], () => improvementsSlide(board));
        return;
      case 'evaluation':
        this.show(kind, [board.evaluation.open, board.evaluation.count, board.evaluation.summary], () => evaluationSlide(board));
        return;
    }
  }

  /** Replaces the slide when its kind or the data it shows changed; true when it did. */
  private show(kind: SlideKind | 'loading' | 'failed', data: unknown[], build: () => HTMLElement): boolean {
    const key = JSON.stringify([kind, ...data]);
    if (key === this.shownKey) return false;
    this.shownKey = key;
    this.rootEl.dataset.slide = kind;
    this.slideEl.replaceChildren(build());
    // On the page: it measures which words do not fit their column.
    if (this.hyphenate) hyphenateTree(this.slideEl, this.hyphenate);
    cutToLines(this.slideEl);
    return true;
  }

  private renderBar(board: Board, kind: SlideKind): void {
    const stage = board.facilitation.stages.find((s) => s.id === shownStageId(board)) ?? currentStage(board.facilitation);
    const code = this.client.joinCode;
    const corner = code && kind !== 'join' ? t('screen.codeCorner', { url: joinAddress(code).shown, code }) : '';
    const key = JSON.stringify([board.workshop.title, stage?.title, corner]);
    if (this.barEl.dataset.key === key) return;
    this.barEl.dataset.key = key;
    this.barEl.replaceChildren(
      h('h1', { class: 'screen__stage' }, h('span', { class: 'screen__workshop' }, board.workshop.title), stage ? ` · ${stage.title}` : ''),
      corner ? h('p', { class: 'screen__corner', 'data-testid': 'screen-corner' }, corner) : '',
    );
  }

  /** The round's own time limit, else the facilitator's timer while it runs. */
  private tick(): void {
    const board = this.client.board;
    if (!board || this.rootEl.dataset.slide !== 'vote') return;
    const round = openRound(board);
    const now = this.client.serverNow();
    let text = t('screen.voteNoTime');
    if (round?.endsAt) text = formatRemaining(Math.max(0, round.endsAt - now));
    else if (board.facilitation.timer.endsAt !== null) text = formatRemaining(timerRemaining(board.facilitation.timer, now));
    if (this.countdownEl.textContent !== text) this.countdownEl.textContent = text;
  }

  /** The journey the facilitator brings everyone to, else the first. */
  private journeyId(board: Board): string | null {
    const focus = board.facilitation.focus?.journeyId;
    if (focus && board.journeys.has(focus)) return focus;
    return sortedJourneys(board)[0]?.id ?? null;
  }
}
