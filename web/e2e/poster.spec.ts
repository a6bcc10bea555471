import type { Page } from '@playwright/test';
import { applyOps, longWorkshop } from './report-support';
import path from 'node:path';
import { saveScreenshot, SCREENSHOT_DIR, SIZES } from './screenshots';
import { expect, scrollsSideways, test } from './support';
import { expectNoAxeViolations } from './axe';
import { expectReadableControls } from './contrast';

// The live board as a klantreis poster (issue 11): phases as columns, lanes as rows; after
// "Passend maken" the whole journey fits the window with readable card text; it opens at the
// top. Measured in the page, at the sizes people use. The long workshop (report-support.ts) is
// the largest shipped template (six phases, six lanes) filled with long texts and scores.

test.describe.configure({ timeout: 120_000 });

/** Where every phase column and lane row is, the viewport, and the smallest card text. */
async function measure(page: Page) {
  return page.evaluate(() => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const texts = [...document.querySelectorAll('#board-grid .card__text')];
    return {
      viewport: { width: window.innerWidth, height: window.innerHeight },
      scrollY: window.scrollY,
      phases: [...document.querySelectorAll('#board-grid th.phase-header')].map(box),
      lanes: [...document.querySelectorAll('#board-grid tr[data-lane-id]')].map(box),
      cells: [...document.querySelectorAll('#board-grid td.cell')].map(box),
      // What a card's text measures on screen: its font size times the board's zoom.
      smallestText: Math.min(
        ...texts.map((el) => {
          const px = parseFloat(getComputedStyle(el).fontSize);
          const r = el.getBoundingClientRect();
          const scale = (el as HTMLElement).offsetWidth > 0 ? r.width / (el as HTMLElement).offsetWidth : 1;
          return px * scale;
        }),
      ),
      cardCount: texts.length,
    };
  });
}

/**
 * The add buttons of the Emotie lane that touch the curve drawn through it: its points and its
 * lines, each as wide as it is drawn (the lowest point sits nearest the buttons).
 */
async function addButtonsOnCurve(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const svg = document.querySelector<SVGSVGElement>('#board-grid .lane-curve');
    const ctm = svg?.getScreenCTM();
    if (!svg || !ctm) return ['no curve on the board'];
    const at = (x: number, y: number) => new DOMPoint(x, y).matrixTransform(ctm);
    const marks: Array<{ x: number; y: number; r: number }> = [];
    for (const dot of svg.querySelectorAll<SVGLineElement>('.curve-dot')) {
      const p = at(dot.x1.baseVal.value, dot.y1.baseVal.value);
      marks.push({ x: p.x, y: p.y, r: parseFloat(getComputedStyle(dot).strokeWidth) / 2 });
    }
    for (const line of svg.querySelectorAll<SVGPolylineElement>('.curve-line')) {
      const r = parseFloat(getComputedStyle(line).strokeWidth) / 2;
      const pts = [...line.points].map((p) => at(p.x, p.y));
      for (let i = 1; i < pts.length; i += 1) {
        for (let k = 0; k <= 40; k += 1) {
          marks.push({ x: pts[i - 1]!.x + ((pts[i]!.x - pts[i - 1]!.x) * k) / 40, y: pts[i - 1]!.y + ((pts[i]!.y - pts[i - 1]!.y) * k) / 40, r });
        }
      }
    }
    const buttons = [...document.querySelectorAll('#board-grid tr.lane--drawn .cell__add')].map((b) => b.getBoundingClientRect());
    if (buttons.length === 0) return ['no add buttons in the Emotie lane'];
    return buttons.flatMap((b, i) =>
      marks.some((m) => m.x + m.r > b.left && m.x - m.r < b.right && m.y + m.r > b.top && m.y - m.r < b.bottom) ? [`add button ${i + 1}`] : [],
    );
  });
}

type Box = { left: number; top: number; right: number; bottom: number };

