// For the facilitator: the join code in large type and the join link, to put on the projector.

import { t } from '../i18n/i18n';
import { h } from './dom';

/** Owns the "join in" section of the side panel. */
export class SharePanel {
  readonly el: HTMLElement;

  constructor(
    private readonly code: string,
    private readonly onCopied: () => void,
  ) {
    this.el = h('section', { class: 'aside__section share', 'aria-labelledby': 'share-title' });
    this.render();
  }

  render(): void {
    const base = `${location.origin}${location.pathname}`;
    const link = `${base}#/join/${this.code}`;
    const copy = typeof navigator.clipboard?.writeText === 'function'
      ? h('button', { type: 'button', class: 'button button--small' }, t('share.copy'))
      : null;
    copy?.addEventListener('click', () => {
      navigator.clipboard.writeText(link).then(this.onCopied, () => undefined);
    });
    this.el.replaceChildren(
      h('h2', { id: 'share-title', class: 'aside__heading' }, t('share.heading')),
      h('p', { class: 'share__label' }, t('share.codeLabel')),
      h('p', { class: 'share__code', 'data-testid': 'join-code' }, this.code),
      h('p', { class: 'share__explain' }, t('share.explain', { url: base.replace(/^https?:\/\//, '') })),
      h('p', { class: 'share__link' }, h('a', { href: link, 'data-testid': 'join-link' }, link)),
      ...(copy ? [copy] : []),
    );
  }
}
