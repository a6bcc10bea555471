import type { Page } from '@playwright/test';
import { expect, test } from './support';

// Phases and lanes of a new workshop (protocol.md P-HTTP-6).
const ORIENT = 'Oriënteren';
const APPLY = 'Aanvragen';
const WAIT = 'Wachten';
const AFTER = 'Achteraf';
const TOUCH = 'Contactmoment';
const EXPERIENCE = 'Ervaring';
const EMOTION = 'Emotie';
const PAIN = 'Knelpunt';
const IDEA = 'Verbeteridee';

/** Waits until a localStorage entry whose key starts with `prefix` holds `text`. */
function savedHas(page: Page, prefix: string, text: string) {
  return page.waitForFunction(
    ([p, t]) => Object.keys(localStorage).some((k) => k.startsWith(p) && localStorage.getItem(k)!.includes(t)),
    [prefix, text] as const,
  );
}

/**
 * Changes the boards saved in this browser, as a stray script or an old bug could: they are no
 * longer the server's. Then collects the page's console warnings (the resync logs one).
 */
async function changeSavedBoards(page: Page, from: string, to: string): Promise<string[]> {
  await page.evaluate(
    ([f, t]) => {
      for (const k of Object.keys(localStorage)) {
        if (k.startsWith('jb.board.')) localStorage.setItem(k, localStorage.getItem(k)!.replace(f, t));
      }
    },
    [from, to] as const,
  );
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  return warnings;
}

test('a facilitator creates a workshop, two participants join with the code, and all see each other\'s changes live', async ({ newUser }, testInfo) => {
  const sander = await newUser('Sander');
  const { code } = await sander.createWorkshop('Omgevingsvergunning aanvragen');
  await expect(sander.page.getByTestId('join-link')).toHaveText(new RegExp(`#/join/${code}$`));

  const anna = await newUser('Anna');
  await anna.joinWithCode(code);
  // Bob comes in through the join link instead of typing the code.
  const bob = await newUser('Bob');
  await bob.page.goto(`/#/join/${code}`);
  await expect(bob.page.getByLabel('Code', { exact: true })).toHaveValue(code);
  await bob.page.locator('input[name="joinName"]').fill('Bob');
  await bob.page.getByRole('button', { name: 'Meedoen', exact: true }).click();
  await bob.waitForBoard();

  const everyone = [sander, anna, bob];
  for (const u of everyone) {
    await expect(u.page.locator('.presence__item')).toHaveCount(3);
    await expect(u.presenceItem('Sander')).toContainText('begeleider');
  }

  // Adding: each sees the others' cards appear.
  await anna.addCard(ORIENT, TOUCH, 'Zoekt op website gemeente');
  // Screen reader users hear others' changes, politely.
  await expect(bob.othersAnnouncement).toHaveText(`Anna heeft een kaart toegevoegd: ${ORIENT}, ${TOUCH}.`);
  await bob.addCard(ORIENT, TOUCH, 'Belt het KCC');
  await bob.addCard(APPLY, PAIN, 'Upload van tekeningen lukt niet');
  await anna.addCard(ORIENT, TOUCH, 'Leest de folder');
  for (const u of everyone) {
    await expect(u.cardIn(APPLY, PAIN, 'Upload van tekeningen lukt niet')).toBeVisible();
    await expect.poll(() => u.cardTexts(ORIENT, TOUCH)).toEqual(['Zoekt op website gemeente', 'Belt het KCC', 'Leest de folder']);
  }
  await expect(sander.card('Belt het KCC')).toContainText('Door Bob');

  // Moving by drag: to another cell, and within a cell.
  await anna.dragCard('Zoekt op website gemeente', { phase: APPLY, lane: EXPERIENCE });
  // Bob measures where his cards are before he drags: Anna's move must have reached him, or the
  // cards shift under his pointer between measuring and pressing (a clean run caught that).
  await expect.poll(() => bob.cardTexts(ORIENT, TOUCH)).toEqual(['Belt het KCC', 'Leest de folder']);
  await bob.dragCard('Leest de folder', { before: 'Belt het KCC' });
  for (const u of everyone) {
    await expect(u.cardIn(APPLY, EXPERIENCE, 'Zoekt op website gemeente')).toBeVisible();
    await expect.poll(() => u.cardTexts(ORIENT, TOUCH)).toEqual(['Leest de folder', 'Belt het KCC']);
  }

  // Moving by keyboard: next phase, lane above, and reordering within the cell.
  await bob.pressOnCard('Upload van tekeningen lukt niet', 'Alt+ArrowRight');
  await expect(bob.cardIn(WAIT, PAIN, 'Upload van tekeningen lukt niet')).toBeFocused();
  await expect(bob.ownAnnouncement).toHaveText(`Kaart staat nu in ${WAIT}, ${PAIN}, plek 1 van 1.`);
  await bob.page.keyboard.press('Alt+ArrowUp');
  await expect(bob.cardIn(WAIT, EMOTION, 'Upload van tekeningen lukt niet')).toBeFocused();
  await anna.pressOnCard('Belt het KCC', 'Alt+Shift+ArrowUp');
  for (const u of everyone) {
    await expect(u.cardIn(WAIT, EMOTION, 'Upload van tekeningen lukt niet')).toBeVisible();
    await expect.poll(() => u.cardTexts(ORIENT, TOUCH)).toEqual(['Belt het KCC', 'Leest de folder']);
  }

  // Editing: the others see who is editing, then the new text.
  await anna.pressOnCard('Belt het KCC', 'Enter');
  await expect(bob.card('Belt het KCC')).toContainText('Anna past dit aan');
  // Others' changes around her card never take Anna's focus or caret.
  await bob.pressOnCard('Leest de folder', 'Alt+Shift+ArrowUp');
  await expect(anna.cell(ORIENT, TOUCH).locator('li.card').first()).toContainText('Leest de folder');
  await expect(anna.cell(ORIENT, TOUCH).locator('textarea')).toBeFocused();
  await anna.page.keyboard.press('End');
  await anna.page.keyboard.type(' en wacht 20 minuten');
  await anna.page.keyboard.press('Control+Enter');
  await expect(anna.card('Belt het KCC en wacht 20 minuten')).toBeFocused();
  for (const u of everyone) await expect(u.card('Belt het KCC en wacht 20 minuten')).toBeVisible();
  await expect(bob.card('Belt het KCC')).not.toContainText('past dit aan');

  // Recolouring, by its named colour.
  const colour = bob.card('Leest de folder').getByRole('combobox', { name: 'Kleur van kaart: Leest de folder' });
  await bob.card('Leest de folder').hover();
  await colour.click();
  await colour.selectOption({ label: 'Groen' });
  for (const u of everyone) await expect(u.card('Leest de folder')).toHaveClass(/card--green/);

  // Deleting, and bringing it back with undo.
  await sander.card('Leest de folder').hover();
  await sander.card('Leest de folder').getByRole('button', { name: /verwijderen/i }).click();
  for (const u of everyone) await expect(u.card('Leest de folder')).toHaveCount(0);
  await sander.page.getByRole('button', { name: 'Ongedaan maken' }).click();
  for (const u of everyone) await expect(u.cardIn(ORIENT, TOUCH, 'Leest de folder')).toHaveClass(/card--green/);

  await sander.page.screenshot({ path: testInfo.outputPath('board-facilitator.png') });
});

