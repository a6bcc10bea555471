// The web client across a failover (issue 16, docs/cluster.md): two people work on a workshop
// through HAProxy; the node that serves it is killed (kill -9); one of them types a card while
// the workshop has no node; both boards are live again on another node, the card reaches the
// other person and is in PostgreSQL exactly once. Runs against deploy/cluster/local run
// (playwright.cluster.config.ts), which gives the nodes' process ids and logs.
//
// The time from the kill to "Verbonden" again is printed, never asserted (docs/performance.md).

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type User } from '../e2e/support';

const ORIENT = 'Oriënteren';
const APPLY = 'Aanvragen';
const TOUCH = 'Contactmoment';
const PAIN = 'Knelpunt';

function env(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run this under deploy/cluster/local run`);
  return v;
}

/** One value from PostgreSQL (what is durable, not what a node says). */
function psql(sql: string, ...params: string[]): string {
  const vars = params.flatMap((p, i) => ['-v', `p${i + 1}=${p}`]);
  return execFileSync('psql', ['-qAt', '-v', 'ON_ERROR_STOP=1', ...vars, env('JB_TEST_PG_URL')], {
    input: sql,
    encoding: 'utf8',
  }).trim();
}

/** The process id of the node that holds the workshop's lease now, by its lease owner name. */
function ownerPid(workshopId: string): number {
  const owner = psql(
    "SELECT owner FROM workshop_leases WHERE workshop_id = :'p1' AND expires_at > clock_timestamp();",
    workshopId,
  );
  expect(owner, 'a node holds the workshop').not.toBe('');
  const pids = env('JB_CLUSTER_NODE_PIDS').split(' ').map(Number);
  const index = pids.findIndex((_, i) => {
    const log = readFileSync(path.join(env('JB_CLUSTER_DIR'), `node${i + 1}.log`), 'utf8');
    return /node="?([^" \n]+)/.exec(log)?.[1] === owner;
  });
  expect(index, `the node named ${owner} is one of the cluster's`).toBeGreaterThanOrEqual(0);
  return pids[index]!;
}

async function live(u: User): Promise<void> {
  await expect(u.status).toHaveAttribute('data-status', 'online', { timeout: 20_000 });
  await expect(u.status).toHaveAttribute('data-queued', '0');
}

test('the web client stays usable across a failover: a card typed while the workshop has no node arrives once, and both boards are live again', async ({ newUser }, testInfo) => {
  const sander = await newUser('Sander');
  const { workshopId, code } = await sander.createWorkshop('Failover');
  const anna = await newUser('Anna');
  await anna.joinWithCode(code);
  await sander.addCard(ORIENT, TOUCH, 'Voor de storing');
  await expect(anna.cardIn(ORIENT, TOUCH, 'Voor de storing')).toBeVisible();

  const pid = ownerPid(workshopId);
  const killed = Date.now();
  process.kill(pid, 'SIGKILL');

  // Both notice; Sander types a card while no node serves the workshop (its lease runs for up
  // to 3 s more, so every node answers 4010 until then).
  await expect(sander.status).toHaveAttribute('data-status', 'reconnecting');
  await expect(anna.status).toHaveAttribute('data-status', 'reconnecting');
  await sander.addCard(APPLY, PAIN, 'Tijdens de storing');
  const typedWhile = await sander.status.getAttribute('data-status');
  expect(typedWhile, 'the card was typed before the workshop was back (it waits in the client)').not.toBe('online');

  await live(sander);
  await live(anna);
  testInfo.annotations.push({ type: 'failover', description: `live again ${Date.now() - killed} ms after the kill` });
  console.log(`failover: Sander's board live again ${Date.now() - killed} ms after kill -9 of the owner`);

  // The card arrived: on the other person's board, and in PostgreSQL exactly once.
  await expect(anna.cardIn(APPLY, PAIN, 'Tijdens de storing')).toBeVisible();
  expect(
    psql("SELECT count(*) FROM ops WHERE workshop_id = :'p1' AND op_json LIKE '%Tijdens de storing%';", workshopId),
  ).toBe('1');
  // A node other than the killed one serves it now, and the board works both ways.
  expect(ownerPid(workshopId)).not.toBe(pid);
  await anna.addCard(ORIENT, TOUCH, 'Na de storing');
  await expect(sander.cardIn(ORIENT, TOUCH, 'Na de storing')).toBeVisible();
  for (const u of [sander, anna])
    await expect.poll(() => u.cardTexts(ORIENT, TOUCH)).toEqual(['Voor de storing', 'Na de storing']);
});
