import { expectNoAxeViolations } from './axe';
import { curveRow, openScores, picker } from './method-support';
import { longWorkshop } from './report-support';
import { expect, scrollsSideways, test, type User } from './support';

// SPEC-4 §1–2 in the browser (P-METH-1..5): a channel on a touchpoint, scores for feeling now
// and desired on touchpoints and expectation and experience on phases and touchpoints, by
// mouse, keyboard and touch, in the table and in the list; the emotion curve and its table,
// and the largest gaps, live on every screen and after a reload; axe in both languages; 320 px.

const ORIENT = 'Oriënteren';
const APPLY = 'Aanvragen';
const TOUCH = 'Contactmoment';
const SITE = 'Website bekijken';
const FORM = 'Formulier invullen';
const PHONE = { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true };

// Four browsers and many round trips on a busy two-core machine.
test.describe.configure({ timeout: 300_000 });

async function expectFigures(u: User): Promise<void> {
  const page = u.page;
  // Website bekijken: now −1 and +1 (mean 0, spread 1), desired +2 twice (spread 0).
  await expect(curveRow(page, SITE)).toHaveText([ORIENT, '0,0', '1,0', '2', '+2,0', '0,0', '2']);
  await expect(curveRow(page, FORM)).toHaveText([APPLY, '–', '–', '0', '–', '–', '0']);
  await expect(page.locator('svg.curve-svg .curve-series--current circle')).toHaveCount(1);
  await expect(page.locator('svg.curve-svg .curve-series--desired rect')).toHaveCount(1);
  // Oriënteren: expected 4 and 5, experienced 2 and 2: gap +2,5. Aanvragen: 4 − 3. The form: 3 − 3.
  await expect(page.locator('.method-gaps__largest li')).toHaveText([
    '1. fase Oriënteren: verschil +2,5 (verwachting 4,5, ervaring 2,0)',
    '2. fase Aanvragen: verschil +1,0 (verwachting 4,0, ervaring 3,0)',
  ]);
  await expect(page.locator('.gaps-table tr.gaps-row--largest')).toHaveCount(2);
  await expect(page.locator(`.gaps-table tr[data-target-id]`).filter({ hasText: FORM }).locator('td')).toHaveText(['3,0 (aantal: 1)', '3,0 (aantal: 1)', '0,0']);
}

