// The groups of the shown journey, each its own fold: the group's title over its cards, stacked
// like the notes of one pile (whole texts); rename one, or take a card out of it again (a group
// left with fewer than two cards disappears, SPEC-3 card.ungroup).

import type { Board } from '../../model/board';
import { MAX_TITLE, type Operation } from '../../protocol/types';
import { t } from '../../i18n/i18n';
import { h, uid } from '../dom';
import { oneLineText } from '../CardView';
import { checkText } from '../forms';
import { groupMembers } from '../../model/ranking';

/** Owns the groups section; not rebuilt while the user types a new title. */
export class GroupList {
  readonly el: HTMLDetailsElement;
  private key = '';

  constructor(private readonly submit: (op: Operation) => void) {
    this.el = h('details', { class: 'voting__block groups', 'data-testid': 'groups' });
  }

  update(board: Board, journeyId: string): void {
    const groups = [...board.groups.values()]
      .filter((g) => g.journeyId === journeyId)
      .map((g) => ({ g, members: groupMembers(board, g.id) }))
      .filter((x) => x.members.length > 0);
    this.el.hidden = groups.length === 0;
    const key = JSON.stringify([document.documentElement.lang, groups.map((x) => [x.g.id, x.g.title, x.members.map((m) => [m.id, m.text])])]);
    if (key === this.key || (document.activeElement instanceof HTMLInputElement && this.el.contains(document.activeElement))) return;
    this.key = key;
    const open = this.el.open;
    // Which groups the user folded shut stay so when the list is rebuilt.
    const shut = new Set([...this.el.querySelectorAll<HTMLDetailsElement>('details.groups__group:not([open])')].map((d) => d.dataset.groupId));
    this.el.replaceChildren(
      h('summary', null, t('groups.heading', { count: groups.length })),
      h(
        'ul',
        { class: 'groups__list' },
        ...groups.map(({ g, members }) => {
          const id = uid('group-title');
          const input = h('input', { id, type: 'text', class: 'field__input', maxlength: MAX_TITLE, autocomplete: 'off' });
          input.value = g.title;
          const error = h('p', { class: 'field__error', hidden: true });
          input.addEventListener('change', () => {
            const bad = checkText(input.value, MAX_TITLE);
            error.hidden = bad === null;
            error.textContent = bad === 'empty' ? t('groups.titleRequired') : bad ? t('error.tooLong', { max: MAX_TITLE }) : '';
            if (bad) input.setAttribute('aria-invalid', 'true');
            else input.removeAttribute('aria-invalid');
            if (!bad && input.value.trim() !== g.title) this.submit({ kind: 'group.update', groupId: g.id, title: input.value.trim() });
          });
          return h(
            'li',
            null,
            h(
              'details',
              { class: 'groups__group', 'data-group-id': g.id, open: !shut.has(g.id) },
              h('summary', { class: 'groups__summary' }, t('groups.summary', { title: g.title, count: members.length })),
              h(
                'ul',
                { class: 'groups__members', 'aria-label': t('groups.members', { title: g.title }) },
                ...members.map((m) => {
                  const out = h('button', { type: 'button', class: 'button button--small button--quiet', 'aria-label': t('grouping.ungroupLabel', { text: oneLineText(m.text) }) }, t('grouping.ungroup'));
                  out.addEventListener('click', () => this.submit({ kind: 'card.ungroup', cardId: m.id }));
                  return h('li', { class: 'groups__member' }, h('span', { class: 'groups__text' }, m.text), out);
                }),
              ),
              h('div', { class: 'field' }, h('label', { class: 'field__label', for: id }, t('groups.title')), input, error),
            ),
          );
        }),
      ),
    );
    this.el.open = open;
  }
}
