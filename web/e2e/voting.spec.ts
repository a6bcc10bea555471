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
  await ballotItem(page, text).getByRole('button', { name: `Stem geven: ${text}` }).click();
}

function budget(page: Page): Locator {
  return page.getByTestId('ballot-budget');
}

function resultRow(page: Page, text: string): Locator {
  return page.getByTestId('result').locator('tr.result__row').filter({ hasText: text });
}

test('group, link, a voting round with budget and cap, the tied ranking, paper votes and the improvement list', async ({ newUser }, testInfo) => {
  test.setTimeout(180_000);
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
  for (const u of everyone) await expect(u.card(CALL_BACK)).toBeVisible();

  // Grouping by drag: Bob drops his idea onto the middle of Anna's.
  const from = (await bob.card(UPLOAD_MORE).locator('.card__text').boundingBox())!;
  const onto = (await bob.card(UPLOAD_BIG).boundingBox())!;
  await bob.page.mouse.move(from.x + 10, from.y + from.height / 2);
  await bob.page.mouse.down();
  await bob.page.mouse.move(from.x + 20, from.y + from.height / 2 + 10, { steps: 3 });
  await bob.page.mouse.move(onto.x + onto.width / 2, onto.y + onto.height / 2, { steps: 12 });
  await expect(bob.card(UPLOAD_BIG)).toHaveClass(/card--group-target/);
  await bob.page.mouse.up();
  for (const u of everyone) {
    await expect(u.card(UPLOAD_MORE)).toContainText(`Groep: ${UPLOAD_BIG}`);
    await expect(u.card(UPLOAD_BIG)).toContainText(`Groep: ${UPLOAD_BIG}`);
  }
  // The facilitator renames the group.
  await sander.page.getByTestId('groups').locator('summary').click();
  const title = sander.page.getByTestId('groups').getByLabel('Naam van de groep');
  await title.fill('Uploaden');
  await title.press('Enter');
  for (const u of everyone) await expect(u.card(UPLOAD_MORE)).toContainText('Groep: Uploaden');

  // Grouping by keyboard: Cleo groups her idea with Bob's, then takes it out again.
  await cleo.card(CALL_BACK).focus();
  await cleo.card(CALL_BACK).getByRole('button', { name: `Groeperen met…: ${CALL_BACK}` }).click();
  const dialog = cleo.page.getByRole('dialog', { name: 'Groeperen met…' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: EXAMPLE }).click();
  await expect(dialog).toBeHidden();
  await expect(cleo.ownAnnouncement).toHaveText(`De kaart zit nu in de groep ${CALL_BACK}.`);
  await expect(anna.card(EXAMPLE)).toContainText(`Groep: ${CALL_BACK}`);
  await cleo.card(CALL_BACK).getByRole('button', { name: `Uit de groep halen: ${CALL_BACK}` }).click();
  // A group left with one card disappears.
  for (const u of everyone) await expect(u.card(EXAMPLE)).not.toContainText('Groep:');

  // Linking an idea to a pain point, with the keyboard dialog; visible to all, removable.
  await anna.card(EXAMPLE).getByRole('button', { name: `Koppelen aan knelpunt: ${EXAMPLE}` }).click();
  await anna.page.getByRole('dialog', { name: 'Koppelen aan een knelpunt' }).getByRole('button', { name: PAIN_UPLOAD }).click();
  for (const u of everyone) await expect(u.card(EXAMPLE)).toContainText(`Lost op: ${PAIN_UPLOAD}`);
  await anna.card(CALL_BACK).getByRole('button', { name: `Koppelen aan knelpunt: ${CALL_BACK}` }).click();
  await anna.page.getByRole('dialog', { name: 'Koppelen aan een knelpunt' }).getByRole('button', { name: PAIN_UPLOAD }).click();
  await expect(bob.card(CALL_BACK)).toContainText(`Lost op: ${PAIN_UPLOAD}`);
  await anna.card(CALL_BACK).getByRole('button', { name: `Koppeling weghalen: ${CALL_BACK}` }).click();
  for (const u of everyone) await expect(u.card(CALL_BACK)).not.toContainText('Lost op:');

  // The facilitator starts a round: 3 votes each, at most 2 per idea.
  await sander.page.locator('summary', { hasText: 'Nieuwe stemronde' }).click();
  await sander.page.getByLabel('Waarop stemmen jullie?').fill('impact');
  await sander.page.getByLabel('Stemmen per persoon').fill('3');
  await sander.page.getByLabel('Hoogstens per idee').fill('2');
  await sander.page.getByRole('button', { name: 'Ronde starten' }).click();
  for (const u of everyone) await expect(u.page.getByTestId('open-round')).toContainText('Ronde 1 loopt: impact');
  await expect(anna.othersAnnouncement).toHaveText('Stemronde 1 is begonnen: impact.');
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
  await expect(anna.othersAnnouncement).toHaveText('Stemronde 1 is gesloten. De uitslag staat klaar.');
  await anna.page.screenshot({ path: testInfo.outputPath('result.png') });

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
  await bob.pressOnCard(EXAMPLE, 'Enter');
  await bob.page.keyboard.press('End');
  await bob.page.keyboard.type(' en een filmpje');
  await bob.page.keyboard.press('Control+Enter');
  for (const u of everyone) await expect(item(u, `${EXAMPLE} en een filmpje`)).toBeVisible();
  await sander.page.screenshot({ path: testInfo.outputPath('improvement-list.png'), fullPage: true });
});
