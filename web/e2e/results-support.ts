// Helpers for the results browser tests (export.spec.ts, results.spec.ts): a voting round by
// the UI, downloads from the export dialog, and independent readers for the files: an
// RFC 4180 CSV parser written here, XLSX through Debian's python3-openpyxl, the ODS container
// and its content.xml through Python's zipfile, SVG through the browser's XML parser.

import type { Download, Locator, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type User } from './support';

// ---- a voting round through the UI ----

/** The facilitator starts a round on all ideas. */
export async function startRound(facilitator: User, criterion: string, budget: number, maxPerItem: number): Promise<void> {
  const page = facilitator.page;
  await page.locator('summary', { hasText: 'Nieuwe stemronde' }).click();
  await page.getByLabel('Waarop stemmen jullie?').fill(criterion);
  await page.getByLabel('Stemmen per persoon').fill(String(budget));
  await page.getByLabel('Hoogstens per idee').fill(String(maxPerItem));
  await page.getByRole('button', { name: 'Ronde starten' }).click();
  await expect(page.getByTestId('open-round')).toContainText(`Ronde 1 loopt: ${criterion}`);
}

/** One vote for the idea `text`, by keyboard. */
export async function vote(u: User, text: string): Promise<void> {
  const item = u.page.locator('.ballot__item').filter({ hasText: text });
  const used = await u.page.getByTestId('ballot-budget').textContent();
  await item.getByRole('button', { name: `Stem geven: ${text}` }).focus();
  await u.page.keyboard.press('Enter');
  await expect(u.page.getByTestId('ballot-budget')).not.toHaveText(used ?? '');
}

export async function closeRound(facilitator: User): Promise<void> {
  await facilitator.page.getByRole('button', { name: 'Ronde sluiten en uitslag tonen' }).click();
  await expect(facilitator.page.getByTestId('result')).toBeVisible();
}

/** A card's own tool, by keyboard (the tools show on focus). */
export async function cardAction(u: User, text: string, name: string): Promise<void> {
  const card = u.page.locator('li.card[data-card-id]').filter({ has: u.page.locator('.card__text', { hasText: text }) });
  await card.focus();
  await card.getByRole('button', { name }).focus();
  await u.page.keyboard.press('Enter');
}

/** Links idea `idea` to the pain point `pain` with the card's "Koppelen" dialog. */
export async function linkIdea(u: User, idea: string, pain: string): Promise<void> {
  await cardAction(u, idea, `Koppelen aan knelpunt: ${idea}`);
  await u.page.getByRole('dialog', { name: 'Koppelen aan een knelpunt' }).getByRole('button', { name: pain }).click();
  // By its own text: the pain point's card now names the idea too ("Opgelost door: …").
  await expect(u.page.locator('li.card[data-card-id]').filter({ has: u.page.locator('.card__text', { hasText: idea }) })).toContainText(`Lost op: ${pain}`);
}

// ---- the export dialog ----

export function exportDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Resultaten exporteren' });
}

export interface Downloaded {
  name: string;
  path: string;
  bytes: Buffer;
  text: string;
}

/** Clicks a download button and waits for the browser's download of the Blob. */
export async function download(page: Page, button: Locator): Promise<Downloaded> {
  const [d] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return read(d);
}

/** Saves the download under its own name (readers such as openpyxl go by the extension). */
async function read(d: Download): Promise<Downloaded> {
  const path = join(mkdtempSync(join(tmpdir(), 'jb-download-')), d.suggestedFilename());
  await d.saveAs(path);
  const bytes = readFileSync(path);
  return { name: d.suggestedFilename(), path, bytes, text: bytes.toString('utf8') };
}

// ---- readers ----

/** Debian's Python, where python3-openpyxl is installed (not a pyenv or venv one on the PATH). */
const PYTHON = process.env.JB_PYTHON ?? '/usr/bin/python3';

/** RFC 4180: fields split by `delimiter`, records by CRLF, "…" quoting with "" for a quote. */
export function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Every sheet of an XLSX file as rows of cell values (empty cells at a row's end left off), read by python3-openpyxl. */
export function readXlsx(path: string): Record<string, Array<Array<string | number | null>>> {
  const script = [
    'import json, sys, openpyxl',
    'wb = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)',
    'def trim(row):',
    '    row = list(row)',
    '    while row and row[-1] is None: row.pop()',
    '    return row',
    'out = {ws.title: [trim(row) for row in ws.iter_rows(values_only=True)] for ws in wb.worksheets}',
    'print(json.dumps(out, ensure_ascii=False, default=str))',
  ].join('\n');
  return JSON.parse(execFileSync(PYTHON, ['-c', script, path], { encoding: 'utf8' })) as Record<string, Array<Array<string | number | null>>>;
}

/** The entries of a ZIP container in order, with the `mimetype` entry's text and compression. */
export function readZip(path: string): { names: string[]; mimetype: string; mimetypeStored: boolean; content: string } {
  const script = [
    'import json, sys, zipfile',
    'z = zipfile.ZipFile(sys.argv[1])',
    'infos = z.infolist()',
    'm = z.getinfo("mimetype")',
    'print(json.dumps({"names": [i.filename for i in infos], "mimetype": z.read("mimetype").decode(),',
    '  "mimetypeStored": m.compress_type == zipfile.ZIP_STORED, "content": z.read("content.xml").decode("utf-8")}, ensure_ascii=False))',
  ].join('\n');
  return JSON.parse(execFileSync(PYTHON, ['-c', script, path], { encoding: 'utf8' })) as ReturnType<typeof readZip>;
}

/** The text of an XML document (SVG, ODS content) as the browser parses it; null if it is not well-formed. */
export async function xmlText(page: Page, xml: string, mime: 'image/svg+xml' | 'application/xml' = 'image/svg+xml'): Promise<string | null> {
  return page.evaluate(
    ([source, type]) => {
      const doc = new DOMParser().parseFromString(source, type as DOMParserSupportedType);
      if (doc.getElementsByTagName('parsererror').length > 0) return null;
      return doc.documentElement.textContent;
    },
    [xml, mime] as const,
  );
}
