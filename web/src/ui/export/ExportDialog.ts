// The facilitator's export dialog (SPEC-4 §5, §6): a button for every export (the improvement
// list as CSV with a choice of separator, XLSX, ODS, Markdown and JSON; the printable report;
// the board as SVG) and the whole-workshop archive. Each is a `fetch` with the facilitator key
// as a bearer token (never in the URL), shown with progress, and handed to the browser as a
// Blob download; a refusal or a network failure says what went wrong. One download at a time.

import {
  CSV_DELIMITERS,
  downloadArchive,
  downloadExport,
  EXPORT_NAMES,
  saveDownload,
  type CsvDelimiter,
  type Download,
  type ExportName,
} from '../../api/exports';
import type { ApiResult } from '../../api/http';
import { getLang, t, type MessageKey } from '../../i18n/i18n';
import { h, uid } from '../dom';
import './export.css';

const LIST_EXPORTS: readonly ExportName[] = EXPORT_NAMES.filter((n) => n.startsWith('improvements.'));
/** The languages a file's headings can be in (the `lang` query). */
const LANGS_OF_FILES = ['nl', 'en'] as const;
const OTHER_EXPORTS: readonly ExportName[] = EXPORT_NAMES.filter((n) => !n.startsWith('improvements.'));

/** What to tell the user about a failed download. */
export function failureReason(result: { status: number; code: string }): string {
  if (result.status === 0) return t('export.reason.network');
  if (result.status === 401 || result.status === 403) return t('export.reason.forbidden');
  if (result.status === 404) return t('export.reason.not_found');
  if (result.status === 429) return t('export.reason.rate_limited');
  return t('export.reason.other', { status: String(result.status) });
}

/** Owns the dialog element and the one download in progress. */
export class ExportDialog {
  readonly el: HTMLDialogElement;
  private busy = false;
  private delimiter: CsvDelimiter = 'semicolon';
  private lang: 'nl' | 'en' = getLang();
  private readonly progress: HTMLProgressElement;
  private readonly status: HTMLParagraphElement;
  private readonly error: HTMLParagraphElement;

  constructor(
    private readonly workshopId: string,
    /** The facilitator key, or a facilitator's own participant token (P-HTTP-9). */
    private readonly credential: () => string,
  ) {
    this.el = h('dialog', { class: 'structure export', 'aria-labelledby': 'export-title', 'data-testid': 'export-dialog' });
    this.progress = h('progress', { class: 'export__progress', max: 100, hidden: true, 'data-testid': 'export-progress' });
    this.status = h('p', { class: 'export__status', 'aria-live': 'polite', 'data-testid': 'export-status' });
    this.error = h('p', { class: 'field__error', role: 'alert', 'data-testid': 'export-error' });
  }

  open(): void {
    this.lang = getLang();
    this.render();
    if (!this.el.open) this.el.showModal();
  }

  relabel(): void {
    if (this.el.open) this.render();
  }

  private render(): void {
    const active = document.activeElement instanceof HTMLElement && this.el.contains(document.activeElement) ? document.activeElement.dataset.focus : undefined;
    const close = this.button(t('export.close'), 'close', () => this.el.close(), 'button');
    this.progress.setAttribute('aria-label', t('export.heading'));
    this.el.replaceChildren(
      h('h2', { id: 'export-title' }, t('export.heading')),
      h('p', null, t('export.intro')),
      this.langField(),
      h(
        'section',
        { class: 'export__section', 'aria-labelledby': 'export-list-title' },
        h('h3', { id: 'export-list-title' }, t('export.listHeading')),
        h('p', { class: 'field__hint' }, t('export.listHint')),
        this.delimiterField(),
        h('div', { class: 'export__buttons' }, ...LIST_EXPORTS.map((name) => this.exportButton(name))),
      ),
      h(
        'section',
        { class: 'export__section', 'aria-labelledby': 'export-other-title' },
        h('h3', { id: 'export-other-title' }, t('export.otherHeading')),
        h('p', { class: 'field__hint' }, t('export.reportHint')),
        h('div', { class: 'export__buttons' }, ...OTHER_EXPORTS.map((name) => this.exportButton(name))),
      ),
      h(
        'section',
        { class: 'export__section', 'aria-labelledby': 'export-archive-title' },
        h('h3', { id: 'export-archive-title' }, t('export.archiveHeading')),
        h('p', { class: 'field__hint' }, t('export.archiveHint')),
        h('div', { class: 'export__buttons' }, this.button(t('export.archive'), 'archive', () => void this.run('archive.json', (p) => downloadArchive(this.workshopId, this.credential(), p)))),
      ),
      h('div', { class: 'export__feedback' }, this.progress, this.status, this.error),
      h('div', { class: 'structure__actions' }, close),
    );
    this.markBusy();
    if (active) this.el.querySelector<HTMLElement>(`[data-focus="${CSS.escape(active)}"]`)?.focus();
  }

