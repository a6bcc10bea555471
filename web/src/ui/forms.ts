// Labelled text fields with a hint and an error message tied to the input (aria-describedby,
// aria-invalid), so the error is read when the field gets focus.

import { h, uid } from './dom';

export interface Field {
  readonly el: HTMLDivElement;
  readonly input: HTMLInputElement;
  setError(message: string | null): void;
}

export interface FieldOptions {
  label: string;
  hint?: string;
  value?: string;
  autocomplete?: string;
  maxlength?: number;
  name: string;
  attrs?: Record<string, string>;
}

export function textField(o: FieldOptions): Field {
  const id = uid(`field-${o.name}`);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const input = h('input', {
    id,
    name: o.name,
    type: 'text',
    class: 'field__input',
    autocomplete: o.autocomplete ?? 'off',
    maxlength: o.maxlength,
    'aria-describedby': o.hint ? hintId : null,
    ...o.attrs,
  });
  input.value = o.value ?? '';
  const error = h('p', { class: 'field__error', id: errorId, hidden: true });
  const el = h(
    'div',
    { class: 'field' },
    h('label', { class: 'field__label', for: id }, o.label),
    o.hint ? h('p', { class: 'field__hint', id: hintId }, o.hint) : null,
    input,
    error,
  );
  return {
    el,
    input,
    setError(message) {
      error.textContent = message ?? '';
      error.hidden = message === null;
      const described = [o.hint ? hintId : null, message ? errorId : null].filter(Boolean).join(' ');
      if (described) input.setAttribute('aria-describedby', described);
      else input.removeAttribute('aria-describedby');
      if (message) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    },
  };
}

/** Trims and checks a name-like value; returns an error key or null. */
export function checkText(value: string, max: number): 'empty' | 'long' | null {
  const trimmed = value.trim();
  if (trimmed === '') return 'empty';
  if ([...trimmed].length > max) return 'long';
  return null;
}
