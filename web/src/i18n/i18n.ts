// Looking up and filling in messages in the current language, and remembering the choice.

import { catalogues, LANGS, type Lang, type MessageKey } from './messages';

export type { Lang, MessageKey } from './messages';

const STORAGE_KEY = 'jb.lang';
let current: Lang = 'nl';
const listeners = new Set<(lang: Lang) => void>();

/** Fills `{name}` placeholders; unknown ones stay visible so a mistake is noticed. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return format(catalogues[current][key], params);
}

/** Picks `base.one` or `base.other` by count (both languages pluralise alike here). */
export function tCount(base: 'conn.queued' | 'private.count', count: number): string {
  return t(`${base}.${count === 1 ? 'one' : 'other'}` as MessageKey, { count });
}

export function getLang(): Lang {
  return current;
}

function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** Reads the remembered language (Dutch unless English was chosen) and sets `lang` on <html>. */
export function initLang(storage: Storage | null, root: HTMLElement | null): Lang {
  let saved: string | null = null;
  try {
    saved = storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    saved = null;
  }
  current = isLang(saved) ? saved : 'nl';
  if (root) root.lang = current;
  return current;
}

export function setLang(lang: Lang, storage: Storage | null, root: HTMLElement | null): void {
  current = lang;
  try {
    storage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered; still switched for this page.
  }
  if (root) root.lang = lang;
  for (const l of [...listeners]) l(lang);
}

export function onLangChange(listener: (lang: Lang) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
