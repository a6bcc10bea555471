// The shipped reverse-proxy example (deploy/nginx/journeyboard.conf) in front of the real
// server: TLS, the HTTP→HTTPS redirect, the JSON API and a WebSocket join all work through it,
// and the server's same-origin check (P-WS-3) passes for the proxy's own origin and still
// refuses a foreign one.
//
// Needs: JB_SERVER_BIN (the journeyboard binary), nginx and openssl (Debian packages), and the
// npm packages of tests/contract (npm ci there). Runs as root or not; listens on loopback only.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, chmodSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import net from 'node:net';
import https from 'node:https';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { WebSocket } from '../contract/lib/ws.mjs';
import { sharedAjv, problems } from '../contract/lib/schemas.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const shippedConf = path.join(repo, 'deploy/nginx/journeyboard.conf');
const serverBin = process.env.JB_SERVER_BIN;
const nginxBin = process.env.JB_NGINX ?? ['/usr/sbin/nginx', '/usr/bin/nginx'].find(existsSync) ?? 'nginx';

// A port nothing listens on right now (the kernel picks it; we close and reuse it at once).
function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

// Starts a long-running process, keeping its output for the failure message.
function start(command, args, name) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.output = '';
  child.stdout.on('data', (d) => { child.output += d; });
  child.stderr.on('data', (d) => { child.output += d; });
  child.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.label = name;
  return child;
}

async function stop(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const done = await Promise.race([child.exited, sleep(10_000).then(() => null)]);
  if (!done) {
    child.kill('SIGKILL');
    await child.exited;
  }
}

// Polls until `probe` succeeds; fails with the process's output if it exits or never gets ready.
async function waitUntilReady(child, probe, what) {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${child.label} exited before ${what}:\n${child.output}`);
    }
    try {
      if (await probe()) return;
    } catch { /* not yet */ }
    await sleep(50);
  }
  throw new Error(`${child.label}: ${what} did not happen in 200 attempts:\n${child.output}`);
}

// One HTTP(S) request; resolves { status, headers, body, json }.
function request(url, { method = 'GET', body, ca } = {}) {
  const u = new URL(url);
  const lib = u.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(u, {
      method, ca,
      headers: body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => {
        let json;
        try { json = JSON.parse(text); } catch { json = undefined; }
        resolve({ status: res.statusCode, headers: res.headers, body: text, json });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

// Replaces what the pattern matches, and fails if it matches nothing: the example must keep the
// directives this test relies on, or the test would no longer test the shipped file.
function substitute(text, pattern, replacement) {
  assert.match(text, pattern, `deploy/nginx/journeyboard.conf no longer has ${pattern}`);
  return text.replace(pattern, replacement);
}

// deploy/nginx/journeyboard.conf with loopback ports, the test certificate and temporary paths.
function renderSiteConf({ httpPort, httpsPort, serverPort, dir }) {
  let conf = readFileSync(shippedConf, 'utf8');
  conf = substitute(conf, /^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${httpPort};`);
  conf = substitute(conf, /^\s*listen \[::\]:80;\n/m, '');
  conf = substitute(conf, /^(\s*)listen 443 ssl;$/m, `$1listen 127.0.0.1:${httpsPort} ssl;`);
  conf = substitute(conf, /^\s*listen \[::\]:443 ssl;\n/m, '');
  conf = substitute(conf, /^(\s*)ssl_certificate\s+\S+;$/m, `$1ssl_certificate ${dir}/cert.pem;`);
  conf = substitute(conf, /^(\s*)ssl_certificate_key\s+\S+;$/m, `$1ssl_certificate_key ${dir}/key.pem;`);
  conf = substitute(conf, /^(\s*)access_log\s+\S+;$/m, `$1access_log ${dir}/access.log;`);
  conf = substitute(conf, /^(\s*)server 127\.0\.0\.1:8080;$/m, `$1server 127.0.0.1:${serverPort};`);
  return conf;
}

// The http {} context a Debian nginx.conf gives a sites-enabled file, with every path in `dir`.
function mainConf(dir) {
  return `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log info;
events { worker_connections 64; }
http {
    access_log ${dir}/access.log;
    client_body_temp_path ${dir}/temp/body;
    proxy_temp_path ${dir}/temp/proxy;
    fastcgi_temp_path ${dir}/temp/fastcgi;
    uwsgi_temp_path ${dir}/temp/uwsgi;
    scgi_temp_path ${dir}/temp/scgi;
    include ${dir}/journeyboard.conf;
}
`;
}

// Opens a WebSocket and collects messages; resolves once `done(messages)` is true.
function openSocket(url, { origin, ca }) {
  const ws = new WebSocket(url, { origin, ca });
  const messages = [];
  const waiters = [];
  ws.on('message', (data) => {
    messages.push(JSON.parse(String(data)));
    for (const w of [...waiters]) if (w.until(messages)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(messages); }
  });
  const opened = new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ status: 101 }));
    ws.once('unexpected-response', (req, res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    ws.once('error', reject);
  });
  const until = (predicate) => new Promise((resolve, reject) => {
    if (predicate(messages)) return resolve(messages);
    waiters.push({ until: predicate, resolve });
    ws.once('close', (code) => reject(new Error(`closed with ${code} after ${JSON.stringify(messages)}`)));
  });
  return { ws, opened, until, messages };
}

