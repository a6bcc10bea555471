// How the method's values read: channel names and icons, score values, means and gaps, in the
// current language. The icon is decoration: a channel is always written out too (P-METH-1).

import { getLang, t, type MessageKey } from '../../i18n/i18n';
import type { Card, Phase } from '../../model/board';
import { isEmotion } from '../../model/method';
import type { Channel, ScoreScale } from '../../protocol/types';
import { oneLineText } from '../CardView';
import { h } from '../dom';
import { channelIcon } from './channelIcons';


export function channelName(channel: Channel): string {
  return t(`method.channel.${channel}` as MessageKey);
}

/** The badge: icon (hidden from screen readers) and the channel's name, "Kanaal: " for them. */
export function channelBadge(channel: Channel): HTMLElement {
  return h(
    'p',
    { class: 'card__badge card__badge--channel', 'data-channel': channel },
    channelIcon(channel),
    h('span', { class: 'sr-only' }, t('method.channel.badge'), ' '),
    h('span', null, channelName(channel)),
  );
}

export function scaleName(scale: ScoreScale): string {
  return t(`method.scale.${scale}` as MessageKey);
}

/** "+1 positief", "4 hoog". */
export function valueName(scale: ScoreScale, value: number): string {
  return t((isEmotion(scale) ? `method.emotion.${value}` : `method.rating.${value}`) as MessageKey);
}

function decimal(value: number, signed: boolean): string {
  return new Intl.NumberFormat(getLang(), {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: signed ? 'exceptZero' : 'auto',
  }).format(value);
}

/** A mean or a gap with one decimal, signed for emotions and gaps ("+0,5"); a dash for none. */
export function formatFigure(value: number | null, signed = false): string {
  return value === null ? t('method.none') : decimal(value, signed);
}

/** What a score target is called: the card's short text, or "fase Aanvragen". */
export function targetName(card: Card | null | undefined, phase: Phase | null | undefined): string {
  if (card) return oneLineText(card.text);
  return phase ? t('method.phase', { title: phase.title }) : '';
}
