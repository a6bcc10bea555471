import { describe, expect, it } from 'vitest';
import { catalogues, en, LANGS, nl } from './messages';
import { format, getLang, initLang, setLang, t, tCount } from './i18n';
import { MemoryStorage } from '../util/MemoryStorage';
import { CARD_COLORS, LANE_KINDS, TARGET_GROUPS } from '../protocol/types';

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

describe('message catalogue', () => {
  it('has the same keys in Dutch and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });

  it('has no empty or blank strings', () => {
    for (const lang of LANGS) {
      for (const [key, text] of Object.entries(catalogues[lang])) {
        expect(text.trim(), `${lang} ${key}`).not.toBe('');
      }
    }
  });

  it('translates every message: no English value equals the Dutch one, except names and words both share', () => {
    // Words Dutch and English share: "Code", "Offline", "Persona", "Status", "Open", "min",
    // "Timer", "Start", "online". A new key here needs a reason. ("Persona: {name}", the label
    // of a journey's persona; the channels "Website" and "App"; "{scale}: {target}", the
    // dash of "no figure" are the same in both.)
    const same = new Set([
      'app.name', 'join.codeLabel', 'share.codeLabel', 'presenter.code', 'conn.offline', 'group.persona',
      'round.settings.minutes', 'improvements.status', 'status.open',
      'timer.heading', 'timer.label', 'timer.start', 'people.online', 'journey.persona',
      'method.channel.website', 'method.channel.app', 'method.scoreFor', 'method.col.scaleStat', 'method.none', 'card.place',
    ]);
    const untranslated = (Object.keys(nl) as Array<keyof typeof nl>).filter(
      (k) => nl[k] === en[k] && !same.has(k) && !k.startsWith('help.key.'),
    );
    expect(untranslated).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(nl) as Array<keyof typeof nl>) {
      expect(placeholders(en[key]), key).toEqual(placeholders(nl[key]));
    }
  });

  it('names every lane kind, card colour and target group of the protocol', () => {
    for (const lang of LANGS) {
      const keys = Object.keys(catalogues[lang]);
      for (const k of LANE_KINDS) expect(keys).toContain(`kind.${k}`);
      for (const c of CARD_COLORS) expect(keys).toContain(`color.${c}`);
      for (const g of TARGET_GROUPS) expect(keys).toContain(`group.${g}`);
    }
  });

  it('gives every colour a different name, so colour is never the only difference', () => {
    for (const lang of LANGS) {
      const names = CARD_COLORS.map((c) => catalogues[lang][`color.${c}`]);
      expect(new Set(names).size).toBe(names.length);
    }
  });
});

describe('i18n', () => {
  it('defaults to Dutch and sets the lang attribute', () => {
    const root = { lang: '' } as HTMLElement;
    expect(initLang(new MemoryStorage(), root)).toBe('nl');
    expect(root.lang).toBe('nl');
    expect(t('join.submit')).toBe('Meedoen');
  });

  it('remembers a switch to English across a reload', () => {
    const storage = new MemoryStorage();
    const root = { lang: '' } as HTMLElement;
    initLang(storage, root);
    setLang('en', storage, root);
    expect(root.lang).toBe('en');
    initLang(storage, root);
    expect(getLang()).toBe('en');
    expect(t('join.submit')).toBe('Join');
    setLang('nl', storage, root);
  });

  it('ignores a remembered value that is not a language', () => {
    const storage = new MemoryStorage();
    storage.setItem('jb.lang', 'xx');
    expect(initLang(storage, null)).toBe('nl');
  });

  it('fills placeholders and picks singular or plural', () => {
    initLang(new MemoryStorage(), null);
    expect(format('{a} en {b}', { a: 1, b: 'twee' })).toBe('1 en twee');
    expect(format('{missing}', {})).toBe('{missing}');
    expect(tCount('conn.queued', 1)).toBe('1 wijziging wacht');
    expect(tCount('conn.queued', 3)).toBe('3 wijzigingen wachten');
  });
});

describe('locale formatting', () => {
  it('writes numbers, dates and times the local way (Intl)', async () => {
    const { formatDate, formatNumber, formatTime } = await import('./i18n');
    const storage = new MemoryStorage();
    initLang(storage, null);
    expect(formatNumber(1234)).toBe('1.234');
    expect(t('error.tooLong', { max: 2000 })).toBe('Dit is te lang. Gebruik hoogstens 2.000 tekens.');
    expect(formatDate(new Date(2026, 10, 29))).toBe('29 november 2026');
    expect(formatTime(new Date(2026, 10, 29, 14, 5))).toBe('14:05');
    setLang('en', storage, null);
    expect(formatNumber(1234)).toBe('1,234');
    expect(formatDate(new Date(2026, 10, 29))).toBe('November 29, 2026');
    setLang('nl', storage, null);
  });
});
