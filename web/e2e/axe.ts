// The shared accessibility check for every screen: axe-core's WCAG 2.0/2.1 A and AA rules
// (the level Dutch government web tools must meet, EN 301 549). Call it on each screen and
// state a test owns, e.g. `await expectNoAxeViolations(page, 'facilitator panel')`.

import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The axe-core tags checked: WCAG 2.0 and 2.1, levels A and AA. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

/**
 * Fails with a readable list (rule, impact, help, the offending elements) when axe finds any
 * A or AA violation on the page as it is now. `include` narrows the check to a part of the
 * page (a CSS selector), e.g. an open dialog.
 */
export async function expectNoAxeViolations(page: Page, label: string, include?: string): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags([...AXE_TAGS]);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  const report = violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n` +
      v.nodes.map((n) => `    ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`).join('\n'),
  );
  expect(report, `axe-core violations on ${label}`).toEqual([]);
}
