// The real server (JB_SERVER_BIN) for contract tests that talk to it: started on a free port
// with a temporary database, stopped and cleaned up by stop().
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const templatesDir = fileURLToPath(new URL('../../../templates/', import.meta.url));

export async function startServer(extraArgs = []) {
  const serverBin = process.env.JB_SERVER_BIN;
  assert.ok(serverBin, 'set JB_SERVER_BIN to the journeyboard binary (scripts/test does)');
  assert.ok(existsSync(serverBin), `JB_SERVER_BIN=${serverBin} does not exist`);
  const dir = mkdtempSync(path.join(tmpdir(), 'jb-contract-'));
  const server = spawn(serverBin, ['--port', '0', '--bind', '127.0.0.1', '--db', path.join(dir, 'db.sqlite'),
    '--static', path.join(dir, 'none'), '--templates', templatesDir, '--create-rate-burst', '1000', ...extraArgs],
  { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  server.stderr.on('data', (d) => { output += d; });
  const base = await new Promise((resolve, reject) => {
    let line = '';
    server.stdout.on('data', (d) => {
      line += d;
      const m = /listening on (http:\/\/\S+?)\/?\s/.exec(line);
      if (m) resolve(m[1]);
    });
    server.once('exit', (code) => reject(new Error(`the server exited (${code}):\n${output}`)));
  });

  // One HTTP request; the body is sent as JSON unless it is a string already.
  async function call(method, url, { body, key } = {}) {
    const headers = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (key) headers.authorization = `Bearer ${key}`;
    const payload = body === undefined || typeof body === 'string' ? body : JSON.stringify(body);
    const res = await fetch(base + url, { method, headers, body: payload });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, json: text ? JSON.parse(text) : undefined };
  }

  async function stop() {
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
    rmSync(dir, { recursive: true, force: true });
  }
  return { base, call, stop };
}
