// The scan page's service worker (issue 18): it keeps the page's static files — its HTML, CSS and
// modules, the package modules they import, the decoding Worker, the WASM build and the address table,
// the manifest and icons — so that after one visit the page loads and scans with no network.
//
// It lives here, at the root of the folder holding app/, src/ and dist/, and not in app/: a dedicated
// Worker is controlled by the service worker whose scope holds the Worker's own URL (src/worker.js), not
// by its page's, so only a scope over the whole folder brings the Worker's module, .wasm and table fetches
// here. app/offline.js registers it.
//
// Network first: online, each listed file is fetched just as without a service worker (an updated page is
// never served stale, and no version needs bumping when a file changes) and the copy is kept; with no
// network, the kept copy. Nothing else is ever stored or answered: no other URL (a query string makes it
// another URL), no other origin, no POST, no blob: or data: URL — a photo the user picks, drops or pastes
// is never a request at all — and no scan result. tests/node/service_worker.test.mjs checks FILES against
// everything the page loads; tests/e2e/offline.test.mjs checks it offline in a browser.
'use strict';

// Bump when FILES or the way they are kept changes: activating a new version deletes the old one's cache.
const VERSION = 1;
const NAME = 'cccd-scanner-static';
// This folder's URL: the cache is named after it, so two copies of the page on one site keep apart.
const ROOT = new URL('./', self.location.href).href;
const CACHE = `${NAME}-v${VERSION} ${ROOT}`;

// Relative to ROOT; exactly what app/index.html loads (tests/node/service_worker.test.mjs).
const FILES = [
  'app/index.html',
  'app/app.css',
  'app/app.js',
  'app/offline.js',
  'app/i18n.js',
  'app/status.js',
  'app/result_view.js',
  'app/camera_ui.js',
  'app/photo_ui.js',
  'app/wedge_ui.js',
  'app/batch.css',
  'app/batch_ui.js',
  'app/batch_files.js',
  'app/batch_rows.js',
  'app/table_export.js',
  'app/sheet.js',
  'app/feedback.js',
  'app/manifest.webmanifest',
  'app/icons/icon-192.png',
  'app/icons/icon-512.png',
  'app/icons/maskable-512.png',
  'app/icons/icon.svg',
  'src/worker_client.js',
  'src/camera.js',
  'src/dedupe.js',
  'src/errors.js',
  'src/messages.js',
  'src/protocol.js',
  'src/validate.js',
  'src/pixels.js',
  'src/worker.js',
  'src/scanner.js',
  'src/wasm_module.js',
  'dist/cccd_scanner.js',
  'dist/cccd_scanner.wasm',
  'dist/address2025.tsv',
];
const URLS = new Set(FILES.map((file) => new URL(file, ROOT).href));
// The page, opened as app/ or app/index.html (any query string), is kept once, as app/index.html.
const PAGE = new URL('app/index.html', ROOT).href;
const PAGE_FOLDER = new URL('app/', ROOT).href;

/** The cache key `request` is answered from, or null when it is none of ours. */
function keyOf(request) {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return null;
  url.hash = '';
  if (request.mode === 'navigate') {
    url.search = '';
    return url.href === PAGE || url.href === PAGE_FOLDER ? PAGE : null;
  }
  return URLS.has(url.href) ? url.href : null;
}

// A response followed a redirect: a copy that says not, since one answering a navigation must not.
async function unredirected(response) {
  if (!response.redirected) return response;
  const { status, statusText, headers } = response;
  return new Response(await response.blob(), { status, statusText, headers });
}

// The same file as the kept copy, by its validators: no need to write it again.
function sameAs(response, kept) {
  const same = (name) => response.headers.get(name) !== null && response.headers.get(name) === kept.headers.get(name);
  return same('etag') || (same('last-modified') && same('content-length'));
}

async function keep(key, response) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(key);
  if (!kept || !sameAs(response, kept)) await cache.put(key, await unredirected(response));
}

async function networkFirst(event, key) {
  let response;
  try {
    response = await fetch(event.request);
  } catch (error) {
    const kept = await caches.match(key, { cacheName: CACHE });
    if (kept) return unredirected(kept);
    throw error;
  }
  if (response.status === 200 && response.type === 'basic') event.waitUntil(keep(key, response.clone()).catch(() => {}));
  return response;
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    // Every file or none (addAll stores nothing unless all arrive), fetched past the HTTP cache.
    const cache = await caches.open(CACHE);
    await cache.addAll([...URLS].map((url) => new Request(url, { cache: 'no-cache' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const old = (await caches.keys()).filter((name) => name !== CACHE && name.startsWith(`${NAME}-v`) && name.endsWith(` ${ROOT}`));
    await Promise.all(old.map((name) => caches.delete(name)));
  })());
});

self.addEventListener('fetch', (event) => {
  const key = keyOf(event.request);
  if (key) event.respondWith(networkFirst(event, key));
});
