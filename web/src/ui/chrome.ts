// Pieces every screen shares: the language switch and the skip link.

import { getLang, setLang, t } from '../i18n/i18n';
import { h } from './dom';

export function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** A button that switches between Dutch and English; its text is in the other language. */
export function langButton(): HTMLButtonElement {
  const other = getLang() === 'nl' ? 'en' : 'nl';
  const button = h(
    'button',
    { type: 'button', class: 'button button--quiet lang-switch', lang: other, 'aria-label': t('lang.switchToLabel') },
    t('lang.switchTo'),
  );
  button.addEventListener('click', () => {
    setLang(other, safeLocalStorage(), document.documentElement);
    // The view re-renders; keep the keyboard where it was.
    document.querySelector<HTMLButtonElement>('.lang-switch')?.focus();
  });
  return button;
}

export function skipLink(): HTMLAnchorElement {
  const link = h('a', { class: 'skip-link', href: '#main' }, t('app.skipToMain'));
  // The app uses the fragment for routes, so move focus by hand instead of navigating.
  link.addEventListener('click', (ev) => {
    ev.preventDefault();
    document.getElementById('main')?.focus();
  });
  return link;
}

/** A screen the app can show, swap out, and re-label after a language switch. */
export interface View {
  mount(root: HTMLElement): void;
  unmount(): void;
  relabel(): void;
}
