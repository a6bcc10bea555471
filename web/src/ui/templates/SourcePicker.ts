// The "start from" choice of the create form (P-HTTP-8): the default board, a shipped template
// (with a preview of its phases and lanes), an empty board, an earlier workshop of this browser,
// an imported template file, or a workshop archive (P-ARC: "Uit archief", imported as a new
// workshop). Keyboard operable: native radio buttons, select and file input.

import { archiveProblem } from '../../api/exports';
import { listTemplates, type TemplateDoc, type WorkshopSource } from '../../api/templates';
import { t } from '../../i18n/i18n';
import { h, uid } from '../dom';
import { earlierWorkshops } from './earlierWorkshops';
import { templatePreview } from './TemplatePreview';

type Choice = 'default' | 'template' | 'empty' | 'workshop' | 'file' | 'archive';
const CHOICES: readonly Choice[] = ['default', 'template', 'empty', 'workshop', 'file', 'archive'];

/** What the create form does with the choice: create from a source, or import an archive. */
export type ChosenSource = WorkshopSource | { kind: 'archive'; text: string; name: string };

/** Owns the fieldset and what was chosen in it; survives re-rendering (relabel). */
export class SourcePicker {
  readonly el: HTMLFieldSetElement;
  private choice: Choice = 'default';
  private templates: TemplateDoc[] | null = null;
  private templateId = '';
  private workshopId = '';
  private file: { name: string; doc: unknown } | null = null;
  private fileProblem: string | null = null;
  private archive: { name: string; text: string } | null = null;
  private archiveProblem: string | null = null;
  private readonly detail: HTMLDivElement;
  private readonly error: HTMLParagraphElement;

  constructor() {
    this.el = h('fieldset', { class: 'field source-picker' });
    this.detail = h('div', { class: 'source-picker__detail', 'aria-live': 'polite' });
    this.error = h('p', { class: 'field__error', role: 'alert', hidden: true });
    this.render();
    void this.loadTemplates();
  }

  private async loadTemplates(): Promise<void> {
    const result = await listTemplates();
    this.templates = result.ok ? result.value.templates : [];
    if (!this.templateId && this.templates[0]?.id) this.templateId = this.templates[0].id;
    this.renderDetail();
  }

  render(): void {
    const name = uid('source');
    const radios = CHOICES.map((choice) => {
      const id = `${name}-${choice}`;
      const input = h('input', { type: 'radio', name, id, value: choice, checked: choice === this.choice });
      input.addEventListener('change', () => {
        if (!input.checked) return;
        this.choice = choice;
        this.setError(null);
        this.renderDetail();
      });
      return h('div', { class: 'source-picker__option' }, input, h('label', { for: id }, t(`source.${choice}`)));
    });
    this.el.replaceChildren(
      h('legend', { class: 'field__label' }, t('source.legend')),
      h('div', { class: 'source-picker__options' }, ...radios),
      this.detail,
      this.error,
    );
    this.renderDetail();
  }

  private renderDetail(): void {
    switch (this.choice) {
      case 'default':
      case 'empty':
        this.detail.replaceChildren(h('p', { class: 'field__hint' }, t(`source.${this.choice}Hint`)));
        return;
      case 'template':
        return this.renderTemplates();
      case 'workshop':
        return this.renderWorkshops();
      case 'file':
        return this.renderFile();
      case 'archive':
        return this.renderArchive();
    }
  }

  /** An archive holds the workshop's own name: the create form need not ask for one. */
  get importsArchive(): boolean {
    return this.choice === 'archive';
  }

  private renderArchive(): void {
    const id = uid('archive');
    const input = h('input', { id, type: 'file', name: 'archiveFile', accept: '.json,application/json', class: 'field__input', 'data-testid': 'archive-file' });
    input.addEventListener('change', () => void this.readArchive(input));
    this.detail.replaceChildren(
      h('label', { class: 'field__label', for: id }, t('export.import.label')),
      h('p', { class: 'field__hint' }, t('export.import.hint')),
      input,
    );
    if (this.archive) this.detail.append(h('p', { class: 'field__hint' }, t('export.import.chosen', { name: this.archive.name })));
  }

  private async readArchive(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    this.archive = null;
    this.archiveProblem = null;
    this.setError(null);
    if (!file) return;
    const text = await file.text();
    const problem = archiveProblem(text);
    if (problem) {
      this.archiveProblem = t(problem === 'json' ? 'export.import.notJson' : 'export.import.notArchive');
      this.setError(this.archiveProblem);
      return;
    }
    this.archive = { name: file.name, text };
    this.renderArchive();
    this.detail.querySelector<HTMLInputElement>('input[type="file"]')?.focus();
  }

