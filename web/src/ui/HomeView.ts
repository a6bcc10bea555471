// The start screen: join a workshop with a code, or create a new one.

import { looksLikeJoinCode, lookupJoinCode, normaliseJoinCode } from '../api/http';
import { importArchive } from '../api/exports';
import type { ApiResult } from '../api/http';
import { createWorkshopFrom } from '../api/templates';
import type { CreateWorkshopResponse } from '../protocol/types';
import { MAX_DISPLAY_NAME, MAX_TITLE } from '../protocol/types';
import { t } from '../i18n/i18n';
import { langButton, pageFooter, skipLink, type View } from './chrome';
import { h } from './dom';
import { checkText, textField, type Field } from './forms';
import { rememberedName, rememberFacilitatorKey, rememberJoinCode, rememberName } from './prefs';
import { boardHash } from './router';
import { rememberWorkshop } from './templates/earlierWorkshops';
import { SourcePicker } from './templates/SourcePicker';

/** Owns the start screen's two forms. `code` comes from a #/join/CODE link. */
export class HomeView implements View {
  private root: HTMLElement | null = null;
  private values = { code: '', joinName: '', title: '', createName: '' };
  private busy = false;
  private readonly source = new SourcePicker();

  constructor(private readonly initialCode: string | null) {
    this.values.code = initialCode ? normaliseJoinCode(initialCode) : '';
    this.values.joinName = rememberedName();
    this.values.createName = rememberedName();
  }

  mount(root: HTMLElement): void {
    this.root = root;
    this.render();
    const code = this.values.code;
    if (code && looksLikeJoinCode(code) && this.values.joinName.trim()) {
      // A join link and a name we remember: go straight on.
      void this.join();
    } else if (code) {
      this.root.querySelector<HTMLInputElement>('input[name="joinName"]')?.focus();
    }
  }

  unmount(): void {
    this.root?.replaceChildren();
    this.root = null;
  }

  relabel(): void {
    this.saveValues();
    this.render();
  }

  private fields: Record<'code' | 'joinName' | 'title' | 'createName', Field> | null = null;
  private joinError: HTMLParagraphElement | null = null;
  private createError: HTMLParagraphElement | null = null;

  private saveValues(): void {
    if (!this.fields) return;
    for (const [k, f] of Object.entries(this.fields)) this.values[k as keyof typeof this.values] = f.input.value;
  }

  private render(): void {
    if (!this.root) return;
    document.title = `${t('home.title')} – ${t('app.name')}`;
    const code = textField({
      name: 'code',
      label: t('join.codeLabel'),
      hint: t('join.codeHint'),
      value: this.values.code,
      maxlength: 12,
      attrs: { autocapitalize: 'characters', spellcheck: 'false', class: 'field__input field__input--code' },
    });
    const joinName = textField({ name: 'joinName', label: t('join.nameLabel'), hint: t('join.nameHint'), value: this.values.joinName, autocomplete: 'name', maxlength: MAX_DISPLAY_NAME });
    const title = textField({ name: 'title', label: t('create.titleLabel'), hint: t('create.titleHint'), value: this.values.title, maxlength: MAX_TITLE });
    const createName = textField({ name: 'createName', label: t('create.nameLabel'), value: this.values.createName, autocomplete: 'name', maxlength: MAX_DISPLAY_NAME });
    this.fields = { code, joinName, title, createName };
    this.source.render();
    this.joinError = h('p', { class: 'form__error', role: 'alert' });
    this.createError = h('p', { class: 'form__error', role: 'alert' });

    const joinForm = h('form', { class: 'form', novalidate: true, 'aria-labelledby': 'join-title' },
      code.el, joinName.el, this.joinError,
      h('button', { type: 'submit', class: 'button button--primary' }, t('join.submit')));
    joinForm.addEventListener('submit', (ev) => {
      ev.preventDefault();
      void this.join();
    });
    const createForm = h('form', { class: 'form', novalidate: true, 'aria-labelledby': 'create-title' },
      title.el, createName.el, this.source.el, this.createError,
      h('button', { type: 'submit', class: 'button' }, t('create.submit')));
    createForm.addEventListener('submit', (ev) => {
      ev.preventDefault();
      void this.create();
    });

    this.root.replaceChildren(
      skipLink(),
      h('header', { class: 'topbar' }, h('div', { class: 'topbar__brand' }, h('span', { class: 'topbar__app' }, t('app.name'))), h('div', { class: 'topbar__actions' }, langButton())),
      h('main', { id: 'main', class: 'home', tabindex: -1 },
        h('div', { class: 'home__intro' }, h('h1', null, t('home.title')), h('p', null, t('home.intro'))),
        h('div', { class: 'home__panels' },
          h('section', { class: 'panel' }, h('h2', { id: 'join-title' }, t('join.heading')), joinForm),
          h('section', { class: 'panel' }, h('h2', { id: 'create-title' }, t('create.heading')), createForm))),
      pageFooter(),
    );
  }

