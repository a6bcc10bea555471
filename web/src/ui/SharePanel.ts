// For the facilitator: the join code in large type, the join link and its QR code (to put on
// the projector), the door for new participants ("deur dicht", P-JOIN-10), and the read-only
// big-screen link.

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

/** The door for new participants: the board's state and the operation that changes it. */
export interface ShareDoor {
  /** Whether new participants may join, or null before the board is known. */
  open(): boolean | null;
  set(open: boolean): void;
}

/** The big screen's address for a workshop and its screen key (read-only, P-FAC-10). */
export function screenLinkFor(workshopId: string, screenKey: string): string {
  return `${location.origin}${location.pathname}#/w/${workshopId}?screen=${encodeURIComponent(screenKey)}`;
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
  private shownDoor: boolean | null = null;
  // Kept across updates, so that the button keeps keyboard focus when the door changes.
  private readonly doorState = h('p', { class: 'share__explain', 'data-testid': 'door-state' });
  private readonly doorButton = h('button', { type: 'button', class: 'button button--small', 'data-testid': 'door-toggle' });

  constructor(
    readonly code: string,
    private readonly onCopied: () => void,
    private readonly screen?: ShareScreen,
    private readonly door?: ShareDoor,
  ) {
    this.doorButton.addEventListener('click', () => {
      const open = this.door?.open();
      if (open !== null && open !== undefined) this.door!.set(!open);
    });
    this.el = h('section', { class: 'aside__section share', 'aria-labelledby': 'share-title' });
    this.render();
  }

  /** Re-renders when the screen key has arrived; follows the door. */
  update(): void {
    if ((this.screen?.screenKey() ?? null) !== this.shownScreenKey) this.render();
    else if ((this.door?.open() ?? null) !== this.shownDoor) this.renderDoor();
  }

  private renderDoor(): void {
    const open = this.door?.open() ?? null;
    this.shownDoor = open;
    this.doorState.textContent = open === null ? '' : t(open ? 'share.door.open' : 'share.door.closed');
    this.doorButton.textContent = t(open === false ? 'share.door.reopen' : 'share.door.close');
    this.doorButton.disabled = open === null;
  }

  render(): void {
    const base = `${location.origin}${location.pathname}`;
    const link = `${base}#/join/${this.code}`;
    const screenKey = this.screen?.screenKey() ?? null;
    this.shownScreenKey = screenKey;
    this.renderDoor();
    const screenLink = screenKey && this.screen ? screenLinkFor(this.screen.workshopId, screenKey) : null;
    const copy = copyButton(t('share.copy'), link, this.onCopied, 'copy-join-link');
    this.el.replaceChildren(
      h('h2', { id: 'share-title', class: 'aside__heading' }, t('share.heading')),
      h('p', { class: 'share__label' }, t('share.codeLabel')),
      h('p', { class: 'share__code', 'data-testid': 'join-code' }, this.code),
      h('p', { class: 'share__explain' }, t('share.explain', { url: base.replace(/^https?:\/\//, '') })),
      h('p', { class: 'share__link' }, h('a', { href: link, 'data-testid': 'join-link' }, link)),
      ...(copy ? [copy] : []),
      h('div', { class: 'share__qr', 'data-testid': 'join-qr' }, qrSvg(link, t('facil.share.qrLabel'))),
      ...(this.door ? [h('h3', { class: 'facil__heading' }, t('share.door.heading')), this.doorState, this.doorButton] : []),
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
