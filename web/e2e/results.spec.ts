import { pathToFileURL } from 'node:url';
import { expectNoAxeViolations } from './axe';
import { curveRow, openScores, picker } from './method-support';
import { closeRound, download, exportDialog, linkIdea, parseCsv, readXlsx, startRound, vote, xmlText } from './results-support';
import { expect, test, type User } from './support';

// Issue 4's headline, as one day in the browser: create a workshop from a journey template,
// participants map touchpoints (with a channel), score feeling now and desired and expectation
// against experience, everyone sees the emotion curve and the largest gaps, they vote in a
// round, and the facilitator exports: the downloaded files (the list, the printable report,
// the board as an image) hold what the board showed.

// Three browsers and many round trips on a busy two-core machine.
test.describe.configure({ timeout: 120_000 });

const TITLE = 'Klantreisdag verhuizen';
const JOURNEY = 'Verhuizing doorgeven';
const SUBMIT = 'Doorgeven';
const CONFIRM = 'Bevestiging';
const TOUCH = 'Contactmoment';
const SITE = 'Online doorgeven met DigiD';
const DESK = 'Afspraak aan de balie';
const PAIN = 'DigiD-app werkt niet';
const IDEA1 = 'Ook inloggen met eHerkenning of sms';
const IDEA2 = 'Bevestiging per e-mail sturen';

/** Scores with the card's pickers; each score is confirmed to its author. */
async function score(u: User, text: string, scores: Array<[scale: string, label: string]>): Promise<void> {
  await openScores(u, text);
  for (const [scale, label] of scores) {
    await picker(u.page, scale, text).selectOption({ label });
    await expect(u.ownAnnouncement).toContainText(`Jouw score voor ${scale} bij ${text}`);
  }
}

/** Gives a touchpoint its channel and waits until the author's screen confirms it. */
async function setChannel(u: User, text: string, channel: string): Promise<void> {
  await openScores(u, text);
  await u.page.getByRole('combobox', { name: `Kanaal van: ${text}` }).selectOption({ label: channel });
  await expect(u.ownAnnouncement).toHaveText(`Kanaal gekozen: ${channel}.`);
}

