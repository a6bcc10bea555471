// The accessibility statement (toegankelijkheidsverklaring): what the app aims for, how it is
// tested, and what is known not to work well yet. Every sentence comes from the catalogue.

import { formatDate, t, type MessageKey } from '../i18n/i18n';
import { langButton, pageFooter, skipLink, type View } from './chrome';
import { h } from './dom';

// It follows the Dutch model statement (digitoegankelijk.nl, "modelverklaring"): scope,
// compliance status, date and method of the last evaluation, known issues each with the date it
// became known and the plan, contact with a response time, and the Nationale ombudsman.

/** The day of the last evaluation (the audit of issue 11 and the tests that came with it). */
const EVALUATED = new Date(Date.UTC(2026, 11, 6));
/** The day this statement was last checked against the tests (update it with the text). */
const REVIEWED = new Date(Date.UTC(2026, 11, 6));

const TESTED: MessageKey[] = [
  'statement.tested.axe',
  'statement.tested.keyboard',
  'statement.tested.names',
  'statement.tested.phone',
  'statement.tested.zoom',
  'statement.tested.language',
];
/** Known issues: the text, the day it became known, and the plan. */
const LIMITS: Array<[MessageKey, Date, MessageKey]> = [
  ['statement.limit.grid', new Date(Date.UTC(2026, 10, 29)), 'statement.plan.byDesign'],
  ['statement.limit.drag', new Date(Date.UTC(2026, 10, 29)), 'statement.plan.none'],
  ['statement.limit.screenReaders', new Date(Date.UTC(2026, 10, 29)), 'statement.plan.none'],
  ['statement.limit.motion', new Date(Date.UTC(2026, 11, 6)), 'statement.plan.none'],
  ['statement.limit.audit', new Date(Date.UTC(2026, 10, 29)), 'statement.plan.none'],
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
    const list = (items: (string | Node)[]) => h('ul', { class: 'statement__list' }, ...items.map((item) => h('li', null, item)));
    // Two messages, two text nodes: the issue, then when it became known and the plan.
    const limits = LIMITS.map(([key, since, plan]) => {
      const item = document.createDocumentFragment();
      item.append(t(key), ' ', t('statement.since', { since: formatDate(since), plan: t(plan) }));
      return item;
    });
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
        h('h2', null, t('statement.statusHeading')),
        h('p', { class: 'statement__status' }, t('statement.status')),
        h('h2', null, t('statement.testedHeading')),
        h('p', null, t('statement.method', { date: formatDate(EVALUATED) })),
        list(TESTED.map((k) => t(k))),
        h('h2', null, t('statement.limitsHeading')),
        list(limits),
        h('h2', null, t('statement.contactHeading')),
        h('p', null, t('statement.contact')),
        h('h2', null, t('statement.complaintHeading')),
        h('p', null, t('statement.complaint')),
        h('p', { class: 'statement__date' }, t('statement.reviewed', { date: formatDate(REVIEWED) })),
        h('p', null, h('a', { href: '#/' }, t('fail.home'))),
      ),
      pageFooter(),
    );
  }
}