/** Where each drawn idea → pain point line starts and ends, and the two cards' boxes. */
async function linkLines(page: Page) {
  return page.evaluate(() => {
    const box = (el: Element | null): Box | null => {
      const r = el?.getBoundingClientRect();
      return r ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : null;
    };
    return [...document.querySelectorAll<SVGPathElement>('#board-grid .link-line')].map((line) => {
      const ctm = line.getScreenCTM()!;
      const at = (d: number) => {
        const p = line.getPointAtLength(d).matrixTransform(ctm);
        return { x: p.x, y: p.y };
      };
      const card = (id: string | undefined) => box(document.querySelector(`#board-grid li.card[data-card-id="${id}"]`));
      return { from: at(0), to: at(line.getTotalLength()), idea: card(line.dataset.idea), pain: card(line.dataset.painPoint) };
    });
  });
}

/** Whether the point lies on the box's top or bottom edge (within 2 px), between its sides. */
function onEdge(p: { x: number; y: number }, b: Box | null): boolean {
  return !!b && p.x >= b.left && p.x <= b.right && (Math.abs(p.y - b.top) <= 2 || Math.abs(p.y - b.bottom) <= 2);
}

function inside(r: { left: number; top: number; right: number; bottom: number }, vp: { width: number; height: number }): boolean {
  return r.left >= -0.5 && r.top >= -0.5 && r.right <= vp.width + 0.5 && r.bottom <= vp.height + 0.5;
}

async function fitAndCheck(page: Page, lanes: number, phases: number): Promise<void> {
  await page.getByRole('button', { name: 'Passend maken' }).click();
  const m = await measure(page);
  expect(m.phases).toHaveLength(phases);
  expect(m.lanes).toHaveLength(lanes);
  for (const [i, r] of m.phases.entries()) expect(inside(r, m.viewport), `phase ${i + 1} inside ${JSON.stringify(r)}`).toBe(true);
  for (const [i, r] of m.lanes.entries()) expect(inside(r, m.viewport), `lane ${i + 1} inside ${JSON.stringify(r)}`).toBe(true);
  if (m.cardCount > 0) expect(m.smallestText).toBeGreaterThanOrEqual(12);
}

test('the board opens at the top and, fitted, shows the whole default journey and the largest template at 1440×900 and 1920×1080; a phone shows the list', async ({ newUser }) => {
  const sander = await newUser('Sander');
  await sander.createWorkshop('Poster');
  const page = sander.page;
  // Opens at the top: the join code and the stage are in view.
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await expect(page.getByTestId('join-code').or(page.getByRole('button', { name: /Deelnemen|Code/ })).first()).toBeInViewport();
  await sander.addCard('Oriënteren', 'Contactmoment', 'Zoekt op website gemeente');
  for (const size of ['desktop', 'projector'] as const) {
    await page.setViewportSize(SIZES[size]);
    await fitAndCheck(page, 6, 5);
  }

  const w = await longWorkshop(page);
  await page.goto(`/#/w/${w.workshopId}?key=${w.facilitatorKey}`);
  await sander.waitForBoard();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  for (const size of ['desktop', 'projector'] as const) {
    await page.setViewportSize(SIZES[size]);
    await fitAndCheck(page, 6, 6);
    // The Emotie lane's add buttons stay clear of the curve, also at its lowest point (−2).
    expect(await addButtonsOnCurve(page), `${size}: add buttons on the curve`).toEqual([]);
    // The one link (few: always drawn) runs from the idea's card to its pain point's, fitted or not.
    await expect(page.locator('#board-grid .link-line')).toHaveCount(1);
    const [line] = await linkLines(page);
    expect(onEdge(line!.from, line!.idea), `${size}: the line starts at the idea ${JSON.stringify(line)}`).toBe(true);
    expect(onEdge(line!.to, line!.pain), `${size}: the line ends at the pain point ${JSON.stringify(line)}`).toBe(true);
    await saveScreenshot(page, 'board-fitted', size);
  }
  // The curve runs through the Emotie lane, the largest gaps are marked in their cells.
  await expect(page.getByTestId('lane-curve')).toBeVisible();
  await expect(page.locator('td.cell--marked .cell__mark').first()).toContainText('Groot verschil 1');
  // "Grootste verschillen": the rank is in the text, so no list number of its own ("1. 1.").
  const largest = page.locator('.method-gaps__largest li');
  await expect(largest.first()).toHaveText(/^1\. /);
  expect(await largest.evaluateAll((lis) => lis.map((li) => getComputedStyle(li).listStyleType))).not.toContain('decimal');

  await page.setViewportSize(SIZES.desktop);
  await page.getByRole('button', { name: 'Inzoomen' }).click();
  await saveScreenshot(page, 'board-zoomed', 'desktop');
  // The keys, with focus on the board: 0 fits again, − and + zoom.
  await page.locator('#board-grid li.card[data-card-id]').first().focus();
  const level = page.locator('.zoom__level');
  const zoomed = await level.textContent();
  await page.keyboard.press('0');
  await expect(level).not.toHaveText(zoomed!);
  const fitted = await level.textContent();
  await page.keyboard.press('+');
  await expect(level).not.toHaveText(fitted!);

  // The curve's phase labels of a ten-phase journey do not run into each other.
  await page.getByRole('button', { name: /Ondernemer met een terras/ }).click();
  await page.locator('.method-panel__details > summary').click();
  const labels = await page.locator('svg.curve-svg text.curve-phase').evaluateAll((texts) =>
    texts.map((el) => el.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right })),
  );
  expect(labels).toHaveLength(10);
  for (let i = 1; i < labels.length; i += 1) expect(labels[i]!.left, `label ${i + 1} starts after label ${i} ends`).toBeGreaterThanOrEqual(labels[i - 1]!.right);
  // At 390×844 six phases do not fit side by side with readable text: a phone shows the board
  // as the list, phases one under the other; nothing runs off the side, card text stays 12 px.
  await page.setViewportSize(SIZES.phone);
  await expect(page.locator('.list-view')).toBeVisible();
  expect(await scrollsSideways(page), 'the phone list scrolls sideways').toBe(false);
  const phoneText = await page.locator('.list-view .list-card__text').evaluateAll((els) => els.map((el) => parseFloat(getComputedStyle(el).fontSize)));
  expect(phoneText.length).toBeGreaterThan(0);
  expect(Math.min(...phoneText)).toBeGreaterThanOrEqual(12);
  await page.evaluate(() => window.scrollTo(0, 0));
  await saveScreenshot(page, 'board', 'phone');
});