  private langField(): HTMLElement {
    const id = uid('export-lang');
    const select = h('select', { id, class: 'field__input', 'data-focus': 'lang', 'data-testid': 'export-lang' },
      ...LANGS_OF_FILES.map((l) => h('option', { value: l, selected: l === this.lang }, t(`export.lang.${l}` as MessageKey))));
    select.addEventListener('change', () => {
      this.lang = select.value === 'en' ? 'en' : 'nl';
    });
    return h('div', { class: 'field' }, h('label', { class: 'field__label', for: id }, t('export.langLabel')), select);
  }

  private delimiterField(): HTMLElement {
    const name = uid('delimiter');
    const options = CSV_DELIMITERS.map((d) => {
      const id = `${name}-${d}`;
      const input = h('input', { type: 'radio', name, id, value: d, checked: d === this.delimiter, 'data-focus': `delimiter-${d}`, 'data-testid': `export-delimiter-${d}` });
      input.addEventListener('change', () => {
        if (input.checked) this.delimiter = d;
      });
      return h('div', { class: 'export__option' }, input, h('label', { for: id }, t(`export.delimiter.${d}` as MessageKey)));
    });
    return h('fieldset', { class: 'export__delimiter' }, h('legend', { class: 'field__label' }, t('export.delimiterLabel')), ...options);
  }

  private exportButton(name: ExportName): HTMLButtonElement {
    const b = this.button(t(`export.format.${name}` as MessageKey), name, () =>
      void this.run(name, (p) => downloadExport(this.workshopId, this.credential(), name, { lang: this.lang, delimiter: this.delimiter }, p)),
    );
    b.setAttribute('data-testid', `export-${name}`);
    return b;
  }

  private button(label: string, focus: string, onClick: () => void, cls = 'button export__button'): HTMLButtonElement {
    const b = h('button', { type: 'button', class: cls, 'data-focus': focus }, label);
    b.addEventListener('click', onClick);
    return b;
  }

  /** The download buttons say they are unavailable while one runs (they keep focus: no `disabled`). */
  private markBusy(): void {
    for (const b of this.el.querySelectorAll<HTMLButtonElement>('.export__button')) {
      if (this.busy) b.setAttribute('aria-disabled', 'true');
      else b.removeAttribute('aria-disabled');
    }
    this.el.setAttribute('aria-busy', String(this.busy));
  }

  private async run(name: string, fetchIt: (onProgress: (loaded: number, total: number | null) => void) => Promise<ApiResult<Download>>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.markBusy();
    this.error.textContent = '';
    this.progress.hidden = false;
    this.progress.removeAttribute('value');
    this.status.textContent = t('export.progressSize', { name, size: 0 });
    let lastPercent = -1;
    const result = await fetchIt((loaded, total) => {
      if (total) {
        const percent = Math.min(100, Math.floor((loaded / total) * 100));
        this.progress.value = percent;
        // Said at most every 25%: a screen reader need not hear every chunk.
        if (percent === 100 || percent - lastPercent >= 25) {
          lastPercent = percent;
          this.status.textContent = t('export.progress', { name, percent });
        }
      } else {
        this.status.textContent = t('export.progressSize', { name, size: Math.ceil(loaded / 1024) });
      }
    });
    this.busy = false;
    this.markBusy();
    this.progress.hidden = true;
    if (!result.ok) {
      this.status.textContent = '';
      this.error.textContent = t('export.failed', { name, reason: failureReason(result) });
      return;
    }
    saveDownload(result.value);
    this.status.textContent = t('export.done', { name: result.value.fileName });
  }
}
