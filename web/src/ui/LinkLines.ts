// The links between ideas and the pain points they solve, drawn as lines over the board like
// string between two notes on the poster (linksToDraw.ts says which). Decoration only: each card
// says the same in words ("Lost op: …", "Opgelost door: …"), so the drawing is hidden from
// assistive technology and takes no clicks.
//
// The drawing lies in the board's scroll box, over the (zoomed) table, so it scrolls with the
// cards; its coordinates are measured from the cards' boxes on screen after each change, zoom
// or resize. Sticky phase and lane headers stay above it.

import type { Board } from '../model/board';
import { linksOf, linksToDraw, type Link } from './linksToDraw';
import { NextFrame } from '../util/NextFrame';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Owns the drawing of one board grid's links. */
export class LinkLines {
  readonly el: SVGSVGElement;
  private links: Link[] = [];
  private hovered: string | null = null;
  private focused: string | null = null;
  private readonly frame = new NextFrame(() => this.draw());
  private table: HTMLElement | null = null;
  private readonly resize = new ResizeObserver(() => this.schedule());

  constructor(private readonly viewport: HTMLElement) {
    this.el = document.createElementNS(SVG_NS, 'svg');
    this.el.setAttribute('class', 'link-lines');
    this.el.setAttribute('aria-hidden', 'true');
    this.el.dataset.testid = 'link-lines';
    // A 1×1 box whose lines overflow it (CSS overflow: visible): it must not add to the scroll
    // box's size, which "Passend maken" measures.
    this.el.setAttribute('width', '1');
    this.el.setAttribute('height', '1');
    viewport.addEventListener('pointerover', (ev) => this.setActive('hovered', cardIdAt(ev.target)));
    viewport.addEventListener('pointerleave', () => this.setActive('hovered', null));
    viewport.addEventListener('focusin', (ev) => this.setActive('focused', cardIdAt(ev.target)));
    viewport.addEventListener('focusout', (ev) => {
      if (!viewport.contains(ev.relatedTarget as Node | null)) this.setActive('focused', null);
    });
    this.resize.observe(viewport);
  }

  /** After each render of the grid: the links of the journey shown, and the table to watch for size changes (zoom). */
  update(board: Board, journeyId: string, table: HTMLElement | null): void {
    this.links = linksOf(board, journeyId);
    if (table !== this.table) {
      if (this.table) this.resize.unobserve(this.table);
      if (table) this.resize.observe(table);
      this.table = table;
    }
    if (this.el.parentNode !== this.viewport) this.viewport.append(this.el);
    this.schedule();
  }

  private setActive(which: 'hovered' | 'focused', cardId: string | null): void {
    if (this[which] === cardId) return;
    this[which] = cardId;
    this.schedule();
  }

  private schedule(): void {
    this.frame.request();
  }

  private draw(): void {
    const shown = linksToDraw(this.links, this.hovered ?? this.focused);
    const box = this.viewport.getBoundingClientRect();
    // In the scroll box's content coordinates: the drawing scrolls with the cards.
    const dx = this.viewport.scrollLeft - box.left - this.viewport.clientLeft;
    const dy = this.viewport.scrollTop - box.top - this.viewport.clientTop;
    const paths: SVGElement[] = [];
    for (const link of shown) {
      const idea = this.cardEl(link.ideaId);
      const pain = this.cardEl(link.painPointId);
      if (!idea || !pain) continue;
      const a = idea.getBoundingClientRect();
      const b = pain.getBoundingClientRect();
      // From the edge of one card that faces the other, to the facing edge of the other; near
      // their right side, past the cells' left-aligned "+ Kaart toevoegen" between them.
      const ideaBelow = a.top >= b.bottom;
      const from = { x: a.left + a.width * 0.85 + dx, y: (ideaBelow ? a.top : a.bottom) + dy };
      const to = { x: b.left + b.width * 0.85 + dx, y: (ideaBelow ? b.bottom : b.top) + dy };
      const bend = Math.max(24, Math.abs(to.y - from.y) / 2) * (ideaBelow ? -1 : 1);
      const path = document.createElementNS(SVG_NS, 'path');
      path.setAttribute('class', 'link-line');
      path.setAttribute('d', `M ${from.x} ${from.y} C ${from.x} ${from.y + bend}, ${to.x} ${to.y - bend}, ${to.x} ${to.y}`);
      path.dataset.idea = link.ideaId;
      path.dataset.painPoint = link.painPointId;
      paths.push(path);
      for (const end of [from, to]) {
        const dot = document.createElementNS(SVG_NS, 'circle');
        dot.setAttribute('class', 'link-line__end');
        dot.setAttribute('cx', String(end.x));
        dot.setAttribute('cy', String(end.y));
        dot.setAttribute('r', '4');
        paths.push(dot);
      }
    }
    this.el.replaceChildren(...paths);
  }

  private cardEl(id: string): HTMLElement | null {
    const el = this.viewport.querySelector<HTMLElement>(`li.card[data-card-id="${CSS.escape(id)}"]`);
    return el && el.offsetParent !== null ? el : null;
  }
}

function cardIdAt(target: EventTarget | null): string | null {
  return target instanceof Element ? (target.closest<HTMLElement>('li.card[data-card-id]')?.dataset.cardId ?? null) : null;
}
