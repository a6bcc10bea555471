// Builds the web client into dist/: index.html, favicon.svg, assets/app-[hash].js,
// assets/app-[hash].css and the chunks app-[hash].js imports on demand. No inline scripts or styles (the server's CSP forbids them), and
// hashed names so the server can cache assets for a long time.

import * as esbuild from 'esbuild';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, 'dist');

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** The catalogue, for the few strings that must be in the HTML itself (noscript). */
async function loadCatalogue() {
  const out = await esbuild.build({
    entryPoints: [path.join(here, 'src/i18n/messages.ts')],
    bundle: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  const code = out.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });

const result = await esbuild.build({
  absWorkingDir: here,
  entryPoints: { app: 'src/main.ts' },
  bundle: true,
  format: 'esm',
  target: ['es2022', 'chrome100', 'firefox100', 'safari15'],
  minify: !process.env.JB_NO_MINIFY, // JB_NO_MINIFY=1: readable output for profiling
  entryNames: 'assets/[name]-[hash]',
  assetNames: 'assets/[name]-[hash]',
  // The big screen's hyphenation patterns (ui/screen/hyphenation.ts) load as chunks of their own.
  splitting: true,
  chunkNames: 'assets/[name]-[hash]',
  outdir: dist,
  metafile: true,
  legalComments: 'eof',
  logLevel: 'warning',
});

const entry = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint === 'src/main.ts');
if (!entry || !entry[1].cssBundle) throw new Error('build: no JS entry or CSS bundle in the output');
const rel = (p) => path.relative(dist, path.resolve(here, p)).split(path.sep).join('/');
const { nl, en } = await loadCatalogue();

const template = await readFile(path.join(here, 'src/index.html'), 'utf8');
const html = template
  .replace('{{APP_JS}}', rel(entry[0]))
  .replace('{{APP_CSS}}', rel(entry[1].cssBundle))
  .replace('{{NOSCRIPT_NL}}', escapeHtml(nl['app.noscript']))
  .replace('{{NOSCRIPT_EN}}', escapeHtml(en['app.noscript']));
if (/\{\{\w+\}\}/.test(html)) throw new Error('build: a placeholder in index.html was not filled');
await writeFile(path.join(dist, 'index.html'), html);
await copyFile(path.join(here, 'src/favicon.svg'), path.join(dist, 'favicon.svg'));
console.log(`built ${rel(entry[0])} and ${rel(entry[1].cssBundle)}`);
