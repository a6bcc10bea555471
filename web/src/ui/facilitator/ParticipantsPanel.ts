// The facilitator's list of participants: online or away, role, voting status during an open
// round (counts only, never which items), and the actions make co-facilitator / participant,
// hand over, and remove. Rows are kept per participant so a button keeps focus across updates.

import type { Operation } from '../../protocol/types';
import type { Person } from '../../sync/presence';
import type { Round } from '../../model/board';
import { t } from '../../i18n/i18n';
import { h } from '../dom';

export interface PeopleHooks {
  submit(op: Operation): void;
  announce(text: string): void;
  confirm(text: string): boolean;
}

interface Row {
  el: HTMLLIElement;
  name: HTMLElement;
  status: HTMLElement;
  voting: HTMLElement;
  role: HTMLButtonElement;
  handOver: HTMLButtonElement;
  remove: HTMLButtonElement;
  entry: Person;
}

function setText(el: HTMLElement, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/** Owns the participants section of the facilitator panel. */
export class ParticipantsPanel {
  readonly el: HTMLElement;
  private readonly heading: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly list: HTMLUListElement;
  private readonly rows = new Map<string, Row>();
  private meId = '';

  constructor(private readonly hooks: PeopleHooks) {
    this.heading = h('h3', { class: 'facil__heading', tabindex: -1 });
    this.summary = h('p', { class: 'people__summary', 'data-testid': 'voting-summary', hidden: true });
    this.list = h('ul', { class: 'people', 'data-testid': 'people' });
    this.el = h('div', { class: 'facil__section' }, this.heading, this.summary, this.list);
  }

  update(participants: readonly Person[], meId: string, round: Round | undefined): void {
    this.meId = meId;
    const people = participants
      .filter((p) => p.role !== 'screen')
      .sort((a, b) => Number(b.online) - Number(a.online) || a.displayName.localeCompare(b.displayName));
    setText(this.heading, t('people.heading', { count: people.length }));
    const voters = people.filter((p) => p.voting);
    this.summary.hidden = !round || voters.length === 0;
    setText(this.summary, t('people.votingSummary', { done: voters.filter((p) => p.voting!.done).length, count: voters.length }));

    const seen = new Set<string>();
    let prev: Element | null = null;
    for (const p of people) {
      seen.add(p.participantId);
      let row = this.rows.get(p.participantId);
      if (!row) {
        row = this.makeRow(p);
        this.rows.set(p.participantId, row);
      }
      this.fill(row, p, round);
      const expected: Element | null = prev ? prev.nextElementSibling : this.list.firstElementChild;
      if (expected !== row.el) this.list.insertBefore(row.el, expected);
      prev = row.el;
    }
    for (const [id, row] of this.rows) {
      if (!seen.has(id)) {
        // Keep the keyboard in the list when the row with focus goes (a removal).
        if (row.el.contains(document.activeElement)) this.heading.focus();
        row.el.remove();
        this.rows.delete(id);
      }
    }
  }

  private makeRow(p: Person): Row {
    const row: Row = {
      el: h('li', { class: 'people__item', 'data-participant-id': p.participantId }),
      name: h('span', { class: 'people__name' }),
      status: h('span', { class: 'people__status' }),
      voting: h('span', { class: 'people__voting' }),
      role: h('button', { type: 'button', class: 'button button--small', 'data-action': 'role' }),
      handOver: h('button', { type: 'button', class: 'button button--small', 'data-action': 'handover' }),
      remove: h('button', { type: 'button', class: 'button button--small button--danger', 'data-action': 'remove' }),
      entry: p,
    };
    row.role.addEventListener('click', () => this.toggleRole(row.entry));
    row.handOver.addEventListener('click', () => this.handOver(row.entry));
    row.remove.addEventListener('click', () => this.remove(row.entry));
    row.el.append(
      h('span', { class: 'people__who' }, row.name, row.status, row.voting),
      h('span', { class: 'people__actions' }, row.role, row.handOver, row.remove),
    );
    return row;
  }

  private fill(row: Row, p: Person, round: Round | undefined): void {
    row.entry = p;
    const me = p.participantId === this.meId;
    const facilitator = p.role === 'facilitator';
    setText(row.name, me ? `${p.displayName} ${t('presence.you')}` : p.displayName);
    setText(row.status, `${p.online ? t('people.online') : t('people.offline')} · ${facilitator ? t('people.roleFacilitator') : t('people.roleParticipant')}`);
    row.el.classList.toggle('is-offline', !p.online);
    const v = p.voting;
    row.voting.hidden = !v || !round;
    setText(row.voting, v && round ? (v.done ? t('people.votingDone') : t('people.voting', { used: v.used, budget: round.budget })) : '');
    setText(row.role, facilitator ? t('people.makeParticipant') : t('people.makeFacilitator'));
    row.role.setAttribute('aria-label', facilitator ? t('people.makeParticipantLabel', { name: p.displayName }) : t('people.makeFacilitatorLabel', { name: p.displayName }));
    setText(row.handOver, t('people.handOver'));
    row.handOver.setAttribute('aria-label', t('people.handOverLabel', { name: p.displayName }));
    setText(row.remove, t('people.remove'));
    row.remove.setAttribute('aria-label', t('people.removeLabel', { name: p.displayName }));
    // Nobody acts on themselves here (the server refuses removing yourself; demoting yourself
    // is what "hand over" is for).
    row.role.hidden = me;
    row.handOver.hidden = me || facilitator;
    row.remove.hidden = me;
  }

  private toggleRole(p: Person): void {
    const role = p.role === 'facilitator' ? 'participant' : 'facilitator';
    this.hooks.submit({ kind: 'participant.role', participantId: p.participantId, role });
    this.hooks.announce(t('people.roleChanged', { name: p.displayName, role: role === 'facilitator' ? t('people.roleFacilitator') : t('people.roleParticipant') }));
  }

  private handOver(p: Person): void {
    if (!this.hooks.confirm(t('people.handOverConfirm', { name: p.displayName }))) return;
    // In this order, so there is never a moment without a facilitator.
    this.hooks.submit({ kind: 'participant.role', participantId: p.participantId, role: 'facilitator' });
    this.hooks.submit({ kind: 'participant.role', participantId: this.meId, role: 'participant' });
  }

  private remove(p: Person): void {
    if (!this.hooks.confirm(t('people.removeConfirm', { name: p.displayName }))) return;
    this.hooks.submit({ kind: 'participant.remove', participantId: p.participantId });
    this.hooks.announce(t('people.removed', { name: p.displayName }));
  }
}
