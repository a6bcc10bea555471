// The facilitator's controls (issue 3) against the real server: sharing (QR code, big screen),
// stages and the shared timer, lock, private writing and reveal, follow me, roles and removal.

import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { download, exportDialog } from './results-support';
import { saveScreenshot, SIZES } from './screenshots';
import { expect, scrollsSideways, test, type User } from './support';

const ORIENT = 'Oriënteren';
const WAIT = 'Wachten';
const AFTER = 'Achteraf';
const TOUCH = 'Contactmoment';
const IDEA = 'Verbeteridee';

function seconds(text: string | null): number {
  const parts = (text ?? '').trim().split(':').map(Number);
  return parts.reduce((acc, p) => acc * 60 + p, 0);
}

function timer(u: User) {
  return u.page.getByTestId('timer');
}

function panel(u: User) {
  return u.page.getByTestId('facilitator-panel');
}

async function timerSet(u: User, value: string): Promise<void> {
  await u.page.getByTestId('timer-minutes').fill(value);
  await u.page.getByTestId('timer-set').click();
}

/** Sends one operation over a separate WebSocket, as another facilitator's client would. */
async function sendAsFacilitator(page: Page, workshopId: string, facilitatorKey: string, op: object): Promise<void> {
  await page.goto('/');
  const result = await page.evaluate(
    ({ workshopId, facilitatorKey, op }) =>
      new Promise<string>((resolve) => {
        const url = new URL('ws', location.href);
        url.protocol = url.protocol.replace('http', 'ws');
        const ws = new WebSocket(url);
        ws.onopen = () =>
          ws.send(JSON.stringify({ type: 'hello', protocolVersion: 5, workshopId, clientId: 'e2e-robot', displayName: 'Robot', lastSeq: 0, facilitatorKey }));
        ws.onmessage = (ev) => {
          const msg = JSON.parse(String(ev.data));
          if (msg.type === 'welcome') ws.send(JSON.stringify({ type: 'op', clientSeq: 1, op }));
          if (msg.type === 'ack') resolve('ack');
          if (msg.type === 'error') resolve(`${msg.code}: ${msg.message}`);
        };
      }),
    { workshopId, facilitatorKey, op },
  );
  expect(result).toBe('ack');
}

