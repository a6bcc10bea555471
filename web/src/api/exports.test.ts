import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  archivePath,
  archiveProblem,
  downloadArchive,
  downloadExport,
  EXPORT_NAMES,
  exportPath,
  fileNameFrom,
  importArchive,
} from './exports';

interface Call {
  url: string;
  init: RequestInit;
}

function fakeFetch(make: () => Response): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return make();
  });
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe('export addresses (P-EXP)', () => {
  it('names every format of SPEC-4 §5', () => {
    expect(EXPORT_NAMES).toEqual([
      'improvements.csv',
      'improvements.xlsx',
      'improvements.ods',
      'improvements.md',
      'improvements.json',
      'report.html',
      'board.svg',
    ]);
  });

  it('puts the language and, for CSV only, the delimiter in the query', () => {
    expect(exportPath('w1', 'improvements.csv', { lang: 'nl', delimiter: 'tab' })).toBe(
      'api/workshops/w1/export/improvements.csv?lang=nl&delimiter=tab',
    );
    expect(exportPath('w1', 'improvements.xlsx', { lang: 'en', delimiter: 'comma' })).toBe('api/workshops/w1/export/improvements.xlsx?lang=en');
    expect(exportPath('w 1', 'board.svg')).toBe('api/workshops/w%201/export/board.svg');
    expect(archivePath('w1')).toBe('api/workshops/w1/archive');
  });
});

describe('reading the file name (Content-Disposition)', () => {
  it('takes the quoted name, the RFC 5987 name first, and never a folder', () => {
    expect(fileNameFrom('attachment; filename="dag-1-improvements.csv"', 'x')).toBe('dag-1-improvements.csv');
    expect(fileNameFrom('attachment; filename=plain.md', 'x')).toBe('plain.md');
    expect(fileNameFrom(`attachment; filename="a.csv"; filename*=UTF-8''ca%C3%A9-verbeterlijst.csv`, 'x')).toBe('caé-verbeterlijst.csv');
    expect(fileNameFrom('attachment; filename="../../etc/passwd"', 'x')).toBe('passwd');
    expect(fileNameFrom('attachment; filename=".."', 'fallback.json')).toBe('fallback.json');
    expect(fileNameFrom(null, 'fallback.json')).toBe('fallback.json');
    expect(fileNameFrom('attachment', 'fallback.json')).toBe('fallback.json');
  });
});

describe('downloads', () => {
  it('P-EXP sends the facilitator key as a bearer token, never in the URL, and returns the bytes with the server\'s name', async () => {
    const bytes = new TextEncoder().encode('\uFEFFrang;idee\r\n1;Één loket\r\n');
    const calls = fakeFetch(
      () =>
        new Response(bytes, {
          status: 200,
          headers: {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': 'attachment; filename="dag-improvements.csv"',
            'Content-Length': String(bytes.byteLength),
          },
        }),
    );
    const progress: Array<[number, number | null]> = [];
    const result = await downloadExport('w1', 'secret-key', 'improvements.csv', { delimiter: 'semicolon' }, (l, t) => progress.push([l, t]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.fileName).toBe('dag-improvements.csv');
    expect(new Uint8Array(await result.value.blob.arrayBuffer())).toEqual(bytes);
    expect(result.value.blob.type).toBe('text/csv; charset=utf-8');
    const { url, init } = calls[0]!;
    expect(url).not.toContain('secret-key');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer secret-key');
    expect(progress.at(-1)).toEqual([bytes.byteLength, bytes.byteLength]);
  });

  it('reports the server\'s error code and message, and a network failure as status 0', async () => {
    fakeFetch(() => new Response(JSON.stringify({ error: { code: 'forbidden', message: 'wrong key' } }), { status: 403 }));
    expect(await downloadArchive('w1', 'k')).toEqual({ ok: false, status: 403, code: 'forbidden', message: 'wrong key' });
    fakeFetch(() => new Response('not json', { status: 500 }));
    expect(await downloadExport('w1', 'k', 'report.html')).toEqual({ ok: false, status: 500, code: 'error' });
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await downloadExport('w1', 'k', 'board.svg')).toEqual({ ok: false, status: 0, code: 'network' });
  });

  it('falls back to the export\'s own name without a Content-Disposition', async () => {
    fakeFetch(() => new Response('<svg/>', { status: 200, headers: { 'Content-Type': 'image/svg+xml' } }));
    const result = await downloadExport('w1', 'k', 'board.svg');
    expect(result.ok && result.value.fileName).toBe('board.svg');
  });
});

describe('importing an archive (P-ARC)', () => {
  it('posts the file as it is and returns the new workshop', async () => {
    const created = { workshopId: 'w9', joinCode: 'K7MP2Q', facilitatorKey: 'k9', screenKey: 's9', title: 'Dag 1' };
    const calls = fakeFetch(() => new Response(JSON.stringify(created), { status: 201 }));
    const text = '{"formatVersion":1,"kind":"journeyboard.archive"}';
    expect(await importArchive(text)).toEqual({ ok: true, value: created });
    expect(calls[0]!.url).toBe('api/workshops/import');
    expect(calls[0]!.init.method).toBe('POST');
    expect(calls[0]!.init.body).toBe(text);
  });

  it('carries the server\'s reason for a bad archive and the size limit', async () => {
    fakeFetch(() => new Response(JSON.stringify({ error: { code: 'invalid', message: 'archive.state.cards[3].laneId: unknown lane' } }), { status: 400 }));
    expect(await importArchive('{}')).toEqual({ ok: false, status: 400, code: 'invalid', message: 'archive.state.cards[3].laneId: unknown lane' });
    fakeFetch(() => new Response(JSON.stringify({ error: { code: 'too_large', message: 'too large' } }), { status: 413 }));
    expect(await importArchive('{}')).toMatchObject({ ok: false, status: 413, code: 'too_large' });
  });

  it('looks at a chosen file before sending it: not JSON, or not an archive', () => {
    expect(archiveProblem('{"formatVersion":1,"kind":"journeyboard.archive","state":{}}')).toBeNull();
    expect(archiveProblem('{oops')).toBe('json');
    expect(archiveProblem('[]')).toBe('kind');
    expect(archiveProblem('{"formatVersion":1,"title":"a template"}')).toBe('kind');
  });
});
