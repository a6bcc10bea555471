// One card in the list view: its text, colour and author in words, and a toolbar of real
// buttons for everything the board can do with it (edit, up, down, move, colour, delete). The
// toolbar is one Tab stop; the arrow keys walk its controls (the ARIA toolbar pattern), so a
// keyboard user passes a card with one Tab instead of eight.

import type { Card, Lane, Phase } from '../../model/board';
import type { CardColor } from '../../protocol/types';
import { t, type MessageKey } from '../../i18n/i18n';
import { oneLineText, type CardContext } from '../CardView';
import { ColorSelect } from '../ColorSelect';
import { h, uid } from '../dom';
import { TextEditor } from './TextEditor';

export interface ListCardActions {
  commitText(cardId: string, text: string): void;
  setColor(cardId: string, color: CardColor): void;
  remove(cardId: string): void;
  editingChanged(cardId: string | null): void;
  /** One place up or down within its lane. */
  step(cardId: string, direction: 'up' | 'down'): void;
  /** To the end of another phase and lane. */
  moveTo(cardId: string, phaseId: string, laneId: string): void;
  /** The phases and lanes a card of this journey can go to. */
  placesOf(journeyId: string): { phases: Phase[]; lanes: Lane[] };
}

/**
 * Owns the element of one card in the outline. `actionsEl` is the card's action area: every
 * per-card control sits there (a later feature adds its own buttons to it, e.g. votes).
 */
export class ListCard {
  readonly el: HTMLLIElement;
  /** The per-card action area (a labelled toolbar: one Tab stop, arrow keys inside). */
  readonly actionsEl: HTMLDivElement;
  /** Filled by the voting decorations (ui/voting/CardDecorator): group, link, own dots; votes. */
  readonly badges: HTMLDivElement;
  readonly extraTools: HTMLSpanElement;
  private card: Card;
  private ctx: CardContext = { authorName: null, editors: [], index: 1, count: 1 };
  private readonly textEl: HTMLParagraphElement;
  private readonly metaEl: HTMLParagraphElement;
  private readonly editBtn: HTMLButtonElement;
  private readonly upBtn: HTMLButtonElement;
  private readonly downBtn: HTMLButtonElement;
  private readonly moveBtn: HTMLButtonElement;
  private readonly deleteBtn: HTMLButtonElement;
  private readonly colorSelect: ColorSelect;
  private editor: TextEditor | null = null;
  private movePanel: HTMLFormElement | null = null;
  private key = '';
  /** The toolbar's control that is in the tab order (roving tabindex). */
  private current: HTMLElement | null = null;

  constructor(
    card: Card,
    private readonly actions: ListCardActions,
  ) {
    this.card = card;
    const textId = uid('list-card-text');
    this.textEl = h('p', { class: 'list-card__text', id: textId });
    this.metaEl = h('p', { class: 'list-card__meta' });
    const button = (cls: string, run: () => void) => {
      const b = h('button', { type: 'button', class: `button button--small list-card__${cls}` });
      b.addEventListener('click', run);
      return b;
    };
    this.editBtn = button('edit', () => this.startEditing());
    this.upBtn = button('up', () => this.actions.step(this.card.id, 'up'));
    this.downBtn = button('down', () => this.actions.step(this.card.id, 'down'));
    this.moveBtn = button('move', () => this.toggleMovePanel());
    this.deleteBtn = button('delete', () => this.actions.remove(this.card.id));
    this.deleteBtn.classList.add('button--danger');
    this.colorSelect = new ColorSelect(card.color, (color) => this.actions.setColor(this.card.id, color), 'list-card__color');
    this.badges = h('div', { class: 'card__badges', hidden: true });
    this.extraTools = h('span', { class: 'list-card__extra' });
    this.actionsEl = h(
      'div',
      { class: 'list-card__actions', role: 'toolbar' },
      this.extraTools,
      this.editBtn,
      this.upBtn,
      this.downBtn,
      this.moveBtn,
      this.colorSelect.el,
      this.deleteBtn,
    );
    // Focusable by script only (after a move or an edit), so the screen reader says where it is.
    this.el = h(
      'li',
      { class: 'list-card', tabindex: -1, 'data-card-id': card.id, 'aria-labelledby': textId },
      this.textEl,
      this.metaEl,
      this.badges,
      this.actionsEl,
    );
    this.actionsEl.addEventListener('keydown', (ev) => this.onToolbarKey(ev));
    this.actionsEl.addEventListener('focusin', (ev) => {
      if (ev.target instanceof HTMLElement && ev.target !== this.actionsEl) this.keepTabStop(ev.target);
    });
    this.relabel();
  }

