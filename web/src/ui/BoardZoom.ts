// Zoom and pan of the board, like a poster on the wall: "Passend maken" (fit) shows the whole
// journey in the window; zoom in and out by buttons, Ctrl+wheel (a touchpad pinch sends the
// same), a two-finger pinch on a touch screen, and the keys + − 0; panning is the board box's
// own scrolling, so phase headers and lane titles (sticky) stay in view while panning.
//
// The scale is CSS `zoom` on the content: layout, hit testing, drag and drop and sticky
// headers all see the zoomed sizes, so nothing else needs to know about it.

import { t } from '../i18n/i18n';
import { h } from './dom';

export const MIN_ZOOM = 0.4;
export const MAX_ZOOM = 2.5;
const STEP = 1.25;

/** The next zoom level in `direction`, clamped, rounded to whole percents. */
export function steppedZoom(current: number, direction: 1 | -1): number {
  const next = direction > 0 ? current * STEP : current / STEP;
  return clampZoom(Math.round(next * 100) / 100);
}

export function clampZoom(scale: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, scale));
}

/**
 * The scale at which content of `natural` size (measured at scale `measuredAt`) fits `room`,
 * never above 1 (fit shrinks a large board; it does not blow up a small one).
 */
export function fitZoom(natural: { width: number; height: number }, room: { width: number; height: number }, measuredAt: number): number {
  if (natural.width <= 0 || natural.height <= 0) return 1;
  const ratio = Math.min(room.width / natural.width, room.height / natural.height);
  return clampZoom(Math.min(1, Math.floor(measuredAt * ratio * 100) / 100));
}

/** Owns the board's viewport (the one box that scrolls), its zoom and the zoom controls. */
export class BoardZoom {
  /** The zoom controls, for the board's toolbar. */
  readonly controls: HTMLDivElement;
  private scale = 1;
  /** Whether the user chose a zoom; until then each render keeps the board fitted. */
  private chosen = false;
  private readonly zoomOut: HTMLButtonElement;
  private readonly zoomIn: HTMLButtonElement;
  private readonly fitButton: HTMLButtonElement;
  private readonly level: HTMLSpanElement;
  private readonly pinch = new Map<number, { x: number; y: number }>();
  private pinchStart: { distance: number; scale: number } | null = null;
  private readonly resize = new ResizeObserver(() => this.onResize());
  /** The table last fitted automatically. */
  private fitted: HTMLElement | null = null;

  /**
   * @param viewport the box that scrolls (its size is the room the board gets)
   * @param content the element that is zoomed (the table)
   */
  constructor(
    private readonly viewport: HTMLElement,
    private readonly content: () => HTMLElement | null,
    /** Brings the viewport into the window after a fit the user asked for. */
    private readonly reveal: () => void = () => {},
  ) {
    this.zoomOut = h('button', { type: 'button', class: 'button button--quiet zoom__button', 'aria-keyshortcuts': '-' }, h('span', { 'aria-hidden': 'true' }, '−'));
    this.zoomIn = h('button', { type: 'button', class: 'button button--quiet zoom__button', 'aria-keyshortcuts': '+' }, h('span', { 'aria-hidden': 'true' }, '+'));
    this.fitButton = h('button', { type: 'button', class: 'button button--quiet', 'aria-keyshortcuts': '0', 'data-testid': 'zoom-fit' });
    this.level = h('span', { class: 'zoom__level', 'aria-live': 'polite' });
    this.zoomOut.addEventListener('click', () => this.step(-1));
    this.zoomIn.addEventListener('click', () => this.step(1));
    this.fitButton.addEventListener('click', () => this.fit());
    this.controls = h('div', { class: 'zoom', role: 'group' }, this.zoomOut, this.level, this.zoomIn, this.fitButton);
    viewport.addEventListener('wheel', this.onWheel, { passive: false });
    viewport.addEventListener('pointerdown', this.onPointerDown);
    viewport.addEventListener('pointermove', this.onPointerMove);
    viewport.addEventListener('pointerup', this.onPointerEnd);
    viewport.addEventListener('pointercancel', this.onPointerEnd);
    document.addEventListener('keydown', this.onKeyDown);
    this.resize.observe(viewport);
    this.relabel();
  }

  get zoom(): number {
    return this.scale;
  }

  relabel(): void {
    this.controls.setAttribute('aria-label', t('zoom.group'));
    this.zoomOut.setAttribute('aria-label', t('zoom.out'));
    this.zoomIn.setAttribute('aria-label', t('zoom.in'));
    this.zoomOut.title = t('zoom.outTitle');
    this.zoomIn.title = t('zoom.inTitle');
    this.fitButton.textContent = t('zoom.fit');
    this.fitButton.title = t('zoom.fitTitle');
    this.showLevel();
  }

  /**
   * After each render: a new table (another journey, a changed structure) is fitted unless the
   * user chose a zoom. Cards coming and going never change the zoom: the board would move under
   * someone's pointer (a drag, a click); "Passend maken" fits again.
   */
  afterRender(): void {
    const el = this.content();
    if (!el) return;
    if (el !== this.fitted) {
      this.fitted = el;
      if (!this.chosen) this.fit(false);
    }
    if (el.style.zoom !== String(this.scale)) el.style.zoom = String(this.scale);
  }

