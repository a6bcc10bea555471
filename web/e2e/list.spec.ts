import { expectNoAxeViolations } from './axe';
import { expect, scrollsSideways, test } from './support';

// Issue 5: the list view (outline) on a phone, by touch, while someone else edits the table;
// both views show the same board in the end.

const ORIENT = 'Oriënteren';
const APPLY = 'Aanvragen';
const WAIT = 'Wachten';
const TOUCH = 'Contactmoment';
const PAIN = 'Knelpunt';
const PHONE = { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true };

// Two browsers and many round trips: on a busy two-core machine this takes more than a minute.
test.describe.configure({ timeout: 180_000 });

test('on a phone the list view is the default; adding and moving by touch converges with the table', async ({ newUser }) => {
  const sander = await newUser('Sander');
  const { code } = await sander.createWorkshop('Op de telefoon');
  await sander.addCard(ORIENT, TOUCH, 'Kaart van Sander');

  const pia = await newUser('Pia', PHONE);
  const page = pia.page;
  await page.goto('/');
  await page.getByLabel('Code', { exact: true }).tap();
  await page.getByLabel('Code', { exact: true }).fill(code);
  await page.locator('input[name="joinName"]').fill('Pia');
  await page.getByRole('button', { name: 'Meedoen', exact: true }).tap();
  await pia.waitForBoard();

  // Narrow screen: the list, not the table, and no sideways scrolling.
  await expect(page.locator('.list-view')).toBeVisible();
  await expect(page.locator('table.board-table')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 3, name: `Fase 1: ${ORIENT}` })).toBeVisible();
  await expect(pia.listCard('Kaart van Sander')).toContainText('Door Sander');
  expect(await scrollsSideways(page)).toBe(false);

  // Add by touch: the add button opens a form with visible Opslaan / Annuleren buttons.
  await page.getByRole('button', { name: `Kaart toevoegen: ${APPLY}, ${PAIN}` }).tap();
  const text = page.getByLabel(`Tekst van de nieuwe kaart: ${APPLY}, ${PAIN}`);
  await expect(text).toBeFocused();
  await text.fill('Formulier loopt vast');
  await page.getByRole('button', { name: 'Opslaan' }).tap();
  await expect(pia.listCard('Formulier loopt vast')).toBeFocused();
  await expect(sander.cardIn(APPLY, PAIN, 'Formulier loopt vast')).toBeVisible();
  await expectNoAxeViolations(page, 'list view on a phone');

  // Meanwhile Sander edits his card in the table; Pia sees the new text, and her focus stays.
  await sander.pressOnCard('Kaart van Sander', 'Enter');
  await sander.page.keyboard.press('End');
  await sander.page.keyboard.type(' (aangepast)');
  await sander.page.keyboard.press('Control+Enter');
  await expect(pia.listCard('Kaart van Sander (aangepast)')).toBeVisible();
  await expect(pia.listCard('Formulier loopt vast')).toBeFocused();

  // Move by touch: "Verplaatsen", choose a phase and a lane, "Hierheen verplaatsen".
  await page.getByRole('button', { name: 'Verplaatsen: Formulier loopt vast' }).tap();
  await expect(page.getByLabel('Naar fase')).toBeFocused();
  await expectNoAxeViolations(page, 'list view with the move form open');
  await page.getByLabel('Naar fase').selectOption({ label: WAIT });
  await page.getByLabel('Naar rij').selectOption({ label: TOUCH });
  await page.getByRole('button', { name: 'Hierheen verplaatsen' }).tap();
  await expect(pia.listCard('Formulier loopt vast')).toBeFocused();
  await expect(pia.ownAnnouncement).toHaveText(`Kaart staat nu in ${WAIT}, ${TOUCH}, plek 1 van 1.`);
  await expect(sander.cardIn(WAIT, TOUCH, 'Formulier loopt vast')).toBeVisible();

  // While Sander drags his card into the same lane, Pia adds one and moves it up.
  await sander.dragCard('Kaart van Sander (aangepast)', { phase: WAIT, lane: TOUCH });
  await page.getByRole('button', { name: `Kaart toevoegen: ${WAIT}, ${TOUCH}` }).tap();
  await page.getByLabel(`Tekst van de nieuwe kaart: ${WAIT}, ${TOUCH}`).fill('Belt de gemeente');
  await page.getByRole('button', { name: 'Opslaan' }).tap();
  await expect.poll(() => pia.listCardTexts(WAIT, TOUCH)).toEqual(['Formulier loopt vast', 'Kaart van Sander (aangepast)', 'Belt de gemeente']);
  await page.getByRole('button', { name: 'Omhoog: Belt de gemeente' }).tap();
  await page.getByRole('button', { name: 'Omhoog: Belt de gemeente' }).tap();
  await expect.poll(() => pia.listCardTexts(WAIT, TOUCH)).toEqual(['Belt de gemeente', 'Formulier loopt vast', 'Kaart van Sander (aangepast)']);
  // At the top, "Omhoog" is marked unavailable but stays (a vanishing button would drop focus)
  // and says why when pressed.
  const up = page.getByRole('button', { name: 'Omhoog: Belt de gemeente' });
  await expect(up).toHaveAttribute('aria-disabled', 'true');
  await up.tap({ force: true });
  await expect(pia.ownAnnouncement).toHaveText('De kaart kan niet verder.');

  // Delete by touch.
  await page.getByRole('button', { name: 'Verwijderen: Formulier loopt vast' }).tap();
  await expect(pia.listCard('Formulier loopt vast')).toHaveCount(0);

  // Both views converge on the same board.
  await expect.poll(() => sander.cardTexts(WAIT, TOUCH)).toEqual(['Belt de gemeente', 'Kaart van Sander (aangepast)']);
  await expect.poll(async () => JSON.stringify(await pia.boardContents())).toBe(JSON.stringify(await sander.boardContents()));
  expect(await scrollsSideways(page)).toBe(false);

  // The choice of view is the user's and is remembered: Pia picks the table, and after a
  // reload she still has it.
  await page.getByRole('button', { name: 'Toon als bord' }).tap();
  await expect(page.locator('table.board-table')).toBeVisible();
  await page.reload();
  await pia.waitForBoard();
  await expect(page.locator('table.board-table')).toBeVisible();
  await expect(page.locator('.list-view')).toBeHidden();
});

test('a remote delete of the focused card in the list moves focus to its neighbour, without taking it from elsewhere', async ({ newUser }) => {
  const sander = await newUser('Sander');
  const { code } = await sander.createWorkshop('Focus blijft');
  await sander.addCard(ORIENT, TOUCH, 'Eerste');
  await sander.addCard(ORIENT, TOUCH, 'Tweede');
  const anna = await newUser('Anna');
  await anna.joinWithCode(code);
  await anna.page.getByRole('button', { name: 'Toon als lijst' }).click();
  const page = anna.page;
  await page.getByRole('button', { name: 'Bewerken: Eerste' }).focus();
  // Sander deletes Anna's focused card: focus goes to the card after it, in the same lane.
  await sander.pressOnCard('Eerste', 'Delete');
  await expect(anna.listCard('Eerste')).toHaveCount(0);
  await expect(anna.listCard('Tweede')).toBeFocused();
  // Sander adds cards elsewhere: Anna's focus does not move.
  await sander.addCard(APPLY, PAIN, 'Nog een');
  await expect(anna.listCard('Nog een')).toBeVisible();
  await expect(anna.listCard('Tweede')).toBeFocused();
  // Others' changes are announced politely, summed up when several come together.
  await expect(anna.othersAnnouncement).not.toBeEmpty();
});
