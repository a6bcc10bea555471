// A round's ranking as the room sees it: a horizontal bar chart of the items with the most
// votes. Ranks, ties and votes are the server's (round.result, P-VOTE-8); the chart only cuts
// the list to what a projector shows and folds the rest into one line. The bars grow in once
// when the result appears (CSS; not under prefers-reduced-motion).

import type { Board, Round } from '../../model/board';
import { t, tCount } from '../../i18n/i18n';
import { h } from '../dom';
import { itemInfo } from '../voting/items';

/** How many bars fit on a projector at reading size. */
export const MAX_BARS = 6;

export function resultsChart(board: Board, round: Round): HTMLElement {
  const ranking = round.result?.ranking ?? [];
  const withVotes = ranking.filter((e) => e.votes > 0);
  const shown = withVotes.slice(0, MAX_BARS);
  const most = Math.max(1, ...shown.map((e) => e.votes));
  const bars = shown.map((e, i) => {
    const bar = h('span', { class: 'chart__bar' });
    bar.style.setProperty('--share', String(e.votes / most));
    bar.style.setProperty('--i', String(i));
    const place = e.tied ? t('screen.placeShared', { rank: e.rank }) : t('screen.place', { rank: e.rank });
    return h(
      'li',
      { class: 'chart__row', 'data-testid': 'chart-row' },
      h('span', { class: 'chart__rank', 'aria-label': t('screen.placeLabel', { rank: e.rank }) }, place),
      h('span', { class: 'chart__text', 'data-cut-lines': '' }, itemInfo(board, e.itemId).text),
      h('span', { class: 'chart__track' }, bar),
      h('span', { class: 'chart__votes' }, tCount('screen.votes', e.votes)),
    );
  });
  const folded = withVotes.length - shown.length;
  const zero = ranking.length - withVotes.length;
  const notes = [
    folded > 0 ? h('p', { class: 'screen__note' }, tCount('screen.folded', folded)) : null,
    zero > 0 ? h('p', { class: 'screen__note' }, tCount('screen.zero', zero)) : null,
  ];
  return h('div', { class: 'chart-wrap' }, h('ol', { class: 'chart', 'data-testid': 'results-chart' }, ...bars), ...notes);
}
