import { expectNoAxeViolations } from './axe';
import { expect, test, type User } from './support';
import type { Locator, Page } from '@playwright/test';

// Phases and lanes of a new workshop (protocol.md P-HTTP-6).
const ORIENT = 'Oriënteren';
const APPLY = 'Aanvragen';
const WAIT = 'Wachten';
const PAIN = 'Knelpunt';
const IDEA = 'Verbeteridee';

const UPLOAD_BIG = 'Upload tot 50 MB';
const UPLOAD_MORE = 'Meer bestandstypen toestaan';
const EXAMPLE = 'Voorbeeld bij elk veld';
const CALL_BACK = 'Bel binnen een dag terug';
const PAIN_UPLOAD = 'Upload van tekeningen lukt niet';

function ballotItem(page: Page, text: string): Locator {
  return page.locator('.ballot__item').filter({ hasText: text });
}

async function vote(u: User, text: string, page: Page = u.page): Promise<void> {
  // By keyboard: a refused button is aria-disabled (still focusable, it says why when pressed).
  await ballotItem(page, text).getByRole('button', { name: `Stem geven: ${text}` }).focus();
  await page.keyboard.press('Enter');
}

/** A card on the board by its own text (a group badge may repeat another card's text). */
function card(u: User, text: string): Locator {
  return u.page.locator('li.card[data-card-id]').filter({ has: u.page.locator('.card__text', { hasText: text }) });
}

/** A card's own tool, by keyboard (the tools show on focus, like the other card tools). */
async function cardAction(u: User, text: string, name: string): Promise<void> {
  await card(u, text).focus();
  await card(u, text).getByRole('button', { name }).focus();
  await u.page.keyboard.press('Enter');
}