  /** Shows the whole board in the viewport (a few measuring passes: text wraps anew per scale). */
  fit(byUser = true): void {
    const el = this.content();
    if (!el || this.viewport.clientWidth === 0) return;
    if (byUser) this.chosen = false;
    const vp = this.viewport;
    const room = { width: vp.clientWidth, height: vp.clientHeight };
    const fits = (scale: number): boolean => {
      el.style.zoom = String(scale);
      return vp.scrollWidth <= room.width + 1 && vp.scrollHeight <= room.height + 1;
    };
    // Text wraps anew at each scale, so the size is not proportional: search for the largest
    // scale (in whole percents, at most 100%) at which the board fits, starting from a guess.
    let low = MIN_ZOOM;
    let high = 1;
    if (fits(1)) {
      low = 1;
    } else {
      const guess = fitZoom({ width: vp.scrollWidth, height: vp.scrollHeight }, room, 1);
      if (fits(guess)) low = guess;
      else high = guess;
      while (high - low > 0.011) {
        const mid = Math.round(((low + high) / 2) * 100) / 100;
        if (mid <= low || mid >= high) break;
        if (fits(mid)) low = mid;
        else high = mid;
      }
    }
    el.style.zoom = String(low);
    this.scale = low;
    this.showLevel();
    this.viewport.scrollTo({ left: 0, top: 0 });
    if (byUser) this.reveal();
  }

  /** One zoom step in `direction`, around the middle of the viewport. */
  step(direction: 1 | -1): void {
    this.chosen = true;
    this.apply(steppedZoom(this.scale, direction), null);
  }

  dispose(): void {
    document.removeEventListener('keydown', this.onKeyDown);
    this.resize.disconnect();
  }

  /** Sets the scale, keeping the board point under `at` (viewport coordinates) or the middle in place. */
  private apply(scale: number, at: { x: number; y: number } | null): void {
    const el = this.content();
    const vp = this.viewport;
    const rect = vp.getBoundingClientRect();
    const ox = at ? at.x - rect.left : vp.clientWidth / 2;
    const oy = at ? at.y - rect.top : vp.clientHeight / 2;
    const old = this.scale;
    const bx = (vp.scrollLeft + ox) / old;
    const by = (vp.scrollTop + oy) / old;
    this.scale = scale;
    if (el) el.style.zoom = String(scale);
    vp.scrollLeft = bx * scale - ox;
    vp.scrollTop = by * scale - oy;
    this.showLevel();
  }

  private showLevel(): void {
    this.level.textContent = `${Math.round(this.scale * 100)}%`;
    this.zoomOut.disabled = this.scale <= MIN_ZOOM;
    this.zoomIn.disabled = this.scale >= MAX_ZOOM;
  }

  /** The window (or what is above the board) changed size: refit, but never mid-drag. */
  private onResize(): void {
    if (!this.chosen && !document.body.classList.contains('is-dragging')) this.fit(false);
  }

  private readonly onWheel = (ev: WheelEvent): void => {
    if (!ev.ctrlKey && !ev.metaKey) return; // plain wheel: pan (the box's own scrolling)
    ev.preventDefault();
    this.chosen = true;
    // A touchpad pinch sends many small deltas, a mouse wheel a few big ones.
    const factor = Math.exp(-ev.deltaY * (ev.deltaMode === 1 ? 0.05 : 0.0025));
    this.apply(clampZoom(this.scale * factor), { x: ev.clientX, y: ev.clientY });
  };

  private readonly onPointerDown = (ev: PointerEvent): void => {
    if (ev.pointerType !== 'touch') return;
    this.pinch.set(ev.pointerId, { x: ev.clientX, y: ev.clientY });
    if (this.pinch.size === 2) this.pinchStart = { distance: this.pinchDistance(), scale: this.scale };
  };

  private readonly onPointerMove = (ev: PointerEvent): void => {
    if (!this.pinch.has(ev.pointerId)) return;
    this.pinch.set(ev.pointerId, { x: ev.clientX, y: ev.clientY });
    if (this.pinch.size !== 2 || !this.pinchStart || this.pinchStart.distance === 0) return;
    const [a, b] = [...this.pinch.values()];
    this.chosen = true;
    this.apply(clampZoom((this.pinchStart.scale * this.pinchDistance()) / this.pinchStart.distance), { x: (a!.x + b!.x) / 2, y: (a!.y + b!.y) / 2 });
  };

  private readonly onPointerEnd = (ev: PointerEvent): void => {
    this.pinch.delete(ev.pointerId);
    if (this.pinch.size < 2) this.pinchStart = null;
  };

  private pinchDistance(): number {
    const [a, b] = [...this.pinch.values()];
    return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
  }

  /**
   * + − 0 while focus is on the board or its zoom controls (character keys: only there, never
   * while typing, WCAG 2.1.4).
   */
  private readonly onKeyDown = (ev: KeyboardEvent): void => {
    if (ev.defaultPrevented || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (this.viewport.hidden || this.viewport.closest('[hidden]')) return;
    const target = ev.target instanceof HTMLElement ? ev.target : null;
    if (!target || isField(target) || !(this.viewport.contains(target) || this.controls.contains(target))) return;
    if (ev.key === '+' || ev.key === '=') this.step(1);
    else if (ev.key === '-' || ev.key === '−') this.step(-1);
    else if (ev.key === '0') this.fit();
    else return;
    ev.preventDefault();
  };
}

function isField(el: HTMLElement): boolean {
  return el.isContentEditable || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit'].includes(el.type));
}
