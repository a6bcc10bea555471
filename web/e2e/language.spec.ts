import type { Page } from '@playwright/test';
import { catalogues, type Lang } from '../src/i18n/messages';
import type { StageDoc } from '../src/protocol/types';
import { facilitatorSnapshot } from './report-support';
import { expect, test, type User } from './support';

// Issue 5: no untranslated string on any screen, in either language. Every text the page shows
// or gives to assistive technology (text nodes, aria-label, title, placeholder, alt) must be a
// message of the current language's catalogue (placeholders filled in with anything), or user
// data (names, titles, card texts, the join code and link). After a language switch a Dutch
// string left on an English page fails this, and so does a string that is in no catalogue.
// The catalogue itself (same keys, no Dutch value left untranslated) is checked in
// src/i18n/messages.test.ts.

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function patterns(lang: Lang): RegExp[] {
  return Object.values(catalogues[lang]).map(
    (value) => new RegExp(`^${value.split(/\{\w+\}/).map(escape).join('.+?')}$`, 's'),
  );
}

/** The pieces of text on the page: text nodes, split on the " · " that joins several messages. */
async function textsOf(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const skip = (el: Element | null) => !!el?.closest('script, style, [aria-hidden="true"], noscript');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (skip(node.parentElement)) continue;
      out.push(node.textContent ?? '');
    }
    for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      if (skip(el)) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = el.getAttribute(name);
        if (value !== null) out.push(value);
      }
    }
    out.push(...document.title.split(' – '));
    return out.flatMap((t) => t.split(' · ')).map((t) => t.trim()).filter((t) => t !== '');
  });
}

/** Fails with every piece of text that is neither a message of `lang` nor user data. */
async function expectAllTranslated(page: Page, lang: Lang, userData: string[], screen: string): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  const known = patterns(lang);
  const data = new Set(userData);
  const strip = (t: string) => t.replace(/^\((.*)\)$/s, '$1').replace(/^\d+\.\s*/, '');
  const isKnown = (c: string) => data.has(c) || known.some((re) => re.test(c));
  const untranslated = (await textsOf(page)).filter((text) => {
    // Numbers and clock times ("5:00") need no translation.
    if (/^[\d\s:.,%]+$/.test(text)) return false;
    // A name followed by a message, e.g. "Sander (jij)".
    if ([...data].some((d) => text.startsWith(`${d} `) && isKnown(text.slice(d.length + 1)))) return false;
    return ![text, strip(text)].some(isKnown);
  });
  expect(untranslated, `untranslated text on ${screen} (${lang})`).toEqual([]);
}

async function switchTo(page: Page, lang: Lang): Promise<void> {
  const label = lang === 'en' ? 'English' : 'Nederlands';
  await page.getByRole('button', { name: label, exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

async function bothLanguages(page: Page, userData: string[], screen: string): Promise<void> {
  await expectAllTranslated(page, 'nl', userData, screen);
  await switchTo(page, 'en');
  await expectAllTranslated(page, 'en', userData, screen);
  await switchTo(page, 'nl');
}

// axe-core and many screens in two languages: slow on a busy two-core machine.
test.describe.configure({ timeout: 180_000 });

test('every screen shows only catalogue text or user data, in Dutch and in English', async ({ newUser }) => {
  const sander = await newUser('Sander');
  const page = sander.page;
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await bothLanguages(page, [], 'start page');
  await page.getByRole('button', { name: 'Workshop maken' }).click();
  await page.getByRole('button', { name: 'Meedoen', exact: true }).click();
  await bothLanguages(page, [], 'start page with errors');

  await page.goto('/#/toegankelijkheid');
  await expect(page.getByRole('heading', { level: 1, name: 'Toegankelijkheidsverklaring' })).toBeVisible();
  await bothLanguages(page, [], 'accessibility statement');

  const { workshopId, code } = await sander.createWorkshop('Vertaald bord');
  await sander.addCard('Oriënteren', 'Contactmoment', 'Kaart een');
  const link = (await page.getByTestId('join-link').textContent())!;
  const screenLink = (await page.getByTestId('screen-link').textContent())!;
  // The phase and lane titles of a new board are data (anyone may rename them).
  const phases = await page.locator('.phase-header__title').allTextContents();
  const lanes = await page.locator('.lane-header__title').allTextContents();
  // 'Klantreis' is the title the server gives a new board's journey.
  // So are the stages a new workshop starts with (the facilitator edits them as text): the
  // server's, read from its welcome ("Fien" is the reader's name there).
  const facilitatorKey = new URL(page.url().replace('#', '')).searchParams.get('key')!;
  const snapshot = (await facilitatorSnapshot(page, { workshopId, joinCode: code, facilitatorKey })) as { facilitation: { stages: StageDoc[] } };
  const stages = snapshot.facilitation.stages.flatMap((s) => [s.title, s.instruction]);
  expect(stages.length).toBeGreaterThan(0);
  const data = (user: User) => [...stages, 'Fien', 'Klantreis', 'Vertaald bord', 'Sander', 'Anna', 'Kaart een', code, link, screenLink, ...phases, ...lanes, user.name];
  await bothLanguages(page, data(sander), 'board (facilitator)');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectAllTranslated(page, 'nl', data(sander), 'help dialog');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Toon als lijst' }).click();
  await expect(page.locator('.list-view')).toBeVisible();
  await bothLanguages(page, data(sander), 'list view');
  await page.getByRole('button', { name: 'Verplaatsen: Kaart een' }).click();
  await page.getByRole('button', { name: 'Bewerken: Kaart een' }).click();
  await bothLanguages(page, data(sander), 'list view with forms open');

  const anna = await newUser('Anna');
  await anna.page.goto(`/#/w/${workshopId}`);
  await expect(anna.page.getByRole('heading', { level: 1 })).toBeVisible();
  await bothLanguages(anna.page, [], 'name screen');
});
