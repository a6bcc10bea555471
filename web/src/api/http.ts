// The HTTP API of protocol.md: create a workshop, look up a join code, replace the facilitator
// key; and the bearer header every facilitator request carries (P-HTTP-9).

import type { CreateWorkshopResponse, JoinLookupResponse } from '../protocol/types';

export type ApiResult<T> =
  | { ok: true; value: T }
  | { ok: false; status: number; code: string; message?: string };

export async function call<T>(path: string, init?: RequestInit): Promise<ApiResult<T>> {
  let response: Response;
  try {
    // Relative to the page, so the client also works behind a reverse proxy under a path.
    response = await fetch(path, init);
  } catch {
    return { ok: false, status: 0, code: 'network' };
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (response.ok && body && typeof body === 'object') return { ok: true, value: body as T };
  const error =
    body && typeof body === 'object' && 'error' in body
      ? (body as { error: { code?: unknown; message?: unknown } }).error
      : null;
  const code = error ? String(error.code ?? 'error') : 'error';
  const message = error && typeof error.message === 'string' ? error.message : undefined;
  return { ok: false, status: response.status, code, message };
}

export function createWorkshop(title: string): Promise<ApiResult<CreateWorkshopResponse>> {
  return call<CreateWorkshopResponse>('api/workshops', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title }),
  });
}

export function lookupJoinCode(code: string): Promise<ApiResult<JoinLookupResponse>> {
  return call<JoinLookupResponse>(`api/join/${encodeURIComponent(code)}`);
}

/** A join code as people type it: spaces and dashes dropped, upper case. */
export function normaliseJoinCode(input: string): string {
  return input.replace(/[\s-]+/g, '').toUpperCase();
}

/** protocol.md P-HTTP-3: 6 characters without 0 O 1 I L. */
export function looksLikeJoinCode(code: string): boolean {
  return /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/.test(code);
}

/** The facilitator key (or a facilitator's own participant token) as P-HTTP-9 wants it. */
export function bearer(key: string): Record<string, string> {
  return { Authorization: `Bearer ${key}` };
}

/** P-HTTP-11: a new facilitator key replaces the old one, which opens nothing from then on. */
export function replaceFacilitatorKey(workshopId: string, credential: string): Promise<ApiResult<{ facilitatorKey: string }>> {
  return call<{ facilitatorKey: string }>(`api/workshops/${encodeURIComponent(workshopId)}/facilitator-key`, {
    method: 'POST',
    headers: bearer(credential),
  });
}
