// The outside world the sync client talks to, as small interfaces: the browser provides the
// real ones, tests provide deterministic fakes (a socket that delivers only on flush, a clock
// that moves only when told).

/** The part of WebSocket the sync client uses. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export type SocketFactory = (url: string) => SocketLike;

export type TimerHandle = number | object;

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** Whether the device has a network at all (navigator.onLine and its events). */
export interface Network {
  isOnline(): boolean;
  subscribe(listener: (online: boolean) => void): () => void;
}

export const browserClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => window.setTimeout(fn, ms),
  clearTimeout: (h) => window.clearTimeout(h as number),
};

export const browserNetwork: Network = {
  isOnline: () => navigator.onLine !== false,
  subscribe(listener) {
    const on = () => listener(true);
    const off = () => listener(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  },
};

export const browserSocketFactory: SocketFactory = (url) => new WebSocket(url) as unknown as SocketLike;

/**
 * ws(s)://host/…/ws?w={workshop} for the page's own origin and path (works behind a path prefix
 * too). The workshop in the URL lets a router send the connection to the node that serves it
 * (P-WS-11); a single server only checks that the hello names the same workshop.
 */
export function webSocketUrl(location: Location, workshopId: string): string {
  const url = new URL('ws', location.href);
  url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  url.hash = '';
  url.search = '';
  url.searchParams.set('w', workshopId);
  return url.toString();
}
