// The template and facilitator requests of protocol.md (P-HTTP-8..9, P-TPL-*, P-DEL-1): the
// template list, creating a workshop from a source, a workshop's structure as a template, and
// deleting a workshop. Facilitator requests carry the key as a bearer token, never in the URL.

import type { CreateWorkshopResponse, LaneKind, Persona, TargetGroup } from '../protocol/types';
import { bearer, call, type ApiResult } from './http';

export interface TemplateLane {
  title: string;
  kind: LaneKind;
  question?: string;
}
export interface TemplateJourney {
  title: string;
  targetGroup: TargetGroup;
  persona?: Persona | null;
  phases: Array<{ title: string }>;
  lanes: TemplateLane[];
}
/** schemas/template.schema.json; `id` only in the list of shipped templates. */
export interface TemplateDoc {
  id?: string;
  formatVersion: 1;
  title: string;
  description?: string;
  journeys: TemplateJourney[];
}

export type WorkshopSource =
  | { kind: 'default' }
  | { kind: 'empty' }
  | { kind: 'template'; templateId: string }
  | { kind: 'file'; template: unknown }
  | { kind: 'workshop'; workshopId: string; facilitatorKey: string };

export function listTemplates(): Promise<ApiResult<{ templates: TemplateDoc[] }>> {
  return call<{ templates: TemplateDoc[] }>('api/templates');
}

export function createWorkshopFrom(title: string, source: WorkshopSource): Promise<ApiResult<CreateWorkshopResponse>> {
  // The earlier workshop's key goes in the header; the body names only the workshop.
  const body =
    source.kind === 'workshop'
      ? { title, source: { kind: 'workshop', workshopId: source.workshopId } }
      : source.kind === 'default'
        ? { title }
        : { title, source };
  return call<CreateWorkshopResponse>('api/workshops', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(source.kind === 'workshop' ? bearer(source.facilitatorKey) : {}),
    },
    body: JSON.stringify(body),
  });
}

export function fetchStructure(workshopId: string, key: string): Promise<ApiResult<TemplateDoc>> {
  return call<TemplateDoc>(`api/workshops/${encodeURIComponent(workshopId)}/template`, { headers: bearer(key) });
}

/** DELETE answers 204 without a body. */
export async function deleteWorkshop(workshopId: string, key: string): Promise<ApiResult<null>> {
  let response: Response;
  try {
    response = await fetch(`api/workshops/${encodeURIComponent(workshopId)}`, {
      method: 'DELETE',
      headers: bearer(key),
    });
  } catch {
    return { ok: false, status: 0, code: 'network' };
  }
  if (response.status === 204) return { ok: true, value: null };
  let code = 'error';
  try {
    const body = (await response.json()) as { error?: { code?: string } };
    code = body.error?.code ?? code;
  } catch {
    // No JSON: keep the generic code.
  }
  return { ok: false, status: response.status, code };
}

/** A file name for a downloaded template: the title's letters and digits. */
export function templateFileName(title: string): string {
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'klantreis'}.template.json`;
}
