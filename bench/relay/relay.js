// The baseline of `scripts/bench --peers` (docs/performance.md): a stateless JSON relay on the
// npm `ws` package that speaks just enough of Journeyboard's protocol for jb_loadgen to drive
// it with the same scenarios. It validates nothing, stores nothing on disk, has no roles, no
// presence and no replay: it numbers each op, sends it to everyone in the workshop and acks it
// at once. The cards it keeps in memory only so that a joining client gets the board (as a
// CRDT relay keeps its document in memory).
//   node relay.js [port]   prints "listening on http://127.0.0.1:PORT/" like the server
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { WebSocketServer } from 'ws';

// One journey of 5 phases × 6 lanes, the shape jb_loadgen reads from a welcome's snapshot.
const journey = {
  id: 'j1',
  phases: ['p1', 'p2', 'p3', 'p4', 'p5'].map((id) => ({ id })),
  lanes: ['l1', 'l2', 'l3', 'l4', 'l5', 'l6'].map((id) => ({ id })),
};
const workshops = new Map(); // id → { seq, sockets: Set, cards: Map }

const server = http.createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/api/workshops') {
    req.resume();
    req.on('end', () => {
      const id = randomUUID();
      workshops.set(id, { seq: 0, sockets: new Set(), cards: new Map() });
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ workshopId: id }));
    });
    return;
  }
  res.writeHead(404).end();
});

const wss = new WebSocketServer({ server, path: '/ws', perMessageDeflate: false });
wss.on('connection', (socket) => {
  let room = null;
  socket.on('message', (data) => {
    const msg = JSON.parse(data.toString());
    if (msg.type === 'ping') return socket.send(JSON.stringify({ type: 'pong', t: msg.t }));
    if (msg.type === 'hello') {
      room = workshops.get(msg.workshopId);
      if (!room) return socket.close(4404, 'workshop not found');
      socket.clientId = msg.clientId;
      room.sockets.add(socket);
      const snapshot = { journeys: [journey], cards: [...room.cards.values()] };
      return socket.send(JSON.stringify({ type: 'welcome', seq: room.seq, snapshot }));
    }
    if (msg.type !== 'op' || !room) return;
    const op = msg.op;
    if (op.kind === 'card.add') room.cards.set(op.cardId, op);
    else if (op.kind === 'card.move' && room.cards.has(op.cardId))
      Object.assign(room.cards.get(op.cardId), op, { kind: 'card.add' });
    const seq = ++room.seq;
    // Serialised once for everyone, as a relay would.
    const event = JSON.stringify({ type: 'event', seq, clientId: socket.clientId, clientSeq: msg.clientSeq, op });
    for (const peer of room.sockets) peer.send(event);
    socket.send(JSON.stringify({ type: 'ack', clientSeq: msg.clientSeq, seq }));
  });
  socket.on('close', () => room?.sockets.delete(socket));
});

server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}/`);
});
process.on('SIGTERM', () => process.exit(0));
