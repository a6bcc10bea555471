// Which groups this viewer folded shut on the board. A view choice like the zoom, not a change
// to the journey: folding a pile on one laptop must not hide it from the others who work on the
// same board at that moment (the facilitator steers what the room sees with the big screen and
// "follow me"). So it is this browser's own state, remembered per workshop, and never sent.

import { rememberedFoldedGroups, rememberFoldedGroups } from './prefs';

/** Owns the set of folded group ids of one workshop in this browser. */
export class GroupFolds {
  private readonly folded: Set<string>;

  constructor(
    private readonly workshopId: string,
    /** Called after each fold or unfold, to draw the board again. */
    private readonly changed: () => void,
  ) {
    this.folded = new Set(rememberedFoldedGroups(workshopId));
  }

  isFolded(groupId: string): boolean {
    return this.folded.has(groupId);
  }

  /** Folds or unfolds a group; forgets the folds of groups no longer in `existing`. */
  toggle(groupId: string, existing: ReadonlySet<string>): void {
    if (!this.folded.delete(groupId)) this.folded.add(groupId);
    for (const id of this.folded) if (!existing.has(id)) this.folded.delete(id);
    rememberFoldedGroups(this.workshopId, [...this.folded]);
    this.changed();
  }
}
