// For the facilitator: the join code in large type, the join link and its QR code (to put on
// the projector), and the read-only big-screen link.

import { t } from '../i18n/i18n';
import { h } from './dom';
import { qrSvg } from './facilitator/qr';

export interface ShareScreen {
  workshopId: string;
  /** The big-screen key, once the server has told it. */
  screenKey(): string | null;
  /** The control that pins a stage on the big screen, shown with its link. */
  pinControl?: HTMLElement;
}

function copyButton(label: string, text: string, onCopied: () => void, testId: string): HTMLButtonElement | null {
  if (typeof navigator.clipboard?.writeText !== 'function') return null;
  const b = h('button', { type: 'button', class: 'button button--small', 'data-testid': testId }, label);
  b.addEventListener('click', () => {
    navigator.clipboard.writeText(text).then(onCopied, () => undefined);
  });
  return b;
}

/** Owns the "join in" section of the side panel. */
export class SharePanel {
  readonly el: HTMLElement;
  private shownScreenKey: string | null = null;

  constructor(
    private readonly code: string,
    private readonly onCopied: () => void,
    private readonly screen?: ShareScreen,
  ) {
    this.el = h('section', { class: 'aside__section share', 'aria-labelledby': 'share-title' });
    this.render();
  }

  /** Re-renders when the screen key has arrived. */
  update(): void {
    if ((this.screen?.screenKey() ?? null) !== this.shownScreenKey) this.render();
  }

  render(): void {
    const base = `${location.origin}${location.pathname}`;
    const link = `${base}#/join/${this.code}`;
    const screenKey = this.screen?.screenKey() ?? null;
    this.shownScreenKey = screenKey;
    const screenLink = screenKey && this.screen ? `${base}#/w/${this.screen.workshopId}?screen=${encodeURIComponent(screenKey)}` : null;
    const copy = copyButton(t('share.copy'), link, this.onCopied, 'copy-join-link');
    this.el.replaceChildren(
      h('h2', { id: 'share-title', class: 'aside__heading' }, t('share.heading')),
      h('p', { class: 'share__label' }, t('share.codeLabel')),
      h('p', { class: 'share__code', 'data-testid': 'join-code' }, this.code),
      h('p', { class: 'share__explain' }, t('share.explain', { url: base.replace(/^https?:\/\//, '') })),
      h('p', { class: 'share__link' }, h('a', { href: link, 'data-testid': 'join-link' }, link)),
      ...(copy ? [copy] : []),
      h('div', { class: 'share__qr', 'data-testid': 'join-qr' }, qrSvg(link, t('facil.share.qrLabel'))),
      ...(screenLink
        ? [
            h('h3', { class: 'facil__heading' }, t('facil.share.screenHeading')),
            h('p', { class: 'share__explain' }, t('facil.share.screenExplain')),
            h('p', { class: 'share__link' }, h('a', { href: screenLink, 'data-testid': 'screen-link' }, screenLink)),
            copyButton(t('facil.share.copyScreen'), screenLink, this.onCopied, 'copy-screen-link'),
            this.screen?.pinControl ?? null,
          ].filter((e): e is NonNullable<typeof e> => e !== null)
        : []),
    );
  }
}
