// The `ws` WebSocket client, for tests outside this package (tests/deploy) that resolve their
// npm dependencies through tests/contract's lock file.
export { default as WebSocket } from 'ws';