test('channel, scores, the emotion curve and the largest gaps, live on every screen and after a reload', async ({ newUser }) => {
  const sander = await newUser('Sander');
  const { code } = await sander.createWorkshop('Gevoel bij de vergunning');
  await sander.addCard(ORIENT, TOUCH, SITE);
  await sander.addCard(APPLY, TOUCH, FORM);

  const anna = await newUser('Anna');
  await anna.joinWithCode(code);
  const bob = await newUser('Bob', PHONE);
  await bob.joinWithCode(code);
  await expect(bob.page.locator('.list-view')).toBeVisible();

  // The facilitator gives the touchpoint its channel: everyone sees icon and name, also in the list.
  await openScores(sander, SITE);
  await sander.page.getByRole('combobox', { name: `Kanaal van: ${SITE}` }).selectOption({ label: 'Website' });
  await expect(sander.ownAnnouncement).toHaveText('Kanaal gekozen: Website.');
  for (const u of [sander, anna]) await expect(u.card(SITE).locator('.card__badge--channel')).toHaveText('Kanaal: Website');
  await expect(bob.listCard(SITE).locator('.card__badge--channel')).toHaveText('Kanaal: Website');

  // Anna scores with the keyboard (a closed select changes with the arrow keys).
  await openScores(anna, SITE);
  const annaNow = picker(anna.page, 'Gevoel nu', SITE);
  await annaNow.focus();
  await anna.page.keyboard.press('ArrowDown');
  await anna.page.keyboard.press('ArrowDown');
  await expect(annaNow).toHaveValue('-1');
  await expect(anna.ownAnnouncement).toHaveText(`Jouw score voor Gevoel nu bij ${SITE}: −1 negatief.`);
  await picker(anna.page, 'Gewenst gevoel', SITE).selectOption({ label: '+2 heel positief' });
  // Phases in the table view: the pickers are in the panel under the board.
  await picker(anna.page, 'Verwachting', `fase ${ORIENT}`).selectOption('4');
  await picker(anna.page, 'Ervaring', `fase ${ORIENT}`).selectOption('2');
  await picker(anna.page, 'Verwachting', `fase ${APPLY}`).selectOption('4');
  await picker(anna.page, 'Ervaring', `fase ${APPLY}`).selectOption('3');
  await openScores(anna, FORM);
  await picker(anna.page, 'Verwachting', FORM).selectOption('3');
  await picker(anna.page, 'Ervaring', FORM).selectOption('3');

  // Bob scores by touch in the list view (the phase pickers sit under each phase heading).
  await openScores(bob, SITE, true);
  await picker(bob.page, 'Gevoel nu', SITE).selectOption({ label: '+1 positief' });
  // Anna keeps her focus while Bob's scores arrive; she hears them through the announcer.
  const annaDesired = picker(anna.page, 'Gewenst gevoel', SITE);
  await annaDesired.focus();
  await picker(bob.page, 'Gewenst gevoel', SITE).selectOption({ label: '+2 heel positief' });
  await openScores(bob, `fase ${ORIENT}`, true);
  await picker(bob.page, 'Verwachting', `fase ${ORIENT}`).selectOption('5');
  await picker(bob.page, 'Ervaring', `fase ${ORIENT}`).selectOption('2');

  for (const u of [sander, anna, bob]) await expectFigures(u);
  await expect(annaDesired).toBeFocused();
  await expect(anna.othersAnnouncement).toHaveText(/Nieuwe score voor|wijzigingen door anderen/);
  // Scores are secret: Sander sees the counts, never Anna's own value in his pickers.
  await openScores(sander, FORM);
  await expect(picker(sander.page, 'Verwachting', FORM)).toHaveValue('');

  // The largest gap is marked on the board: the phase header in the table, the phase in the list.
  await expect(sander.page.locator(`th.phase-header[data-phase-id] .method-gap-badge`)).toHaveText(['▲Groot verschil 1: +2,5', '▲Groot verschil 2: +1,0']);
  await expect(bob.page.locator('.list-phase').first().locator('.method-gap-badge')).toHaveText('▲Groot verschil 1: +2,5');

  // A reload keeps it all, and each one's own scores.
  await sander.page.reload();
  await sander.waitForBoard();
  await expectFigures(sander);
  await anna.page.reload();
  await anna.waitForBoard();
  await expectFigures(anna);
  await openScores(anna, SITE);
  await expect(picker(anna.page, 'Gevoel nu', SITE)).toHaveValue('-1');
  await expect(picker(anna.page, 'Verwachting', `fase ${ORIENT}`)).toHaveValue('4');

  // Removing a score counts at once everywhere.
  await picker(anna.page, 'Gevoel nu', SITE).selectOption({ label: '– geen score –' });
  await expect(anna.ownAnnouncement).toHaveText(`Jouw score voor Gevoel nu bij ${SITE} is weggehaald.`);
  await expect(curveRow(sander.page, SITE)).toHaveText([ORIENT, '+1,0', '0,0', '1', '+2,0', '0,0', '2']);
  await picker(anna.page, 'Gevoel nu', SITE).selectOption({ label: '−1 negatief' });
  await expect(curveRow(sander.page, SITE)).toHaveText([ORIENT, '0,0', '1,0', '2', '+2,0', '0,0', '2']);

  // axe-core on the new views: the table with the panel (both languages) and the list on a phone.
  await expectNoAxeViolations(sander.page, 'board with channel, score pickers, curve and gaps (nl)');
  await expectNoAxeViolations(bob.page, 'list view with score pickers, curve and gaps (nl)');
  await sander.page.getByRole('button', { name: 'English', exact: true }).click();
  // The figures are folded under the board: their heading is there, in English, though closed.
  await expect(sander.page.locator('h3', { hasText: /^Emotion curve: Klantreis$/ })).toHaveCount(1);
  await expect(sander.card(SITE).locator('.card__badge--channel')).toHaveText('Channel: Website');
  await expect(sander.page.locator('.method-gaps__largest li').first()).toHaveText('1. phase Oriënteren: gap +2.5 (expectation 4.5, experience 2.0)');
  await expectNoAxeViolations(sander.page, 'board with channel, score pickers, curve and gaps (en)');
  await bob.page.getByRole('button', { name: 'English', exact: true }).tap();
  await expect(bob.page.getByRole('button', { name: `Score: ${SITE}` })).toBeVisible();
  await expectNoAxeViolations(bob.page, 'list view with score pickers, curve and gaps (en)');

  // 320 CSS px: the list with open pickers, the curve and the tables fit (they scroll inside).
  const nina = await newUser('Nina', { viewport: { width: 320, height: 640 } });
  await nina.joinWithCode(code);
  await openScores(nina, SITE);
  await expect(picker(nina.page, 'Gevoel nu', SITE)).toBeVisible();
  await expectFigures(nina);
  expect(await scrollsSideways(nina.page)).toBe(false);
});

