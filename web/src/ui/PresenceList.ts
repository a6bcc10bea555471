// Who is here, and who is editing.

import type { Person } from '../sync/presence';
import { t, tCount } from '../i18n/i18n';
import { h } from './dom';

/** Owns the presence section of the side panel. */
export class PresenceList {
  readonly el: HTMLElement;
  private readonly heading: HTMLHeadingElement;
  private readonly list: HTMLUListElement;
  private readonly away: HTMLParagraphElement;
  private readonly others: HTMLParagraphElement;

  constructor() {
    this.heading = h('h2', { id: 'presence-title', class: 'aside__heading' });
    this.list = h('ul', { class: 'presence' });
    this.others = h('p', { class: 'presence__others', 'data-testid': 'presence-others', hidden: true });
    this.away = h('p', { class: 'presence__away', 'data-testid': 'presence-away', hidden: true });
    this.el = h('section', { class: 'aside__section', 'aria-labelledby': 'presence-title' }, this.heading, this.list, this.others, this.away);
  }

  /**
   * `live` is false while disconnected: the list is then what we knew last, and looks it.
   * `offline` counts those the server leaves out of our list (P-PRES-5); `othersOnline` those
   * online whom a crowded room's list counts instead of naming (P-PRES-6): facilitators and
   * whoever edits a card are named, the rest counted.
   */
  update(participants: readonly Person[], meId: string | null, live = true, offline = 0, othersOnline = 0): void {
    this.list.classList.toggle('is-stale', !live);
    const online = participants
      .filter((p) => p.online)
      .sort((a, b) => Number(b.participantId === meId) - Number(a.participantId === meId) || a.displayName.localeCompare(b.displayName));
    this.heading.textContent = t('presence.heading', { count: online.length + othersOnline });
    this.others.hidden = othersOnline === 0;
    this.others.textContent = othersOnline === 0 ? '' : tCount('presence.others', othersOnline);
    const away = participants.length - online.length + offline;
    this.away.hidden = away === 0;
    this.away.textContent = away === 0 ? '' : t('presence.away', { count: away });
    this.list.replaceChildren(
      ...online.map((p) =>
        h(
          'li',
          { class: 'presence__item', 'data-participant-id': p.participantId },
          h('span', { class: 'presence__avatar', 'aria-hidden': 'true' }, initials(p.displayName)),
          h(
            'span',
            { class: 'presence__who' },
            h(
              'span',
              null,
              h('span', { class: 'presence__name' }, p.displayName),
              p.participantId === meId ? h('span', { class: 'presence__you' }, ` ${t('presence.you')}`) : null,
            ),
            p.role === 'facilitator' ? h('span', { class: 'presence__role' }, t('presence.facilitator')) : null,
            p.editing ? h('span', { class: 'presence__editing' }, t('presence.editing')) : null,
          ),
        ),
      ),
    );
  }
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]!, parts[parts.length - 1]!] : parts;
  return letters.map((p) => [...p][0] ?? '').join('').toUpperCase() || '?';
}