test('from a template to the exported files: touchpoints, emotion curve, gaps, a vote, and files that match the board', async ({ newUser }) => {
  // 1. The facilitator creates the workshop from a journey template.
  const sander = await newUser('Sander');
  await sander.page.goto('/');
  await sander.page.getByLabel('Naam van de workshop').fill(TITLE);
  await sander.page.locator('input[name="createName"]').fill('Sander');
  await sander.page.getByRole('radio', { name: 'Een sjabloon', exact: true }).check();
  await sander.page.getByLabel('Sjabloon', { exact: true }).selectOption({ label: JOURNEY });
  await sander.page.getByRole('button', { name: 'Workshop maken' }).click();
  await expect(sander.page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(sander.page.locator('th.phase-header .phase-header__title')).toHaveText([
    'Verhuizing plannen', 'Informatie zoeken', SUBMIT, CONFIRM, 'Na de verhuizing',
  ]);
  const code = (await sander.page.getByTestId('join-code').textContent())!.trim();
  const anna = await newUser('Anna');
  const bob = await newUser('Bob');
  await anna.joinWithCode(code);
  await bob.joinWithCode(code);
  const everyone = [sander, anna, bob];

  // 2. Participants map touchpoints and give each its channel.
  await anna.addCard(SUBMIT, TOUCH, SITE);
  await setChannel(anna, SITE, 'Website');
  await bob.addCard(CONFIRM, TOUCH, DESK);
  await setChannel(bob, DESK, 'Balie');
  for (const u of everyone) {
    await expect(u.card(SITE).locator('.card__badge--channel')).toContainText('Kanaal: Website');
    await expect(u.card(DESK).locator('.card__badge--channel')).toContainText('Kanaal: Balie');
  }

  // 3. They score feeling now and desired, and expectation against experience.
  await score(anna, SITE, [['Gevoel nu', '−1 negatief'], ['Gewenst gevoel', '+2 heel positief'], ['Verwachting', '4 hoog'], ['Ervaring', '2 laag']]);
  await score(anna, DESK, [['Gevoel nu', '+1 positief'], ['Gewenst gevoel', '+2 heel positief']]);
  await score(bob, SITE, [['Gevoel nu', '−2 heel negatief'], ['Gewenst gevoel', '+1 positief']]);
  await score(bob, DESK, [['Gevoel nu', '+1 positief']]);
  await picker(anna.page, 'Verwachting', `fase ${SUBMIT}`).selectOption('5');
  await picker(anna.page, 'Ervaring', `fase ${SUBMIT}`).selectOption('2');
  await picker(bob.page, 'Verwachting', `fase ${SUBMIT}`).selectOption('4');
  await picker(bob.page, 'Ervaring', `fase ${SUBMIT}`).selectOption('1');

  // 4. Everyone sees the curve (now and desired: mean, spread, n) and the largest gaps.
  for (const u of everyone) {
    await expect(curveRow(u.page, SITE)).toHaveText([SUBMIT, '-1,5', '0,5', '2', '+1,5', '0,5', '2']);
    await expect(curveRow(u.page, DESK)).toHaveText([CONFIRM, '+1,0', '0,0', '2', '+2,0', '0,0', '1']);
    await expect(u.page.locator('svg.curve-svg .curve-series--current circle')).toHaveCount(2);
    await expect(u.page.locator('.method-gaps__largest li')).toHaveText([
      `1. fase ${SUBMIT}: verschil +3,0 (verwachting 4,5, ervaring 1,5)`,
      `2. ${SITE}: verschil +2,0 (verwachting 4,0, ervaring 2,0)`,
    ]);
  }
  await expectNoAxeViolations(anna.page, 'board with the curve and the gaps');

  // 5. A pain point, ideas (one linked to it), a voting round: 3 votes for IDEA1, 2 for IDEA2.
  await anna.addCard(SUBMIT, 'Knelpunt', PAIN);
  await anna.addCard(SUBMIT, 'Verbeteridee', IDEA1);
  await bob.addCard(CONFIRM, 'Verbeteridee', IDEA2);
  await linkIdea(anna, IDEA1, PAIN);
  await startRound(sander, 'impact', 3, 2);
  await vote(anna, IDEA1);
  await vote(anna, IDEA1);
  await vote(anna, IDEA2);
  await vote(bob, IDEA1);
  await vote(bob, IDEA2);
  await closeRound(sander);

  // What the board shows: the result (idea, rank, votes) and the improvement list.
  const shownRows = sander.page.getByTestId('result').locator('tr.result__row');
  await expect(shownRows).toHaveCount(2);
  await expect(shownRows.first()).toContainText(IDEA1);
  await expect(shownRows.nth(1)).toContainText(IDEA2);
  await expect(shownRows.locator('.result__rank')).toHaveText(['1', '2']);
  await expect(shownRows.locator('.result__total')).toHaveText(['3', '2']);
  // One word for the place, on the board and in the exports below (issue 11: not "Rang").
  await expect(sander.page.getByTestId('result').getByRole('columnheader').first()).toHaveText('Plek');
  const listed = sander.page.getByTestId('improvements').locator('li.improvement');
  await expect(listed).toHaveCount(2);
  await expect(listed.first()).toContainText(IDEA1);
  await expect(listed.first()).toContainText(PAIN);
  await expect(listed.nth(1)).toContainText(IDEA2);
  // Exports hold the durable state: wait until nothing of ours is still on its way.
  for (const u of everyone) await expect(u.status).toHaveText('Verbonden');

  // 6. The facilitator exports; each file holds what the board showed.
  const page = sander.page;
  await page.getByRole('button', { name: 'Exporteren' }).click();
  const dialog = exportDialog(page);
  await expect(dialog).toBeVisible();

  const csv = await download(page, dialog.getByRole('button', { name: 'CSV downloaden' }));
  expect(csv.name).toMatch(/improvements\.csv$/);
  const expectedRows = [
    ['1', IDEA1, '', '3', '3', JOURNEY, SUBMIT, `${SITE} (Website)`, PAIN, '', 'Open'],
    ['2', IDEA2, '', '2', '2', JOURNEY, CONFIRM, `${DESK} (Balie)`, '', '', 'Open'],
  ];
  const rows = parseCsv(csv.bytes.subarray(3).toString('utf8'), ';');
  expect(rows[0]).toEqual(['Plek', 'Idee', 'Ideeën in de groep', 'Stemmen totaal', 'Ronde 1: impact', 'Klantreis', 'Fase', 'Contactmomenten', 'Knelpunt', 'Eigenaar', 'Status']);
  expect(rows.slice(1)).toEqual(expectedRows);

  const xlsx = await download(page, dialog.getByRole('button', { name: 'Excel (.xlsx) downloaden' }));
  expect(xlsx.name).toMatch(/improvements\.xlsx$/);
  const book = readXlsx(xlsx.path);
  // Numbers are numbers in the sheet; empty cells are None (or left off at a row's end).
  expect(book.Verbeterlijst!.slice(1)).toEqual([
    [1, IDEA1, null, 3, 3, JOURNEY, SUBMIT, `${SITE} (Website)`, PAIN, null, 'Open'],
    [2, IDEA2, null, 2, 2, JOURNEY, CONFIRM, `${DESK} (Balie)`, null, null, 'Open'],
  ]);

  const json = await download(page, dialog.getByRole('button', { name: 'JSON downloaden' }));
  expect(json.name).toMatch(/improvements\.json$/);
  const doc = JSON.parse(json.text) as {
    workshop: { title: string };
    items: Array<{ rank: number; text: string; total: number; painPoint: string | null; phase: { title: string }; touchpoints: Array<{ text: string; channel: string | null }> }>;
  };
  expect(doc.workshop.title).toBe(TITLE);
  expect(doc.items.map((i) => [i.rank, i.text, i.total, i.phase.title, i.painPoint])).toEqual([
    [1, IDEA1, 3, SUBMIT, PAIN],
    [2, IDEA2, 2, CONFIRM, null],
  ]);
  expect(doc.items[0]!.touchpoints).toEqual([expect.objectContaining({ text: SITE, channel: 'website' })]);
  expect(doc.items[1]!.touchpoints).toEqual([expect.objectContaining({ text: DESK, channel: 'desk' })]);

  // The printable report: the same curve figures, the same largest gaps, the ranked list.
  const report = await download(page, dialog.getByRole('button', { name: 'Verslag downloaden (HTML)' }));
  expect(report.name).toMatch(/report\.html$/);
  const viewer = await page.context().newPage();
  await viewer.goto(pathToFileURL(report.path).href);
  const curve = viewer.locator('table.curve tbody tr');
  await expect(curve).toHaveCount(2);
  // Number, touchpoint, phase, channel; now and desired: mean, spread, n (a real minus sign).
  await expect(curve.first().locator('td')).toHaveText(['1', SITE, SUBMIT, 'Website', '−1,5', '0,5', '2', '1,5', '0,5', '2']);
  await expect(curve.nth(1).locator('td')).toHaveText(['2', DESK, CONFIRM, 'Balie', '1,0', '0,0', '2', '2,0', '0,0', '1']);
  await expect(viewer.locator('figure svg circle')).toHaveCount(2);
  const largest = viewer.locator('table.gaps tr.largest');
  await expect(largest).toHaveCount(2);
  await expect(largest.first().locator('td')).toHaveText([`${SUBMIT} (hele fase)`, SUBMIT, '4,5 (2)', '1,5 (2)', '3,0', '★ Grootste verschil']);
  await expect(largest.nth(1).locator('td')).toHaveText([SITE, SUBMIT, '4,0 (1)', '2,0 (1)', '2,0', '★ Grootste verschil']);
  await expect(viewer.locator('table.list tbody tr td:nth-child(2)')).toHaveText([IDEA1, IDEA2]);
  await viewer.close();

  // The board as an image: every card's text, and the curve drawn on it.
  const svg = await download(page, dialog.getByRole('button', { name: 'Bord als afbeelding downloaden (SVG)' }));
  const svgText = await xmlText(page, svg.text);
  expect(svgText, 'board.svg is well-formed XML').not.toBeNull();
  const squeeze = (text: string) => text.replace(/\s+/g, '');
  for (const text of [TITLE, SITE, DESK, PAIN, IDEA1, IDEA2]) expect(squeeze(svgText!)).toContain(squeeze(text));
});
