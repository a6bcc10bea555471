// The shared accessibility check for every screen: axe-core's WCAG 2.0/2.1 A and AA rules
// (the level Dutch government web tools must meet, EN 301 549). Call it on each screen and
// state a test owns, e.g. `await expectNoAxeViolations(page, 'facilitator panel')`.
//
// It runs axe as @axe-core/playwright's AxeBuilder does in its "legacy" mode (axe.run() in the
// page, configured the same way), with one difference that costs nothing in what is checked:
// axe-core is put into a page once, not on every call. AxeBuilder evaluated its 600 kB source
// two or three times per check and ran the default mode's last step in a new blank page (with
// axe made there once more); that was a third of the browser suite's time, for cross-origin
// frames the app does not have.

import axe from 'axe-core';
import type { AxeResults } from 'axe-core';
import { expect, type Page } from '@playwright/test';

/** The axe-core tags checked: WCAG 2.0 and 2.1, levels A and AA. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

/** Puts axe-core into the page unless it is there (a page keeps it until it navigates). */
async function ensureAxe(page: Page): Promise<void> {
  const present = await page.evaluate(() => typeof (window as unknown as { axe?: { run?: unknown } }).axe?.run === 'function');
  if (present) return;
  await page.evaluate(axe.source);
  await page.evaluate(() => {
    (window as unknown as { axe: typeof axe }).axe.configure({ allowedOrigins: ['<same_origin>'], branding: { application: 'playwright' } });
  });
}

/** axe.run() on the page, or on the part `include` selects. */
async function analyze(page: Page, include?: string): Promise<AxeResults> {
  await ensureAxe(page);
  return page.evaluate(
    ({ include, tags }) =>
      (window as unknown as { axe: typeof axe }).axe.run(
        { include: include ? [include] : [], exclude: [] },
        { runOnly: { type: 'tag', values: tags } },
      ),
    { include, tags: [...AXE_TAGS] },
  );
}

/**
 * Fails with a readable list (rule, impact, help, the offending elements) when axe finds any
 * A or AA violation on the page as it is now. `include` narrows the check to a part of the
 * page (a CSS selector), e.g. an open dialog.
 */
export async function expectNoAxeViolations(page: Page, label: string, include?: string): Promise<void> {
  const { violations } = await analyze(page, include);
  const report = violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n` +
      v.nodes.map((n) => `    ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`).join('\n'),
  );
  expect(report, `axe-core violations on ${label}`).toEqual([]);
}
