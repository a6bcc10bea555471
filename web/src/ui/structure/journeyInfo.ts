// The line above a journey's table: its title, whose journey it is, and the persona's name and
// description when it has one, so every team sees who they map the journey for.

import type { Journey } from '../../model/board';
import { t, type MessageKey } from '../../i18n/i18n';
import { h } from '../dom';

export function journeyInfo(j: Journey): HTMLElement {
  const group = t(`group.${j.targetGroup}` as MessageKey);
  return h(
    'div',
    { class: 'journey-info', 'data-journey-id': j.id },
    h('h2', { class: 'journey-info__title' }, j.title, h('span', { class: 'journey-info__group' }, ` · ${group}`)),
    personaLine(j),
  );
}

/** The persona's name and description, when the journey has one (the list view shows it under each journey's own heading). */
export function personaLine(j: Journey): HTMLElement | null {
  if (!j.persona) return null;
  return h(
    'p',
    { class: 'journey-info__persona' },
    h('strong', null, t('journey.persona', { name: j.persona.name })),
    j.persona.description ? ` – ${j.persona.description}` : '',
  );
}
