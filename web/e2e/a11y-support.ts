// Measurements for the accessibility audit (a11y-audit.spec.ts): Chromium's own accessibility
// tree, read over the DevTools protocol, compared with what the page shows.

import type { CDPSession, Page } from '@playwright/test';

/** A button or link whose accessible name does not start with its visible text. */
export interface LabelMismatch {
  role: string;
  visible: string;
  name: string;
}

/** Letters and digits only, lower case, single spaces: "+ Kaart toevoegen" → "kaart toevoegen". */
function normalise(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * WCAG 2.5.3 (label in name): every visible button and link whose visible text is not empty
 * has an accessible name (as Chromium computes it) that starts with that text, so that a
 * speech-input user can say what they see. Icon-only controls are skipped.
 */
export async function labelInNameMismatches(page: Page): Promise<LabelMismatch[]> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    await cdp.send('Accessibility.enable');
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const out: LabelMismatch[] = [];
    for (const node of nodes) {
      const role = node.role?.value;
      if (node.ignored || (role !== 'button' && role !== 'link') || node.backendDOMNodeId === undefined) continue;
      const name = String(node.name?.value ?? '');
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: node.backendDOMNodeId });
      if (!object.objectId) continue;
      const { result } = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        returnByValue: true,
        // The text a sighted user reads on the control: rendered text nodes that are at least
        // a pixel big (not the visually hidden "sr-only" kind).
        functionDeclaration: `function () {
          if (!(this instanceof Element) || !this.checkVisibility({ visibilityProperty: true })) return null;
          const box = this.getBoundingClientRect();
          if (box.width < 2 || box.height < 2) return null;
          const walker = document.createTreeWalker(this, NodeFilter.SHOW_TEXT);
          let text = '';
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const parent = n.parentElement;
            if (!parent || !parent.checkVisibility({ visibilityProperty: true })) continue;
            const r = parent.getBoundingClientRect();
            if (r.width < 2 || r.height < 2) continue;
            text += n.textContent;
          }
          return text;
        }`,
      });
      const visible = result.value as string | null;
      if (visible === null) continue;
      const v = normalise(visible);
      if (v === '') continue;
      if (!normalise(name).startsWith(v)) out.push({ role, visible: visible.trim(), name });
    }
    return out;
  } finally {
    await cdp.detach();
  }
}

/** The controls Tab visits, from what has focus now until focus leaves `regionSelector`. */
export async function tabStopsIn(page: Page, regionSelector: string, limit = 400): Promise<string[]> {
  const stops: string[] = [];
  for (;;) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate((sel) => {
      const el = document.activeElement;
      if (!el?.closest(sel)) return null;
      return `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
    }, regionSelector);
    if (stop === null || stops.length >= limit) return stops;
    stops.push(stop);
  }
}

/** Every element with the `hidden` attribute that is still rendered (CSS gave it a display). */
export async function renderedHidden(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[hidden]')]
      .filter((el) => getComputedStyle(el).display !== 'none')
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`),
  );
}
