import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { fetchReport, LONG_CARD, longWorkshop, REMARK, URL_WORD } from './report-support';
import { expect, test } from './support';

// The printable report (P-EXP-7) as a facilitator prints it: "print to PDF" must give clean A4
// pages. The workshop is long on purpose (report-support.ts): ten phases, a card of 400
// characters, a web address as one word, many touchpoints on the curve.

test.describe.configure({ timeout: 120_000 });

/** A4 in PDF points (1/72 inch), as Chromium writes it. */
const A4 = { short: 595, long: 842 };
/** The width of a portrait A4 page's content: 210 mm less the report's 2 × 12 mm margins, in CSS px. */
const PORTRAIT_CONTENT_PX = Math.floor(((210 - 24) / 25.4) * 96);

/** Every page's size, from the /MediaBox of each page object (Chromium writes them uncompressed). */
function pageSizes(pdf: Buffer): Array<{ width: number; height: number }> {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

test('P-EXP-7 the report prints to A4: boards and the list landscape, the rest portrait, nothing wider than the page', async ({ newUser }, testInfo) => {
  const fien = await newUser('Fien');
  const w = await longWorkshop(fien.page);
  const html = await fetchReport(fien.page, w);
  const file = testInfo.outputPath('report.html');
  writeFileSync(file, html);
  const viewer = await fien.context.newPage();
  await viewer.goto(pathToFileURL(file).href);
  await expect(viewer.getByRole('heading', { level: 1 })).toHaveText('Omgevingsvergunning: van eerste idee tot besluit');
  await expect(viewer.locator('body')).toContainText(LONG_CARD);
  await expect(viewer.locator('body')).toContainText(URL_WORD);
  await expect(viewer.locator('blockquote')).toContainText(REMARK);
  await expect(viewer.locator('figure svg')).toHaveCount(2);

  // In print media, at the width of a portrait page's content, nothing sticks out: no element
  // reaches past the page, no text past its own box (a table cell's text over its neighbour).
  // Wide tables wrap, a long word breaks, the curve shrinks to the page.
  await viewer.emulateMedia({ media: 'print' });
  await viewer.setViewportSize({ width: PORTRAIT_CONTENT_PX, height: 1000 });
  const wider = await viewer.evaluate(() => {
    const limit = document.documentElement.clientWidth + 0.5;
    return [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > limit || (el instanceof HTMLElement && el.scrollWidth > el.clientWidth + 1))
      .map((el) => `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} "${(el.textContent ?? '').slice(0, 30)}": ${Math.round(el.getBoundingClientRect().right)} px`);
  });
  expect(wider, `elements wider than ${PORTRAIT_CONTENT_PX} px in print, or text wider than its element`).toEqual([]);
  expect(await viewer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PORTRAIT_CONTENT_PX);

  // "Print to PDF" with the report's own page sizes: every page A4; the title with the first
  // board on a landscape page; each journey's board (landscape), its curve and gaps (portrait);
  // the list (landscape); the evaluation (portrait).
  const pdf = await viewer.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  writeFileSync(testInfo.outputPath('report.pdf'), pdf);
  const sizes = pageSizes(pdf);
  expect(sizes.length).toBeGreaterThanOrEqual(6);
  const orientation = sizes.map(({ width, height }) => {
    const [short, long] = [Math.min(width, height), Math.max(width, height)].map(Math.round);
    expect({ short, long }).toEqual(A4);
    return width > height ? 'landscape' : 'portrait';
  });
  expect(orientation[0]).toBe('landscape');
  expect(orientation.at(-1)).toBe('portrait');
  // Board, curve and gaps, board, curve and gaps, list, evaluation: five changes.
  const changes = orientation.filter((o, i) => i > 0 && o !== orientation[i - 1]).length;
  expect(changes).toBeGreaterThanOrEqual(5);
});
