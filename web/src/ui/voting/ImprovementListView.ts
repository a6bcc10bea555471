// The improvement list (verbeterlijst): the ranked ideas of the chosen rounds, each with its
// text, votes per round, phase, lane, linked pain point, owner and status. The facilitator
// picks the rounds and fills in owner and status; everyone else reads. It follows the board
// live: a card edited elsewhere shows its new text at once.

import type { Board, Round } from '../../model/board';
import { improvementRounds, improvementRows, type ImprovementRow } from '../../model/improvements';
import { IMPROVEMENT_STATUSES, MAX_OWNER, type ImprovementStatus, type Operation } from '../../protocol/types';
import { t, type MessageKey } from '../../i18n/i18n';
import { h, uid } from '../dom';

/** Owns the list section; rows are kept per item so a field being typed in survives updates. */
export class ImprovementListView {
  readonly el: HTMLElement;
  private readonly heading: HTMLHeadingElement;
  private readonly picker: HTMLFieldSetElement;
  private readonly list: HTMLOListElement;
  private readonly empty: HTMLParagraphElement;
  private readonly rows = new Map<string, { el: HTMLLIElement; key: string; owner: HTMLInputElement | null; status: HTMLSelectElement | null }>();
  private pickerKey = '';
  private board: Board | null = null;

  constructor(private readonly submit: (op: Operation) => void) {
    const headingId = uid('improvements');
    this.heading = h('h3', { id: headingId, class: 'voting__heading' });
    this.picker = h('fieldset', { class: 'improvements__rounds' });
    this.list = h('ol', { class: 'improvements__list' });
    this.empty = h('p', { class: 'improvements__empty' });
    this.el = h('section', { class: 'voting__block improvements', 'aria-labelledby': headingId, 'data-testid': 'improvements' }, this.heading, this.picker, this.empty, this.list);
  }

  update(board: Board, facilitator: boolean): void {
    this.board = board;
    this.heading.textContent = t('improvements.heading');
    const rounds = improvementRounds(board);
    this.renderPicker(board, rounds, facilitator);
    const rows = improvementRows(board);
    this.empty.hidden = rows.length > 0;
    this.empty.textContent = t('improvements.empty');
    const seen = new Set<string>();
    let prev: Element | null = null;
    for (const row of rows) {
      seen.add(row.itemId);
      const el = this.renderRow(board, row, rounds, facilitator);
      const expected: Element | null = prev ? prev.nextElementSibling : this.list.firstElementChild;
      if (expected !== el) this.list.insertBefore(el, expected);
      prev = el;
    }
    for (const [id, r] of this.rows) {
      if (seen.has(id)) continue;
      r.el.remove();
      this.rows.delete(id);
    }
  }

