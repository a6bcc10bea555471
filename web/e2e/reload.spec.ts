import { expect, test } from './support';

// P-JOIN-2: the server serves its own web client, so a page it refuses for its protocol version
// reloads itself, once. The test stands between the page and the server (routeWebSocket) to play
// an outdated page: it rewrites the page's hello to an older protocolVersion, so the real server
// refuses it (error protocol_version, close 4000).

const ORIENT = 'Oriënteren';
const TOUCH = 'Contactmoment';

test('P-JOIN-2 a page refused for its protocol version reloads itself once, sends its pending card, and does not loop', async ({ newUser }) => {
  const sander = await newUser('Sander');
  const { code } = await sander.createWorkshop('Versie');
  const anna = await newUser('Anna');
  const page = anna.page;

  let refusals = 0; // hellos still to make outdated
  let holdOps = false; // ops the server does not get (so they stay pending)
  let hellos = 0;
  const pageSides: Array<{ close(o: { code: number; reason: string }): Promise<void> }> = [];
  await page.routeWebSocket(/\/ws\?/, (ws) => {
    const server = ws.connectToServer();
    pageSides.push(ws);
    ws.onMessage((message) => {
      const msg = JSON.parse(String(message)) as { type: string; protocolVersion?: number };
      if (msg.type === 'hello') {
        hellos++;
        if (refusals > 0) {
          refusals--;
          msg.protocolVersion = 2;
        }
      }
      if (msg.type === 'op' && holdOps) return;
      server.send(JSON.stringify(msg));
    });
    server.onMessage((message) => ws.send(message));
  });
  let loads = 0;
  page.on('load', () => loads++);

  await anna.joinWithCode(code);
  const loadsAtJoin = loads;

  // A card the server has not acknowledged, then an outdated hello on the next connection.
  holdOps = true;
  await anna.addCard(ORIENT, TOUCH, 'Nog niet bevestigd');
  holdOps = false;
  refusals = 1;
  await pageSides.at(-1)!.close({ code: 4999, reason: 'test: connect again' });
  // The page reloads by itself, joins with its own version and sends the pending card.
  await expect.poll(() => loads).toBe(loadsAtJoin + 1);
  await anna.waitForBoard();
  await expect(sander.cardIn(ORIENT, TOUCH, 'Nog niet bevestigd')).toBeVisible();
  await expect(anna.cardIn(ORIENT, TOUCH, 'Nog niet bevestigd')).toHaveCount(1);

  // Refused on every try (a page the reload cannot fix): one reload, then the message and button.
  refusals = 1_000;
  const hellosBefore = hellos;
  await pageSides.at(-1)!.close({ code: 4999, reason: 'test: connect again' });
  await expect.poll(() => loads).toBe(loadsAtJoin + 2);
  await expect(page.getByText('Deze pagina is verouderd. Laad de pagina opnieuw.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pagina opnieuw laden' })).toBeVisible();
  // The reload happens at the refusal itself: with the message shown after it, no other follows.
  expect(loads).toBe(loadsAtJoin + 2);
  expect(hellos).toBe(hellosBefore + 2);
});
