// Offline and installable (issue 18): after one visit the service worker (web/sw.js) keeps the page's
// static files, so with the network gone — the browser offline where the engine can be told so, and the
// server stopped in every engine — the page reloads and scans a card photo; the manifest is valid and its
// icons load; and no card data is stored anywhere: the only cache is the service worker's, holding exactly
// the static files, each byte for byte the file on disk.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertShowsFields, corpusDir, engine, launch, noStorage, serve, storageOf } from './browser.mjs';
import { loadServiceWorker } from '../support/service_worker.mjs';
import { unavailable } from '../support/unavailable.mjs';

const web = new URL('../../web/', import.meta.url).pathname;
const dir = `${corpusDir}/cccd-synth/normal`;
const idle = '[data-testid=status][data-state=idle]';
const wedgeCard = '001099012345||Nguyễn Văn A|01011999|Nam|Hà Nội|15042021';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// The page's service worker once active ({scope, script}), {unsupported} without service workers, or
// {error} when none became active within the time.
function serviceWorkerReady(page) {
  return page.evaluate(async () => {
    if (!('serviceWorker' in navigator)) return { unsupported: true };
    const timeout = new Promise((resolve) => { setTimeout(() => resolve(null), 20_000); });
    const registration = await Promise.race([navigator.serviceWorker.ready, timeout]);
    if (!registration) {
      const all = await navigator.serviceWorker.getRegistrations();
      return { error: `no active service worker after 20 s (${all.length} registrations)` };
    }
    return { scope: registration.scope, script: registration.active.scriptURL };
  });
}

const controller = (page) => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);

// The network gone: the browser switched offline where the engine can be (Chromium; Firefox over BiDi),
// and in every engine the server stopped, its open connections cut.
async function goOffline(t, context, page, server, origin) {
  let switched = true;
  try {
    await context.setOffline(true);
  } catch (e) {
    if (engine === 'chromium') throw e;
    switched = false;
    t.diagnostic(`${engine}: ${e.message}; the server is stopped instead`);
  }
  if (switched) assert.equal(await page.evaluate(() => navigator.onLine), false, 'the page is told it is offline');
  server.close();
  server.closeAllConnections();
  await assert.rejects(fetch(`${origin}/`), 'nothing answers at the origin any more');
}

// Every entry of Cache Storage: its cache, URL and body's SHA-256 (and text, for HTML).
const cacheEntries = (page) => page.evaluate(async () => {
  const out = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const body = await (await cache.match(request)).arrayBuffer();
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
      out.push({
        name,
        url: request.url,
        sha256: [...digest].map((b) => b.toString(16).padStart(2, '0')).join(''),
        html: request.url.endsWith('.html') ? new TextDecoder().decode(body) : null,
      });
    }
  }
  return out;
});

const sha256 = (data) => createHash('sha256').update(data).digest('hex');
// The test server puts the harness's init script first in every HTML page for Firefox and WebKit.
const withoutHarness = (html) => html.replace(/<script src="\/__e2e\/init\.js\?p=\d+"><\/script>/g, '');

