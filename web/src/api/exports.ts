// The facilitator's downloads (SPEC-4 §5, §6: P-EXP-*, P-ARC-*): each export and the archive is
// a `fetch` with the facilitator key as a bearer token (never in the URL), read with progress
// and handed back as a Blob with the server's file name; and importing an archive as a new
// workshop (POST /api/workshops/import).

import type { CreateWorkshopResponse } from '../protocol/types';
import { bearer, call, type ApiResult } from './http';

/** Every export of SPEC-4 §5, in the order the dialog shows them. */
export const EXPORT_NAMES = [
  'improvements.csv',
  'improvements.xlsx',
  'improvements.ods',
  'improvements.md',
  'improvements.json',
  'report.html',
  'board.svg',
] as const;
export type ExportName = (typeof EXPORT_NAMES)[number];

export const CSV_DELIMITERS = ['semicolon', 'comma', 'tab'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

export interface ExportOptions {
  /** Headings and labels in the file (default Dutch). */
  lang?: 'nl' | 'en';
  /** Only for improvements.csv (default semicolon, what Dutch Excel expects). */
  delimiter?: CsvDelimiter;
}

/** A downloaded file: its bytes and the name the server gave it. */
export interface Download {
  blob: Blob;
  fileName: string;
}

/** Bytes read so far, and the whole size when the server said it. */
export type Progress = (loaded: number, total: number | null) => void;

function workshopPath(workshopId: string): string {
  return `api/workshops/${encodeURIComponent(workshopId)}`;
}

/** The export's address: workshop, name and options only; the key travels in a header. */
export function exportPath(workshopId: string, name: ExportName, options: ExportOptions = {}): string {
  const query = new URLSearchParams();
  if (options.lang) query.set('lang', options.lang);
  if (name === 'improvements.csv' && options.delimiter) query.set('delimiter', options.delimiter);
  const q = query.toString();
  return `${workshopPath(workshopId)}/export/${name}${q ? `?${q}` : ''}`;
}

export function archivePath(workshopId: string): string {
  return `${workshopPath(workshopId)}/archive`;
}

/**
 * The file name of a Content-Disposition header (RFC 6266: `filename*=UTF-8''…` preferred,
 * then `filename="…"`), without any folder part; `fallback` when there is none.
 */
export function fileNameFrom(header: string | null, fallback: string): string {
  if (!header) return fallback;
  let name: string | null = null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star) {
    try {
      name = decodeURIComponent(star[1]!.trim());
    } catch {
      name = null;
    }
  }
  if (name === null) {
    const quoted = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/.exec(header);
    const bare = /filename\s*=\s*([^";]+)/.exec(header);
    name = quoted ? quoted[1]!.replace(/\\(.)/g, '$1') : bare ? bare[1]!.trim() : null;
  }
  const base = name?.split(/[\\/]/).pop()?.trim() ?? '';
  return base === '' || base === '.' || base === '..' ? fallback : base;
}

async function errorOf(response: Response): Promise<ApiResult<never>> {
  let code = 'error';
  let message: string | undefined;
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    if (body?.error) {
      code = String(body.error.code ?? code);
      if (typeof body.error.message === 'string') message = body.error.message;
    }
  } catch {
    // Not JSON: the status says enough.
  }
  return { ok: false, status: response.status, code, ...(message !== undefined ? { message } : {}) };
}

/** Reads the body chunk by chunk, reporting progress; a browser without streams reads it whole. */
async function readBody(response: Response, onProgress?: Progress): Promise<Blob> {
  const type = response.headers.get('Content-Type') ?? 'application/octet-stream';
  const length = Number(response.headers.get('Content-Length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const reader = response.body?.getReader();
  if (!reader) {
    const blob = await response.blob();
    onProgress?.(blob.size, total);
    return blob;
  }
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  onProgress?.(0, total);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onProgress?.(loaded, total);
  }
  return new Blob(chunks as BlobPart[], { type });
}

/** GETs a facilitator file; the key goes only in the Authorization header. */
export async function downloadFile(path: string, key: string, fallbackName: string, onProgress?: Progress): Promise<ApiResult<Download>> {
  let response: Response;
  try {
    response = await fetch(path, { headers: bearer(key), cache: 'no-store' });
  } catch {
    return { ok: false, status: 0, code: 'network' };
  }
  if (!response.ok) return errorOf(response);
  try {
    const blob = await readBody(response, onProgress);
    return { ok: true, value: { blob, fileName: fileNameFrom(response.headers.get('Content-Disposition'), fallbackName) } };
  } catch {
    return { ok: false, status: 0, code: 'network' };
  }
}

export function downloadExport(
  workshopId: string,
  key: string,
  name: ExportName,
  options: ExportOptions = {},
  onProgress?: Progress,
): Promise<ApiResult<Download>> {
  return downloadFile(exportPath(workshopId, name, options), key, name, onProgress);
}

export function downloadArchive(workshopId: string, key: string, onProgress?: Progress): Promise<ApiResult<Download>> {
  return downloadFile(archivePath(workshopId), key, 'archive.json', onProgress);
}

/** The default --max-archive-bytes of the server (8 MiB); a server may allow less or more. */
export const DEFAULT_MAX_ARCHIVE_BYTES = 8 * 1024 * 1024;

/** Sends an archive file as it is; the server validates it strictly and creates nothing on error. */
export function importArchive(archiveText: string): Promise<ApiResult<CreateWorkshopResponse>> {
  return call<CreateWorkshopResponse>('api/workshops/import', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: archiveText,
  });
}

/**
 * A first look at a chosen archive file before it is sent: null when it may be one, else why
 * not ('json': not JSON; 'kind': JSON but not a Journeyboard archive). The server decides.
 */
export function archiveProblem(text: string): 'json' | 'kind' | null {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return 'json';
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return 'kind';
  const kind = (doc as { kind?: unknown }).kind;
  return kind === 'journeyboard.archive' ? null : 'kind';
}

/** Hands a downloaded file to the browser as a download (a temporary Blob link). */
export function saveDownload(download: Download): void {
  const url = URL.createObjectURL(download.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = download.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
