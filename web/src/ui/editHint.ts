// The hint under a text being edited: the keys on a computer, the tap on a touch screen (a phone
// has no Ctrl key, so "Ctrl+Enter: opslaan" only confuses there).

import { t } from '../i18n/i18n';

/** True on a device whose main pointer is a finger (phone, tablet), without a hover. */
export function touchOnly(): boolean {
  return window.matchMedia?.('(hover: none) and (pointer: coarse)').matches ?? false;
}

/** `card`: a note on the board saves when you tap away; `list`: the list view's Save button. */
export function editHint(where: 'card' | 'list'): string {
  if (!touchOnly()) return t('card.editHint');
  return t(where === 'card' ? 'card.editHintTouch' : 'list.editHintTouch');
}
