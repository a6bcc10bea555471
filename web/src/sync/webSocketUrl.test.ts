import { describe, expect, it } from 'vitest';
import { webSocketUrl } from './environment';

const at = (href: string) => new URL(href) as unknown as Location;

describe('webSocketUrl (P-WS-11)', () => {
  it('names the workshop in the URL, for a router, on the page\'s own origin and path', () => {
    expect(webSocketUrl(at('http://localhost:8080/?w=x#k=1'), 'ws-1')).toBe('ws://localhost:8080/ws?w=ws-1');
    expect(webSocketUrl(at('https://example.nl/journeyboard/'), 'abc')).toBe('wss://example.nl/journeyboard/ws?w=abc');
  });
});