describe('reverse proxy with TLS (deploy/nginx/journeyboard.conf)', () => {
  let dir, server, nginx, ca, httpPort, httpsPort, serverPort, origin;

  before(async () => {
    assert.ok(serverBin, 'set JB_SERVER_BIN to the journeyboard binary (scripts/test does)');
    assert.ok(existsSync(serverBin), `JB_SERVER_BIN=${serverBin} does not exist`);
    dir = mkdtempSync(path.join(tmpdir(), 'jb-proxy-'));
    // nginx's workers run as nobody when started as root: they must reach the temp paths.
    chmodSync(dir, 0o755);
    for (const sub of ['temp', 'static', 'temp/body', 'temp/proxy', 'temp/fastcgi', 'temp/uwsgi', 'temp/scgi']) {
      mkdirSync(path.join(dir, sub), { recursive: true });
      chmodSync(path.join(dir, sub), 0o777);
    }
    writeFileSync(path.join(dir, 'static/index.html'), '<!doctype html><title>Journeyboard</title>\n');

    const cert = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
      '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'], { encoding: 'utf8' });
    assert.equal(cert.status, 0, `openssl failed: ${cert.stderr}`);
    ca = readFileSync(path.join(dir, 'cert.pem'));

    [serverPort, httpPort, httpsPort] = [await freePort(), await freePort(), await freePort()];
    origin = `https://127.0.0.1:${httpsPort}`;

    // As deploy/nginx/journeyboard.conf says to run it.
    server = start(serverBin, ['--bind', '127.0.0.1', '--port', String(serverPort), '--client-ip-header', 'X-Real-IP',
      '--db', path.join(dir, 'journeyboard.db'), '--static', path.join(dir, 'static')], 'journeyboard');
    await waitUntilReady(server, async () => (await request(`http://127.0.0.1:${serverPort}/healthz`)).status === 200,
      'answering /healthz');

    writeFileSync(path.join(dir, 'journeyboard.conf'), renderSiteConf({ httpPort, httpsPort, serverPort, dir }));
    writeFileSync(path.join(dir, 'nginx.conf'), mainConf(dir));
    const check = spawnSync(nginxBin, ['-t', '-e', path.join(dir, 'error.log'), '-p', dir, '-c', path.join(dir, 'nginx.conf')],
      { encoding: 'utf8' });
    assert.equal(check.status, 0, `nginx -t rejects the rendered example:\n${check.stderr}`);

    nginx = start(nginxBin, ['-e', path.join(dir, 'error.log'), '-p', dir, '-c', path.join(dir, 'nginx.conf')], 'nginx');
    await waitUntilReady(nginx, async () => (await request(`${origin}/healthz`, { ca })).status === 200,
      'proxying /healthz over TLS');
  });

  after(async () => {
    await stop(nginx);
    await stop(server);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('redirects plain HTTP to HTTPS', async () => {
    const res = await request(`http://127.0.0.1:${httpPort}/w/anything?x=1`);
    assert.equal(res.status, 301);
    assert.equal(res.headers.location, 'https://127.0.0.1/w/anything?x=1');
  });

  it('serves GET /healthz over TLS with a certificate the client verifies', async () => {
    const res = await request(`${origin}/healthz`, { ca });
    assert.equal(res.status, 200);
    assert.equal(problems(sharedAjv(), 'http-health-response.schema.json', res.json), null, res.body);
    assert.match(res.headers['strict-transport-security'] ?? '', /max-age=\d+/);
  });

  it('creates a workshop with POST /api/workshops through the proxy', async () => {
    const res = await request(`${origin}/api/workshops`, { method: 'POST', body: JSON.stringify({ title: 'Via de proxy' }), ca });
    assert.equal(res.status, 201, res.body);
    assert.equal(problems(sharedAjv(), 'http-create-workshop-response.schema.json', res.json), null, res.body);
    assert.equal(res.json.title, 'Via de proxy');
  });

  it('P-WS-3: joins over wss:// with the proxy origin: hello → welcome, ping → pong', async () => {
    const created = await request(`${origin}/api/workshops`, { method: 'POST', body: JSON.stringify({ title: 'WebSocket via TLS' }), ca });
    assert.equal(created.status, 201, created.body);
    const socket = openSocket(`wss://127.0.0.1:${httpsPort}/ws`, { origin, ca });
    try {
      assert.equal((await socket.opened).status, 101);
      socket.ws.send(JSON.stringify({
        type: 'hello', protocolVersion: 5, workshopId: created.json.workshopId,
        clientId: 'proxy-test-client', displayName: 'Proxy', lastSeq: 0,
      }));
      socket.ws.send(JSON.stringify({ type: 'ping', t: 42 }));
      const messages = await socket.until((m) => m.some((x) => x.type === 'welcome') && m.some((x) => x.type === 'pong'));
      const welcome = messages.find((x) => x.type === 'welcome');
      assert.equal(problems(sharedAjv(), 'welcome.schema.json', welcome), null, JSON.stringify(welcome));
      assert.equal(welcome.workshopId, created.json.workshopId);
      assert.deepEqual(messages.find((x) => x.type === 'pong'), { type: 'pong', t: 42 });
    } finally {
      socket.ws.terminate();
    }
  });

  it('P-WS-3: refuses a WebSocket from a foreign origin through the proxy', async () => {
    const socket = openSocket(`wss://127.0.0.1:${httpsPort}/ws`, { origin: 'https://evil.example', ca });
    try {
      const res = await socket.opened;
      assert.equal(res.status, 403, `a foreign origin got ${res.status}`);
      let body;
      try { body = JSON.parse(res.body); } catch { assert.fail(`the 403 is not JSON: ${res.body}`); }
      assert.equal(problems(sharedAjv(), 'http-error.schema.json', body), null, res.body);
    } finally {
      socket.ws.terminate();
    }
  });
});
