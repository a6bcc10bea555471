// The revealed ranking of one round as a table: place (ties shown as shared places), the
// item, its votes (digital and on paper), and who voted when the round was not anonymous.

import type { Board, Round } from '../../model/board';
import { t } from '../../i18n/i18n';
import { h } from '../dom';
import { paperTotals, resultRows } from './results';

export function roundSettingsText(round: Round): string {
  const parts = [
    t('round.settings.budget', { budget: round.budget, max: round.maxPerItem }),
    round.anonymous ? t('round.settings.anonymous') : t('round.settings.named'),
  ];
  if (round.facilitatorVotes) parts.push(t('round.settings.facilitatorVotes'));
  if (round.durationMs !== null) parts.push(t('round.settings.minutes', { minutes: Math.round(round.durationMs / 6_000) / 10 }));
  parts.push(t('round.settings.items', { count: round.items.length }));
  return parts.join(' · ');
}

export function resultTable(board: Board, round: Round, names: ReadonlyMap<string, string>): HTMLElement {
  const rows = resultRows(board, round, names);
  const named = rows.some((r) => r.voters !== null);
  const paper = paperTotals(round);
  return h(
    'div',
    { class: 'result', 'data-round-id': round.id },
    h(
      'table',
      { class: 'result__table' },
      h('caption', null, t('result.caption', { number: round.number, criterion: round.criterion, voters: round.result?.voters ?? 0 })),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, t('result.rank')),
          h('th', { scope: 'col' }, t('result.item')),
          h('th', { scope: 'col' }, t('result.votes')),
          named ? h('th', { scope: 'col' }, t('result.voters')) : null,
        ),
      ),
      h(
        'tbody',
        null,
        ...rows.map((r) =>
          h(
            'tr',
            { class: r.tied ? 'result__row result__row--tied' : 'result__row', 'data-item-id': r.item.id },
            h('td', { class: 'result__rank' }, r.tied ? t('result.rankTied', { rank: r.rank }) : String(r.rank)),
            h(
              'th',
              { scope: 'row', class: 'result__item' },
              r.item.kind === 'gone' ? t('item.gone') : r.item.kind === 'group' ? t('item.group', { title: r.item.text, count: r.item.members.length }) : r.item.text,
            ),
            h(
              'td',
              { class: 'result__votes' },
              h('span', { class: 'result__total' }, String(r.votes)),
              r.paper > 0 ? h('span', { class: 'result__split' }, ` ${t('result.split', { digital: r.digital, paper: r.paper })}`) : null,
            ),
            named ? h('td', { class: 'result__voters' }, (r.voters ?? []).join(', ')) : null,
          ),
        ),
      ),
    ),
    paper.length > 0
      ? h('p', { class: 'result__paper' }, t('result.paperFrom', { list: paper.map((p) => t('result.paperEntry', { label: p.label, count: p.total })).join(', ') }))
      : null,
  );
}
