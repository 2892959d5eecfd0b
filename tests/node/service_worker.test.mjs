// The scan page's offline support (issue 18) without a browser: the service worker's list of static
// files (web/sw.js FILES) is exactly what app/index.html loads — so a module added to the page and not
// to the list, or a list entry the page no longer loads, fails here — the manifest and its icons, and
// the worker's install, activate and fetch handlers run in a vm against a fake network and Cache Storage:
// only the listed files are ever stored or answered, never a POST, a blob:, another origin, a photo or a
// URL with a query string.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { loadServiceWorker, cacheProblems } from '../support/service_worker.mjs';

const web = new URL('../../web/', import.meta.url).pathname;
const read = (rel) => readFileSync(join(web, rel), 'utf8');

// Files of web/app that are not the scan page's (the <cccd-scanner> element's demo page).
const notThePage = new Set(['app/element.html', 'app/element_demo.js']);

/**
 * Every file app/index.html loads, relative to web/: followed through <script src>, <link href>, CSS
 * url(), static and dynamic import specifiers, new URL('…', import.meta.url) (the Worker, the .wasm, the
 * address table) and the manifest's icons. The service worker itself (registered by offline.js) is not
 * one of its own files.
 */
function pageFiles() {
  const found = new Set();
  const queue = ['app/index.html'];
  while (queue.length) {
    const rel = queue.shift();
    if (found.has(rel)) continue;
    found.add(rel);
    const text = read(rel);
    const urls = []; // relative URLs
    const specifiers = []; // module specifiers: relative only when they start with ./ or ../
    if (rel.endsWith('.html')) {
      for (const m of text.matchAll(/<(?:script|link)\b[^>]*?\s(?:src|href)="([^"]*)"/g)) urls.push(m[1]);
    } else if (rel.endsWith('.css')) {
      for (const m of text.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]/g)) urls.push(m[1] ?? m[2]);
    } else if (rel.endsWith('.webmanifest')) {
      for (const icon of JSON.parse(text).icons ?? []) urls.push(icon.src);
    } else if (rel.endsWith('.js')) {
      // Comments out first: JSDoc's `@import … from '…'` and `import('…')` types load nothing.
      const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"\\])\/\/.*$/gm, '$1');
      for (const re of [/\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g]) {
        for (const m of code.matchAll(re)) specifiers.push(m[1]);
      }
      for (const m of code.matchAll(/\bnew URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g)) urls.push(m[1]);
    }
    const relative = [...urls.filter((u) => !/^([a-z][\w+.-]*:|\/|#)/i.test(u)), ...specifiers.filter((s) => /^\.{1,2}\//.test(s))];
    for (const ref of relative) {
      const target = posix.normalize(posix.join(dirname(rel), ref.split(/[?#]/)[0]));
      if (target !== 'sw.js') queue.push(target);
    }
  }
  return found;
}

test('the service worker keeps exactly the files the page loads', () => {
  const { FILES } = loadServiceWorker('http://127.0.0.1:8080/sw.js');
  assert.equal(new Set(FILES).size, FILES.length, 'no file listed twice');
  const loads = pageFiles();
  for (const file of FILES) assert.ok(existsSync(join(web, file)), `${file} is listed in web/sw.js but does not exist`);
  const unlisted = [...loads].filter((f) => !FILES.includes(f));
  assert.deepEqual(unlisted, [], 'files the page loads that web/sw.js FILES does not keep (add them there)');
  const stale = FILES.filter((f) => !loads.has(f));
  assert.deepEqual(stale, [], 'files web/sw.js keeps that the page does not load');
  // The walk itself reaches the Worker, the WASM runtime and the manifest's icons.
  for (const f of ['src/worker.js', 'dist/cccd_scanner.wasm', 'dist/address2025.tsv', 'app/icons/icon-512.png', 'app/offline.js']) {
    assert.ok(loads.has(f), f);
  }
});

test('every file of web/app and web/dist is either kept or known not to be the page', () => {
  const { FILES } = loadServiceWorker('http://127.0.0.1:8080/sw.js');
  const walk = (rel) => readdirSync(join(web, rel)).flatMap((f) => {
    const path = posix.join(rel, f);
    return statSync(join(web, path)).isDirectory() ? walk(path) : [path];
  });
  const files = [...walk('app'), ...(existsSync(join(web, 'dist')) ? walk('dist') : [])];
  assert.deepEqual(files.filter((f) => !FILES.includes(f) && !notThePage.has(f)), [],
    'new files: list them in web/sw.js FILES if the page loads them, else in notThePage here');
});

test('the manifest: Vietnamese names, relative start_url and scope, standalone, the theme colour, icons of the sizes it says', () => {
  const manifest = JSON.parse(read('app/manifest.webmanifest'));
  assert.equal(manifest.lang, 'vi');
  assert.match(manifest.name, /CCCD|căn cước/);
  assert.ok(manifest.short_name && manifest.short_name.length <= 12, manifest.short_name);
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.scope, './');
  assert.equal(manifest.display, 'standalone');
  assert.ok(read('app/app.css').includes(manifest.theme_color), `theme_color ${manifest.theme_color} is one of app.css's colours`);
  assert.match(read('app/index.html'), new RegExp(`<meta name="theme-color" content="${manifest.theme_color}">`));
  assert.match(read('app/index.html'), /<link rel="manifest" href="manifest.webmanifest">/);
  const pngs = manifest.icons.filter((i) => i.type === 'image/png');
  for (const icon of pngs) {
    const png = readFileSync(join(web, 'app', icon.src));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', icon.src);
    assert.equal(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, icon.sizes, icon.src);
  }
  for (const size of ['192x192', '512x512']) assert.ok(pngs.some((i) => i.sizes === size && i.purpose.split(' ').includes('any')), size);
  assert.ok(pngs.some((i) => i.purpose.split(' ').includes('maskable')), 'a maskable icon');
  for (const icon of manifest.icons) assert.doesNotMatch(icon.src, /^\/|:\/\//, 'relative icon URLs');
});

// --- The service worker's handlers against a fake network and Cache Storage ---------------------------

const root = 'http://127.0.0.1:8080/some/site/cccd/';

/** A Response as the network gives one for a same-origin request (type basic). */
function networkResponse(body, { status = 200, headers = {}, redirected = false } = {}) {
  const response = new Response(body, { status, headers });
  Object.defineProperties(response, { type: { value: 'basic' }, redirected: { value: redirected } });
  return response;
}

// A kept response as Cache Storage gives it back: a copy, redirected and type as stored.
const copy = (r) => r && Object.defineProperties(r.clone(), { type: { value: r.type }, redirected: { value: r.redirected } });

/** Cache Storage in memory: name -> Map(url -> Response); addAll fetches with `fetch`, all or nothing. */
function fakeCaches(fetch) {
  const store = new Map();
  const urlOf = (r) => (typeof r === 'string' ? r : r.url);
  const cacheOf = (map) => ({
    put: async (r, response) => { map.set(urlOf(r), response); },
    addAll: async (requests) => {
      const responses = await Promise.all(requests.map(async (r) => {
        const response = await fetch(r);
        if (!response.ok) throw new TypeError(`addAll: HTTP ${response.status} for ${urlOf(r)}`);
        return [urlOf(r), response];
      }));
      for (const [url, response] of responses) map.set(url, response);
    },
    match: async (r) => copy(map.get(urlOf(r))),
    keys: async () => [...map.keys()],
  });
  return {
    store,
    open: async (name) => { if (!store.has(name)) store.set(name, new Map()); return cacheOf(store.get(name)); },
    keys: async () => [...store.keys()],
    delete: async (name) => store.delete(name),
    match: async (r, { cacheName }) => copy(store.get(cacheName)?.get(urlOf(r))),
  };
}

/** The service worker served from `root`, a fake network (`online`) and what it was asked for. */
function worker({ online = true, respond = null } = {}) {
  const fetched = [];
  const net = { online };
  const fetch = async (request, init) => {
    const url = typeof request === 'string' ? request : request.url;
    fetched.push({ url, cache: init?.cache ?? request.cache });
    if (!net.online) throw new TypeError('Failed to fetch');
    return respond?.(url) ?? networkResponse(`body of ${url}`);
  };
  const caches = fakeCaches(fetch);
  let skipped = false;
  const sw = loadServiceWorker(`${root}sw.js`, { fetch, caches, skipWaiting: async () => { skipped = true; } });
  return { ...sw, caches, fetched, net, skipped: () => skipped };
}

async function install(w) {
  const waits = [];
  w.listeners.install({ waitUntil: (p) => waits.push(p) });
  await Promise.all(waits);
}

/** Dispatches a fetch event; resolves to the response the worker gave, or null when it let it pass. */
async function dispatchFetch(w, request) {
  let answer = null;
  const waits = [];
  w.listeners.fetch({ request: { method: 'GET', mode: 'cors', ...request }, respondWith: (p) => { answer = p; }, waitUntil: (p) => waits.push(p) });
  const response = answer ? await answer : null;
  await Promise.all(waits);
  return response;
}

const stored = (w) => [...(w.caches.store.get(w.CACHE)?.keys() ?? [])].sort();

test('install keeps every listed file, fetched afresh, in the versioned cache named after the folder', async () => {
  const w = worker();
  assert.equal(w.CACHE, `cccd-scanner-static-v${w.VERSION} ${root}`);
  await install(w);
  assert.deepEqual([...w.caches.store.keys()], [w.CACHE]);
  assert.deepEqual(stored(w), [...w.URLS].sort());
  assert.ok([...w.URLS].every((u) => u.startsWith(root)));
  assert.deepEqual(w.fetched.map((f) => f.url).sort(), [...w.URLS].sort());
  assert.ok(w.fetched.every((f) => f.cache === 'no-cache'), 'past the HTTP cache');
  assert.ok(w.skipped(), 'skipWaiting: a new version takes over at once');
  assert.deepEqual(cacheProblems([{ name: w.CACHE, urls: stored(w) }]), []);
});

test('install stores nothing when a file is missing; a page kept from a redirect is served as not redirected', async () => {
  const missing = worker({ respond: (url) => (url.endsWith('.wasm') ? networkResponse('no', { status: 404 }) : null) });
  await assert.rejects(install(missing), /HTTP 404/);
  assert.deepEqual(stored(missing), []);
  assert.ok(!missing.skipped());
  // A host that redirects app/index.html: a navigation must not be answered with a redirected response.
  const moved = worker({ respond: (url) => (url.endsWith('index.html') ? networkResponse('<!doctype html>', { redirected: true }) : null) });
  await install(moved);
  assert.equal(moved.caches.store.get(moved.CACHE).get(`${root}app/index.html`).redirected, true);
  moved.net.online = false;
  const page = await dispatchFetch(moved, { url: `${root}app/`, mode: 'navigate' });
  assert.equal(page.redirected, false);
  assert.equal(await page.text(), '<!doctype html>');
});

test('activate deletes only this folder\'s older versions', async () => {
  const w = worker();
  const other = (v, folder = root) => `cccd-scanner-static-v${v} ${folder}`;
  for (const name of [other(w.VERSION - 1), other(w.VERSION + 7), other(w.VERSION - 1, 'http://127.0.0.1:8080/elsewhere/'), 'some-other-app']) {
    await w.caches.open(name);
  }
  await install(w);
  const waits = [];
  w.listeners.activate({ waitUntil: (p) => waits.push(p) });
  await Promise.all(waits);
  assert.deepEqual([...w.caches.store.keys()].sort(), [w.CACHE, other(w.VERSION - 1, 'http://127.0.0.1:8080/elsewhere/'), 'some-other-app'].sort());
});

test('fetch: listed files network first, kept copies with no network; everything else passes by untouched', async () => {
  const w = worker();
  await install(w);
  const before = new Map([...w.caches.store.get(w.CACHE)].map(([k, v]) => [k, v]));
  const wasm = `${root}dist/cccd_scanner.wasm`;

  // Online: the network's answer, and the copy refreshed.
  w.fetched.length = 0;
  const fresh = await dispatchFetch(w, { url: wasm });
  assert.equal(await fresh.text(), `body of ${wasm}`);
  assert.deepEqual(w.fetched.map((f) => f.url), [wasm]);

  // Offline: the kept copies, for files, the worker's modules and the page opened as app/ or app/index.html?…
  w.net.online = false;
  assert.equal(await (await dispatchFetch(w, { url: wasm })).text(), `body of ${wasm}`);
  assert.equal(await (await dispatchFetch(w, { url: `${root}src/worker.js` })).text(), `body of ${root}src/worker.js`);
  for (const url of [`${root}app/`, `${root}app/index.html?lang=en#x`]) {
    assert.equal(await (await dispatchFetch(w, { url, mode: 'navigate' })).text(), `body of ${root}app/index.html`, url);
  }
  // …and a listed file not kept fails as the network does.
  w.caches.store.get(w.CACHE).delete(`${root}app/app.css`);
  await assert.rejects(dispatchFetch(w, { url: `${root}app/app.css` }), /Failed to fetch/);

  // Never answered, never stored: other methods, schemes, origins, files, query strings, pages.
  w.net.online = true;
  const passing = [
    { url: wasm, method: 'POST' },
    { url: 'blob:http://127.0.0.1:8080/0b6f6a8e-9d2c-4c54-9a57-3e5b0e7d8d11' },
    { url: 'data:image/jpeg;base64,/9j/4AAQ' },
    { url: `http://127.0.0.1:9999/some/site/cccd/dist/cccd_scanner.wasm` },
    { url: `https://cdn.example/some/site/cccd/app/app.js` },
    { url: `${root}app/card.jpg` },
    { url: `${root}dist/cccd_scanner.wasm?v=2` },
    { url: `${root}app/element.html`, mode: 'navigate' },
    { url: `${root}app/app.js`, mode: 'navigate' },
    { url: `${root}`, mode: 'navigate' },
    { url: `${root}sw.js` },
    { url: 'http://127.0.0.1:8080/app/app.js' }, // the same path from another folder of the site
  ];
  for (const request of passing) assert.equal(await dispatchFetch(w, request), null, `${request.method ?? 'GET'} ${request.url}`);
  assert.deepEqual(stored(w), [...before.keys()].filter((k) => k !== `${root}app/app.css`).sort());
});

test('fetch keeps only whole, same-origin answers, and skips rewriting an unchanged file', async () => {
  const bad = { status: 404, body: 'not here' };
  const w = worker({
    respond: (url) => {
      if (url.endsWith('app.css')) return networkResponse(bad.body, { status: bad.status });
      if (url.endsWith('i18n.js')) return Object.defineProperty(networkResponse('opaque'), 'type', { value: 'opaque' });
      if (url.endsWith('.tsv')) return networkResponse('new table', { headers: { etag: '"t1"' } });
      return null;
    },
  });
  await w.caches.open(w.CACHE).then((c) => Promise.all([
    c.put(`${root}app/app.css`, new Response('kept css')),
    c.put(`${root}app/i18n.js`, new Response('kept i18n')),
    c.put(`${root}dist/address2025.tsv`, new Response('kept table', { headers: { etag: '"t1"' } })),
  ]));
  const text = async (url) => (await dispatchFetch(w, { url: `${root}${url}` })).text();
  assert.equal(await text('app/app.css'), bad.body, 'the network answer is passed on');
  const kept = w.caches.store.get(w.CACHE);
  assert.equal(await kept.get(`${root}app/app.css`).clone().text(), 'kept css', 'a 404 is not kept');
  await text('app/i18n.js');
  assert.equal(await kept.get(`${root}app/i18n.js`).clone().text(), 'kept i18n', 'an opaque answer is not kept');
  await text('dist/address2025.tsv');
  assert.equal(await kept.get(`${root}dist/address2025.tsv`).clone().text(), 'kept table', 'same ETag: not written again');
});

test('cacheProblems: anything but the service worker\'s own static files is reported', () => {
  const { CACHE, URLS } = loadServiceWorker(`${root}sw.js`);
  const urls = [...URLS];
  assert.deepEqual(cacheProblems([{ name: CACHE, urls }]), []);
  assert.equal(cacheProblems([{ name: CACHE, urls: [...urls, `${root}app/card.jpg`] }]).length, 1);
  assert.equal(cacheProblems([{ name: CACHE, urls: ['blob:http://127.0.0.1:8080/1234'] }]).length, 1);
  assert.equal(cacheProblems([{ name: CACHE, urls: [`${root}dist/cccd_scanner.wasm?result=1`] }]).length, 1);
  assert.equal(cacheProblems([{ name: CACHE.replace(/-v\d+/, '-v0'), urls: [] }]).length, 1, 'an old version');
  assert.equal(cacheProblems([{ name: 'results', urls: [] }]).length, 1, 'any other cache, even empty');
  assert.equal(cacheProblems([{ name: CACHE.replace(root, 'http://127.0.0.1:8080/'), urls }]).length, urls.length,
    'another folder\'s cache holds only that folder\'s files');
});

test('offline.js registers ../sw.js only with service workers on a secure http(s) page, and never throws', async () => {
  const { registerOffline } = await import('../../web/app/offline.js');
  const calls = [];
  const nav = (register) => ({ serviceWorker: { register: async (url) => { calls.push(String(url)); return register(url); } } });
  const win = (protocol, isSecureContext = true) => ({ isSecureContext, location: { protocol } });
  assert.equal(await registerOffline({ nav: {}, win: win('https:') }), null);
  assert.equal(await registerOffline({ nav: nav(() => 'r'), win: win('http:', false) }), null);
  assert.equal(await registerOffline({ nav: nav(() => 'r'), win: win('file:') }), null);
  assert.equal(calls.length, 0);
  assert.equal(await registerOffline({ nav: nav(() => 'registration'), win: win('https:') }), 'registration');
  assert.equal(calls.length, 1);
  assert.equal(new URL(calls[0]).href, new URL('../../web/sw.js', import.meta.url).href);
  assert.equal(await registerOffline({ nav: nav(() => { throw new DOMException('no', 'SecurityError'); }), win: win('http:') }), null);
});