test('the card toolbar goes away with Esc; undo toasts do not pile up; a group is a pile that folds', async ({ newUser }) => {
  const sander = await newUser('Sander');
  const { workshopId, code } = await sander.createWorkshop('Gereedschap');
  const page = sander.page;
  for (const text of ['Eerste kaart', 'Tweede kaart', 'Derde kaart', 'Vierde kaart']) await sander.addCard('Oriënteren', 'Contactmoment', text);
  const card = sander.card('Tweede kaart');
  // By keyboard, as someone who works without a mouse.
  await sander.card('Eerste kaart').focus();
  await page.keyboard.press('ArrowDown');
  await expect(card).toBeFocused();
  const tools = card.locator('.card__tools');
  await expect(tools).toBeVisible();
  // The tools leave the focused card and its text in view (they used to cover its first line),
  // also for a card in the first lane, and are not hidden under the phase headers.
  for (const text of ['Eerste kaart', 'Tweede kaart', 'Vierde kaart']) {
    const c = sander.card(text);
    await c.focus();
    const m = await c.evaluate((el) => {
      const box = (e: Element) => e.getBoundingClientRect();
      const overlap = (a: DOMRect, b: DOMRect) => Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
      const t = box(el.querySelector('.card__tools')!);
      const headers = [...document.querySelectorAll('#board-grid th.phase-header')].map(box);
      // Less than a square pixel: edges that touch (rounded at the zoom) are not a cover.
      const covers = (a: DOMRect, b: DOMRect) => overlap(a, b) >= 1;
      return { card: covers(t, box(el)), text: covers(t, box(el.querySelector('.card__text')!)), header: headers.some((hd) => covers(t, hd)), shown: t.height > 0 };
    });
    expect(m, `tools of "${text}"`).toEqual({ card: false, text: false, header: false, shown: true });
  }
  await card.focus();
  await page.keyboard.press('Escape');
  await expect(tools).toBeHidden();
  await expect(card).toBeFocused();

  // Three cards deleted one after the other: one undo toast (for the last), not three.
  for (const text of ['Eerste kaart', 'Derde kaart', 'Vierde kaart']) await sander.pressOnCard(text, 'Delete');
  await expect(page.locator('.toast')).toHaveCount(1);
  await page.getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect(sander.card('Vierde kaart')).toBeVisible();

  // Two cards of one group that sit together in a cell make one pile under a head with the
  // group's title and size, said once on screen (each card keeps it for a screen reader).
  const ids = await page.locator('#board-grid li.card[data-card-id]').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.cardId!));
  const key = new URLSearchParams(page.url().split('?')[1]).get('key')!;
  await applyOps(page, { workshopId, joinCode: code, facilitatorKey: key }, () => [{ kind: 'group.add', groupId: 'pile', title: 'Stapel', cardIds: ids }]);
  const head = page.getByRole('button', { name: 'Groep: Stapel (2 kaarten)', exact: true });
  await expect(head).toHaveAttribute('aria-expanded', 'true');
  await expect(sander.card('Vierde kaart')).toHaveClass(/card--stacked/);
  await expect(sander.card('Tweede kaart')).not.toHaveClass(/card--stacked/);
  for (const text of ['Tweede kaart', 'Vierde kaart']) {
    await expect(sander.card(text)).toContainText('Groep: Stapel');
    expect((await sander.card(text).getByText('Groep: Stapel').boundingBox())!.height).toBeLessThanOrEqual(1);
  }
  const cell = sander.cell('Oriënteren', 'Contactmoment');
  await cell.screenshot({ path: path.join(SCREENSHOT_DIR, 'group-pile.png') });
  const open = (await cell.boundingBox())!.height;

  // Folded by keyboard, from the pile's first card: only the head stays, and focus with it.
  await sander.card('Tweede kaart').focus();
  await page.keyboard.press('ArrowUp');
  await expect(head).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(head).toHaveAttribute('aria-expanded', 'false');
  await expect(head).toBeFocused();
  for (const text of ['Tweede kaart', 'Vierde kaart']) await expect(sander.card(text)).toBeHidden();
  expect((await cell.boundingBox())!.height).toBeLessThan(open - 40);
  // The arrow keys pass over the folded cards: the next stop is the cell's add button.
  await page.keyboard.press('ArrowDown');
  await expect(sander.addButton('Oriënteren', 'Contactmoment')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(head).toBeFocused();
  await cell.screenshot({ path: path.join(SCREENSHOT_DIR, 'group-folded.png') });
  await expectNoAxeViolations(page, 'a folded group', '#board-grid');
  await expectReadableControls(page, 'a folded group', '#board-grid');
  // This viewer's own choice: it stays after a reload, and another person's board is not folded.
  await page.reload();
  await sander.waitForBoard();
  await expect(head).toHaveAttribute('aria-expanded', 'false');
  await expect(sander.card('Vierde kaart')).toBeHidden();
  const anna = await newUser('Anna');
  await anna.joinWithCode(code);
  await expect(anna.page.getByRole('button', { name: 'Groep: Stapel (2 kaarten)', exact: true })).toHaveAttribute('aria-expanded', 'true');
  await expect(anna.card('Vierde kaart')).toBeVisible();
  // Unfolded by mouse.
  await head.click();
  await expect(head).toHaveAttribute('aria-expanded', 'true');
  await expect(sander.card('Vierde kaart')).toBeVisible();
  // A group over two cells has a pile in each, each head says its part; one fold folds both.
  await sander.addCard('Aanvragen', 'Contactmoment', 'Vijfde kaart');
  const fifth = (await sander.card('Vijfde kaart').getAttribute('data-card-id'))!;
  await applyOps(page, { workshopId, joinCode: code, facilitatorKey: key }, () => [{ kind: 'card.group', cardId: fifth, groupId: 'pile' }]);
  const here = page.getByRole('button', { name: 'Groep: Stapel (2 van 3 kaarten)', exact: true });
  const there = page.getByRole('button', { name: 'Groep: Stapel (1 van 3 kaarten)', exact: true });
  await page.keyboard.press('Escape'); // the new card has focus: its tools float over the head
  await there.click();
  await expect(here).toHaveAttribute('aria-expanded', 'false');
  for (const text of ['Tweede kaart', 'Vierde kaart', 'Vijfde kaart']) await expect(sander.card(text)).toBeHidden();
});
