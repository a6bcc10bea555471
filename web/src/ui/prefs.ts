// What the browser remembers for the user (localStorage): the display name, and per workshop
// the facilitator key and the join code. Failing storage only means forgetting.

function get(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function set(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Not remembered.
  }
}

export function rememberedName(): string {
  return get('jb.displayName') ?? '';
}

export function rememberName(name: string): void {
  set('jb.displayName', name);
}

export function facilitatorKeyFor(workshopId: string): string | null {
  return get(`jb.fkey.${workshopId}`);
}

export function rememberFacilitatorKey(workshopId: string, key: string): void {
  set(`jb.fkey.${workshopId}`, key);
}

export function joinCodeFor(workshopId: string): string | null {
  return get(`jb.code.${workshopId}`);
}

export function rememberJoinCode(workshopId: string, code: string): void {
  set(`jb.code.${workshopId}`, code);
}

/** Forgets the remembered key; with `onlyIf`, only while it is that key (another tab may have stored a newer one). */
export function forgetFacilitatorKey(workshopId: string, onlyIf?: string): void {
  if (onlyIf !== undefined && facilitatorKeyFor(workshopId) !== onlyIf) return;
  try {
    localStorage.removeItem(`jb.fkey.${workshopId}`);
  } catch {
    // Nothing to forget.
  }
}

/** How the board is shown: the table ("grid") or the outline ("list"). */
export type BoardMode = 'grid' | 'list';

/** The user's own choice, or null when they never chose (then the screen width decides). */
export function rememberedBoardMode(): BoardMode | null {
  const value = get('jb.boardMode');
  return value === 'grid' || value === 'list' ? value : null;
}

export function rememberBoardMode(mode: BoardMode): void {
  set('jb.boardMode', mode);
}

/** The groups this viewer folded shut on the board of a workshop (ui/GroupFolds). */
export function rememberedFoldedGroups(workshopId: string): string[] {
  try {
    const value: unknown = JSON.parse(get(`jb.folds.${workshopId}`) ?? '[]');
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberFoldedGroups(workshopId: string, groupIds: readonly string[]): void {
  set(`jb.folds.${workshopId}`, JSON.stringify(groupIds));
}
