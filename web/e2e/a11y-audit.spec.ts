import { labelInNameMismatches, renderedHidden, tabStopsIn } from './a11y-support';
import { expectNoAxeViolations } from './axe';
import { expect, test, type User } from './support';
import type { Page } from '@playwright/test';

// Issue 11: the defects an independent accessibility audit found, each measured in Chromium.
// Two workshops in all (shared set-up per test) to keep the browser suite within its budget.

const ORIENT = 'Oriënteren';
const APPLY = 'Aanvragen';
const TOUCH = 'Contactmoment';
const IDEA = 'Verbeteridee';

// Several browsers and an accessibility tree walk per screen on a busy two-core machine.
test.describe.configure({ timeout: 180_000 });

/** What has focus, as "tag.class" (or "body" when focus was dropped). */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    return `${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]} "${el.getAttribute('aria-label') ?? el.textContent}"`;
  });
}

// The tree is read first and each control's text after it, so a live update in between (a
// presence change turning "0 van 0" into "0 van 1") can look like a mismatch: measure again until
// the page agrees with itself. A real mismatch stays and fails.
async function expectLabelInName(page: Page, screen: string): Promise<void> {
  await expect(async () => {
    expect(await labelInNameMismatches(page), `label in name: ${screen}`).toEqual([]);
  }).toPass({ timeout: 10_000 });
}

async function expectNothingHiddenRendered(page: Page, screen: string): Promise<void> {
  expect(await renderedHidden(page), `hidden but rendered: ${screen}`).toEqual([]);
}

