// The accessibility statement (toegankelijkheidsverklaring): what the app aims for, how it is
// tested, and what is known not to work well yet. Every sentence comes from the catalogue.

import { formatDate, t, type MessageKey } from '../i18n/i18n';
import { langButton, pageFooter, skipLink, type View } from './chrome';
import { h } from './dom';

/** The day the statement was last checked against the tests (update it with the text). */
const REVIEWED = new Date(Date.UTC(2026, 10, 29));

const TESTED: MessageKey[] = [
  'statement.tested.axe',
  'statement.tested.keyboard',
  'statement.tested.phone',
  'statement.tested.zoom',
  'statement.tested.language',
  'statement.tested.motion',
];
const LIMITS: MessageKey[] = [
  'statement.limit.grid',
  'statement.limit.drag',
  'statement.limit.screenReaders',
  'statement.limit.audit',
];

/** Owns the statement page. */
export class StatementView implements View {
  private root: HTMLElement | null = null;

  mount(root: HTMLElement): void {
    this.root = root;
    this.render();
  }

  unmount(): void {
    this.root?.replaceChildren();
    this.root = null;
  }

  relabel(): void {
    this.render();
  }

  private render(): void {
    if (!this.root) return;
    document.title = `${t('statement.title')} – ${t('app.name')}`;
    const list = (keys: MessageKey[]) => h('ul', { class: 'statement__list' }, ...keys.map((k) => h('li', null, t(k))));
    this.root.replaceChildren(
      skipLink(),
      h(
        'header',
        { class: 'topbar' },
        h('div', { class: 'topbar__brand' }, h('a', { class: 'topbar__app', href: '#/' }, t('app.name'))),
        h('div', { class: 'topbar__actions' }, langButton()),
      ),
      h(
        'main',
        { id: 'main', class: 'home statement', tabindex: -1 },
        h('h1', null, t('statement.title')),
        h('p', null, t('statement.intro')),
        h('p', { class: 'statement__status' }, t('statement.status')),
        h('h2', null, t('statement.testedHeading')),
        list(TESTED),
        h('h2', null, t('statement.limitsHeading')),
        list(LIMITS),
        h('h2', null, t('statement.contactHeading')),
        h('p', null, t('statement.contact')),
        h('p', { class: 'statement__date' }, t('statement.reviewed', { date: formatDate(REVIEWED) })),
        h('p', null, h('a', { href: '#/' }, t('fail.home'))),
      ),
      pageFooter(),
    );
  }
}
