// The channels' icons as inline SVG (simple strokes, 24×24): emoji need an emoji font, which a
// projector laptop may lack (it showed empty boxes). Decoration only: the channel's name is
// always written next to the icon (P-METH-1).

import type { Channel } from '../../protocol/types';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Path data per channel, drawn with a 2 px stroke in the text colour. */
const PATHS: Readonly<Record<Channel, readonly string[]>> = {
  // A globe.
  website: ['M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z', 'M3 12h18', 'M12 3c-3 3.2-3 14.8 0 18', 'M12 3c3 3.2 3 14.8 0 18'],
  // A handset.
  phone: ['M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a1 1 0 0 1-1 1A16 16 0 0 1 4 5a1 1 0 0 1 1-1z'],
  // A counter with a person behind it.
  desk: ['M12 4a2.5 2.5 0 1 0 0 5a2.5 2.5 0 1 0 0-5z', 'M7 14c0-2.5 2.2-4 5-4s5 1.5 5 4', 'M3 14h18v6H3z'],
  // An envelope.
  letter: ['M3 6h18v12H3z', 'M3 6l9 7 9-7'],
  // An at sign.
  email: ['M16 12a4 4 0 1 1-8 0a4 4 0 1 1 8 0z', 'M16 8v5a2.5 2.5 0 0 0 5 0v-1a9 9 0 1 0-3.5 7.1'],
  // A phone with an app screen.
  app: ['M7 2h10a1 1 0 0 1 1 1v18a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1z', 'M10 18.5h4', 'M9 6h6v8H9z'],
  // Three dots.
  other: ['M5 12h.01', 'M12 12h.01', 'M19 12h.01'],
};

/** The icon of `channel`, hidden from screen readers (its name is written next to it). */
export function channelIcon(channel: Channel): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('class', 'channel-icon');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.dataset.channel = channel;
  for (const d of PATHS[channel]) {
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}
