// The big screen's slides other than the poster and the chart: joining, private writing,
// voting, the improvement list and the evaluation. Each builds its DOM from board state and
// presence; ScreenView decides which one shows and when to build it again.

import { phasesOf, type Board } from '../../model/board';
import { improvementRows } from '../../model/improvements';
import type { Round } from '../../model/board';
import type { Person, Unlisted, VoterCount } from '../../sync/presence';
import { formatNumber, t, tCount, type MessageKey } from '../../i18n/i18n';
import { h } from '../dom';
import { qrSvg } from '../facilitator/qr';

/** A slide's heading (the bar above it holds the page's h1: workshop and stage). */
export function slideTitle(text: string): HTMLHeadingElement {
  return h('h2', { class: 'screen__title' }, text);
}

/**
 * Participants in the room now (facilitators lead, screens are not listed: P-PRES-2), with those
 * a crowded room's list counts instead of naming (P-PRES-6).
 */
export function peopleIn(participants: readonly Person[], unlistedOnline = 0): number {
  return participants.filter((p) => p.online && p.role === 'participant').length + unlistedOnline;
}

/** Where people go to join: the address without the scheme, and the link in the QR code. */
export function joinAddress(code: string): { shown: string; link: string } {
  const base = `${location.origin}${location.pathname}`;
  return { shown: base.replace(/^https?:\/\//, '').replace(/\/$/, ''), link: `${base}#/join/${code}` };
}

export function joinSlide(code: string | null, participants: readonly Person[], unlisted?: Unlisted): HTMLElement {
  const where = code ? joinAddress(code) : null;
  return h(
    'div',
    { class: 'join-slide' },
    h(
      'div',
      { class: 'join-slide__text' },
      slideTitle(t('screen.joinTitle')),
      h('p', { class: 'join-slide__go' }, t('screen.joinGo')),
      h('p', { class: 'join-slide__url', 'data-testid': 'screen-url', 'data-whole-words': '' }, where?.shown ?? ''),
      h('p', { class: 'join-slide__go' }, t('screen.joinCode')),
      h('p', { class: 'join-slide__code', 'data-testid': 'screen-join-code', 'data-whole-words': '' }, code ?? '…'),
      h('p', { class: 'join-slide__people', 'data-testid': 'screen-people' }, tCount('screen.people', peopleIn(participants, unlisted?.online))),
    ),
    where
      ? h('figure', { class: 'join-slide__qr' }, qrSvg(where.link, t('screen.qrLabel')), h('figcaption', null, t('screen.joinScan')))
      : null,
  );
}

export function writingSlide(board: Board, journeyId: string): HTMLElement {
  const counts = new Map<string, number>();
  for (const c of board.cards.values()) {
    if (c.journeyId === journeyId && !c.private) counts.set(c.phaseId, (counts.get(c.phaseId) ?? 0) + 1);
  }
  const hidden = board.facilitation.privateCount;
  return h(
    'div',
    { class: 'writing-slide' },
    slideTitle(t('screen.writingTitle')),
    h('p', { class: 'screen__lead' }, t('screen.writingIntro')),
    h('p', { class: 'writing-slide__hidden', 'data-testid': 'screen-hidden-count' }, tCount('screen.writingHidden', hidden)),
    h(
      'ul',
      { class: 'writing-slide__phases' },
      ...phasesOf(board, journeyId).map((p) =>
        h('li', { class: 'writing-slide__phase' }, h('span', { class: 'writing-slide__name' }, p.title), h('span', { class: 'writing-slide__count' }, tCount('screen.cards', counts.get(p.id) ?? 0))),
      ),
    ),
  );
}

/** Who may vote in the open round and who said they are done: counts only (P-VOTE-7). */
export function voteProgress(participants: readonly Person[], unlisted: VoterCount = { count: 0, done: 0 }): { done: number; total: number } {
  const voters = participants.filter((p) => p.voting);
  return { done: voters.filter((p) => p.voting!.done).length + unlisted.done, total: voters.length + unlisted.count };
}

export function voteSlide(round: Round, participants: readonly Person[], countdown: HTMLElement, unlisted?: VoterCount): HTMLElement {
  const { done, total } = voteProgress(participants, unlisted);
  const meter = h('meter', { class: 'vote-slide__meter', min: 0, max: Math.max(1, total), value: done, 'aria-hidden': 'true' });
  return h(
    'div',
    { class: 'vote-slide' },
    slideTitle(t('screen.voteTitle', { criterion: round.criterion })),
    countdown,
    h('p', { class: 'vote-slide__progress', 'data-testid': 'screen-vote-progress' }, t('screen.voteProgress', { done, total })),
    meter,
    h('p', { class: 'screen__lead' }, t('screen.voteHow')),
  );
}

/** How many improvement rows fit on a projector at reading size. */
export const MAX_IMPROVEMENTS = 5;

export function improvementsSlide(board: Board): HTMLElement {
  const rows = improvementRows(board);
  const shown = rows.slice(0, MAX_IMPROVEMENTS);
  const folded = rows.length - shown.length;
  return h(
    'div',
    { class: 'improvements-slide' },
    slideTitle(t('screen.improvementsTitle')),
    rows.length === 0
      ? h('p', { class: 'screen__lead' }, t('screen.improvementsNone'))
      : h(
          'ol',
          { class: 'improvements-slide__list', 'data-testid': 'screen-improvements' },
          ...shown.map((r) =>
            h(
              'li',
              { class: 'improvements-slide__row' },
              h('span', { class: 'chart__rank' }, r.tied ? t('screen.placeShared', { rank: r.rank }) : t('screen.place', { rank: r.rank })),
              h('span', { class: 'improvements-slide__text', 'data-cut-lines': '' }, r.text),
              h('span', { class: 'improvements-slide__votes' }, tCount('screen.votes', r.total)),
              h(
                'span',
                { class: 'improvements-slide__who' },
                r.owner ? t('screen.owner', { owner: r.owner }) : t('screen.noOwner'),
                ' · ',
                t(`status.${r.status}` as MessageKey),
              ),
            ),
          ),
        ),
    folded > 0 ? h('p', { class: 'screen__note' }, tCount('screen.listMore', folded)) : null,
  );
}

/**
 * The poll's result as the server summed it up (P-EVAL-4): the average, how often each rating
 * was given, and the remarks the facilitator chose, without names.
 */
export function evaluationSlide(board: Board): HTMLElement {
  const e = board.evaluation;
  const { ratings, average, shown } = e.summary;
  const most = Math.max(1, ...ratings);
  const rows = [5, 4, 3, 2, 1].map((rating) => {
    const n = ratings[rating - 1] ?? 0;
    const bar = h('span', { class: 'evaluation-slide__bar' });
    bar.style.setProperty('--share', String(n / most));
    return h(
      'li',
      { class: 'evaluation-slide__rating', 'data-testid': 'screen-rating' },
      h('span', { class: 'evaluation-slide__label' }, t(`evaluation.rating.${rating}` as MessageKey)),
      h('span', { class: 'evaluation-slide__track', 'aria-hidden': 'true' }, bar),
      h('span', { class: 'evaluation-slide__n' }, formatNumber(n)),
    );
  });
  const numbers = h(
    'div',
    { class: 'evaluation-slide__numbers' },
    h(
      'p',
      { class: 'evaluation-slide__average', 'data-testid': 'screen-average' },
      h('span', { class: 'evaluation-slide__mean' }, average === null ? '–' : formatNumber(average, { minimumFractionDigits: 1, maximumFractionDigits: 1 })),
      h('span', { class: 'evaluation-slide__what' }, t('screen.average')),
    ),
    h('p', { class: 'evaluation-slide__count', 'data-testid': 'screen-answers' }, tCount('screen.answers', e.count)),
    h('ol', { class: 'evaluation-slide__ratings', 'aria-label': t('screen.ratingsLabel') }, ...rows),
  );
  const remarks =
    shown.length === 0
      ? null
      : h(
          'section',
          { class: 'evaluation-slide__remarks', 'aria-label': t('screen.remarksTitle') },
          ...shown.map((r) => h('blockquote', { class: 'evaluation-slide__remark', 'data-testid': 'screen-remark' }, h('p', { 'data-cut-lines': '' }, r.remarks))),
        );
  return h(
    'div',
    { class: 'evaluation-slide' },
    slideTitle(t('screen.evaluationTitle')),
    h('p', { class: 'screen__lead' }, t(e.open ? 'screen.evaluationOpen' : 'screen.evaluationClosed')),
    h('div', { class: remarks ? 'evaluation-slide__body evaluation-slide__body--remarks' : 'evaluation-slide__body' }, numbers, remarks),
  );
}
