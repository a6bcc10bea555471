// Hash routes: the whole app lives in the fragment, so the server only ever serves "/", and a
// facilitator key in the fragment never reaches a server log (P-HTTP-4).

export type Route =
  | { name: 'home' }
  | { name: 'statement' }
  | { name: 'join'; code: string }
  | { name: 'board'; workshopId: string; key: string | null; code: string | null; screen: string | null };

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [path = '', query = ''] = raw.split('?', 2);
  const parts = path.split('/').filter((p) => p !== '');
  const params = new URLSearchParams(query);
  if (parts.length === 1 && (parts[0] === 'toegankelijkheid' || parts[0] === 'accessibility')) {
    return { name: 'statement' };
  }
  if (parts[0] === 'join' && parts.length === 2) {
    return { name: 'join', code: decodeURIComponent(parts[1]!) };
  }
  if (parts[0] === 'w' && parts.length === 2 && ID.test(parts[1]!)) {
    return {
      name: 'board',
      workshopId: parts[1]!,
      key: params.get('key'),
      code: params.get('code'),
      screen: params.get('screen'),
    };
  }
  return { name: 'home' };
}

export function boardHash(workshopId: string, key?: string, code?: string): string {
  const params = new URLSearchParams();
  if (key) params.set('key', key);
  if (code) params.set('code', code);
  const query = params.toString();
  return `#/w/${workshopId}${query ? `?${query}` : ''}`;
}
