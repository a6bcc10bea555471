// Screenshots for people to look at (the board, the big screen, the ballot) at the sizes the
// room uses. Written to build/screenshots/ at the repository root, a folder the suite keeps
// across runs (web/test-results is emptied by each run); open the PNGs after a run.

import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The sizes people use: a laptop, a phone held in one hand, a projector. */
export const SIZES = {
  desktop: { width: 1440, height: 900 },
  phone: { width: 390, height: 844 },
  projector: { width: 1920, height: 1080 },
} as const;

export type SizeName = keyof typeof SIZES;

/** build/screenshots at the repository root (web/e2e → ../../build/screenshots). */
export const SCREENSHOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../build/screenshots');

/**
 * Saves what `page` shows now as build/screenshots/<name>-<size>.png (the viewport, not the
 * whole page: what a person sees without scrolling) and answers the file's path. The page is
 * left at the size it had unless `size` is given, then it is resized first and stays so.
 */
export async function saveScreenshot(page: Page, name: string, size?: SizeName): Promise<string> {
  if (size) await page.setViewportSize(SIZES[size]);
  const viewport = page.viewportSize();
  const label = size ?? (viewport ? `${viewport.width}x${viewport.height}` : 'page');
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}-${label}.png`);
  await page.screenshot({ path: file, animations: 'disabled' });
  return file;
}
