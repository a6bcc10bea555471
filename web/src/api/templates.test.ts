import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWorkshopFrom, deleteWorkshop, templateFileName } from './templates';

function fakeFetch(status: number, body: unknown) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(body === null ? null : JSON.stringify(body), { status });
  });
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe('template requests', () => {
  it('P-HTTP-9 copying an earlier workshop sends its key as a bearer token, never in the body or URL', async () => {
    const calls = fakeFetch(201, { workshopId: 'w2', joinCode: 'K7MP2Q', facilitatorKey: 'k2', title: 'T' });
    const result = await createWorkshopFrom('T', { kind: 'workshop', workshopId: 'w1', facilitatorKey: 'secret-key' });
    expect(result.ok).toBe(true);
    const { url, init } = calls[0]!;
    expect(url).toBe('api/workshops');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer secret-key');
    expect(JSON.parse(init.body as string)).toEqual({ title: 'T', source: { kind: 'workshop', workshopId: 'w1' } });
    expect(init.body as string).not.toContain('secret-key');
  });

  it('P-HTTP-8 a template source goes in the body; the default board sends no source', async () => {
    const calls = fakeFetch(201, { workshopId: 'w', joinCode: 'K7MP2Q', facilitatorKey: 'k', title: 'T' });
    await createWorkshopFrom('T', { kind: 'template', templateId: 'verhuizing-doorgeven' });
    await createWorkshopFrom('T', { kind: 'default' });
    expect(JSON.parse(calls[0]!.init.body as string).source).toEqual({ kind: 'template', templateId: 'verhuizing-doorgeven' });
    expect(JSON.parse(calls[1]!.init.body as string)).toEqual({ title: 'T' });
  });

  it('P-HTTP-8 a refused file carries the server message for the user', async () => {
    fakeFetch(400, { error: { code: 'invalid', message: 'source.template: not a valid journey template: title: missing' } });
    const result = await createWorkshopFrom('T', { kind: 'file', template: {} });
    expect(result).toEqual({ ok: false, status: 400, code: 'invalid', message: 'source.template: not a valid journey template: title: missing' });
  });

  it('P-DEL-1 delete is ok on 204 and reports the error code otherwise', async () => {
    const calls = fakeFetch(204, null);
    expect(await deleteWorkshop('w1', 'k')).toEqual({ ok: true, value: null });
    expect(calls[0]!.init.method).toBe('DELETE');
    fakeFetch(403, { error: { code: 'forbidden', message: 'no' } });
    expect(await deleteWorkshop('w1', 'k')).toEqual({ ok: false, status: 403, code: 'forbidden' });
  });

  it('names a downloaded template after its title', () => {
    expect(templateFileName('Omgevingsvergunning aanvragen (inwoner)')).toBe('omgevingsvergunning-aanvragen-inwoner.template.json');
    expect(templateFileName('Één café')).toBe('een-cafe.template.json');
    expect(templateFileName('!!!')).toBe('klantreis.template.json');
  });
});
