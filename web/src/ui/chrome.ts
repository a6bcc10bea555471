// Pieces every screen shares: the language switch and the skip link.

import { getLang, setLang, t } from '../i18n/i18n';
import { MemoryStorage } from '../util/MemoryStorage';
import { h } from './dom';

export function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The tab's sessionStorage, or (disabled) one that lasts as long as the page. */
export function sessionStorageOrMemory(): Storage {
  try {
    return window.sessionStorage;
  } catch {
    return new MemoryStorage();
  }
}

/** A button that switches between Dutch and English; its text is in the other language. */
export function langButton(): HTMLButtonElement {
  const other = getLang() === 'nl' ? 'en' : 'nl';
  const button = h(
    'button',
    // Named by its visible word (label in name), in the other language's pronunciation.
    { type: 'button', class: 'button button--quiet lang-switch', lang: other },
    t('lang.switchTo'),
  );
  button.addEventListener('click', () => {
    setLang(other, safeLocalStorage(), document.documentElement);
    // The view re-renders; keep the keyboard where it was.
    document.querySelector<HTMLButtonElement>('.lang-switch')?.focus();
  });
  return button;
}

/** The one skip link of a simple screen: to its <main id="main">. */
export function skipLink(): HTMLElement {
  return h('div', { class: 'skip-links' }, ...skipLinks([['main', t('app.skipToMain')]]));
}

/**
 * Skip links, first in the tab order and visible when focused: each moves focus to the element
 * with that id (which needs tabindex="-1"). The app uses the fragment for routes, so they move
 * focus by hand instead of navigating.
 */
export function skipLinks(targets: Array<[id: string, text: string]>, cls = 'skip-link'): HTMLAnchorElement[] {
  return targets.map(([id, text]) => {
    const link = h('a', { class: cls, href: `#${id}` }, text);
    link.addEventListener('click', (ev) => {
      ev.preventDefault();
      const target = document.getElementById(id);
      target?.focus();
      target?.scrollIntoView({ block: 'start' });
    });
    return link;
  });
}

/**
 * When nothing has focus (the focused element was removed), focus moves to the screen's h1,
 * made focusable by script only, so a screen reader says where the user now is.
 */
export function focusHeadingIfLost(root: HTMLElement): void {
  const active = document.activeElement;
  if (active && active !== document.body && active.isConnected) return;
  const heading = root.querySelector<HTMLElement>('h1');
  if (!heading) return;
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  heading.focus({ preventScroll: true });
}

/** The footer of every screen: the accessibility statement. */
export function pageFooter(): HTMLElement {
  return h(
    'footer',
    { class: 'page-footer' },
    h('a', { href: '#/toegankelijkheid', class: 'page-footer__link' }, t('footer.statement')),
  );
}

/** A screen the app can show, swap out, and re-label after a language switch. */
export interface View {
  mount(root: HTMLElement): void;
  unmount(): void;
  relabel(): void;
}
