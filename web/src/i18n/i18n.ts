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

/** Numbers in messages are written the local way (Intl), e.g. 1.234 in Dutch, 1,234 in English. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  if (!params) return catalogues[current][key];
  const local: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) local[name] = typeof value === 'number' ? formatNumber(value) : value;
  return format(catalogues[current][key], local);
}

/** A number in the current language's notation. */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(current, options).format(value);
}

/** A clock time in the current language, e.g. "14:05" (Dutch) or "02:05 PM" (English). */
export function formatTime(value: Date): string {
  return new Intl.DateTimeFormat(current, { hour: '2-digit', minute: '2-digit' }).format(value);
}

/** A date (and time, when `withTime`) in the current language, e.g. "29 november 2026". */
export function formatDate(value: Date, withTime = false): string {
  return new Intl.DateTimeFormat(current, {
    dateStyle: 'long',
    ...(withTime ? { timeStyle: 'short' } : {}),
  }).format(value);
}

/** The keys that come in a `.one` and an `.other` form. */
export type PluralBase = MessageKey extends infer K ? (K extends `${infer B}.one` ? B : never) : never;

/** Picks `base.one` or `base.other` by count (both languages pluralise alike here). */
export function tCount(base: PluralBase, count: number): string {
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