test('P-SYNC-10 a board changed in the browser\'s storage is caught by the digest and replaced by the server\'s', async ({ newUser }) => {
  const sander = await newUser('Sander');
  const { code } = await sander.createWorkshop('Digest');
  await sander.addCard(ORIENT, TOUCH, 'Echt');
  const anna = await newUser('Anna');
  await anna.joinWithCode(code);
  await expect(anna.cardIn(ORIENT, TOUCH, 'Echt')).toBeVisible();
  const page = anna.page;
  await savedHas(page, 'jb.board.', 'Echt');
  // Leave the board (the tab saves its board as it goes), then change what it saved.
  const boardUrl = page.url();
  await page.goto('/');
  const warnings = await changeSavedBoards(page, 'Echt', 'Vervalst');
  await page.goto(boardUrl);
  await anna.waitForBoard();
  await expect(anna.cardIn(ORIENT, TOUCH, 'Echt')).toBeVisible();
  await expect(page.getByText('Vervalst')).toHaveCount(0);
  await expect.poll(() => warnings.some((w) => /resyncing by snapshot: board digest/.test(w))).toBe(true);
  await savedHas(page, 'jb.board.', 'Echt');
});

test('P-SYNC-10 P-SYNC-6 a changed saved board with queued edits: the digest catches it, the snapshot replaces it, and the queued edit still reaches the others', async ({ newUser }) => {
  const sander = await newUser('Sander');
  const { workshopId, code } = await sander.createWorkshop('Digest en wachtrij');
  await sander.addCard(ORIENT, TOUCH, 'Echt');
  const anna = await newUser('Anna');
  await anna.joinWithCode(code);
  await expect(anna.cardIn(ORIENT, TOUCH, 'Echt')).toBeVisible();
  await savedHas(anna.page, 'jb.board.', 'Echt');

  // Offline, Anna adds a card: it waits in her queue. Meanwhile Sander adds one she misses.
  await anna.context.setOffline(true);
  await expect(anna.status).toHaveText('Offline');
  await anna.addCard(APPLY, TOUCH, 'Onderweg getypt');
  await expect(anna.status).toHaveText('Offline · 1 wijziging wacht');
  await sander.addCard(WAIT, TOUCH, 'Terwijl Anna weg was');
  // She closes the tab (the queue and the board stay in localStorage), and something changes
  // the saved board: it is no longer the server's.
  await savedHas(anna.page, 'jb.pending.', 'Onderweg getypt');
  const closed = anna.page.waitForEvent('close');
  await anna.page.close({ runBeforeUnload: true });
  await closed;
  await anna.context.setOffline(false);
  const tab = await anna.newTab();
  await tab.goto('/');
  const warnings = await changeSavedBoards(tab, 'Echt', 'Vervalst');
  await tab.goto(`/#/w/${workshopId}`);
  await anna.waitForBoard();

  // The delta welcome's digest catches the changed board; the snapshot replaces it.
  await expect.poll(() => warnings.some((w) => /resyncing by snapshot: board digest/.test(w))).toBe(true);
  await expect(anna.cardIn(ORIENT, TOUCH, 'Echt')).toBeVisible();
  await expect(tab.getByText('Vervalst')).toHaveCount(0);
  await expect(anna.cardIn(WAIT, TOUCH, 'Terwijl Anna weg was')).toBeVisible();
  // The queued card survived the resync: the server has it, Sander sees it, Anna has it once.
  await expect(sander.cardIn(APPLY, TOUCH, 'Onderweg getypt')).toBeVisible();
  await expect(sander.card('Onderweg getypt')).toContainText('Door Anna');
  await expect(tab.locator('.card', { hasText: 'Onderweg getypt' })).toHaveCount(1);
  await expect(anna.status).toHaveAttribute('data-queued', '0');
  await savedHas(tab, 'jb.board.', 'Onderweg getypt');
});