test('scores still count on a locked board; a screen draws the curve without pickers', async ({ newUser }) => {
  const sander = await newUser('Sander');
  const { code } = await sander.createWorkshop('Vergrendeld scoren');
  await sander.addCard(ORIENT, TOUCH, SITE);
  const screenLink = (await sander.page.getByTestId('screen-link').textContent())!;
  const anna = await newUser('Anna');
  await anna.joinWithCode(code);

  await sander.page.getByRole('button', { name: 'Bord vergrendelen' }).click();
  await expect(anna.page.getByTestId('locked-banner')).toBeVisible();
  // Locked: no channel picker for a participant (that is an edit), but her score counts.
  await openScores(anna, SITE);
  await expect(anna.page.getByRole('combobox', { name: `Kanaal van: ${SITE}` })).toHaveCount(0);
  await picker(anna.page, 'Gevoel nu', SITE).selectOption({ label: '+2 heel positief' });
  await expect(curveRow(sander.page, SITE)).toHaveText([ORIENT, '+2,0', '0,0', '1', '–', '–', '0']);

  const screen = await newUser('Scherm');
  await screen.page.goto(screenLink);
  // The big screen's poster draws the curve through the Emotie lane (screen.spec.ts walks its slides).
  await sander.page.getByRole('button', { name: 'Volgende stap: Klantreis in kaart brengen' }).click();
  await expect(screen.page.locator('.poster__curve-line--current')).toHaveCount(1);
  await expect(screen.page.getByTestId('screen-poster')).toContainText(SITE);
  await expect(screen.page.getByRole('combobox')).toHaveCount(0);
  await expect(screen.page.getByRole('button', { name: `Scoren: ${SITE}` })).toHaveCount(0);
});

test('the list view shows a curve and the gaps for every journey, each under its title; the table those of the journey shown', async ({ newUser }) => {
  // Two journeys with touchpoints and scores (report-support.ts builds them over the WebSocket).
  const fien = await newUser('Fien');
  const w = await longWorkshop(fien.page);
  const page = fien.page;
  await page.goto(`/#/w/${w.workshopId}?key=${w.facilitatorKey}`);
  await page.locator('input[name="displayName"]').fill('Fien');
  await page.getByRole('button', { name: 'Naar het bord' }).click();
  await fien.waitForBoard();
  const panel = page.locator('[data-method="panel"]');
  const curveHeadings = panel.locator('.method-curve h3');

  // The table: the journey shown, its gaps straight under the panel's heading.
  await expect(curveHeadings).toHaveText(['Emotiecurve: Omgevingsvergunning aanvragen']);
  await expect(panel.locator('.curve-table tbody tr')).toHaveCount(6);
  await expect(panel.locator('.method-gaps__journey')).toHaveCount(0);

  // The list: every journey in the list's order, each curve and each set of gaps titled.
  await page.getByRole('button', { name: 'Toon als lijst' }).click();
  await expect(curveHeadings).toHaveText(['Emotiecurve: Omgevingsvergunning aanvragen', 'Emotiecurve: Ondernemer met een terras']);
  const curves = panel.locator('.method-curve__journey');
  await expect(curves.nth(0).locator('.curve-table tbody tr')).toHaveCount(6);
  await expect(curves.nth(1).locator('.curve-table tbody tr')).toHaveCount(10);
  await expect(curves.nth(1).locator('svg.curve-svg .curve-series--current circle')).toHaveCount(10);
  await expect(curveRow(page, 'Terras stap 1')).toHaveText(['Stap 1: oriënteren', '-2,0', '0,0', '1', '+2,0', '0,0', '1']);
  const gaps = panel.locator('.method-gaps__journey');
  await expect(gaps.locator('h4')).toHaveText(['Omgevingsvergunning aanvragen', 'Ondernemer met een terras']);
  await expect(gaps.nth(0).locator('.method-gaps__largest li')).toHaveCount(3);
  await expect(gaps.nth(1)).toContainText('Nog geen');
  // Each journey's scrolling tables are regions of their own name, once their section is open.
  await panel.locator('summary', { hasText: 'Emotiecurve en grootste verschillen in cijfers' }).click();
  for (const title of ['Omgevingsvergunning aanvragen', 'Ondernemer met een terras']) {
    await expect(panel.getByRole('region', { name: `Emotiecurve van ${title} in cijfers: gemiddelde, verschil tussen de scores en aantal scores per contactmoment` })).toHaveCount(1);
    await expect(panel.getByRole('region', { name: `Verwachting en ervaring per fase en contactmoment van ${title}` })).toHaveCount(1);
  }
  await expectNoAxeViolations(page, 'list view with two journeys in the method panel');
});
