// The list view's text form for a new or an existing card: a labelled textarea with visible
// "Opslaan" and "Annuleren" buttons (touch screens have no Ctrl+Enter), plus the keyboard
// shortcuts of the board (Ctrl+Enter saves, Esc cancels).

import { MAX_CARD_TEXT } from '../../protocol/types';
import { t } from '../../i18n/i18n';
import { h, uid } from '../dom';
import { editHint } from '../editHint';

export interface TextEditorOptions {
  label: string;
  value: string;
  onSave(text: string): void;
  onCancel(): void;
}

/** Owns one open form; the caller places `el` and removes it after save or cancel. */
export class TextEditor {
  readonly el: HTMLFormElement;
  readonly textarea: HTMLTextAreaElement;
  private readonly labelEl: HTMLLabelElement;
  private readonly hintEl: HTMLParagraphElement;
  private readonly saveBtn: HTMLButtonElement;
  private readonly cancelBtn: HTMLButtonElement;

  constructor(o: TextEditorOptions) {
    const id = uid('list-text');
    const hintId = `${id}-hint`;
    this.textarea = h('textarea', {
      id,
      class: 'list-editor__text',
      'aria-describedby': hintId,
      maxlength: MAX_CARD_TEXT,
      rows: 3,
    });
    this.textarea.value = o.value;
    this.cancelBtn = h('button', { type: 'button', class: 'button button--small button--quiet' });
    this.cancelBtn.addEventListener('click', () => o.onCancel());
    this.saveBtn = h('button', { type: 'submit', class: 'button button--small button--primary' });
    this.labelEl = h('label', { class: 'list-editor__label', for: id });
    this.hintEl = h('p', { class: 'list-editor__hint', id: hintId });
    this.el = h(
      'form',
      { class: 'list-editor' },
      this.labelEl,
      this.textarea,
      this.hintEl,
      h('div', { class: 'list-editor__buttons' }, this.saveBtn, this.cancelBtn),
    );
    this.relabel(o.label);
    this.el.addEventListener('submit', (ev) => {
      ev.preventDefault();
      o.onSave(this.textarea.value);
    });
    this.textarea.addEventListener('keydown', (ev) => {
      if (ev.key === 'Escape') {
        ev.preventDefault();
        ev.stopPropagation();
        o.onCancel();
      } else if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
        ev.preventDefault();
        o.onSave(this.textarea.value);
      }
    });
  }

  /** Sets the field's label and the fixed texts in the current language. */
  relabel(label: string): void {
    this.labelEl.textContent = label;
    this.hintEl.textContent = editHint('list');
    this.saveBtn.textContent = t('list.save');
    this.cancelBtn.textContent = t('list.cancel');
  }

  focus(): void {
    this.textarea.focus();
    const end = this.textarea.value.length;
    this.textarea.setSelectionRange(end, end);
  }
}
