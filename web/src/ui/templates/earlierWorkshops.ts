// The workshops this browser created (id and title), so that a facilitator can start a new one
// from an earlier one's structure. The facilitator key itself stays where prefs keeps it.

import { facilitatorKeyFor } from '../prefs';

const KEY = 'jb.workshops';
const MAX = 50;

export interface EarlierWorkshop {
  workshopId: string;
  title: string;
}

function read(): EarlierWorkshop[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    if (!Array.isArray(value)) return [];
    return value.filter(
      (w): w is EarlierWorkshop =>
        !!w && typeof w === 'object' && typeof w.workshopId === 'string' && typeof w.title === 'string',
    );
  } catch {
    return [];
  }
}

function write(list: EarlierWorkshop[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(list.slice(0, MAX)));
  } catch {
    // Not remembered.
  }
}

export function rememberWorkshop(workshopId: string, title: string): void {
  write([{ workshopId, title }, ...read().filter((w) => w.workshopId !== workshopId)]);
}

export function forgetWorkshop(workshopId: string): void {
  write(read().filter((w) => w.workshopId !== workshopId));
}

/** Newest first; only those whose facilitator key this browser still has. */
export function earlierWorkshops(): Array<EarlierWorkshop & { facilitatorKey: string }> {
  const out: Array<EarlierWorkshop & { facilitatorKey: string }> = [];
  for (const w of read()) {
    const key = facilitatorKeyFor(w.workshopId);
    if (key) out.push({ ...w, facilitatorKey: key });
  }
  return out;
}
