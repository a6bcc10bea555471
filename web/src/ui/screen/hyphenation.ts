// Long words on the big screen break at a syllable, with a hyphen ("klantcontact-" / "centrum"),
// instead of at whichever letter reaches the edge. CSS `hyphens: auto` cannot do it: Chromium on
// Linux has no Dutch hyphenation dictionary (it downloads them in Chrome only, and a projector
// laptop may be offline). So the screen puts soft hyphens (U+00AD) into its slides' text, from
// the `hyphen` package's TeX patterns, into the words too wide for their column. The patterns
// are large, so they load as a separate chunk, only on the big screen.

/** Puts soft hyphens into the long words of a text. */
export type Hyphenate = (text: string) => string;

/** Shorter words fit every column of every slide whole: not worth measuring. */
export const MIN_WORD_LENGTH = 6;

/** Rejects when the patterns cannot be loaded or used: the screen then goes without. */
export async function loadHyphenation(lang: string): Promise<Hyphenate> {
  const mod = lang === 'en' ? await import('hyphen/en') : await import('hyphen/nl');
  // A CommonJS package: bundled, its exports are the module's default; in Node, also named.
  type Patterns = { hyphenateSync: typeof mod.hyphenateSync };
  const either = mod as unknown as Patterns & { default?: Patterns };
  const patterns: Patterns = either.default ?? either;
  const hyphenate: Hyphenate = (text) => patterns.hyphenateSync(text, { minWordLength: MIN_WORD_LENGTH });
  hyphenate('Omgevingsvergunning');
  return hyphenate;
}

/**
 * Puts soft hyphens into the words under `root` that are wider than the block they stand in,
 * so they break at a syllable; a word that fits on a line of its own stays whole (it moves to
 * the next line as it would anyway). Skips `[data-whole-words]` (a join code, a web address: a
 * hyphen there would be read as part of it). `root` must be on the page: it measures.
 */
export function hyphenateTree(root: Element, hyphenate: Hyphenate): void {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
  for (const text of texts) {
    const el = text.parentElement;
    if (!el || el.closest('[data-whole-words]') || text.data.includes('\u00ad')) continue;
    if (!new RegExp(`\\S{${MIN_WORD_LENGTH},}`).test(text.data)) continue;
    const room = roomOf(el);
    if (room <= 0) continue;
    ctx.font = getComputedStyle(el).font;
    const next = text.data.replace(new RegExp(`\\S{${MIN_WORD_LENGTH},}`, 'g'), (word) =>
      ctx.measureText(word).width > room ? hyphenate(word) : word,
    );
    if (next !== text.data) text.data = next;
  }
}

/** The width of the line box a text in `el` wraps in: that of its nearest block, less padding. */
function roomOf(el: Element): number {
  let block: Element | null = el;
  while (block && getComputedStyle(block).display === 'inline') block = block.parentElement;
  if (!block) return 0;
  const style = getComputedStyle(block);
  return block.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
}
