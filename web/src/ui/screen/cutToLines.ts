// A text on the big screen that may be longer than the lines it has (a note on the poster, an
// idea in the chart or the improvement list, a remark of up to 2,000 characters) is cut at a
// word, with one ellipsis. CSS `line-clamp` cannot be trusted with
// that: it puts its "…" after whatever character the last line ends with, so a remark whose
// fourth line ends with its own full stop showed "al.…", which reads as "al….". Here the cut
// drops the punctuation and spaces before the ellipsis. The clamp stays in the CSS as a safety
// net that no longer shows, as the cut text fits.

/** The texts as they were before cutting, to cut again after a resize. */
const wholeTexts = new WeakMap<HTMLElement, string>();

/** What may stand before the ellipsis at a cut: not a space, a dash or punctuation. */
const BEFORE_ELLIPSIS = /[\s\p{P}\u00ad]+$/u;

/** `text` cut before `end`, at a word, with one ellipsis. */
export function cutText(text: string, end: number): string {
  return `${text.slice(0, end).replace(BEFORE_ELLIPSIS, '')}…`;
}

/**
 * Cuts the text of each `[data-cut-lines]` block under `root` that does not fit the lines its
 * CSS gives it (a `-webkit-line-clamp` box: taller content than the box) to the longest word
 * prefix that fits, ending in "…". The whole text stays for screen readers in a copy right
 * after it (`.sr-only.cut-whole`), and the cut one is hidden from them. `root` must be on the page: it measures.
 */
export function cutToLines(root: Element): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-cut-lines]')) {
    const whole = wholeTexts.get(el) ?? el.textContent ?? '';
    wholeTexts.set(el, whole);
    el.textContent = whole;
    const fits = () => el.scrollHeight <= el.clientHeight + 1;
    const copy = el.nextElementSibling?.classList.contains('cut-whole') ? (el.nextElementSibling as HTMLElement) : null;
    if (fits()) {
      el.removeAttribute('aria-hidden');
      copy?.remove();
      continue;
    }
    // The ends of the words, then the longest prefix that fits (a binary search: fitting only
    // gets harder the longer the prefix).
    const ends = [...whole.matchAll(/\S(?=\s)/g)].map((m) => m.index + 1);
    let lo = 0;
    let hi = ends.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      el.textContent = cutText(whole, ends[mid]!);
      if (fits()) {
        best = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    // A first word too long for every line is left to the clamp (overflow-wrap breaks it).
    el.textContent = best >= 0 ? cutText(whole, ends[best]!) : whole;
    el.setAttribute('aria-hidden', 'true');
    const full = copy ?? document.createElement(el.tagName);
    full.className = 'sr-only cut-whole';
    full.textContent = whole;
    if (!copy) el.after(full);
  }
}
