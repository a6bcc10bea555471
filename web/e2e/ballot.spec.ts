// The ballot as people use it on the day: 26 ideas on a phone held in one hand, by keyboard, and
// a voter whose phone loses the network during the round. Screenshots go to build/screenshots/.

import type { Locator, Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectNoAxeViolations } from './axe';
import { expectReadableControls } from './contrast';
import { applyOps, type CreatedWorkshop } from './report-support';
import { expect, test, type User } from './support';

const PHONE = { width: 390, height: 844 };
const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../build/screenshots');

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const size = page.viewportSize()!;
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${size.width}x${size.height}.png`), animations: 'disabled' });
}

/** 26 ideas as a real day makes them: some short, some long, two that start alike. */
const IDEAS = [
  'Checklist: welke formulieren heb ik nodig voor een dakkapel aan de voorkant?',
  'Checklist: welke formulieren heb ik nodig voor een schuur in de achtertuin?',
  'Vergunningcheck bovenaan de website',
  'Voorbeeldtekeningen per soort verbouwing',
  'Chat met een vergunningverlener',
  'Terugbelafspraak binnen één werkdag, ook als de vraag nog niet helemaal duidelijk is, zodat niemand blijft wachten op een antwoord dat nooit komt',
  'Eén vaste contactpersoon vanaf de eerste vraag',
  'Ontvangstbevestiging met de datum van het besluit',
  'Sms bij elke nieuwe stap in de aanvraag',
  'Uitleg in gewone taal in plaats van wetsartikelen',
  'Vooroverleg aan de keukentafel',
  'Status van de aanvraag online te volgen',
  'Digitale handtekening voor de buren',
  'Een video van twee minuten over de procedure',
  'Leges vooraf berekenen',
  'Termijn van acht weken duidelijk noemen',
  'Aanvullen zonder opnieuw te beginnen',
  'Spreekuur op zaterdag',
  'Brief vervangen door een bericht in de app',
  'Bezwaar uitleggen met een tijdlijn',
  'Welstand vroeg betrekken',
  'Samenvatting van het besluit op één pagina',
  'Vragen van de inwoner verzamelen voor de FAQ',
  'Na afloop een korte enquête',
  'Evaluatie met het team elk kwartaal',
  'Klantreis elk jaar opnieuw lopen',
];

/** A workshop from the omgevingsvergunning template with the 26 ideas and a round on them. */
async function workshopWithBallot(page: Page, opts: { budget: number; maxPerItem: number }): Promise<CreatedWorkshop> {
  const res = await page.request.post('/api/workshops', {
    data: { title: 'Stemmen op 26 ideeën', source: { kind: 'template', templateId: 'omgevingsvergunning-inwoner' } },
  });
  expect(res.status()).toBe(201);
  const w = (await res.json()) as CreatedWorkshop;
  await page.goto('/#/toegankelijkheid');
  await applyOps(page, w, (s) => {
    const j = s.journeys[0]!;
    const ideaLane = j.lanes.find((l) => l.kind === 'idea')!.id;
    const ops: Array<Record<string, unknown> & { kind: string }> = IDEAS.map((text, i) => ({
      kind: 'card.add',
      cardId: `idea${i}`,
      journeyId: j.id,
      phaseId: j.phases[Math.floor((i * j.phases.length) / IDEAS.length)]!.id,
      laneId: ideaLane,
      text,
      color: 'green',
      orderKey: `a${String.fromCharCode(65 + i)}`,
    }));
    ops.push({ kind: 'round.start', roundId: 'r1', criterion: 'impact voor de inwoner', budget: opts.budget, maxPerItem: opts.maxPerItem,
      durationMs: null, anonymous: true, facilitatorVotes: false, scope: { kind: 'ideas' } });
    return ops;
  });
  return w;
}

function row(page: Page, text: string): Locator {
  return page.locator('.ballot__item').filter({ has: page.locator('.ballot__label', { hasText: text }) });
}

function budget(page: Page): Locator {
  return page.getByTestId('ballot-budget');
}

test('B-BALLOT-1 a 26-idea ballot on a phone: whole texts, thumb-sized − and +, the budget and "Ik ben klaar" in view, filter, search, keys', async ({ newUser }) => {
  test.setTimeout(120_000);
  const fien = await newUser('Fien');
  const w = await workshopWithBallot(fien.page, { budget: 5, maxPerItem: 3 });
  const anna = await newUser('Anna', { viewport: PHONE, hasTouch: true, isMobile: true });
  await anna.joinWithCode(w.joinCode);
  const page = anna.page;
  await expect(page.locator('.ballot__item')).toHaveCount(IDEAS.length);

  // Every idea's whole text, in the row and in the buttons' names; nothing cut or clipped.
  expect(await page.locator('.ballot__label').allTextContents()).toEqual(IDEAS);
  for (const text of IDEAS) await expect(row(page, text).getByRole('button', { name: `Stem geven: ${text}`, exact: true })).toHaveCount(1);
  const clipped = await page.locator('.ballot__label').evaluateAll((els) =>
    els.filter((el) => el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight || el.getBoundingClientRect().right > innerWidth).map((el) => el.textContent),
  );
  expect(clipped).toEqual([]);
  // − and + are at least 44 × 44 CSS px, on the row itself.
  const small = await page.locator('.ballot__step').evaluateAll((els) =>
    els.map((el) => el.getBoundingClientRect()).filter((r) => r.width < 44 || r.height < 44).length,
  );
  expect(small).toBe(0);
  // Compact: the 26 rows take less than four phone screens (cut at 39 characters they took 7,000 px).
  const listHeight = (await page.locator('.ballot__items').boundingBox())!.height;
  expect(listHeight).toBeLessThan(4 * PHONE.height);
  await screenshot(page, 'ballot-phone-top');

  // Deep in the list, the budget and "Ik ben klaar" are still in view.
  const deep = row(page, IDEAS[22]!);
  await deep.getByRole('button', { name: `Stem geven: ${IDEAS[22]}` }).tap();
  await expect(budget(page)).toHaveText('Je hebt nog 4 stemmen (van 5).');
  await expect(budget(page)).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Ik ben klaar' })).toBeInViewport();
  await expect(deep).toContainText('Jouw stemmen: 1 (hoogstens 3)');
  await screenshot(page, 'ballot-phone-scrolled');
  // The picture for the docs: the round's heading at the top of the phone.
  await page.getByTestId('open-round').evaluate((el) => el.scrollIntoView());
  await screenshot(page, 'ballot-phone');

  // 20+ ideas: a phase filter and a search field.
  await page.getByLabel('Fase', { exact: true }).selectOption({ index: 1 });
  const firstPhase = await page.locator('.ballot__item:visible .ballot__where').first().textContent();
  await expect(page.locator('.ballot__item:visible')).not.toHaveCount(IDEAS.length);
  for (const where of await page.locator('.ballot__item:visible .ballot__where').allTextContents()) expect(where).toBe(firstPhase);
  await page.getByLabel('Fase', { exact: true }).selectOption({ index: 0 });
  await page.getByLabel('Zoek een idee').fill('checklist formulieren');
  await expect(page.locator('.ballot__item:visible')).toHaveCount(2);
  await expect(page.getByText('Je ziet 2 van de 26 ideeën.')).toBeVisible();
  await screenshot(page, 'ballot-phone-search');
  await page.getByLabel('Zoek een idee').fill('');
  await expect(page.locator('.ballot__item:visible')).toHaveCount(IDEAS.length);

  await expectReadableControls(page, 'the phone ballot', 'section.voting');
  await expectNoAxeViolations(page, 'the phone ballot', 'section.voting');

  // By keyboard: ↓ to the next idea, + and Space vote, Backspace and − take back, K to "Ik ben klaar".
  await row(page, IDEAS[0]!).getByRole('button', { name: `Stem geven: ${IDEAS[0]}` }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(row(page, IDEAS[1]!).getByRole('button', { name: `Stem geven: ${IDEAS[1]}` })).toBeFocused();
  await page.keyboard.type('+');
  await expect(budget(page)).toHaveText('Je hebt nog 3 stemmen (van 5).');
  await page.keyboard.press('Space');
  await expect(budget(page)).toHaveText('Je hebt nog 2 stemmen (van 5).');
  await expect(row(page, IDEAS[1]!)).toContainText('Jouw stemmen: 2');
  await page.keyboard.press('Backspace');
  await expect(budget(page)).toHaveText('Je hebt nog 3 stemmen (van 5).');
  await page.keyboard.type('-');
  await expect(budget(page)).toHaveText('Je hebt nog 4 stemmen (van 5).');
  await expect(row(page, IDEAS[1]!).getByRole('button', { name: `Stem geven: ${IDEAS[1]}` })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(row(page, IDEAS[0]!).getByRole('button', { name: `Stem geven: ${IDEAS[0]}` })).toBeFocused();
  await page.keyboard.press('k');
  await expect(page.getByRole('button', { name: 'Ik ben klaar' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Ik ben klaar' })).toHaveAttribute('aria-pressed', 'true');

  // The help names these keys.
  await page.getByRole('button', { name: 'Sneltoetsen' }).click();
  const help = page.getByRole('dialog', { name: 'Sneltoetsen' });
  await expect(help).toContainText('In de stemlijst');
  await expect(help).toContainText('Naar de knop "Ik ben klaar"');
  await expectReadableControls(page, 'the help dialog', 'dialog[open]');
  await help.getByRole('button', { name: 'Sluiten' }).click();

  // The phone's new-card form speaks of tapping: a phone has no Ctrl for "Ctrl+Enter: opslaan".
  await page.getByRole('button', { name: /Kaart toevoegen/ }).first().tap();
  await expect(page.locator('.list-editor__hint')).toHaveText('Tik op Opslaan om de tekst te bewaren.');
  await page.getByRole('button', { name: 'Annuleren' }).tap();

  // The same ballot on a laptop.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.locator('section.voting').scrollIntoViewIfNeeded();
  await screenshot(page, 'ballot-desktop');
  await expectReadableControls(page, 'the ballot on a laptop', 'section.voting');
});

test('B-BALLOT-2 a voter whose phone goes offline stays in the progress, the facilitator is warned before closing, queued votes refused are explained', async ({ newUser }) => {
  test.setTimeout(120_000);
  const fien = await newUser('Fien');
  const w = await workshopWithBallot(fien.page, { budget: 3, maxPerItem: 3 });
  await fien.page.goto(`/#/w/${w.workshopId}?key=${w.facilitatorKey}`);
  await fien.page.getByLabel('Je naam').fill('Fien');
  await fien.page.getByRole('button', { name: 'Naar het bord' }).click();
  await fien.waitForBoard();
  const anna = await newUser('Anna', { viewport: PHONE, hasTouch: true, isMobile: true });
  await anna.joinWithCode(w.joinCode);
  const page = anna.page;
  const progress = fien.page.getByTestId('round-progress');
  const who = fien.page.getByTestId('round-who');

  await row(page, IDEAS[2]!).getByRole('button', { name: `Stem geven: ${IDEAS[2]}` }).tap();
  await expect(budget(page)).toHaveText('Je hebt nog 2 stemmen (van 3).');
  await expect(anna.status).toHaveAttribute('data-queued', '0');
  await expect(progress).toHaveText('Klaar met stemmen: 0 van 1');
  await expect(who).toHaveText('Nog bezig: Anna.');

  // The network drops; two more taps wait on the phone, and the ballot says so.
  await anna.context.setOffline(true);
  await expect(anna.status).toHaveText('Offline');
  await expect(page.getByTestId('ballot-notice')).toContainText('Geen verbinding.');
  for (const i of [3, 4]) await row(page, IDEAS[i]!).getByRole('button', { name: `Stem geven: ${IDEAS[i]}` }).tap();
  await expect(budget(page)).toHaveText('Je hebt nog 0 stemmen (van 3).');
  await expect(page.getByTestId('ballot-notice')).toContainText('Nog te versturen: 2.');
  await screenshot(page, 'ballot-phone-offline');

  // The facilitator still counts her, as offline and not done, and is warned before closing.
  await expect(progress).toHaveText('Klaar met stemmen: 0 van 1');
  await expect(who).toHaveText('Offline en nog niet klaar: Anna.');
  await fien.page.getByRole('button', { name: 'Ronde sluiten en uitslag tonen' }).click();
  await expect(fien.page.getByRole('alert').filter({ hasText: 'Nog offline en niet klaar: Anna.' })).toBeVisible();
  await expectReadableControls(fien.page, 'the warning before closing', 'section.voting');
  await fien.page.getByRole('button', { name: 'Toch sluiten' }).click();
  await expect(fien.page.getByTestId('result')).toContainText('1 persoon heeft digitaal gestemd.');

  // Back online: her two queued votes are refused, and she is told why, once, in plain words.
  await anna.context.setOffline(false);
  await expect(anna.status).toHaveText('Verbonden');
  const toasts = page.locator('.toast');
  await expect(toasts.filter({ hasText: 'Stemronde 1 was al gesloten toen je weer verbinding had.' })).toHaveCount(1);
  await expect(anna.status).toHaveAttribute('data-queued', '0');
  await expect(toasts.filter({ hasText: 'niet bewaard' })).toHaveCount(0);
  await expect(toasts).toHaveCount(1);
});