test('audit: focus after joining and on Alt+L, the card name, hidden sections, label in name on every screen', async ({ newUser }) => {
  const sander = await newUser('Sander');
  const { code, workshopId } = await sander.createWorkshop('Toegankelijk bord');
  const page = sander.page;
  await expectNothingHiddenRendered(page, 'new board');
  await sander.addCard(ORIENT, TOUCH, 'Belt');

  // A participant who joins lands on the board with focus on it, not on <body>.
  const anna = await newUser('Anna');
  await anna.joinWithCode(code);
  expect(await focused(anna.page)).not.toBe('body');
  await expect(anna.page.getByRole('heading', { level: 1, name: 'Toegankelijk bord' })).toBeFocused();
  // Before any round a participant has no (empty) voting heading; one journey, no navigation.
  await expectNothingHiddenRendered(anna.page, 'participant before any round');
  await expect(anna.page.getByRole('heading', { name: 'Stemmen en verbeterlijst' })).toHaveCount(0);
  await expect(anna.page.getByRole('navigation', { name: 'Klantreizen' })).toHaveCount(0);

  // A table card is named by its text, then its phase and lane; its place in the cell once.
  const belt = sander.card('Belt');
  await belt.focus();
  await expect(belt).toHaveAccessibleName(`Belt (${ORIENT}, ${TOUCH})`);
  await expect(belt).toHaveAccessibleDescription('Kaart 1 van 1. Blauw.');

  // Alt+L keeps the keyboard on the same card, both ways.
  await page.keyboard.press('Alt+L');
  await expect(page.locator('.list-view')).toBeVisible();
  await expect(sander.listCard('Belt')).toBeFocused();
  await expectNothingHiddenRendered(page, 'list view');
  // No h2 twice in the list view (a hidden copy used to render).
  const h2s = await page.locator('#main').getByRole('heading', { level: 2 }).allTextContents();
  expect(h2s.length).toBeGreaterThan(0);
  expect(h2s.filter((text, i) => h2s.indexOf(text) !== i), `h2s: ${h2s.join(' | ')}`).toEqual([]);
  await expectLabelInName(page, 'list view (facilitator)');
  await page.keyboard.press('Alt+L');
  await expect(page.locator('table.board-table')).toBeVisible();
  await expect(belt).toBeFocused();

  // Label in name on the facilitator's board: the participants' role buttons, the share panel
  // with the big-screen link, the card tools.
  await sander.showControls();
  await expect(sander.presenceItem('Anna')).toBeVisible();
  await expect(page.getByTestId('screen-link')).toBeVisible();
  await expectLabelInName(page, 'facilitator board');

  // A running round, then a closed one: "Ronde annuleren" and the result's controls.
  await anna.addCard(APPLY, IDEA, 'Bel binnen een dag terug');
  await page.locator('summary', { hasText: 'Nieuwe stemronde' }).click();
  await page.getByLabel('Waarop stemmen jullie?').fill('impact');
  await page.getByRole('button', { name: 'Ronde starten' }).click();
  await expect(page.getByTestId('open-round')).toContainText('Ronde 1 loopt: impact');
  await expectLabelInName(page, 'facilitator during a round');
  await expectLabelInName(anna.page, 'participant during a round');
  await expectNothingHiddenRendered(anna.page, 'participant during a round');

  // The participant's list view, the start page, the statement and the big screen.
  await anna.page.getByRole('button', { name: 'Toon als lijst' }).click();
  await expect(anna.page.locator('.list-view')).toBeVisible();
  await expectLabelInName(anna.page, 'participant list view during a round');
  const screenLink = (await page.getByTestId('screen-link').getAttribute('href'))!;
  const screen = await newUser('Scherm');
  await screen.page.goto(screenLink);
  // The big screen is a presentation without a connection line: wait for its slide's heading.
  await expect(screen.page.getByTestId('big-screen').getByRole('heading', { level: 2 })).toBeVisible();
  await expectLabelInName(screen.page, 'big screen');
  await expectNothingHiddenRendered(screen.page, 'big screen');
  for (const hash of ['/', '/#/toegankelijkheid']) {
    await screen.page.goto(hash);
    await expect(screen.page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectLabelInName(screen.page, hash);
  }
  // The statement follows the Dutch model: status, the last evaluation's date and method,
  // known issues with dates, contact with a response time, the Nationale ombudsman.
  const statement = screen.page.locator('main');
  for (const heading of ['Stand van zaken', 'Hoe we het hebben onderzocht', 'Wat nog niet goed is', 'Werkt iets niet voor jou?', 'Niet tevreden met het antwoord?']) {
    await expect(statement.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  }
  await expect(statement).toContainText('voldoet gedeeltelijk');
  await expect(statement).toContainText(/Laatste onderzoek: \d+ \w+ 20\d\d\. Zo hebben we gekeken:/);
  await expect(statement.locator('li', { hasText: 'Bekend sinds' })).toHaveCount(5);
  await expect(statement).toContainText('binnen 5 werkdagen');
  await expect(statement).toContainText('Nationale ombudsman');
  // Footer link to the statement and back: focus lands on the new screen's heading.
  await statement.getByRole('link', { name: 'Naar de startpagina' }).click();
  await expect(screen.page.getByRole('heading', { level: 1 })).toBeFocused();
  expect(workshopId).not.toBe('');
});

/** A participant in the list view of a workshop with `cards` ideas in the first phase. */
async function listWith(newUser: (name: string) => Promise<User>, cards: string[]): Promise<User> {
  const sander = await newUser('Sander');
  const { code } = await sander.createWorkshop('Tabstops tellen');
  for (const text of cards) await sander.addCard(ORIENT, IDEA, text);
  const anna = await newUser('Anna');
  await anna.joinWithCode(code);
  await anna.page.getByRole('button', { name: 'Toon als lijst' }).click();
  await expect(anna.page.locator('.list-view')).toBeVisible();
  return anna;
}

test('audit: the list view costs one Tab stop per card, a skip per phase, actions on arrow keys; the help fits 320 px', async ({ newUser }) => {
  const ideas = ['Eerste idee', 'Tweede idee', 'Derde idee'];
  const anna = await listWith(newUser, ideas);
  const page = anna.page;
  const firstPhase = page.locator('.list-phase').first();

  // Tab from the first phase's heading area until focus leaves the first phase.
  const countPhase = async () => {
    await firstPhase.getByRole('heading', { level: 3 }).evaluate((h) => {
      h.setAttribute('tabindex', '-1');
      (h as HTMLElement).focus();
    });
    return tabStopsIn(page, '.list-phase:first-of-type');
  };
  const withCards = await countPhase();
  // Every card in the phase is one stop; the rest (the skip link, the phase's pickers and one
  // add button per lane) does not grow with the cards.
  const lanes = await firstPhase.locator('.list-lane').count();
  const perPhase = await firstPhase.evaluate(
    (el) => [...el.querySelectorAll<HTMLElement>('.list-phase__method :is(select, button, input)')].filter((c) => c.checkVisibility()).length,
  );
  expect(withCards.length, withCards.join('\n')).toBe(1 + perPhase + lanes + ideas.length);

  // The skip link of a phase goes to the next phase.
  await firstPhase.getByRole('heading', { level: 3 }).focus();
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveText(/^Naar fase 2/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 3, name: `Fase 2: ${APPLY}` })).toBeFocused();

  // A card's actions: one Tab stop, the arrow keys walk them, Enter runs one.
  const card = anna.listCard('Tweede idee');
  const toolbar = card.getByRole('toolbar');
  await toolbar.getByRole('button').first().focus();
  await expect(toolbar).toHaveAccessibleName('Wat je met de kaart kunt doen: Tweede idee');
  const first = await focused(page);
  await page.keyboard.press('ArrowRight');
  expect(await focused(page)).not.toBe(first);
  await page.keyboard.press('End');
  await expect(toolbar.getByRole('button', { name: /^Verwijderen/ })).toBeFocused();
  await page.keyboard.press('Home');
  await expect(toolbar.getByRole('button').first()).toBeFocused();
  const edit = toolbar.getByRole('button', { name: /^Bewerken/ });
  for (let i = 0; i < 6 && !(await edit.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(card.getByRole('textbox')).toBeFocused();
  await page.keyboard.press('Escape');
  await expectNoAxeViolations(page, 'list view with toolbars');

  // The help dialog's table wraps at 320 px instead of scrolling sideways.
  await page.setViewportSize({ width: 320, height: 640 });
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const overflow = await dialog.evaluate((d) => Math.max(d.scrollWidth - d.clientWidth, ...[...d.querySelectorAll('table')].map((t) => t.getBoundingClientRect().right - d.getBoundingClientRect().right)));
  expect(overflow).toBeLessThanOrEqual(0);
});