/** Nothing in the voting section is wider than a 320 px screen. */
async function expectFitsNarrow(page: Page): Promise<void> {
  const overflow = await page.locator('section.voting').evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

function budget(page: Page): Locator {
  return page.getByTestId('ballot-budget');
}

function resultRow(page: Page, text: string): Locator {
  return page.getByTestId('result').locator('tr.result__row').filter({ hasText: text });
}

test('group, link, a voting round with budget and cap, the tied ranking, paper votes and the improvement list', async ({ newUser }, testInfo) => {
  test.setTimeout(420_000);
  const sander = await newUser('Sander');
  const { code } = await sander.createWorkshop('Stemmen over de vergunning');
  const anna = await newUser('Anna');
  const bob = await newUser('Bob');
  const cleo = await newUser('Cleo');
  for (const u of [anna, bob, cleo]) await u.joinWithCode(code);
  const everyone = [sander, anna, bob, cleo];

  await anna.addCard(APPLY, PAIN, PAIN_UPLOAD);
  await anna.addCard(APPLY, IDEA, UPLOAD_BIG);
  await bob.addCard(WAIT, IDEA, UPLOAD_MORE);
  await bob.addCard(ORIENT, IDEA, EXAMPLE);
  await cleo.addCard(WAIT, IDEA, CALL_BACK);
  for (const u of everyone) await expect(card(u, CALL_BACK)).toBeVisible();

  // Grouping by drag: Bob drops his idea onto the middle of Anna's.
  const from = (await card(bob, UPLOAD_MORE).locator('.card__text').boundingBox())!;
  const onto = (await card(bob, UPLOAD_BIG).boundingBox())!;
  await bob.page.mouse.move(from.x + 10, from.y + from.height / 2);
  await bob.page.mouse.down();
  await bob.page.mouse.move(from.x + 20, from.y + from.height / 2 + 10, { steps: 3 });
  await bob.page.mouse.move(onto.x + onto.width / 2, onto.y + onto.height / 2, { steps: 12 });
  await expect(card(bob, UPLOAD_BIG)).toHaveClass(/card--group-target/);
  await bob.page.mouse.up();
  for (const u of everyone) {
    await expect(card(u, UPLOAD_MORE)).toContainText(`Groep: ${UPLOAD_BIG}`);
    await expect(card(u, UPLOAD_BIG)).toContainText(`Groep: ${UPLOAD_BIG}`);
  }
  // The facilitator renames the group.
  await sander.page.getByTestId('groups').locator('summary').first().click();
  // Each group a fold of its own: the title and its cards, whole texts, stacked.
  const group = sander.page.getByTestId('groups').locator('details.groups__group');
  await expect(group.locator('summary')).toHaveText(`Groep: ${UPLOAD_BIG} (2 kaarten)`);
  await expect(group.locator('.groups__text')).toHaveText([UPLOAD_BIG, UPLOAD_MORE]);
  const title = sander.page.getByTestId('groups').getByLabel('Naam van de groep');
  await title.fill('Uploaden');
  await title.press('Enter');
  for (const u of everyone) await expect(card(u, UPLOAD_MORE)).toContainText('Groep: Uploaden');

  // Grouping by keyboard: Cleo groups her idea with Bob's, then takes it out again.
  await card(cleo, CALL_BACK).focus();
  await card(cleo, CALL_BACK).getByRole('button', { name: `Groeperen met…: ${CALL_BACK}` }).focus();
  await cleo.page.keyboard.press('Enter');
  const dialog = cleo.page.getByRole('dialog', { name: 'Groeperen met…' });
  await expect(dialog).toBeVisible();
  // Focus starts on the first choice; the list is walked with Tab.
  await expect(dialog.getByRole('button', { name: EXAMPLE })).toBeVisible();
  await dialog.getByRole('button', { name: EXAMPLE }).focus();
  await cleo.page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(card(cleo, CALL_BACK)).toBeFocused();
  await expect(cleo.ownAnnouncement).toHaveText(`De kaart zit nu in de groep ${CALL_BACK}.`);
  await expect(card(anna, EXAMPLE)).toContainText(`Groep: ${CALL_BACK}`);
  await cardAction(cleo, CALL_BACK, `Uit de groep halen: ${CALL_BACK}`);
  // A group left with one card disappears.
  for (const u of everyone) await expect(card(u, EXAMPLE)).not.toContainText('Groep:');

  // Linking an idea to a pain point, with the keyboard dialog; visible to all, removable.
  await cardAction(anna, EXAMPLE, `Koppelen aan knelpunt: ${EXAMPLE}`);
  await anna.page.getByRole('dialog', { name: 'Koppelen aan een knelpunt' }).getByRole('button', { name: PAIN_UPLOAD }).click();
  // The link shows on both cards: the idea says what it solves, the pain point what solves it.
  for (const u of everyone) {
    await expect(card(u, EXAMPLE)).toContainText(`Lost op: ${PAIN_UPLOAD}`);
    await expect(card(u, PAIN_UPLOAD)).toContainText(`Opgelost door: ${EXAMPLE}`);
  }
  await cardAction(anna, CALL_BACK, `Koppelen aan knelpunt: ${CALL_BACK}`);
  await anna.page.getByRole('dialog', { name: 'Koppelen aan een knelpunt' }).getByRole('button', { name: PAIN_UPLOAD }).click();
  await expect(card(bob, CALL_BACK)).toContainText(`Lost op: ${PAIN_UPLOAD}`);
  await cardAction(anna, CALL_BACK, `Koppeling weghalen: ${CALL_BACK}`);
  for (const u of everyone) await expect(card(u, CALL_BACK)).not.toContainText('Lost op:');
  await expect(card(bob, PAIN_UPLOAD)).not.toContainText(`Opgelost door: ${CALL_BACK}`);
  await expect(card(bob, PAIN_UPLOAD)).toContainText(`Opgelost door: ${EXAMPLE}`);

  // Cleo votes on a phone: 320 px wide.
  await cleo.page.setViewportSize({ width: 320, height: 720 });

  // The facilitator starts a round: 3 votes each, at most 2 per idea.
  await sander.page.locator('summary', { hasText: 'Nieuwe stemronde' }).click();
  await sander.page.getByLabel('Waarop stemmen jullie?').fill('impact');
  await sander.page.getByLabel('Stemmen per persoon').fill('3');
  await sander.page.getByLabel('Hoogstens per idee').fill('2');
  await sander.page.getByRole('button', { name: 'Ronde starten' }).click();
  for (const u of everyone) await expect(u.page.getByTestId('open-round')).toContainText('Ronde 1 loopt: impact');
  // Said word for word even when it comes with a burst of other changes (then their count follows).
  await expect(anna.othersAnnouncement).toContainText('Stemronde 1 is begonnen: impact.');
  // The facilitator does not vote in this round; the three participants do.
  await expect(sander.page.getByRole('button', { name: /^Stem geven/ })).toHaveCount(0);
  for (const u of [anna, bob, cleo]) {
    await expect(budget(u.page)).toHaveText('Je hebt nog 3 stemmen (van 3).');
    // Three items: the group counts as one.
    await expect(u.page.locator('.ballot__item')).toHaveCount(3);
  }

  // Anna: two on the group (by mouse), the cap refuses a third; then one on an idea, and the
  // budget refuses a fourth.
  await vote(anna, 'Uploaden');
  await expect(anna.ownAnnouncement).toHaveText('Stem gegeven: Uploaden. Je hebt nog 2 van 3.');
  await vote(anna, 'Uploaden');
  await expect(budget(anna.page)).toHaveText('Je hebt nog 1 stem (van 3).');
  await vote(anna, 'Uploaden');
  await expect(anna.ownAnnouncement).toHaveText('Op dit idee staan al 2 stemmen van jou. Meer mag niet.');
  await expect(ballotItem(anna.page, 'Uploaden')).toContainText('Jouw stemmen: 2');
  await vote(anna, EXAMPLE);
  await expect(budget(anna.page)).toHaveText('Je hebt nog 0 stemmen (van 3).');
  await vote(anna, CALL_BACK);
  await expect(anna.ownAnnouncement).toHaveText('Je stemmen zijn op. Neem eerst ergens een stem terug.');
  await expect(ballotItem(anna.page, CALL_BACK)).toContainText('Jouw stemmen: 0');
  // The facilitator sees who is done (names only, never whose dots went where).
  await expect(sander.page.getByTestId('round-who')).toHaveText('Klaar: Anna. Nog bezig: Bob, Cleo.');
  await expect(sander.page.getByTestId('round-progress')).toHaveText('Klaar met stemmen: 1 van 3');
  // Nobody else sees Anna's dots.
  await expect(ballotItem(bob.page, 'Uploaden')).toContainText('Jouw stemmen: 0');

  // Bob votes from two tabs: each tab sees the other's dots and the shared budget.
  const bob2 = await bob.context.newPage();
  await bob2.goto(bob.page.url());
  await expect(bob2.locator('table.board-table')).toBeVisible();
  await vote(bob, CALL_BACK);
  await expect(budget(bob2)).toHaveText('Je hebt nog 2 stemmen (van 3).');
  await vote(bob, CALL_BACK, bob2);
  await expect(budget(bob.page)).toHaveText('Je hebt nog 1 stem (van 3).');
  await expect(ballotItem(bob.page, CALL_BACK)).toContainText('Jouw stemmen: 2');
  // Take one back in one tab, the other follows.
  await ballotItem(bob2, CALL_BACK).getByRole('button', { name: `Stem terugnemen: ${CALL_BACK}` }).click();
  await expect(budget(bob.page)).toHaveText('Je hebt nog 2 stemmen (van 3).');
  await vote(bob, CALL_BACK, bob2);
  await vote(bob, 'Uploaden');
  await expect(budget(bob2)).toHaveText('Je hebt nog 0 stemmen (van 3).');

  await expectNoAxeViolations(anna.page, 'the ballot during a round', 'section.voting');
  await expectNoAxeViolations(sander.page, 'the facilitator during a round', 'section.voting');
  await expectFitsNarrow(cleo.page);

  // A locked board still takes votes, from a card's own buttons too (P-FAC-4).
  await sander.page.getByTestId('lock-toggle').click();
  await expect(cleo.page.getByTestId('locked-banner')).toBeVisible();
  const cleoCard = cleo.page.locator('li.card[data-card-id], li.list-card').filter({ visible: true }).filter({ hasText: EXAMPLE });
  await cleoCard.getByRole('button', { name: `Stem geven: ${EXAMPLE}` }).focus();
  await cleo.page.keyboard.press('Enter');
  await expect(budget(cleo.page)).toHaveText('Je hebt nog 2 stemmen (van 3).');
  await cleoCard.getByRole('button', { name: `Stem terugnemen: ${EXAMPLE}` }).focus();
  await cleo.page.keyboard.press('Enter');
  await expect(budget(cleo.page)).toHaveText('Je hebt nog 3 stemmen (van 3).');
  await sander.page.getByTestId('lock-toggle').click();
  await expect(cleo.page.getByTestId('locked-banner')).toBeHidden();

  // Cleo votes with the keyboard only, and says she is done.
  const cleoAdd = ballotItem(cleo.page, EXAMPLE).getByRole('button', { name: `Stem geven: ${EXAMPLE}` });
  await cleoAdd.focus();
  await cleo.page.keyboard.press('Enter');
  await expect(cleo.ownAnnouncement).toHaveText(`Stem gegeven: ${EXAMPLE}. Je hebt nog 2 van 3.`);
  await expect(ballotItem(cleo.page, EXAMPLE).getByRole('button', { name: `Stem geven: ${EXAMPLE}` })).toBeFocused();
  await cleo.page.keyboard.press('Space');
  await expect(budget(cleo.page)).toHaveText('Je hebt nog 1 stem (van 3).');
  await cleo.page.getByRole('button', { name: 'Ik ben klaar' }).click();
  await expect(cleo.page.getByRole('button', { name: 'Ik ben klaar' })).toHaveAttribute('aria-pressed', 'true');
  // Anna and Bob used their whole budget, Cleo said she is done.
  await expect(sander.page.getByTestId('round-progress')).toHaveText('Klaar met stemmen: 3 van 3');
  await sander.page.screenshot({ path: testInfo.outputPath('voting-facilitator.png') });
  await anna.page.screenshot({ path: testInfo.outputPath('voting-participant.png') });

  // Closing reveals the ranking to everyone: Uploaden 3 and Voorbeeld 3 tie, Bel terug 2.
  await sander.page.getByRole('button', { name: 'Ronde sluiten en uitslag tonen' }).click();
  for (const u of everyone) {
    const result = u.page.getByTestId('result');
    await expect(result).toContainText('Uitslag ronde 1: impact');
    await expect(result).toContainText('3 mensen hebben digitaal gestemd.');
    await expect(resultRow(u.page, 'Uploaden').locator('.result__rank')).toHaveText('1 (gedeeld)');
    await expect(resultRow(u.page, 'Uploaden').locator('.result__total')).toHaveText('3');
    await expect(resultRow(u.page, EXAMPLE).locator('.result__rank')).toHaveText('1 (gedeeld)');
    await expect(resultRow(u.page, CALL_BACK).locator('.result__rank')).toHaveText('3');
    await expect(resultRow(u.page, CALL_BACK).locator('.result__total')).toHaveText('2');
    await expect(u.page.getByTestId('open-round')).toBeHidden();
  }
  // Equal votes keep board order: Voorbeeld (first phase) before the group.
  await expect(anna.page.getByTestId('result').locator('tr.result__row').first()).toContainText(EXAMPLE);
  await expect(anna.othersAnnouncement).toContainText('Stemronde 1 is gesloten. De uitslag staat klaar.');
  await anna.page.screenshot({ path: testInfo.outputPath('result.png') });
  await expectNoAxeViolations(anna.page, 'the revealed result', 'section.voting');
  await expectFitsNarrow(cleo.page);

  // Paper votes from a table in the room, shown as paper votes.
  const history = sander.page.getByTestId('history');
  await history.locator('summary').first().click();
  const paper = history.locator('details.paper');
  await paper.locator('summary').click();
  await paper.getByLabel('Tafel of groep').fill('Tafel 3');
  await paper.getByLabel(CALL_BACK).fill('2');
  await paper.getByRole('button', { name: 'Stemmen opslaan' }).click();
  for (const u of everyone) {
    await expect(resultRow(u.page, CALL_BACK).locator('.result__rank')).toHaveText('1');
    await expect(resultRow(u.page, CALL_BACK)).toContainText('(2 digitaal, 2 op papier)');
    await expect(resultRow(u.page, 'Uploaden').locator('.result__rank')).toHaveText('2 (gedeeld)');
    await expect(u.page.getByTestId('result')).toContainText('Op papier geteld: Tafel 3: 2 stemmen.');
  }

  // The improvement list: ranked, with the linked pain point; the facilitator fills in owner
  // and status, the others read them live, and card edits show at once.
  const list = (u: User) => u.page.getByTestId('improvements');
  const item = (u: User, text: string) => list(u).locator('li.improvement').filter({ hasText: text });
  await expect(item(anna, EXAMPLE)).toContainText(PAIN_UPLOAD);
  await expect(list(anna).locator('li.improvement')).toHaveCount(3);
  await item(sander, CALL_BACK).getByLabel('Eigenaar').fill('Team Vergunningen');
  await item(sander, CALL_BACK).getByLabel('Eigenaar').press('Tab');
  await item(sander, CALL_BACK).getByLabel('Status').selectOption({ label: 'Gepland' });
  for (const u of [anna, bob, cleo]) {
    await expect(item(u, CALL_BACK)).toContainText('Team Vergunningen');
    await expect(item(u, CALL_BACK)).toContainText('Gepland');
    await expect(item(u, CALL_BACK).getByLabel('Eigenaar')).toHaveCount(0);
  }
  await card(bob, EXAMPLE).focus();
  await bob.page.keyboard.press('Enter');
  await bob.page.keyboard.press('End');
  await bob.page.keyboard.type(' en een filmpje');
  await bob.page.keyboard.press('Control+Enter');
  for (const u of everyone) await expect(item(u, `${EXAMPLE} en een filmpje`)).toBeVisible();
  await expectNoAxeViolations(sander.page, 'the improvement list (facilitator)', '[data-testid="improvements"]');
  await expectNoAxeViolations(cleo.page, 'the improvement list (participant)', '[data-testid="improvements"]');
  await expectFitsNarrow(cleo.page);
  await sander.page.screenshot({ path: testInfo.outputPath('improvement-list.png'), fullPage: true });
});
