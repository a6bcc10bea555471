// A crowded room (P-PRES-6, P-PRES-7): once more than --presence-list-max (100) participants are
// online, a participant's panel names the facilitators, whoever edits a card and themselves, and
// counts the rest honestly; the facilitator's panel still names everyone. Screenshots of the
// participant's panel at 1440×900 (Dutch) and 390×844 (English) go to build/screenshots/.

import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { saveScreenshot } from './screenshots';
import { expect, test } from './support';

const CROWD = 110;

/** `n` participants join from one page, a WebSocket each, and stay while the page is open. */
async function crowdJoins(page: Page, workshopId: string, n: number): Promise<void> {
  await page.goto('/');
  const joined = await page.evaluate(
    async ({ workshopId, n }) => {
      const sockets: WebSocket[] = [];
      for (let i = 0; i < n; i++) {
        const socket = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/ws`);
        await new Promise((resolve, reject) => {
          socket.onopen = resolve;
          socket.onerror = reject;
        });
        const welcomed = new Promise<boolean>((resolve) => {
          socket.onmessage = (ev) => {
            const type = (JSON.parse(String(ev.data)) as { type: string }).type;
            if (type === 'welcome' || type === 'error') resolve(type === 'welcome');
          };
        });
        socket.send(JSON.stringify({ type: 'hello', protocolVersion: 5, workshopId, clientId: `crowd-${i}`, displayName: `Deelnemer ${i + 1}`, lastSeq: 0 }));
        if (!(await welcomed)) return i;
        sockets.push(socket);
      }
      (window as unknown as { crowd: WebSocket[] }).crowd = sockets;
      return sockets.length;
    },
    { workshopId, n },
  );
  expect(joined, 'every one of the crowd welcomed').toBe(n);
}

test('P-PRES-6 P-PRES-7 in a room of more than 100 a participant sees the facilitator, themselves and a count', async ({ newUser }) => {
  test.setTimeout(120_000);
  const sander = await newUser('Sander');
  const { workshopId, code } = await sander.createWorkshop('Trainingsdag');
  const anna = await newUser('Anna');
  await anna.joinWithCode(code);
  const phone = await newUser('Bram', { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  await phone.joinWithCode(code);
  // In English from here on: the language is remembered in this browser.
  await phone.page.evaluate(() => localStorage.setItem('jb.lang', 'en'));
  await phone.page.reload();
  await expect(phone.page.locator('table.board-table, .list-view .list-phase').first()).toBeVisible();
  const crowd = await newUser('Menigte');
  await crowdJoins(crowd.page, workshopId, CROWD);

  // Online: Sander, Anna, Bram and the crowd. Anna's list names Sander and herself.
  const online = CROWD + 3;
  await expect(anna.page.locator('#presence-title')).toHaveText(`Deelnemers (${online})`);
  await expect(anna.page.locator('.presence__item')).toHaveCount(2);
  await expect(anna.presenceItem('Sander')).toContainText('begeleider');
  await expect(anna.presenceItem('Anna')).toContainText('(jij)');
  await expect(anna.page.getByTestId('presence-others')).toHaveText(
    `en nog ${online - 2} deelnemers: in een grote groep zie je alleen begeleiders en wie een kaart aanpast bij naam`,
  );
  await expect(phone.page.locator('#presence-title')).toHaveText(`Present (${online})`);
  await expect(phone.page.getByTestId('presence-others')).toHaveText(
    `and ${online - 2} more participants: in a large group only facilitators and whoever is editing a card are named`,
  );

  // The facilitator names everyone.
  await expect(sander.page.locator('.presence__item')).toHaveCount(online);
  await expect(sander.page.getByTestId('presence-others')).toBeHidden();

  await expectNoAxeViolations(anna.page, 'a crowded room, participant');
  await expectNoAxeViolations(phone.page, 'a crowded room, participant on a phone, in English');
  await phone.page.locator('.presence__others').scrollIntoViewIfNeeded();
  await saveScreenshot(phone.page, 'crowd-participant', 'phone');
  await anna.page.locator('#presence-title').scrollIntoViewIfNeeded();
  await saveScreenshot(anna.page, 'crowd-participant', 'desktop');
  await saveScreenshot(sander.page, 'crowd-facilitator', 'desktop');
});
