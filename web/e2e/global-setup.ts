// Starts the real server binary on a free port with a temporary database, serving web/dist,
// for the whole run. Its URL goes to the tests through JB_BASE_URL.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Where setup tells teardown what to stop (both run in the runner's process).
export const STATE_FILE = path.join(tmpdir(), `jb-e2e-server-${process.pid}.json`);

export default async function globalSetup(): Promise<void> {
  const bin = path.resolve(webDir, process.env.JB_SERVER_BIN ?? '../build/server/journeyboard');
  if (!existsSync(bin)) throw new Error(`no server binary at ${bin} (build it, or set JB_SERVER_BIN)`);
  const dist = path.join(webDir, 'dist');
  if (!existsSync(path.join(dist, 'index.html'))) throw new Error('web/dist is missing: run `npm run build` first');
  const dir = mkdtempSync(path.join(tmpdir(), 'jb-e2e-'));
  // Every spec creates workshops, looks codes up and connects from this one address: lift the
  // per-address limits (P-HTTP-5, P-HTTP-12, P-WS-10 and P-JOIN-9 have their own integration
  // tests).
  const args = ['--port', '0', '--bind', '127.0.0.1', '--db', path.join(dir, 'e2e.db'), '--static', dist,
    '--templates', path.resolve(webDir, '../templates'), '--create-rate-burst', '1000',
    '--join-lookup-burst', '100000', '--join-free-misses', '100000',
    '--max-connections-per-address', '100000', '--new-participants-per-minute', '100000'];
  const server = spawn(bin, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in 15 s:\n${out}`)), 15_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Journeyboard listening on (http:\/\/\S+?)\/?\s/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    server.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${out}`));
    });
  });
  // Keep draining its output so it never blocks on a full pipe.
  server.stdout.removeAllListeners('data');
  server.stdout.resume();
  server.stderr.resume();
  server.removeAllListeners('exit');
  process.env.JB_BASE_URL = url;
  writeFileSync(STATE_FILE, JSON.stringify({ pid: server.pid, dir, url }));
}