  private renderPicker(board: Board, chosen: Round[], facilitator: boolean): void {
    const closed = [...board.rounds.values()].filter((r) => r.status === 'closed');
    const ids = new Set(chosen.map((r) => r.id));
    const key = JSON.stringify([document.documentElement.lang, facilitator, closed.map((r) => [r.id, r.criterion]), [...ids], board.improvements.roundIds]);
    if (key === this.pickerKey) return;
    this.pickerKey = key;
    this.picker.hidden = closed.length === 0;
    const legend = h('legend', null, t('improvements.rounds'));
    if (!facilitator) {
      this.picker.replaceChildren(legend, h('p', null, chosen.map((r) => t('round.label', { number: r.number, criterion: r.criterion })).join(', ')));
      return;
    }
    const boxes = closed.map((r) => {
      const box = h('input', { type: 'checkbox', value: r.id, checked: ids.has(r.id) });
      box.addEventListener('change', () => {
        const picked = [...this.picker.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')].map((b) => b.value);
        this.submit({ kind: 'improvements.rounds', roundIds: picked });
      });
      return h('label', { class: 'check' }, box, ` ${t('round.label', { number: r.number, criterion: r.criterion })}`);
    });
    this.picker.replaceChildren(legend, ...boxes, h('p', { class: 'field__hint' }, t('improvements.roundsHint')));
  }

  private renderRow(board: Board, row: ImprovementRow, rounds: Round[], facilitator: boolean): HTMLLIElement {
    const perRound = rounds.map((r) => t('improvements.votesIn', { number: r.number, count: row.votesByRound[r.id] ?? 0 })).join(', ');
    const where = [board.phases.get(row.phaseId)?.title ?? '', board.lanes.get(row.laneId)?.title ?? ''];
    const key = JSON.stringify([document.documentElement.lang, facilitator, row, perRound, where]);
    let r = this.rows.get(row.itemId);
    if (r && r.key === key) return r.el;
    if (r && facilitator && r.owner && r.status) {
      // Only the data changed: update fields in place, never under the user's caret.
      r.key = key;
      if (document.activeElement !== r.owner) r.owner.value = row.owner;
      r.status.value = row.status;
      this.fillText(r.el, row, perRound, where);
      return r.el;
    }
    const el = r?.el ?? h('li', { class: 'improvement', 'data-item-id': row.itemId });
    let owner: HTMLInputElement | null = null;
    let status: HTMLSelectElement | null = null;
    const fields: HTMLElement[] = [];
    if (facilitator) {
      const ownerId = uid('owner');
      owner = h('input', { id: ownerId, type: 'text', class: 'field__input', maxlength: MAX_OWNER, autocomplete: 'off' });
      owner.value = row.owner;
      const ownerInput = owner;
      ownerInput.addEventListener('change', () => {
        const value = ownerInput.value.trim();
        if (value !== (this.board?.improvements.items.find((i) => i.itemId === row.itemId)?.owner ?? '')) {
          this.submit({ kind: 'improvement.update', itemId: row.itemId, owner: value });
        }
      });
      const statusId = uid('status');
      status = h('select', { id: statusId, class: 'field__input' }, ...IMPROVEMENT_STATUSES.map((s) => h('option', { value: s }, t(`status.${s}` as MessageKey))));
      status.value = row.status;
      const statusSelect = status;
      statusSelect.addEventListener('change', () => {
        this.submit({ kind: 'improvement.update', itemId: row.itemId, status: statusSelect.value as ImprovementStatus });
      });
      fields.push(
        h('div', { class: 'field improvement__field' }, h('label', { class: 'field__label', for: ownerId }, t('improvements.owner')), owner),
        h('div', { class: 'field improvement__field' }, h('label', { class: 'field__label', for: statusId }, t('improvements.status')), status),
      );
    }
    el.replaceChildren(h('div', { class: 'improvement__body' }), ...fields);
    this.fillText(el, row, perRound, where);
    this.rows.set(row.itemId, { el, key, owner, status });
    return el;
  }

  private fillText(el: HTMLLIElement, row: ImprovementRow, perRound: string, where: string[]): void {
    const body = el.querySelector('.improvement__body')!;
    const facts: Array<[MessageKey, string]> = [
      ['improvements.votes', `${row.total} (${perRound})`],
      ['improvements.phase', where[0]!],
      ['improvements.lane', where[1]!],
      ['improvements.painPoint', row.painPoint ?? t('improvements.noPainPoint')],
    ];
    const readOnly: Array<[MessageKey, string]> = [
      ['improvements.owner', row.owner || t('improvements.noOwner')],
      ['improvements.status', t(`status.${row.status}` as MessageKey)],
    ];
    const facilitatorFields = el.querySelector('input') !== null;
    body.replaceChildren(
      h(
        'p',
        { class: 'improvement__title' },
        h('span', { class: 'improvement__rank' }, row.tied ? t('result.rankTied', { rank: row.rank }) : String(row.rank)),
        ' ',
        h('span', { class: 'improvement__text' }, row.isGroup ? t('item.groupTitle', { title: row.text }) : row.text),
      ),
      // A group's own ideas, as the exports list them (issue 11).
      ...(row.members.length > 0
        ? [h('ul', { class: 'improvement__members', 'aria-label': t('improvements.members') }, ...row.members.map((m) => h('li', null, m.text)))]
        : []),
      h('dl', { class: 'improvement__facts' }, ...[...facts, ...(facilitatorFields ? [] : readOnly)].flatMap(([k, v]) => [h('dt', null, t(k)), h('dd', null, v)])),
    );
  }
}