test('after one visit the page loads and scans a card photo with no network; only static files are cached', async (t) => {
  if (!existsSync(dir)) return unavailable(t, `corpus not found at ${dir} (set CCCD_CORPUS_DIR)`);
  const entry = readFileSync(`${dir}/index.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l))[2];
  const { server, origin } = await serve();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(`${origin}/app/`);
    await page.waitForSelector(idle);
    const sw = await serviceWorkerReady(page);
    assert.deepEqual(sw, { scope: `${origin}/`, script: `${origin}/sw.js` }, 'the service worker, scoped to the folder above app/');

    // What the first visit loaded (the page's and, in Chromium, also its Worker's requests; the test
    // server sees the service worker's own too) is all in the service worker's list.
    const { URLS, CACHE } = loadServiceWorker(`${origin}/sw.js`);
    const loaded = [...new Set(requests)].filter((u) => !u.includes('/__e2e/') && u !== `${origin}/sw.js`);
    assert.deepEqual(loaded.filter((u) => !URLS.has(u) && u !== `${origin}/app/`), [], 'loaded but not kept');
    assert.ok(loaded.includes(`${origin}/dist/cccd_scanner.wasm`), 'the Worker\'s requests are seen');

    // The second visit is the service worker's: the page and its Worker.
    await page.goto(`${origin}/app/`);
    await page.waitForSelector(idle);
    assert.equal(await controller(page), `${origin}/sw.js`);

    await goOffline(t, context, page, server, origin);
    await page.goto(`${origin}/app/`);
    await page.waitForSelector(idle);
    assert.equal(await controller(page), `${origin}/sw.js`);
    assert.equal(await page.evaluate(() => document.querySelector('link[rel=manifest]')?.href), `${origin}/app/manifest.webmanifest`);
    await page.setInputFiles('[data-testid=photo-input]', `${dir}/${entry.file}`);
    await page.waitForSelector('[data-testid=status][data-state=found]');
    await assertShowsFields(page, entry.fields, assert);
    // The new address comes from the kept address table, in the Worker.
    await page.waitForFunction(() => JSON.parse(document.querySelector('[data-testid=result-json]').textContent).fields.address2025 !== null);
    assert.deepEqual(pageErrors, []);

    // No card data anywhere: no cookies, Web Storage or IndexedDB; one cache, the service worker's, holding
    // exactly the static files, each identical to the file on disk.
    assert.deepEqual(await storageOf(page), noStorage);
    const kept = await cacheEntries(page);
    assert.deepEqual([...new Set(kept.map((k) => k.name))], [CACHE]);
    assert.deepEqual(kept.map((k) => k.url).sort(), [...URLS].sort());
    for (const { url, sha256: hash, html } of kept) {
      const file = join(web, url.slice(`${origin}/`.length));
      if (html !== null) assert.equal(withoutHarness(html), readFileSync(file, 'utf8'), url);
      else assert.equal(hash, sha256(readFileSync(file)), url);
    }
    for (const { html } of kept) if (html) assert.ok(!html.includes(entry.fields.id), 'the card\'s number is in no cached page');

    // Control: a result or a photo put in Cache Storage would be caught.
    const planted = await page.evaluate(async (name) => {
      await (await caches.open(name)).put(new URL('result.json', location.href).href, new Response('{"id":"001099012345"}'));
      await (await caches.open('card-photos')).put(new URL('card.jpg', location.href).href, new Response('jpeg'));
    }, CACHE).then(() => storageOf(page));
    assert.equal(planted.caches.length, 2, planted.caches.join('\n'));
  } finally {
    await context.close();
    server.close();
  }

  // Control: without the service worker the page does not open at all with the server stopped.
  const fresh = await browser.newPage();
  try {
    const opened = await fresh.goto(`${origin}/app/`)
      .then(() => fresh.evaluate(() => document.querySelector('[data-testid=status]') !== null), () => false)
      .catch(() => false);
    assert.equal(opened, false, 'a page that no service worker controls does not load');
  } finally {
    await fresh.close();
  }
});

test('the manifest is valid, its icons load, and the page meets the install criteria that can be checked', async (t) => {
  const { server, origin } = await serve();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/app/`);
    await page.waitForSelector(idle);
    const seen = await page.evaluate(async () => {
      const url = document.querySelector('link[rel=manifest]').href;
      const response = await fetch(url);
      const manifest = await response.json();
      const icons = [];
      for (const icon of manifest.icons) {
        const img = new Image();
        img.src = new URL(icon.src, url).href;
        const error = await img.decode().then(() => null, (e) => String(e));
        icons.push({ ...icon, error, width: img.naturalWidth, height: img.naturalHeight });
      }
      return {
        url, status: response.status, type: response.headers.get('content-type'), manifest, icons,
        start: new URL(manifest.start_url, url).href, scope: new URL(manifest.scope, url).href,
        theme: document.querySelector('meta[name=theme-color]')?.content,
      };
    });
    assert.equal(seen.url, `${origin}/app/manifest.webmanifest`);
    assert.equal(seen.status, 200);
    assert.match(seen.type, /^application\/manifest\+json/);
    const { manifest } = seen;
    assert.equal(manifest.lang, 'vi');
    assert.ok(manifest.name && manifest.short_name);
    assert.equal(manifest.display, 'standalone');
    assert.equal(seen.start, `${origin}/app/`, 'start_url is the page');
    assert.equal(seen.scope, `${origin}/app/`);
    assert.equal(seen.theme, manifest.theme_color);
    for (const icon of seen.icons) {
      assert.equal(icon.error, null, icon.src);
      if (icon.type === 'image/png') assert.equal(`${icon.width}x${icon.height}`, icon.sizes, icon.src);
    }
    const anyPng = seen.icons.filter((i) => i.type === 'image/png' && i.purpose.split(' ').includes('any')).map((i) => i.sizes);
    assert.ok(anyPng.includes('192x192') && anyPng.includes('512x512'), 'PNG icons of 192 and 512 px');
    assert.ok(seen.icons.some((i) => i.purpose.split(' ').includes('maskable')));
    // A service worker controls start_url, so the installed app opens offline too.
    const sw = await serviceWorkerReady(page);
    assert.ok(seen.start.startsWith(sw.scope), `${seen.start} in ${sw.scope}`);

    if (engine === 'chromium') {
      // Chromium's own reading of the manifest, and its install criteria.
      const cdp = await context.newCDPSession(page);
      const read = await cdp.send('Page.getAppManifest');
      assert.equal(read.url, seen.url);
      assert.deepEqual(read.errors, []);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      const errors = installabilityErrors.map((e) => e.errorId);
      // Playwright's contexts are incognito-like, which Chromium names; every other criterion must hold.
      if (errors.includes('in-incognito')) t.diagnostic('Chromium: the context is incognito-like (in-incognito); the other criteria are met');
      assert.deepEqual(errors.filter((e) => e !== 'in-incognito'), []);
    } else {
      t.diagnostic(`${engine}: no install criteria to ask the browser for; the manifest and icons are checked as fetched`);
    }
  } finally {
    await context.close();
    server.close();
  }
});

