// Helpers for the method browser tests (method.spec.ts, results.spec.ts): the score pickers of a
// card or phase, and the emotion curve's data table.

import type { Locator, Page } from '@playwright/test';
import { expect, type User } from './support';

/** The score picker of `scale` ("Gevoel nu", "Verwachting", …) for a card text or "fase <title>". */
export function picker(page: Page, scale: string, target: string): Locator {
  return page.getByRole('combobox', { name: `${scale}: ${target}`, exact: true });
}

/** Opens a card's score pickers ("Scoren"), by click or tap. */
export async function openScores(u: User, text: string, tap = false): Promise<void> {
  const toggle = u.page.getByRole('button', { name: `Scoren: ${text}`, exact: true });
  if ((await toggle.getAttribute('aria-expanded')) === 'true') return;
  if (tap) await toggle.tap();
  else await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

/** The text of each cell of the curve table's row for a touchpoint. */
export function curveRow(page: Page, text: string): Locator {
  // The tables sit in a folded section under the board (the curve is drawn in the Emotie lane),
  // so they are found by their markup, not by role, which skips what is folded away.
  return page
    .locator('.curve-table tbody tr')
    .filter({ has: page.locator('th[scope="row"]').getByText(text, { exact: true }) })
    .locator('td');
}