test('B-BALLOT-3 the facilitator\'s and the participants\' screens have no control with text below 4.5:1', async ({ newUser }) => {
  const fien = await newUser('Fien');
  const { code } = await fien.createWorkshop('Contrast');
  const bob = await newUser('Bob');
  await bob.joinWithCode(code);
  await bob.addCard('Aanvragen', 'Knelpunt', 'Niemand weet welke stukken nodig zijn');
  // The presenter bar with a toggle on (filled), and the drawer with the participants panel.
  await fien.page.getByTestId('private-toggle').click();
  await expect(fien.page.getByTestId('private-toggle')).toHaveAttribute('aria-pressed', 'true');
  await fien.showControls();
  await expect(fien.presenceItem('Bob')).toBeVisible();
  // The participants panel shows "Verwijderen" (a danger button) for Bob.
  await expect(fien.page.locator('.button--danger').filter({ visible: true }).first()).toBeVisible();
  await expectReadableControls(fien.page, 'the facilitator board');
  await expectReadableControls(bob.page, 'the participant board');
  await bob.page.getByRole('button', { name: 'Toon als lijst' }).click();
  await expect(bob.listCard('Niemand weet welke stukken nodig zijn')).toBeVisible();
  await expectReadableControls(bob.page, 'the participant list view');
});