  private nameError(field: Field): boolean {
    const problem = checkText(field.input.value, MAX_DISPLAY_NAME);
    field.setError(problem === 'empty' ? t('error.nameRequired') : problem === 'long' ? t('error.tooLong', { max: MAX_DISPLAY_NAME }) : null);
    return problem !== null;
  }

  private async join(): Promise<void> {
    const f = this.fields!;
    if (this.busy) return;
    this.joinError!.textContent = '';
    const code = normaliseJoinCode(f.code.input.value);
    const badCode = !looksLikeJoinCode(code);
    f.code.setError(badCode ? t('error.codeFormat') : null);
    const badName = this.nameError(f.joinName);
    if (badCode || badName) {
      (badCode ? f.code.input : f.joinName.input).focus();
      return;
    }
    this.setBusy(true);
    const result = await lookupJoinCode(code);
    this.setBusy(false);
    if (!result.ok) {
      if (result.status === 404) {
        f.code.setError(t('error.codeNotFound'));
        f.code.input.focus();
      } else {
        this.joinError!.textContent = result.status === 0 ? t('error.network') : t('error.generic');
      }
      return;
    }
    rememberName(f.joinName.input.value.trim());
    location.hash = boardHash(result.value.workshopId);
  }

  private async create(): Promise<void> {
    const f = this.fields!;
    if (this.busy) return;
    this.createError!.textContent = '';
    // An archive brings its own name (the round trip keeps it): no name is asked for then.
    const titleProblem = this.source.importsArchive ? null : checkText(f.title.input.value, MAX_TITLE);
    f.title.setError(titleProblem === 'empty' ? t('error.titleRequired') : titleProblem === 'long' ? t('error.tooLong', { max: MAX_TITLE }) : null);
    const badName = this.nameError(f.createName);
    if (titleProblem || badName) {
      (titleProblem ? f.title.input : f.createName.input).focus();
      return;
    }
    const source = this.source.source();
    if (!source) return;
    this.setBusy(true);
    const result: ApiResult<CreateWorkshopResponse> =
      source.kind === 'archive' ? await importArchive(source.text) : await createWorkshopFrom(f.title.input.value.trim(), source);
    this.setBusy(false);
    if (!result.ok) {
      // The server's reason is English and technical ("archive.state.cards[0].laneId"): it goes
      // to the console for whoever runs the server, the screen says it in plain words.
      if (result.status === 400) console.warn('Journeyboard refused the file:', result.message ?? result.code);
      if (source.kind === 'archive' && result.status === 400) this.source.setError(t('export.import.invalid'));
      else if (source.kind === 'archive' && result.status === 413) this.source.setError(t('export.import.tooLarge'));
      else if (source.kind === 'file' && result.status === 413) this.source.setError(t('source.fileTooLarge'));
      else if (result.status === 400 && source.kind === 'file')
        this.source.setError(t('source.fileInvalid'));
      else if (result.status === 403 || result.status === 401) this.source.setError(t('source.forbidden'));
      else
        this.createError!.textContent =
          result.status === 429 ? t('error.rateLimited') : result.status === 0 ? t('error.network') : t('error.generic');
      return;
    }
    const w = result.value;
    rememberWorkshop(w.workshopId, w.title);
    rememberName(f.createName.input.value.trim());
    rememberFacilitatorKey(w.workshopId, w.facilitatorKey);
    rememberJoinCode(w.workshopId, w.joinCode);
    location.hash = boardHash(w.workshopId, w.facilitatorKey, w.joinCode);
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    this.root?.querySelectorAll<HTMLButtonElement>('button[type="submit"]').forEach((b) => {
      b.disabled = busy;
      b.setAttribute('aria-busy', String(busy));
    });
  }
}
