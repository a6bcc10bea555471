// A read-only preview of a template: per journey its target group (or persona), its phases in
// order and its lanes with their guiding questions. Text only, never HTML.

import type { TemplateDoc } from '../../api/templates';
import { t, type MessageKey } from '../../i18n/i18n';
import { h } from '../dom';

export function templatePreview(doc: TemplateDoc): HTMLElement {
  return h(
    'div',
    { class: 'template-preview', 'data-testid': 'template-preview' },
    doc.description ? h('p', { class: 'template-preview__description' }, doc.description) : null,
    ...doc.journeys.map((j) =>
      h(
        'section',
        { class: 'template-preview__journey' },
        h(
          'h3',
          null,
          j.title,
          h('span', { class: 'template-preview__group' }, ` · ${t(`group.${j.targetGroup}` as MessageKey)}`),
        ),
        j.persona ? h('p', { class: 'template-preview__persona' }, `${j.persona.name}: ${j.persona.description}`) : null,
        h('p', { class: 'template-preview__label' }, t('source.previewPhases')),
        h('ol', { class: 'template-preview__phases' }, ...j.phases.map((p) => h('li', null, p.title))),
        h('p', { class: 'template-preview__label' }, t('source.previewLanes')),
        h(
          'ul',
          { class: 'template-preview__lanes' },
          ...j.lanes.map((l) =>
            h(
              'li',
              null,
              h('strong', null, l.title),
              ` (${t(`kind.${l.kind}` as MessageKey)})`,
              l.question ? h('span', { class: 'template-preview__question' }, ` – ${l.question}`) : null,
            ),
          ),
        ),
      ),
    ),
  );
}
