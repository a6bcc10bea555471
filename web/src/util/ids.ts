// Random ids for things the client creates (cards, clients). crypto.randomUUID exists only in
// secure contexts, and a training room often reaches the server over plain http on a LAN
// address, so this uses getRandomValues, which works everywhere.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** 22 characters of base64url: 132 random bits; matches protocol.md's id pattern. */
export function randomId(): string {
  const bytes = new Uint8Array(22);
  crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += ALPHABET[b & 63];
  return out;
}