  private renderTemplates(): void {
    if (this.templates === null) {
      this.detail.replaceChildren(h('p', { class: 'field__hint' }, t('source.loading')));
      return;
    }
    if (this.templates.length === 0) {
      this.detail.replaceChildren(h('p', { class: 'field__hint' }, t('source.noTemplates')));
      return;
    }
    const id = uid('template');
    const select = h('select', { id, name: 'templateId', class: 'field__input' },
      ...this.templates.map((tpl) => h('option', { value: tpl.id ?? '', selected: tpl.id === this.templateId }, tpl.title)));
    select.addEventListener('change', () => {
      this.templateId = select.value;
      this.renderTemplates();
      this.detail.querySelector<HTMLSelectElement>('select')?.focus();
    });
    const chosen = this.templates.find((tpl) => tpl.id === this.templateId);
    this.detail.replaceChildren(h('label', { class: 'field__label', for: id }, t('source.templateLabel')), select);
    if (chosen) this.detail.append(templatePreview(chosen));
  }

  private renderWorkshops(): void {
    const list = earlierWorkshops();
    if (list.length === 0) {
      this.detail.replaceChildren(h('p', { class: 'field__hint' }, t('source.noEarlier')));
      return;
    }
    if (!list.some((w) => w.workshopId === this.workshopId)) this.workshopId = list[0]!.workshopId;
    const id = uid('earlier');
    const select = h('select', { id, name: 'workshopId', class: 'field__input' },
      ...list.map((w) => h('option', { value: w.workshopId, selected: w.workshopId === this.workshopId }, w.title)));
    select.addEventListener('change', () => {
      this.workshopId = select.value;
    });
    this.detail.replaceChildren(
      h('label', { class: 'field__label', for: id }, t('source.earlierLabel')),
      h('p', { class: 'field__hint' }, t('source.earlierHint')),
      select,
    );
  }

  private renderFile(): void {
    const id = uid('file');
    const input = h('input', { id, type: 'file', name: 'templateFile', accept: '.json,application/json', class: 'field__input' });
    input.addEventListener('change', () => void this.readFile(input));
    const parsed = this.file?.doc as TemplateDoc | undefined;
    const looksRight = !!parsed && typeof parsed === 'object' && Array.isArray(parsed.journeys);
    this.detail.replaceChildren(
      h('label', { class: 'field__label', for: id }, t('source.fileLabel')),
      h('p', { class: 'field__hint' }, t('source.fileHint')),
      input,
    );
    if (this.file) this.detail.append(h('p', { class: 'field__hint' }, t('source.fileChosen', { name: this.file.name })));
    const preview = looksRight ? safePreview(parsed) : null;
    if (preview) this.detail.append(preview);
  }

  private async readFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    this.file = null;
    this.fileProblem = null;
    this.setError(null);
    if (!file) return;
    let doc: unknown;
    try {
      doc = JSON.parse(await file.text());
    } catch {
      this.fileProblem = t('source.fileNotJson');
      this.setError(this.fileProblem);
      return;
    }
    this.file = { name: file.name, doc };
    this.renderFile();
    this.detail.querySelector<HTMLInputElement>('input[type="file"]')?.focus();
  }

  /** What to send, or null after showing why nothing can be sent yet. */
  source(): ChosenSource | null {
    this.setError(null);
    switch (this.choice) {
      case 'default':
      case 'empty':
        return { kind: this.choice };
      case 'template':
        if (!this.templateId) return this.fail(t('source.pickTemplate'));
        return { kind: 'template', templateId: this.templateId };
      case 'workshop': {
        const w = earlierWorkshops().find((e) => e.workshopId === this.workshopId);
        if (!w) return this.fail(t('source.noEarlier'));
        return { kind: 'workshop', workshopId: w.workshopId, facilitatorKey: w.facilitatorKey };
      }
      case 'file':
        if (this.fileProblem) return this.fail(this.fileProblem);
        if (!this.file) return this.fail(t('source.pickFile'));
        return { kind: 'file', template: this.file.doc };
      case 'archive':
        if (this.archiveProblem) return this.fail(this.archiveProblem);
        if (!this.archive) return this.fail(t('export.import.pick'));
        return { kind: 'archive', text: this.archive.text, name: this.archive.name };
    }
  }

  /** Shows a problem the server found with the chosen source. */
  setError(message: string | null): void {
    this.error.textContent = message ?? '';
    this.error.hidden = message === null;
  }

  private fail(message: string): null {
    this.setError(message);
    return null;
  }
}

/** A preview of a file that may not be a valid template: nothing if it cannot be drawn. */
function safePreview(doc: TemplateDoc): HTMLElement | null {
  try {
    return templatePreview(doc);
  } catch {
    return null;
  }
}
