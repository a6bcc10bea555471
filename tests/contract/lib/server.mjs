// The real server (JB_SERVER_BIN) on a free port with a fresh database, for the contract tests
// that talk HTTP to it, and a small fetch wrapper for its API.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const templatesDir = fileURLToPath(new URL('../../../templates/', import.meta.url));

// Starts the server; resolves to {base, stop} once it listens.
export async function startServer() {
  const serverBin = process.env.JB_SERVER_BIN;
  assert.ok(serverBin, 'set JB_SERVER_BIN to the journeyboard binary (scripts/test does)');
  assert.ok(existsSync(serverBin), `JB_SERVER_BIN=${serverBin} does not exist`);
  const dir = mkdtempSync(path.join(tmpdir(), 'jb-contract-'));
  const server = spawn(serverBin, ['--port', '0', '--bind', '127.0.0.1', '--db', path.join(dir, 'db.sqlite'),
    '--static', path.join(dir, 'none'), '--templates', templatesDir, '--create-rate-burst', '1000'], { stdio: ['ignore', 'pipe', 'pipe'] });
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
  const stop = async () => {
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return { base, stop };
}

// One API request: JSON body and bearer key optional; the answer's status, headers, text and
// (when there is text and it is JSON) its parsed body.
export async function call(base, method, url, { body, key } = {}) {
  const headers = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (key) headers.authorization = `Bearer ${key}`;
  const res = await fetch(base + url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let json;
  try { json = text ? JSON.parse(text) : undefined; } catch { json = undefined; }
  return { status: res.status, headers: res.headers, text, json };
}