  /**
   * Keeps exactly one control of the toolbar in the tab order: `focused`, else the one that was,
   * else the first. Call it after anything changed the controls (a decoration adds votes).
   */
  keepTabStop(focused: HTMLElement | null = null): void {
    const controls = this.controls();
    if (focused && controls.includes(focused)) this.current = focused;
    if (!this.current || !controls.includes(this.current)) this.current = controls[0] ?? null;
    for (const c of controls) {
      const index = c === this.current ? 0 : -1;
      if (c.tabIndex !== index) c.tabIndex = index;
    }
  }

  private controls(): HTMLElement[] {
    return [...this.actionsEl.querySelectorAll<HTMLElement>('button, select, input, a[href]')].filter((c) => !c.closest('[hidden]'));
  }

  /** ←/→ (and ↑/↓ on buttons) to the previous/next control, Home/End to the first/last. */
  private onToolbarKey(ev: KeyboardEvent): void {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    const controls = this.controls();
    const at = controls.indexOf(ev.target as HTMLElement);
    if (at < 0) return;
    // A closed <select> keeps ↑/↓ for choosing its value.
    const vertical = !(ev.target instanceof HTMLSelectElement);
    let next: number;
    if (ev.key === 'ArrowRight' || (vertical && ev.key === 'ArrowDown')) next = (at + 1) % controls.length;
    else if (ev.key === 'ArrowLeft' || (vertical && ev.key === 'ArrowUp')) next = (at - 1 + controls.length) % controls.length;
    else if (ev.key === 'Home') next = 0;
    else if (ev.key === 'End') next = controls.length - 1;
    else return;
    ev.preventDefault();
    const target = controls[next]!;
    this.keepTabStop(target);
    target.focus();
  }

  get id(): string {
    return this.card.id;
  }

  get isEditing(): boolean {
    return this.editor !== null;
  }

  relabel(): void {
    this.colorSelect.relabel();
    this.key = '';
    this.update(this.card, this.ctx);
    if (this.movePanel) this.openMovePanel();
    this.editor?.relabel(t('card.textLabel'));
  }

  update(card: Card, ctx: CardContext): void {
    const key = `${ctx.authorName}\u0000${ctx.editors.join('\u0000')}\u0000${ctx.index}/${ctx.count}`;
    if (card === this.card && key === this.key) return;
    this.card = card;
    this.ctx = ctx;
    this.key = key;
    this.el.className = `list-card list-card--${card.color}${ctx.editors.length ? ' list-card--busy' : ''}`;
    this.textEl.textContent = card.text === '' ? t('card.empty') : card.text;
    this.textEl.classList.toggle('list-card__text--empty', card.text === '');
    const colour = t(`color.${card.color}` as MessageKey);
    const meta = [t('list.colour', { color: colour })];
    if (ctx.authorName) meta.push(t('card.by', { name: ctx.authorName }));
    for (const name of ctx.editors) meta.push(t('card.editingBy', { name }));
    this.metaEl.textContent = meta.join(' · ');
    this.colorSelect.set(card.color);
    const text = oneLineText(card.text);
    this.actionsEl.setAttribute('aria-label', t('list.actionsFor', { text }));
    this.setButton(this.editBtn, 'card.edit', 'card.editLabel', text);
    this.setButton(this.upBtn, 'list.up', 'list.upLabel', text);
    this.setButton(this.downBtn, 'list.down', 'list.downLabel', text);
    this.setButton(this.moveBtn, 'list.move', 'list.moveLabel', text);
    this.setButton(this.deleteBtn, 'card.delete', 'card.deleteLabel', text);
    this.colorSelect.el.setAttribute('aria-label', t('card.colorOf', { text }));
    // At the top or bottom of its lane the button says so instead of vanishing under focus.
    this.upBtn.setAttribute('aria-disabled', String(ctx.index <= 1));
    this.downBtn.setAttribute('aria-disabled', String(ctx.index >= ctx.count));
    this.moveBtn.setAttribute('aria-expanded', String(this.movePanel !== null));
    this.keepTabStop();
  }

