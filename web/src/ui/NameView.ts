// Asks for a display name before opening a board, when none is remembered.

import { MAX_DISPLAY_NAME } from '../protocol/types';
import { t } from '../i18n/i18n';
import { langButton, pageFooter, skipLink, type View } from './chrome';
import { h } from './dom';
import { checkText, textField } from './forms';
import { rememberedName, rememberName } from './prefs';

/** Owns the name form; calls `done` with the chosen name. */
export class NameView implements View {
  private root: HTMLElement | null = null;
  private value = rememberedName();

  constructor(private readonly done: (name: string) => void) {}

  mount(root: HTMLElement): void {
    this.root = root;
    this.render();
    root.querySelector<HTMLInputElement>('input')?.focus();
  }

  unmount(): void {
    this.root?.replaceChildren();
  }

  relabel(): void {
    this.value = this.root?.querySelector<HTMLInputElement>('input')?.value ?? this.value;
    this.render();
  }

  private render(): void {
    if (!this.root) return;
    const name = textField({ name: 'displayName', label: t('join.nameLabel'), hint: t('join.nameHint'), value: this.value, autocomplete: 'name', maxlength: MAX_DISPLAY_NAME });
    const form = h('form', { class: 'form', novalidate: true, 'aria-labelledby': 'name-title' }, name.el,
      h('button', { type: 'submit', class: 'button button--primary' }, t('name.submit')));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const problem = checkText(name.input.value, MAX_DISPLAY_NAME);
      if (problem) {
        name.setError(problem === 'empty' ? t('error.nameRequired') : t('error.tooLong', { max: MAX_DISPLAY_NAME }));
        name.input.focus();
        return;
      }
      const chosen = name.input.value.trim();
      rememberName(chosen);
      this.done(chosen);
    });
    this.root.replaceChildren(
      skipLink(),
      h('header', { class: 'topbar' }, h('div', { class: 'topbar__brand' }, h('span', { class: 'topbar__app' }, t('app.name'))), h('div', { class: 'topbar__actions' }, langButton())),
      h('main', { id: 'main', class: 'home', tabindex: -1 }, h('section', { class: 'panel panel--narrow' }, h('h1', { id: 'name-title' }, t('name.heading')), form)),
      pageFooter(),
    );
  }
}