test('the facilitator shares the workshop: the code, a QR code that reads back as the join link, and a read-only big screen', async ({ newUser }, testInfo) => {
  const sander = await newUser('Sander');
  const { code } = await sander.createWorkshop('Vergunning delen');
  const page = sander.page;
  // The presenter bar keeps the controls of the day compact: at 1440×900 the board has the
  // whole width (it had 270 px less beside the old side panel); the rest waits in the drawer.
  await expect(page.getByTestId('presenter-bar')).toBeVisible();
  await expect(panel(sander)).toBeHidden();
  expect((await page.locator('#board-grid').boundingBox())!.width).toBeGreaterThan(1300);
  // The join code is one click away; Esc puts the drawer away and focus goes back.
  const codeButton = page.getByRole('button', { name: `Code ${code}`, exact: true });
  await codeButton.click();
  await expect(page.getByTestId('join-code')).toBeInViewport();
  await expect(page.locator('section.share')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('join-code')).toBeHidden();
  await expect(codeButton).toBeFocused();
  await expect(page.getByTestId('controls-toggle')).toHaveAttribute('aria-expanded', 'false');
  // A facilitator on a phone: the bar wraps, every control on the screen, nothing sideways;
  // the drawer is a sheet over the page with its close button in view.
  await page.setViewportSize(SIZES.phone);
  const off = await page
    .locator('[data-testid="presenter-bar"] :is(button, a), .stage-banner__controls button')
    .evaluateAll((els) => els.filter((el) => el.getClientRects().length > 0 && (el.getBoundingClientRect().left < 0 || el.getBoundingClientRect().right > window.innerWidth)).length);
  expect(off).toBe(0);
  expect(await scrollsSideways(page)).toBe(false);
  await page.evaluate(() => window.scrollTo(0, 0));
  await saveScreenshot(page, 'presenter-bar', 'phone');
  await page.getByTestId('controls-toggle').click();
  await expect(page.getByTestId('controls-close')).toBeInViewport();
  await saveScreenshot(page, 'presenter-drawer', 'phone');
  await page.getByTestId('controls-close').click();
  await expect(page.getByTestId('controls-toggle')).toBeFocused();
  await page.setViewportSize(SIZES.desktop);
  await sander.showControls();
  await expect(panel(sander)).toBeVisible();
  await expect(sander.page.getByTestId('stage-title')).toHaveText('Voorbereiden');

  const link = await sander.page.getByTestId('join-link').getAttribute('href');
  const shot = testInfo.outputPath('join-qr.png');
  await sander.page.getByTestId('join-qr').screenshot({ path: shot });
  const decoded = execFileSync('zbarimg', ['--raw', '-q', shot]).toString().trim();
  expect(decoded).toBe(link);
  await expectNoAxeViolations(sander.page, 'facilitator panel', '[data-testid="facilitator-panel"]');
  await expectNoAxeViolations(sander.page, 'board with stage banner');

  const screenLink = await sander.page.getByTestId('screen-link').getAttribute('href');
  expect(screenLink).toMatch(/#\/w\/[A-Za-z0-9_-]+\?screen=[A-Za-z0-9_-]{22}$/);
  const screen = await newUser('Scherm');
  await screen.page.goto(screenLink!);
  // The big screen presents the stage: now the join code (its own spec, screen.spec.ts, walks
  // through every stage); it has no edit controls, side panel or presence of its own.
  await expect(screen.page.getByTestId('screen-join-code')).toHaveText(code);
  await expect(screen.page.locator('button, input, textarea, select')).toHaveCount(0);
  await expect(screen.page.locator('aside')).toHaveCount(0);

  // What the facilitator does shows on the screen; the screen itself is nobody in the list.
  await sander.addCard(ORIENT, TOUCH, 'Zoekt op de website');
  await sander.page.getByRole('button', { name: 'Klantreis in kaart brengen', exact: true }).click();
  await expect(screen.page.getByTestId('screen-poster')).toContainText('Zoekt op de website');
  await expect(sander.page.locator('.presence__item')).toHaveCount(1);
  await expectNoAxeViolations(screen.page, 'big screen');
});

test('the facilitator closes the door: a newcomer is told, a participant already in comes back', async ({ newUser }, testInfo) => {
  const sander = await newUser('Sander');
  const { code } = await sander.createWorkshop('Vergunning deur');
  await sander.showControls();
  const anna = await newUser('Anna');
  await anna.joinWithCode(code);
  const door = sander.page.getByTestId('door-toggle');
  await expect(sander.page.getByTestId('door-state')).toHaveText('De deur is open: iedereen met de code kan meedoen.');
  await door.click();
  await expect(sander.page.getByTestId('door-state')).toHaveText('De deur is dicht: alleen wie al meedoet, kan terugkomen.');
  await expect(door).toHaveText('Deur openen');
  await expect(door).toBeFocused();
  await sander.page.locator('section.share').screenshot({ path: testInfo.outputPath('share-door-closed.png') });
  await expectNoAxeViolations(sander.page, 'share panel with the door closed', 'section.share');

  const bram = await newUser('Bram');
  await bram.page.goto('/');
  await bram.page.getByLabel('Code', { exact: true }).fill(code);
  await bram.page.locator('input[name="joinName"]').fill('Bram');
  await bram.page.getByRole('button', { name: 'Meedoen', exact: true }).click();
  await expect(bram.page.locator('.failure')).toContainText('De begeleider heeft de deur dichtgedaan');
  await anna.page.reload();
  await expect(anna.status).toHaveText('Verbonden');

  await door.click();
  await expect(door).toHaveText('Deur dichtdoen');
  await bram.joinWithCode(code);
});

test('stages and the timer are the same for everyone, and time up is signalled gently', async ({ newUser }) => {
  const sander = await newUser('Sander');
  const { code } = await sander.createWorkshop('Vergunning timer');
  await sander.showControls();
  const anna = await newUser('Anna');
  await anna.joinWithCode(code);
  await expect(panel(anna)).toBeHidden();

  await sander.page.getByRole('button', { name: 'Ideeën bedenken', exact: true }).click();
  await expect(anna.page.getByTestId('stage-title')).toHaveText('Ideeën bedenken');
  await expect(anna.othersAnnouncement).toContainText('Nieuwe stap: Ideeën bedenken.');
  await sander.page.getByTestId('stage-instruction-input').fill('Schrijf één idee per kaart.\nKies daarna er drie.');
  await sander.page.getByTestId('stage-save').click();
  await expect(anna.page.getByTestId('stage-instruction')).toHaveText('Schrijf één idee per kaart.\nKies daarna er drie.');

  await timerSet(sander, '10');
  await expect(timer(anna)).toHaveText('10:00');
  await sander.page.getByTestId('timer-start').click();
  await expect(anna.page.locator('.countdown')).toHaveAttribute('data-running', 'true');
  await expect.poll(async () => seconds(await timer(anna).textContent())).toBeLessThan(600);
  // Two screens agree on the remaining time (a functional check: within 2 s of each other).
  const [a, s] = await Promise.all([timer(anna).textContent(), timer(sander).textContent()]);
  expect(Math.abs(seconds(a) - seconds(s))).toBeLessThanOrEqual(2);

  await sander.page.getByTestId('timer-start').click(); // now labelled Pauze
  await expect(anna.page.locator('.countdown')).toHaveAttribute('data-running', 'false');
  await expect(sander.page.locator('.countdown')).toHaveAttribute('data-running', 'false');
  // Paused, both show the server's remaining time. The facilitator's own screen may show its
  // optimistic pause for a moment until the server's event arrives, so wait for them to agree
  // rather than compare with one early reading.
  await expect.poll(async () => (await timer(anna).textContent()) === (await timer(sander).textContent())).toBe(true);
  const paused = seconds(await timer(sander).textContent());
  await sander.page.getByTestId('timer-add').click();
  await expect.poll(async () => seconds(await timer(anna).textContent())).toBe(paused + 60);
  await sander.page.getByTestId('timer-reset').click();
  await expect(timer(anna)).toHaveText('11:00');

  // Time up: the display shows 0:00, highlights, and says so.
  await timerSet(sander, '0:02');
  await sander.page.getByTestId('timer-start').click();
  await expect(timer(anna)).toHaveText('0:00');
  await expect(anna.page.locator('.countdown')).toHaveClass(/countdown--done/);
  await expect(anna.ownAnnouncement).toHaveText('De tijd is om.');
  await expect(timer(sander)).toHaveText('0:00');

  // A wrong duration gets a clear message and changes nothing.
  await timerSet(sander, 'lang');
  await expect(sander.page.getByText('Vul minuten in (bijvoorbeeld 5)')).toBeVisible();
  await expect(timer(anna)).toHaveText('0:00');
});

test('a locked board is read-only for participants; private writing hides new cards until the reveal', async ({ newUser }) => {
  const sander = await newUser('Sander');
  const { code } = await sander.createWorkshop('Vergunning slot');
  const anna = await newUser('Anna');
  await anna.joinWithCode(code);
  const bob = await newUser('Bob');
  await bob.joinWithCode(code);
  await anna.addCard(ORIENT, TOUCH, 'Belt de gemeente');

  await sander.page.getByTestId('lock-toggle').click();
  await expect(sander.page.getByTestId('lock-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect(anna.page.getByTestId('locked-banner')).toHaveText('Het bord is vergrendeld: kaarten toevoegen, aanpassen of koppelen kan nu niet. Stemmen, scores geven en de evaluatie invullen kan wel.');
  await expect(anna.addButton(ORIENT, TOUCH)).toBeHidden();
  // The table's one Tab stop is a card, never an add button the lock hid.
  await expect(anna.page.locator('#board-grid .cell__add[tabindex="0"]')).toHaveCount(0);
  await expect(anna.page.locator('#board-grid li.card[tabindex="0"]')).toHaveCount(1);
  await expect(anna.page.locator('#board-grid')).not.toHaveAttribute('tabindex');
  await anna.pressOnCard('Belt de gemeente', 'Enter');
  await expect(anna.page.locator('.board-scroll textarea')).toHaveCount(0);
  await anna.page.keyboard.press('Delete');
  await expect(sander.card('Belt de gemeente')).toBeVisible();
  // The facilitator still edits.
  await sander.addCard(ORIENT, TOUCH, 'Leest de brief');
  await expect(anna.card('Leest de brief')).toBeVisible();
  await sander.page.getByTestId('lock-toggle').click();
  await expect(anna.page.getByTestId('locked-banner')).toBeHidden();
  await anna.addCard(WAIT, TOUCH, 'Wacht op antwoord');

  await sander.page.getByTestId('private-toggle').click();
  await expect(bob.page.getByTestId('private-banner')).toContainText('Privé schrijven: alleen jij ziet je nieuwe kaarten.');
  await anna.addCard(ORIENT, IDEA, 'Geheim idee');
  await expect(anna.card('Geheim idee')).toContainText('Privé');
  await bob.addCard(WAIT, IDEA, 'Idee van Bob');
  await expect(anna.card('Idee van Bob')).toHaveCount(0);
  await expect(bob.card('Geheim idee')).toHaveCount(0);
  await expect(sander.card('Geheim idee')).toHaveCount(0);
  // Someone who comes in now gets the count of hidden cards with the board (the count is in
  // every snapshot; the server does not update it live for others yet).
  const cleo = await newUser('Cleo');
  await cleo.joinWithCode(code);
  await expect(cleo.page.getByTestId('private-banner')).toContainText('2 kaarten zijn nog verborgen.');

  await sander.page.getByTestId('private-toggle').click(); // reveal
  for (const u of [sander, anna, bob, cleo]) {
    await expect(u.card('Geheim idee')).toBeVisible();
    await expect(u.card('Idee van Bob')).toBeVisible();
    await expect(u.page.getByTestId('private-banner')).toBeHidden();
  }
  await expect(anna.card('Geheim idee')).not.toContainText('Privé');
  await expect(bob.othersAnnouncement).toContainText('Alle kaarten zijn nu zichtbaar');
});

test('follow me shows participants the facilitator\'s phase, never while they type, and they may opt out', async ({ newUser }) => {
  const sander = await newUser('Sander');
  const { code } = await sander.createWorkshop('Vergunning volgen');
  await sander.showControls();
  const anna = await newUser('Anna');
  await anna.page.setViewportSize({ width: 480, height: 900 });
  await anna.joinWithCode(code);
  // A narrow screen starts with the list view; its phases are marked too. Then the table.
  await expect(anna.page.locator('.list-view')).toBeVisible();
  await sander.page.getByTestId('follow-phase').selectOption({ label: WAIT });
  await sander.page.getByTestId('follow-start').click();
  // The phase itself, by its heading (the phase before it holds a skip link naming it).
  await expect(anna.page.locator('.list-phase', { has: anna.page.locator('h3', { hasText: WAIT }) })).toHaveClass(/is-followed/);
  await anna.page.getByRole('button', { name: 'Toon als bord' }).click();
  await expect(anna.page.locator('table.board-table')).toBeVisible();
  // Fitted, the whole journey is in view; zoomed in, following has to bring a phase into view.
  for (let i = 0; i < 4; i++) await anna.page.getByRole('button', { name: 'Inzoomen' }).click();
  const header = (u: User, phase: string) => u.page.locator('th.phase-header', { hasText: phase });

  await sander.page.getByTestId('follow-phase').selectOption({ label: AFTER });
  await sander.page.getByTestId('follow-start').click();
  await expect(anna.page.getByTestId('stage-banner')).toContainText(`Iedereen kijkt naar: `);
  await expect(header(anna, AFTER)).toHaveClass(/is-followed/);
  await expect(header(anna, AFTER)).toBeInViewport();

  // Typing: the view does not move and the editor keeps focus and text.
  await anna.addButton(ORIENT, TOUCH).click();
  const editor = anna.cell(ORIENT, TOUCH).locator('textarea');
  await expect(editor).toBeFocused();
  await anna.page.keyboard.type('Half getypt');
  await sander.page.getByTestId('follow-phase').selectOption({ label: WAIT });
  await sander.page.getByTestId('follow-start').click();
  await expect(header(anna, WAIT)).toHaveClass(/is-followed/);
  await expect(editor).toBeFocused();
  await expect(editor).toHaveValue('Half getypt');
  await anna.page.keyboard.press('Control+Enter');
  await expect(anna.cardIn(ORIENT, TOUCH, 'Half getypt')).toBeVisible();
  await anna.page.locator('body').click({ position: { x: 5, y: 5 } });
  await expect(header(anna, WAIT)).toBeInViewport();

  // Opting out: the mark moves, the view does not.
  await anna.page.getByTestId('follow-toggle').uncheck();
  await sander.page.getByTestId('follow-phase').selectOption({ label: ORIENT });
  await sander.page.getByTestId('follow-start').click();
  await expect(header(anna, ORIENT)).toHaveClass(/is-followed/);
  await expect(header(anna, WAIT)).toBeInViewport();
  await expect(header(anna, ORIENT)).not.toBeInViewport();
  await anna.page.getByTestId('follow-toggle').check();
  await expect(header(anna, ORIENT)).toBeInViewport();
  await sander.page.getByTestId('follow-stop').click();
  await expect(header(anna, ORIENT)).not.toHaveClass(/is-followed/);
});

test('the facilitator sees who votes, shares and hands over the role, and removes a participant', async ({ newUser }) => {
  const sander = await newUser('Sander');
  const { code, workshopId } = await sander.createWorkshop('Vergunning rollen');
  await sander.showControls();
  const key = new URL(sander.page.url()).hash.match(/key=([^&]+)/)![1]!;
  const anna = await newUser('Anna');
  await anna.joinWithCode(code);
  const bob = await newUser('Bob');
  await bob.joinWithCode(code);
  await anna.addCard(ORIENT, IDEA, 'Betere uitleg');
  const people = sander.page.getByTestId('people');
  await expect(people.locator('.people__item')).toHaveCount(3);
  await expect(people.locator('.people__item', { hasText: 'Anna' })).toContainText('online · deelnemer');

  // During a round: counts per participant, never which items.
  const robot = await newUser('Robot');
  await sendAsFacilitator(robot.page, workshopId, key, {
    kind: 'round.start', roundId: 'r1', criterion: 'impact', budget: 3, maxPerItem: 2, durationMs: null, anonymous: true, facilitatorVotes: false, scope: { kind: 'ideas' },
  });
  await expect(people.locator('.people__item', { hasText: 'Anna' })).toContainText('0 van 3 stemmen');
  await expect(sander.page.getByTestId('voting-summary')).toContainText('klaar met stemmen');

  // Co-facilitator: Anna gets the panel and the join code.
  await sander.page.getByRole('button', { name: 'Maak medebegeleider: Anna' }).click();
  await expect(anna.page.getByTestId('presenter-bar')).toBeVisible();
  await anna.showControls();
  await expect(panel(anna)).toBeVisible();
  await expect(anna.page.getByTestId('join-code')).toHaveText(code);
  await expect(anna.ownAnnouncement).toHaveText('Je bent nu begeleider.');
  // Without ever seeing the key, Anna exports: her own token stands in for it (P-HTTP-9).
  await anna.page.getByRole('button', { name: 'Exporteren' }).click();
  const archive = await download(anna.page, exportDialog(anna.page).getByRole('button', { name: 'Archief downloaden' }));
  expect(JSON.parse(archive.text).state.cards.map((c: { text: string }) => c.text)).toContain('Betere uitleg');
  await exportDialog(anna.page).getByRole('button', { name: 'Sluiten' }).click();
  await expect(anna.page.getByRole('button', { name: 'Structuur' })).toBeVisible();
  await sander.page.getByRole('button', { name: 'Maak deelnemer: Anna' }).click();
  await expect(panel(anna)).toBeHidden();
  await expect(anna.page.getByTestId('presenter-bar')).toBeHidden();
  await expect(anna.presenceItem('Anna')).toBeVisible(); // her side panel: who is here
  await expect(anna.page.getByRole('button', { name: 'Exporteren' })).toHaveCount(0);
  await expect(anna.page.getByRole('button', { name: 'Structuur' })).toHaveCount(0);

  // Hand over to Bob: Sander becomes a participant, also after a reload.
  sander.page.once('dialog', (d) => void d.accept());
  await sander.page.getByRole('button', { name: 'Draag over aan Bob' }).click();
  await bob.showControls();
  await expect(panel(bob)).toBeVisible();
  await expect(panel(sander)).toBeHidden();
  await expect(sander.page).not.toHaveURL(/key=/);
  await sander.page.reload();
  await sander.waitForBoard();
  await expect(panel(sander)).toBeHidden();

  // Bob removes Sander: a clear message there, gone from the list here.
  bob.page.once('dialog', (d) => void d.accept());
  await bob.page.getByRole('button', { name: 'Verwijderen uit de workshop: Sander' }).click();
  await expect(sander.page.getByRole('alert')).toContainText('De begeleider heeft je uit deze workshop gehaald.');
  await expect(bob.page.getByTestId('people').locator('.people__item', { hasText: 'Sander' })).toHaveCount(0);
  await expect(bob.card('Betere uitleg')).toBeVisible();
});
