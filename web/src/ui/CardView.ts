// One sticky note on the board, and its inline editor.

import type { Card } from '../model/board';
import { MAX_CARD_TEXT, type CardColor } from '../protocol/types';
import { t, type MessageKey } from '../i18n/i18n';
import { ColorSelect } from './ColorSelect';
import { h, uid } from './dom';
import { editHint } from './editHint';

export interface CardActions {
  commitText(cardId: string, text: string): void;
  setColor(cardId: string, color: CardColor): void;
  remove(cardId: string): void;
  editingChanged(cardId: string | null): void;
}

/** What the card shows besides its own data. */
export interface CardContext {
  authorName: string | null;
  /** Names of others editing this card now. */
  editors: string[];
  index: number;
  count: number;
}

/**
 * The card's whole text on one line, for labels and choices ("Verwijderen: …"). Never
 * cut: a person chooses or reads a card by all of it (two ideas often start alike).
 */
export function oneLineText(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine === '' ? t('card.empty') : oneLine;
}

/**
 * Owns the element of one card: shows its text (always as text, never HTML), colour, author
 * and who else is editing it; switches to a textarea for editing and back. The board grid
 * decides where the element sits.
 */
export class CardView {
  readonly el: HTMLLIElement;
  private card: Card;
  private readonly textEl: HTMLParagraphElement;
  private readonly metaEl: HTMLParagraphElement;
  private readonly summaryEl: HTMLSpanElement;
  /** "(phase, lane)", read after the text: the card's name says where it is, once. */
  private readonly placeEl: HTMLSpanElement;
  private readonly editBtn: HTMLButtonElement;
  private readonly deleteBtn: HTMLButtonElement;
  private readonly colorSelect: ColorSelect;
  /** Filled by the voting decorations (group, link): badges under the text, extra tools. */
  readonly badges: HTMLDivElement;
  readonly extraTools: HTMLSpanElement;
  private editor: HTMLTextAreaElement | null = null;
  private editorHint: HTMLParagraphElement | null = null;
  private ctx: CardContext = { authorName: null, editors: [], index: 1, count: 1 };
  private ctxKey = '';
  /** Set when labels must be rebuilt although the data did not change (language, edit end). */
  private dirty = true;

  constructor(
    card: Card,
    private readonly actions: CardActions,
  ) {
    this.card = card;
    const summaryId = uid('card-summary');
    const textId = uid('card-text');
    const placeId = uid('card-place');
    this.textEl = h('p', { class: 'card__text', id: textId });
    this.placeEl = h('span', { class: 'sr-only', id: placeId });
    this.metaEl = h('p', { class: 'card__meta' });
    this.summaryEl = h('span', { class: 'sr-only', id: summaryId });
    this.editBtn = h('button', { type: 'button', class: 'card__tool' });
    this.editBtn.addEventListener('click', () => this.startEditing());
    this.deleteBtn = h('button', { type: 'button', class: 'card__tool card__tool--danger' });
    this.deleteBtn.addEventListener('click', () => this.actions.remove(this.card.id));
    this.colorSelect = new ColorSelect(card.color, (color) => this.actions.setColor(this.card.id, color));
    this.badges = h('div', { class: 'card__badges', hidden: true });
    this.extraTools = h('span', { class: 'card__extra-tools' });
    this.el = h(
      'li',
      // Named by its text and place only; without a name the focused card read out all it
      // holds, its tools' labels and its summary (which aria-describedby then said again).
      { class: 'card', tabindex: -1, 'data-card-id': card.id, 'aria-labelledby': `${textId} ${placeId}`, 'aria-describedby': summaryId },
      h('span', { class: 'card__grip', 'aria-hidden': 'true', title: '' }, '⠿'),
      this.textEl,
      this.metaEl,
      this.badges,
      this.placeEl,
      this.summaryEl,
      h('div', { class: 'card__tools' }, this.editBtn, this.colorSelect.el, this.deleteBtn, this.extraTools),
    );
    // Esc puts the card's tools away (they come back when focus leaves and returns, or on hover).
    this.el.addEventListener('keydown', (ev) => {
      if (ev.key !== 'Escape' || this.editor || ev.defaultPrevented || this.el.classList.contains('card--tools-away')) return;
      if (ev.target instanceof HTMLSelectElement) return; // Esc closes the colour list first
      ev.preventDefault();
      if (this.el !== document.activeElement) this.el.focus();
      this.el.classList.add('card--tools-away');
    });
    this.el.addEventListener('focusout', (ev) => {
      if (!(ev.relatedTarget instanceof Node && this.el.contains(ev.relatedTarget))) this.el.classList.remove('card--tools-away');
    });
    this.el.addEventListener('dblclick', (ev) => {
      if (!this.editor && !(ev.target as Element).closest('button, select')) this.startEditing();
    });
    this.relabel();
    this.update(card, this.ctx);
    this.setTabStop(false);
  }

  get id(): string {
    return this.card.id;
  }

  get isEditing(): boolean {
    return this.editor !== null;
  }

