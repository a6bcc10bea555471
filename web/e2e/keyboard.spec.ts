import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support';

// Issue 5: everything by keyboard alone. Anna never touches a mouse: she joins, adds a card,
// moves it to another phase, edits it and deletes it with keys only, while Sander (who set up
// the workshop the ordinary way) sees every change.

const ORIENT = 'Oriënteren';
const APPLY = 'Aanvragen';
const TOUCH = 'Contactmoment';

/** Presses Tab until `target` has focus; fails after `max` presses. Returns the presses needed. */
async function tabTo(page: Page, target: Locator, max = 25): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return i;
  }
  throw new Error(`${target} not reached with ${max} Tab presses`);
}

test('a participant joins, adds, moves, edits and deletes a card with the keyboard only', async ({ newUser }) => {
  const sander = await newUser('Sander');
  const { code } = await sander.createWorkshop('Alleen toetsenbord');
  await sander.addCard(APPLY, TOUCH, 'Al op het bord');

  const anna = await newUser('Anna');
  const page = anna.page;
  await page.goto('/');
  // The start page: the skip link comes first, then the join form.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Naar de inhoud' })).toBeFocused();
  await tabTo(page, page.getByLabel('Code', { exact: true }));
  await page.keyboard.type(code);
  await page.keyboard.press('Tab');
  await expect(page.locator('input[name="joinName"]')).toBeFocused();
  await page.keyboard.type('Anna');
  await page.keyboard.press('Enter');
  await anna.waitForBoard();

  // Focus lands on the board's heading (issue 11: not on <body>); the skip links come just
  // before it. "Naar het bord" puts the keyboard at the board.
  await expect(page.getByRole('heading', { level: 1, name: 'Alleen toetsenbord' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('link', { name: 'Naar de deelnemers' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  const skip = page.getByRole('link', { name: 'Naar het bord' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();

  // The table is one Tab stop: Tab reaches its first add button (after the controls above the
  // table, e.g. the stage banner), the next Tab leaves the table.
  const firstAdd = anna.addButton(ORIENT, TOUCH);
  await tabTo(page, firstAdd, 10);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('table.board-table'))).toBe(false);
  await page.keyboard.press('Shift+Tab');
  await expect(firstAdd).toBeFocused();

  // Arrow keys: → to the next phase's add button (past Sander's card there), ← back.
  await page.keyboard.press('ArrowRight');
  await expect(anna.cardIn(APPLY, TOUCH, 'Al op het bord')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(firstAdd).toBeFocused();

  // Add: "N" opens a new card in the focused cell; Ctrl+Enter saves, focus goes to the card.
  await page.keyboard.press('n');
  await expect(anna.cell(ORIENT, TOUCH).locator('textarea')).toBeFocused();
  await page.keyboard.type('Zoekt het formulier');
  await page.keyboard.press('Control+Enter');
  const card = anna.cardIn(ORIENT, TOUCH, 'Zoekt het formulier');
  await expect(card).toBeFocused();
  await expect(sander.cardIn(ORIENT, TOUCH, 'Zoekt het formulier')).toBeVisible();

  // Move to the next phase: Alt+→, focus stays on the card, the move is announced.
  await page.keyboard.press('Alt+ArrowRight');
  await expect(anna.cardIn(APPLY, TOUCH, 'Zoekt het formulier')).toBeFocused();
  await expect(anna.ownAnnouncement).toHaveText(`Kaart staat nu in ${APPLY}, ${TOUCH}, plek 2 van 2.`);
  await expect(sander.cardIn(APPLY, TOUCH, 'Zoekt het formulier')).toBeVisible();

  // Tab from the card reaches its own tools (edit, colour, delete), not every card's.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Bewerken: Zoekt het formulier' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(anna.cardIn(APPLY, TOUCH, 'Zoekt het formulier')).toBeFocused();

  // Edit: Enter, select all, type, Ctrl+Enter.
  await page.keyboard.press('Enter');
  const editor = anna.cell(APPLY, TOUCH).locator('textarea');
  await expect(editor).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Vindt het formulier niet');
  await page.keyboard.press('Control+Enter');
  const edited = anna.cardIn(APPLY, TOUCH, 'Vindt het formulier niet');
  await expect(edited).toBeFocused();
  await expect(sander.cardIn(APPLY, TOUCH, 'Vindt het formulier niet')).toBeVisible();

  // Delete: the Delete key; focus goes to the neighbour card, and Sander sees it gone.
  await page.keyboard.press('Delete');
  await expect(anna.card('Vindt het formulier niet')).toHaveCount(0);
  await expect(anna.cardIn(APPLY, TOUCH, 'Al op het bord')).toBeFocused();
  await expect(sander.card('Vindt het formulier niet')).toHaveCount(0);

  // The shortcuts are documented in the help dialog, opened with "?" and closed with Esc.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Sneltoetsen' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Nieuwe kaart in dit vak');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // Alt+L switches to the list view, and back.
  await page.keyboard.press('Alt+l');
  await expect(page.locator('.list-view')).toBeVisible();
  await expect(page.locator('table.board-table')).toBeHidden();
  await page.keyboard.press('Alt+l');
  await expect(page.locator('table.board-table')).toBeVisible();
});