test('a reload keeps the participant\'s identity and the board', async ({ newUser }) => {
  const sander = await newUser('Sander');
  const { code } = await sander.createWorkshop('Herladen');
  const anna = await newUser('Anna');
  await anna.joinWithCode(code);
  await anna.addCard(ORIENT, TOUCH, 'Voor het herladen');
  await expect(sander.presenceItem('Anna')).toHaveCount(1);
  const annaId = await sander.presenceItem('Anna').getAttribute('data-participant-id');
  expect(annaId).toBeTruthy();
  await expect(anna.presenceItem('Anna')).toContainText('(jij)');

  await anna.page.reload();
  await anna.waitForBoard();
  await expect(anna.cardIn(ORIENT, TOUCH, 'Voor het herladen')).toBeVisible();
  await expect(anna.presenceItem('Anna')).toHaveAttribute('data-participant-id', annaId!);
  await expect(anna.presenceItem('Anna')).toContainText('(jij)');
  // The facilitator still sees one Anna, the same participant, and her cards stay hers.
  await expect(sander.page.locator('.presence__item')).toHaveCount(2);
  await expect(sander.presenceItem('Anna')).toHaveAttribute('data-participant-id', annaId!);
  await anna.addCard(ORIENT, TOUCH, 'Na het herladen');
  await expect(sander.card('Na het herladen')).toContainText('Door Anna');
  await expect(sander.card('Voor het herladen')).toContainText('Door Anna');

  // Card text is text, never markup.
  const markup = '<b>vet</b> <img src=x onerror="document.title=1">';
  await anna.addCard(ORIENT, TOUCH, markup);
  await expect(sander.card('<b>vet</b>').locator('.card__text')).toHaveText(markup);
  await expect(sander.page.locator('.card b, .card img')).toHaveCount(0);
});

test('edits made offline are queued, shown, and reach the others when the network is back', async ({ newUser }, testInfo) => {
  const sander = await newUser('Sander');
  const { code } = await sander.createWorkshop('Offline');
  const bob = await newUser('Bob');
  await bob.joinWithCode(code);
  await bob.addCard(APPLY, PAIN, 'Geen ontvangstbevestiging');
  await expect(sander.card('Geen ontvangstbevestiging')).toBeVisible();
  // Others see an op before its sender has the ack: wait for Bob's queue to be empty.
  await expect(bob.status).toHaveAttribute('data-queued', '0');

  await bob.context.setOffline(true);
  await expect(bob.status).toHaveText('Offline');
  await bob.addCard(AFTER, IDEA, 'Stuur direct een bevestiging');
  await bob.pressOnCard('Geen ontvangstbevestiging', 'Alt+ArrowRight');
  await expect(bob.cardIn(WAIT, PAIN, 'Geen ontvangstbevestiging')).toBeVisible();
  await expect(bob.status).toHaveText('Offline · 2 wijzigingen wachten');
  await expect(sander.card('Stuur direct een bevestiging')).toHaveCount(0);
  await bob.page.screenshot({ path: testInfo.outputPath('offline-participant.png') });

  await bob.context.setOffline(false);
  await expect(bob.status).toHaveText('Verbonden');
  await expect(sander.cardIn(AFTER, IDEA, 'Stuur direct een bevestiging')).toBeVisible();
  await expect(sander.cardIn(WAIT, PAIN, 'Geen ontvangstbevestiging')).toBeVisible();
});

