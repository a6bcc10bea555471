import type { Locator, Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { saveScreenshot } from './screenshots';
import { expect, scrollsSideways, test } from './support';

// The closing poll (SPEC-4 §3, P-EVAL-1..3): the facilitator opens it, two participants answer
// (by mouse and by keyboard), the facilitator sees count, average, distribution and the remarks
// live, as text and without names; answers can be changed while the poll is open.

test.describe.configure({ timeout: 180_000 });

const LOCKED = 'Het bord is vergrendeld: kaarten toevoegen, aanpassen of koppelen kan nu niet. Stemmen, scores geven en de evaluatie invullen kan wel.';
const HOSTILE = '<b>vet</b> <img src=x onerror="document.title=1">';

function form(page: Page): Locator {
  return page.getByTestId('evaluation');
}

function panel(page: Page): Locator {
  return page.getByTestId('evaluation-panel');
}

function distributionRow(page: Page, label: string): Locator {
  return panel(page).getByTestId('evaluation-distribution').locator('tr').filter({ has: page.getByRole('rowheader', { name: label }) });
}

test('P-EVAL-1 P-EVAL-2 two participants answer the closing poll anonymously; the facilitator sees the results live', async ({ newUser }) => {
  const sander = await newUser('Sander');
  const { code } = await sander.createWorkshop('Evaluatie van de dag');
  await sander.showControls();
  const anna = await newUser('Anna');
  const bob = await newUser('Bob');
  await anna.joinWithCode(code);
  await bob.joinWithCode(code);

  // Closed by default: no form for anyone, the facilitator's panel says so.
  await expect(panel(sander.page).getByTestId('evaluation-state')).toHaveText('De evaluatie is gesloten.');
  await expect(panel(sander.page)).toContainText('Nog geen antwoorden.');
  await expect(form(anna.page)).toBeHidden();

  // The board is locked: answering the poll is not an edit, it still works.
  await sander.page.getByTestId('lock-toggle').click();
  await expect(anna.page.getByText(LOCKED)).toBeVisible();
  await panel(sander.page).getByRole('button', { name: 'Evaluatie openen' }).click();
  await expect(panel(sander.page).getByTestId('evaluation-state')).toHaveText('De evaluatie is open: iedereen kan antwoorden.');
  for (const u of [anna, bob]) await expect(form(u.page)).toBeVisible();
  await expect(anna.othersAnnouncement).toContainText('De evaluatie is open. Je vindt hem boven het bord.');
  // The remote change did not take anyone's focus.
  await expect(form(anna.page).locator(':focus')).toHaveCount(0);
  // The locked board has no card and no add button: its scrolling region is the Tab stop itself.
  await expect(anna.page.getByRole('region', { name: 'Bord van Klantreis' })).toHaveAttribute('tabindex', '0');
  await expectNoAxeViolations(anna.page, 'evaluation form on a locked, empty board');

  // Anna, by mouse: sending without a rating says why, then a rating with words and remarks.
  const annaForm = form(anna.page);
  const rating = annaForm.getByRole('group', { name: 'Welk cijfer geef je de workshop?' });
  await expect(rating.getByRole('radio')).toHaveCount(5);
  await annaForm.getByRole('button', { name: 'Versturen' }).click();
  await expect(annaForm.getByRole('alert')).toHaveText('Kies eerst een cijfer.');
  await rating.getByRole('radio', { name: '4 – Goed' }).check();
  await annaForm.getByLabel('Opmerkingen (mag leeg blijven)').fill('Goed georganiseerd.\nMeer tijd voor ideeën.');
  await annaForm.getByRole('button', { name: 'Versturen' }).click();
  await expect(annaForm.getByTestId('evaluation-thanks')).toBeFocused();
  await expect(annaForm.getByTestId('evaluation-thanks')).toHaveText('Bedankt voor je antwoord!');
  await expect(annaForm).toContainText('Jouw cijfer: 4 – Goed.');
  await expect(annaForm).toContainText('Goed georganiseerd.');
  await expect(anna.ownAnnouncement).toHaveText('Je antwoord is verstuurd. Bedankt!');

  const results = panel(sander.page);
  await expect(results.getByTestId('evaluation-count')).toHaveText('1 antwoord');
  await expect(results.getByTestId('evaluation-average')).toHaveText('Gemiddeld cijfer: 4 (van 1 tot 5)');
  await expect(sander.othersAnnouncement).toContainText('Nieuw antwoord op de evaluatie. Nu 1 in totaal.');

  // Bob, by keyboard only, on a phone: Space picks the first option, the arrows move on.
  await bob.page.setViewportSize({ width: 320, height: 720 });
  const bobForm = form(bob.page);
  await bobForm.getByRole('radio', { name: '1 – Slecht' }).focus();
  await bob.page.keyboard.press('Space');
  await bob.page.keyboard.press('ArrowRight');
  await expect(bobForm.getByRole('radio', { name: '2 – Matig' })).toBeChecked();
  await bob.page.keyboard.press('Tab');
  await expect(bobForm.getByLabel('Opmerkingen (mag leeg blijven)')).toBeFocused();
  await bob.page.keyboard.type(HOSTILE);
  await bob.page.keyboard.press('Tab');
  await expect(bobForm.getByRole('button', { name: 'Versturen' })).toBeFocused();
  await bob.page.keyboard.press('Enter');
  await expect(bobForm.getByTestId('evaluation-thanks')).toBeFocused();
  expect(await scrollsSideways(bob.page)).toBe(false);

  // The facilitator: count, average (Dutch decimals), distribution, remarks as text, no names.
  await expect(results.getByTestId('evaluation-count')).toHaveText('2 antwoorden');
  await expect(results.getByTestId('evaluation-average')).toHaveText('Gemiddeld cijfer: 3 (van 1 tot 5)');
  await expect(distributionRow(sander.page, '2 – Matig').locator('td')).toHaveText('1');
  await expect(distributionRow(sander.page, '4 – Goed').locator('td')).toHaveText('1');
  await expect(distributionRow(sander.page, '5 – Heel goed').locator('td')).toHaveText('0');
  const remarks = results.getByTestId('evaluation-remarks-list').locator('.evaluation-results__remark-text');
  await expect(remarks).toHaveText(['Goed georganiseerd.\nMeer tijd voor ideeën.', HOSTILE]);
  await expect(results.locator('b, img')).toHaveCount(0);
  expect(await sander.page.title()).not.toBe('1');
  await expect(results).not.toContainText('Anna');
  await expect(results).not.toContainText('Bob');
  await expectNoAxeViolations(sander.page, 'facilitator panel with evaluation results');
  await results.getByTestId('evaluation-remarks-list').scrollIntoViewIfNeeded();
  await saveScreenshot(sander.page, 'evaluation-results', 'desktop');

  // Participants see how many answered, never the others' answers.
  await expect(form(anna.page).getByTestId('evaluation-count')).toHaveText('2 mensen hebben de evaluatie ingevuld.');
  await expect(anna.page.locator('body')).not.toContainText('onerror');

  // The lock made no difference to the poll; open the board again.
  await sander.page.getByTestId('lock-toggle').click();
  await expect(anna.page.getByText(LOCKED)).toBeHidden();
  // Open again: the first add button is the board's Tab stop, the region no longer is.
  await expect(anna.page.locator('#board-grid')).not.toHaveAttribute('tabindex');
  await expect(anna.page.locator('#board-grid .cell__add[tabindex="0"]')).toHaveCount(1);

  // Bob changes his answer: it replaces the old one in its place; the count stays.
  await bobForm.getByRole('button', { name: 'Antwoord aanpassen' }).click();
  await expect(bobForm.getByRole('radio', { name: '2 – Matig' })).toBeChecked();
  await expect(bobForm.getByRole('radio', { name: '2 – Matig' })).toBeFocused();
  await bobForm.getByRole('radio', { name: '3 – Redelijk' }).check();
  await bobForm.getByLabel('Opmerkingen (mag leeg blijven)').fill('Toch wel oké.');
  await bobForm.getByRole('button', { name: 'Aanpassing versturen' }).click();
  await expect(bobForm).toContainText('Jouw cijfer: 3 – Redelijk.');
  await expect(results.getByTestId('evaluation-count')).toHaveText('2 antwoorden');
  await expect(results.getByTestId('evaluation-average')).toHaveText('Gemiddeld cijfer: 3,5 (van 1 tot 5)');
  await expect(remarks).toHaveText(['Goed georganiseerd.\nMeer tijd voor ideeën.', 'Toch wel oké.']);
  await expect(distributionRow(sander.page, '2 – Matig').locator('td')).toHaveText('0');

  // A reload keeps one's own answer (P-EVAL-3: `mine` in the snapshot).
  await anna.page.reload();
  await anna.waitForBoard();
  await expect(form(anna.page)).toContainText('Jouw cijfer: 4 – Goed.');

  // English, and axe, on both sides.
  await sander.page.getByRole('button', { name: 'English', exact: true }).click();
  await anna.page.getByRole('button', { name: 'English', exact: true }).click();
  await expect(results.getByTestId('evaluation-average')).toHaveText('Average rating: 3.5 (from 1 to 5)');
  await expect(form(anna.page)).toContainText('Your rating: 4 – Good.');
  await expectNoAxeViolations(sander.page, 'facilitator panel with evaluation results (English)');
  await expectNoAxeViolations(anna.page, 'evaluation answered (English)');

  // Closing: the answers stay; nobody can change theirs any more.
  await results.getByRole('button', { name: 'Close the evaluation' }).click();
  await expect(results.getByTestId('evaluation-state')).toHaveText('The evaluation is closed.');
  await expect(form(anna.page)).toContainText('The evaluation is closed.');
  await expect(form(anna.page).getByRole('button', { name: 'Change your answer' })).toBeHidden();
  await expect(bobForm.getByRole('button', { name: 'Antwoord aanpassen' })).toBeHidden();
  await expect(results.getByTestId('evaluation-count')).toHaveText('2 answers');
});