  /** Rebuilds the language-dependent labels. */
  relabel(): void {
    this.el.querySelector('.card__grip')?.setAttribute('title', t('card.dragHandle'));
    this.editBtn.textContent = t('card.edit');
    this.deleteBtn.textContent = t('card.delete');
    this.colorSelect.relabel();
    if (this.editor) {
      this.editor.setAttribute('aria-label', t('card.textLabel'));
      if (this.editorHint) this.editorHint.textContent = editHint('card');
    }
    this.dirty = true;
    this.update(this.card, this.ctx);
  }

  update(card: Card, ctx: CardContext): void {
    // Records are replaced, never changed in place, so identity says "unchanged"; skipping
    // saves thousands of DOM writes per frame on a big, busy board.
    const ctxKey = `${ctx.authorName}\u0000${ctx.editors.join('\u0000')}\u0000${ctx.index}/${ctx.count}`;
    if (card === this.card && ctxKey === this.ctxKey && !this.dirty) return;
    this.dirty = false;
    this.ctxKey = ctxKey;
    this.card = card;
    this.ctx = ctx;
    const kept = ['card--dragging', 'card--tools-away'].filter((c) => this.el.classList.contains(c));
    this.el.className = ['card', `card--${card.color}`, ...(ctx.editors.length ? ['card--busy'] : []), ...kept].join(' ');
    if (!this.editor) {
      this.textEl.textContent = card.text === '' ? t('card.empty') : card.text;
      this.textEl.classList.toggle('card__text--empty', card.text === '');
    }
    const colorName = t(`color.${card.color}` as MessageKey);
    // The colour in words too, so it never depends on seeing colour (the screen reader hears
    // it in the summary instead).
    const meta: string[] = [];
    if (ctx.authorName) meta.push(t('card.by', { name: ctx.authorName }));
    for (const name of ctx.editors) meta.push(t('card.editingBy', { name }));
    this.metaEl.replaceChildren(h('span', { class: 'card__colour', 'aria-hidden': 'true' }, colorName), meta.length ? ` · ${meta.join(' · ')}` : '');
    this.summaryEl.textContent = t('card.summary', { index: ctx.index, count: ctx.count, color: colorName });
    this.colorSelect.set(card.color);
    const label = oneLineText(card.text);
    this.editBtn.setAttribute('aria-label', t('card.editLabel', { text: label }));
    this.deleteBtn.setAttribute('aria-label', t('card.deleteLabel', { text: label }));
    this.colorSelect.el.setAttribute('aria-label', t('card.colorOf', { text: label }));
  }

  /** The titles of the phase and lane the card sits in (for its accessible name). */
  setPlace(phase: string, lane: string): void {
    const text = t('card.place', { phase, lane });
    if (this.placeEl.textContent !== text) this.placeEl.textContent = text;
  }

  focus(): void {
    this.el.focus({ preventScroll: false });
  }

  /** In the tab order or not (the table's roving tabindex); its tools follow the card. */
  setTabStop(on: boolean): void {
    const index = on ? 0 : -1;
    if (this.el.tabIndex !== index) this.el.tabIndex = index;
    // Every control of the card (its tools and any a feature adds, e.g. votes) follows it.
    for (const tool of this.el.querySelectorAll<HTMLElement>('button, select, a[href], input')) {
      if (tool.tabIndex !== index) tool.tabIndex = index;
    }
  }

  startEditing(): void {
    if (this.editor) return;
    const hintId = uid('card-hint');
    const editor = h('textarea', {
      class: 'card__editor',
      'aria-label': t('card.textLabel'),
      'aria-describedby': hintId,
      maxlength: MAX_CARD_TEXT,
      rows: 3,
    });
    editor.value = this.card.text;
    this.editorHint = h('p', { class: 'card__hint', id: hintId }, editHint('card'));
    this.editor = editor;
    this.textEl.replaceWith(editor);
    editor.after(this.editorHint);
    editor.addEventListener('keydown', (ev) => {
      if (ev.key === 'Escape') {
        ev.preventDefault();
        ev.stopPropagation();
        this.stopEditing(false);
      } else if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
        ev.preventDefault();
        this.stopEditing(true);
      }
    });
    editor.addEventListener('blur', () => {
      // Blur also fires when the grid moves this element; only commit when focus really left.
      queueMicrotask(() => {
        if (this.editor === editor && document.activeElement !== editor && editor.isConnected) {
          this.stopEditing(true, false);
        }
      });
    });
    this.actions.editingChanged(this.card.id);
    editor.focus();
    editor.setSelectionRange(editor.value.length, editor.value.length);
  }

  /** Leaves edit mode; commits the text when `save` and it changed. */
  stopEditing(save: boolean, refocus = true): void {
    const editor = this.editor;
    if (!editor) return;
    const text = editor.value;
    this.editor = null;
    editor.replaceWith(this.textEl);
    this.editorHint?.remove();
    this.editorHint = null;
    this.actions.editingChanged(null);
    if (save && text !== this.card.text) this.actions.commitText(this.card.id, text);
    this.dirty = true; // show the latest text, which may have changed while editing
    this.update(this.card, this.ctx);
    if (refocus) this.el.focus();
  }

  /** The textarea, while editing (to keep its focus and selection when the grid moves us). */
  get editorElement(): HTMLTextAreaElement | null {
    return this.editor;
  }
}
