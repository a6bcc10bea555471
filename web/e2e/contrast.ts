// Text contrast of every visible control, from the browser's computed colours: axe reports a
// label drawn in its own background colour only as "needs review" (#a4262c on #a4262c passed
// it), so this measures instead. Call it on each screen a test shows, e.g.
// `await expectReadableControls(page, 'the phone ballot')`.

import { expect, type Page } from '@playwright/test';

/** WCAG 2.1 AA 1.4.3 for normal text; used for every control, whatever its size. */
export const MIN_CONTRAST = 4.5;

export interface ContrastFailure {
  control: string;
  text: string;
  color: string;
  background: string;
  ratio: number;
}

/**
 * Every visible, enabled control (buttons, links, fields, selects, summaries) under `scope`
 * whose text is below `min`:1 against its effective background. The background is found by
 * walking up from the text and laying the ancestors' background colours over each other (and
 * over the page's white canvas); `opacity` on the way fades the text toward it. Disabled
 * controls are left out, as WCAG leaves out inactive components.
 */
export async function contrastFailures(page: Page, scope = 'body', min = MIN_CONTRAST): Promise<ContrastFailure[]> {
  return page.evaluate(
    ({ scope, min }) => {
      type Rgba = [number, number, number, number];
      const canvas = document.createElement('canvas').getContext('2d')!;
      const parse = (css: string): Rgba => {
        // The canvas normalises any CSS colour to #rrggbb or rgba(...).
        canvas.fillStyle = '#000';
        canvas.fillStyle = css;
        const c = String(canvas.fillStyle);
        if (c.startsWith('#')) return [parseInt(c.slice(1, 3), 16), parseInt(c.slice(3, 5), 16), parseInt(c.slice(5, 7), 16), 1];
        const n = c.match(/[\d.]+/g)!.map(Number);
        return [n[0]!, n[1]!, n[2]!, n[3] ?? 1];
      };
      const over = (top: Rgba, below: Rgba): Rgba => {
        const a = top[3];
        return [top[0] * a + below[0] * (1 - a), top[1] * a + below[1] * (1 - a), top[2] * a + below[2] * (1 - a), 1];
      };
      const luminance = ([r, g, b]: Rgba) => {
        const ch = (v: number) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
      };
      const ratio = (a: Rgba, b: Rgba) => {
        const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
        return (hi + 0.05) / (lo + 0.05);
      };
      const show = (c: Rgba) => `rgb(${c.slice(0, 3).map(Math.round).join(', ')})`;
      const describe = (el: Element) => {
        const name = el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? '';
        const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
        return `${el.tagName.toLowerCase()}${cls} "${name.replace(/\s+/g, ' ').trim().slice(0, 60)}"`;
      };

      /** The colour behind `el`'s content, and the opacity the text is drawn with. */
      const backdrop = (el: Element): { bg: Rgba; opacity: number } => {
        const layers: Rgba[] = [];
        let opacity = 1;
        for (let e: Element | null = el; e; e = e.parentElement) {
          const s = getComputedStyle(e);
          opacity *= Number(s.opacity);
          const bg = parse(s.backgroundColor);
          if (bg[3] > 0) layers.push(bg);
          if (bg[3] >= 1) break;
        }
        let bg: Rgba = [255, 255, 255, 1];
        for (const layer of layers.reverse()) bg = over(layer, bg);
        return { bg, opacity };
      };

      const selector = 'button, a[href], input:not([type="hidden"]):not([type="checkbox"]):not([type="radio"]):not([type="range"]):not([type="color"]), select, textarea, summary, [role="button"], [role="link"]';
      const failures: Array<{ control: string; text: string; color: string; background: string; ratio: number }> = [];
      const root = document.querySelector(scope);
      if (!root) throw new Error(`contrast: nothing matches ${scope}`);
      for (const control of root.querySelectorAll<HTMLElement>(selector)) {
        if (!control.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
        const box = control.getBoundingClientRect();
        if (box.width < 2 || box.height < 2) continue;
        if ((control as HTMLButtonElement).disabled || control.getAttribute('aria-disabled') === 'true') continue;
        // Where the text is drawn: the field itself, or each element holding a text node.
        const holders = new Set<Element>();
        if (control.matches('input, select, textarea')) holders.add(control);
        else {
          const walker = document.createTreeWalker(control, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            if (n.textContent?.trim() && n.parentElement?.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) holders.add(n.parentElement);
          }
        }
        for (const holder of holders) {
          const style = getComputedStyle(holder);
          // Text hidden for sight (an .sr-only span) is not read by eye.
          if (style.clip === 'rect(0px, 0px, 0px, 0px)' || holder.getBoundingClientRect().width < 2) continue;
          const { bg, opacity } = backdrop(holder);
          const fg = parse(style.color);
          const text = over([fg[0], fg[1], fg[2], fg[3] * opacity], bg);
          const r = ratio(text, bg);
          if (r < min) {
            const sample = holder.matches('input, select, textarea') ? ((holder as HTMLInputElement).value || (holder as HTMLInputElement).placeholder || '') : holder.textContent ?? '';
            failures.push({ control: describe(control), text: sample.trim().slice(0, 40), color: show(text), background: show(bg), ratio: Math.round(r * 100) / 100 });
          }
        }
      }
      return failures;
    },
    { scope, min },
  );
}

/** Fails with every control whose text is below 4.5:1 on the page as it is now. */
export async function expectReadableControls(page: Page, label: string, scope?: string): Promise<void> {
  const failures = await contrastFailures(page, scope);
  const report = failures.map((f) => `${f.control}: "${f.text}" ${f.color} on ${f.background} = ${f.ratio}:1`);
  expect(report, `controls with text contrast below ${MIN_CONTRAST}:1 on ${label}`).toEqual([]);
}
