// The keyboard shortcuts, in a modal <dialog> (which brings focus trapping and Esc for free).

import { t, type MessageKey } from '../i18n/i18n';
import { h } from './dom';

const ROWS: Array<[MessageKey, MessageKey]> = [
  ['help.key.arrows', 'help.arrows'],
  ['help.key.new', 'help.new'],
  ['help.key.enter', 'help.enter'],
  ['help.key.save', 'help.save'],
  ['help.key.escape', 'help.escape'],
  ['help.key.phase', 'help.phase'],
  ['help.key.lane', 'help.lane'],
  ['help.key.reorder', 'help.reorder'],
  ['help.key.delete', 'help.delete'],
  ['help.key.undo', 'help.undo'],
  ['help.key.view', 'help.view'],
  ['help.key.zoom', 'help.zoom'],
  ['help.key.fit', 'help.fit'],
  ['help.key.help', 'help.help'],
];

/** Keys that work while the focus is on a ballot's − or + (BallotView). */
const BALLOT_ROWS: Array<[MessageKey, MessageKey]> = [
  ['help.key.ballotMove', 'help.ballotMove'],
  ['help.key.ballotVote', 'help.ballotVote'],
  ['help.key.ballotUnvote', 'help.ballotUnvote'],
  ['help.key.ballotDone', 'help.ballotDone'],
];

/** Owns the help dialog element. */
export class HelpDialog {
  readonly el: HTMLDialogElement;

  constructor() {
    this.el = h('dialog', { class: 'help', 'aria-labelledby': 'help-title' });
    this.render();
  }

  render(): void {
    const close = h('button', { type: 'button', class: 'button' }, t('help.close'));
    close.addEventListener('click', () => this.el.close());
    this.el.replaceChildren(
      h('h2', { id: 'help-title' }, t('help.heading')),
      h('p', null, t('help.intro')),
      keyTable(ROWS),
      h('h3', { class: 'help__subheading' }, t('help.ballotHeading')),
      keyTable(BALLOT_ROWS),
      h('p', null, t('help.mouse')),
      h('div', { class: 'help__actions' }, close),
    );
  }

  open(): void {
    if (!this.el.open) this.el.showModal();
  }
}

function keyTable(rows: Array<[MessageKey, MessageKey]>): HTMLTableElement {
  return h(
    'table',
    { class: 'help__table' },
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('help.keysColumn')), h('th', { scope: 'col' }, t('help.actionColumn')))),
    h('tbody', null, ...rows.map(([keys, action]) => h('tr', null, h('td', null, h('kbd', null, t(keys))), h('td', null, t(action))))),
  );
}