  private setButton(b: HTMLButtonElement, visible: MessageKey, label: MessageKey, text: string): void {
    b.textContent = t(visible);
    b.setAttribute('aria-label', t(label, { text }));
  }

  focus(): void {
    this.el.focus({ preventScroll: false });
  }

  /** Opens the text form in place of the text (and the buttons). */
  startEditing(): void {
    if (this.editor) {
      this.editor.focus();
      return;
    }
    this.closeMovePanel();
    const editor = new TextEditor({
      label: t('card.textLabel'),
      value: this.card.text,
      onSave: (text) => this.stopEditing(text),
      onCancel: () => this.stopEditing(null),
    });
    this.editor = editor;
    this.textEl.hidden = true;
    this.actionsEl.hidden = true;
    this.textEl.after(editor.el);
    this.actions.editingChanged(this.card.id);
    editor.focus();
  }

  /** Closes the editor; saves `text` when given and changed. */
  stopEditing(text: string | null): void {
    const editor = this.editor;
    if (!editor) return;
    this.editor = null;
    editor.el.remove();
    this.textEl.hidden = false;
    this.actionsEl.hidden = false;
    this.actions.editingChanged(null);
    if (text !== null && text !== this.card.text) this.actions.commitText(this.card.id, text);
    this.editBtn.focus();
  }

  private toggleMovePanel(): void {
    if (this.movePanel) {
      this.closeMovePanel();
      this.moveBtn.focus();
    } else {
      this.openMovePanel().querySelector('select')?.focus();
    }
  }

  /** A small form: which phase and lane, then "Verplaatsen". */
  private openMovePanel(): HTMLFormElement {
    const { phases, lanes } = this.actions.placesOf(this.card.journeyId);
    const select = (label: MessageKey, items: Array<Phase | Lane>, current: string) => {
      const id = uid('list-move');
      const s = h('select', { id, class: 'list-move__select' }, ...items.map((i) => h('option', { value: i.id }, i.title)));
      s.value = current;
      return { s, field: h('div', { class: 'list-move__field' }, h('label', { for: id }, t(label)), s) };
    };
    const phase = select('list.movePhase', phases, this.card.phaseId);
    const lane = select('list.moveLane', lanes, this.card.laneId);
    const cancel = h('button', { type: 'button', class: 'button button--small button--quiet' }, t('list.cancel'));
    cancel.addEventListener('click', () => {
      this.closeMovePanel();
      this.moveBtn.focus();
    });
    const panel = h(
      'form',
      { class: 'list-move', 'aria-label': t('list.moveLabel', { text: oneLineText(this.card.text) }) },
      phase.field,
      lane.field,
      h('div', { class: 'list-move__buttons' }, h('button', { type: 'submit', class: 'button button--small button--primary' }, t('list.moveSubmit')), cancel),
    );
    panel.addEventListener('submit', (ev) => {
      ev.preventDefault();
      this.closeMovePanel();
      this.actions.moveTo(this.card.id, phase.s.value, lane.s.value);
    });
    if (this.movePanel) this.movePanel.replaceWith(panel);
    else this.actionsEl.after(panel);
    this.movePanel = panel;
    this.moveBtn.setAttribute('aria-expanded', 'true');
    return panel;
  }

  private closeMovePanel(): void {
    this.movePanel?.remove();
    this.movePanel = null;
    this.moveBtn.setAttribute('aria-expanded', 'false');
  }

  /** The control that had focus, if it is inside this card. */
  contains(node: Node | null): boolean {
    return node !== null && this.el.contains(node);
  }
}
