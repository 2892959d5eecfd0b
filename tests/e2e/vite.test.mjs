// The package through a bundler: a small app importing 'cccd-scanner' is built with Vite (no special
// configuration), served from the build output alone, and run in the browser:
// the .wasm and the Worker are emitted as assets next to the bundle and load from the page's origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, serve } from './browser.mjs';
import { unavailable } from '../support/unavailable.mjs';

const web = new URL('../../web/', import.meta.url).pathname;
const vitePath = join(web, 'node_modules/vite/dist/node/index.js');

const html = `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; worker-src 'self'">
<script type="module" src="./main.js"></script></head><body><pre id="out"></pre></body></html>`;
const main = `
import { createScanner, createWorkerScanner } from 'cccd-scanner';
(async () => {
  const out = document.getElementById('out');
  try {
    const worker = await createWorkerScanner();
    const card = await worker.parse('001099012345||Nguyễn Văn A|01011999|Nam|Hà Nội|15042021');
    const scanner = await createScanner();
    const blank = scanner.scanImageData({ data: new Uint8Array(32 * 32).fill(200), width: 32, height: 32 });
    out.textContent = JSON.stringify({ name: card.fields.name, ok: card.ok, found: blank.found });
  } catch (e) {
    out.textContent = JSON.stringify({ error: String(e) });
  }
})();
`;

test('a Vite build of an app using the package runs in the browser from its own output', async (t) => {
  if (!existsSync(vitePath)) return unavailable(t, `vite not installed at ${vitePath} (npm ci --prefix web)`);
  if (!existsSync(join(web, 'dist/cccd_scanner.wasm'))) return unavailable(t, 'web/dist not built');
  const { build } = await import(vitePath);
  const work = mkdtempSync(join(tmpdir(), 'cccd-vite-'));
  let browser;
  let server;
  try {
    writeFileSync(join(work, 'index.html'), html);
    writeFileSync(join(work, 'main.js'), main);
    mkdirSync(join(work, 'node_modules'));
    symlinkSync(web, join(work, 'node_modules/cccd-scanner')); // as `npm install ../web` would link it
    const outDir = join(work, 'out');
    await build({ root: work, logLevel: 'silent', configFile: false, base: './',
      build: { outDir, emptyOutDir: true } });
    const assets = readdirSync(join(outDir, 'assets'));
    assert.ok(assets.some((f) => f.endsWith('.wasm')), `the .wasm is emitted: ${assets}`);
    assert.ok(assets.some((f) => /worker.*\.js$/.test(f)), `the Worker is emitted: ${assets}`);

    ({ server } = await serve({ root: outDir }));
    const origin = `http://127.0.0.1:${server.address().port}`;
    browser = await launch();
    const page = await browser.newPage();
    const requests = [];
    const failures = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('response', (r) => { if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`); });
    await page.goto(`${origin}/index.html`);
    await page.waitForFunction(() => document.getElementById('out').textContent !== '', null, { timeout: 15_000 });
    assert.deepEqual(JSON.parse(await page.textContent('#out')), { name: 'Nguyễn Văn A', ok: true, found: false });
    assert.deepEqual(failures, []);
    assert.deepEqual(requests.filter((u) => !u.startsWith(origin)), []);
  } finally {
    await browser?.close();
    server?.close();
    rmSync(work, { recursive: true, force: true });
  }
});