test('served from a sub-folder of another site, the service worker keeps to that folder and works offline', async (t) => {
  const site = mkdtempSync(join(tmpdir(), 'cccd-site-'));
  const context = await browser.newContext();
  let server;
  try {
    mkdirSync(join(site, 'some/site'), { recursive: true });
    symlinkSync(web, join(site, 'some/site/cccd')); // what copying web/ (app, src, dist, sw.js) to a host does
    let origin;
    ({ server, origin } = await serve({ root: site }));
    const base = `${origin}/some/site/cccd/`;
    const page = await context.newPage();
    await page.goto(`${base}app/`);
    await page.waitForSelector(idle);
    assert.deepEqual(await serviceWorkerReady(page), { scope: base, script: `${base}sw.js` });
    const { CACHE, URLS } = loadServiceWorker(`${base}sw.js`);
    const kept = await cacheEntries(page);
    assert.deepEqual([...new Set(kept.map((k) => k.name))], [CACHE]);
    assert.deepEqual(kept.map((k) => k.url).sort(), [...URLS].sort());
    assert.ok([...URLS].every((u) => u.startsWith(base)));
    assert.deepEqual(await storageOf(page), noStorage);

    await page.goto(`${base}app/`);
    await page.waitForSelector(idle);
    await goOffline(t, context, page, server, origin);
    await page.goto(`${base}app/index.html`);
    await page.waitForSelector(idle);
    assert.equal(await controller(page), `${base}sw.js`);
    await page.fill('[data-testid=wedge-input]', wedgeCard);
    await page.press('[data-testid=wedge-input]', 'Enter');
    await page.waitForSelector('[data-testid=status][data-state=found]');
    assert.equal(await page.textContent('[data-testid=field-name]'), 'Nguyễn Văn A');
  } finally {
    await context.close();
    server?.close();
    rmSync(site, { recursive: true, force: true });
  }
});