test('edits queued in a tab closed while offline are sent from the next tab', async ({ newUser }) => {
  const sander = await newUser('Sander');
  const { workshopId, code } = await sander.createWorkshop('Tab dicht');
  const bob = await newUser('Bob');
  await bob.joinWithCode(code);

  await bob.context.setOffline(true);
  await expect(bob.status).toHaveText('Offline');
  await bob.addCard(ORIENT, EXPERIENCE, 'Getypt in de trein');
  // Closed as a person closes a tab: the page's unload handlers run.
  const closed = bob.page.waitForEvent('close');
  await bob.page.close({ runBeforeUnload: true });
  await closed;
  await bob.context.setOffline(false);

  const tab = await bob.newTab();
  await tab.goto(`/#/w/${workshopId}`);
  await bob.waitForBoard();
  await expect(sander.cardIn(ORIENT, EXPERIENCE, 'Getypt in de trein')).toBeVisible();
  await expect(bob.page.locator('.card', { hasText: 'Getypt in de trein' })).toHaveCount(1);
});

test('the start page speaks English on request, remembers it, and explains a wrong code', async ({ newUser }) => {
  const eve = await newUser('Eve');
  const page = eve.page;
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Customer journey workshop');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('Code', { exact: true }).fill('ZZZZZZ');
  await page.locator('input[name="joinName"]').fill('Eve');
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.getByText('We do not know this code. Please check it.')).toBeVisible();
  await expect(page.getByLabel('Code', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Nederlands', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
});

test('a link to a workshop that does not exist asks for a name, then says so clearly (P-JOIN-3)', async ({ newUser }) => {
  const eve = await newUser('Eve');
  const page = eve.page;
  await page.goto('/#/w/bestaat-niet');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hoe heet je?');
  await page.getByRole('button', { name: 'Naar het bord' }).click();
  await expect(page.getByText('Vul je naam in.')).toBeVisible();
  await page.getByLabel('Je naam').fill('Eve');
  await page.getByRole('button', { name: 'Naar het bord' }).click();
  await expect(page.getByRole('alert')).toContainText('Deze workshop bestaat niet (meer).');
  await expect(eve.status).toHaveText('Geen verbinding');
  await page.getByRole('link', { name: 'Naar de startpagina' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Klantreis-workshop');
});

test('a wrong facilitator link says so and offers to join as a participant (P-JOIN-4)', async ({ newUser }) => {
  const sander = await newUser('Sander');
  const { workshopId } = await sander.createWorkshop('Sleutel');
  const mallory = await newUser('Mallory');
  const page = mallory.page;
  await page.goto(`/#/w/${workshopId}?key=${'A'.repeat(43)}`);
  await page.getByLabel('Je naam').fill('Mallory');
  await page.getByRole('button', { name: 'Naar het bord' }).click();
  await expect(page.getByRole('alert')).toContainText('De begeleiderslink klopt niet.');
  await page.getByRole('link', { name: 'Meedoen als deelnemer' }).click();
  await mallory.waitForBoard();
  await expect(mallory.presenceItem('Mallory')).not.toContainText('begeleider');
  await expect(page.getByTestId('join-code')).toHaveCount(0);
});

test('a facilitator who opens the board elsewhere with only the key still sees the join code', async ({ newUser }) => {
  const sander = await newUser('Sander');
  const { workshopId, code } = await sander.createWorkshop('Tweede scherm');
  const key = /key=([A-Za-z0-9_-]+)/.exec(sander.page.url())![1]!;
  const projector = await newUser('Sander');
  const page = projector.page;
  await page.goto(`/#/w/${workshopId}?key=${key}`);  // no &code=: a link typed over by hand
  await page.getByLabel('Je naam').fill('Sander');
  await page.getByRole('button', { name: 'Naar het bord' }).click();
  await projector.waitForBoard();
  await expect(page.getByTestId('join-code')).toHaveText(code);
});
