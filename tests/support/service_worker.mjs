// The scan page's service worker (web/sw.js) as the tests see it: run in a Node vm with the globals it
// uses given by the test (fetch, caches, self), and what may be in Cache Storage after the page ran.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

export const swPath = new URL('../../web/sw.js', import.meta.url).pathname;

/**
 * Runs sw.js as if served at `scriptUrl`. Returns its event listeners ({install, activate, fetch}) and
 * its constants: FILES (relative to its folder), URLS (absolute), CACHE (its cache's name), VERSION, NAME.
 * `globals`: fetch, caches, skipWaiting… as the test fakes them.
 */
export function loadServiceWorker(scriptUrl, { fetch = undefined, caches = undefined, skipWaiting = async () => {} } = {}) {
  const listeners = {};
  const self = {
    location: new URL(scriptUrl),
    addEventListener: (type, listener) => { listeners[type] = listener; },
    skipWaiting,
  };
  const context = vm.createContext({ self, fetch, caches, URL, Request, Response, Headers, Set, Map, Promise, Error });
  const source = `${readFileSync(swPath, 'utf8')}\n;({ FILES, URLS, CACHE, VERSION, NAME });`;
  const constants = vm.runInContext(source, context, { filename: swPath });
  return { listeners, ...constants, FILES: [...constants.FILES], URLS: new Set(constants.URLS) };
}

/**
 * What is wrong with the Cache Storage a page left, [{name, urls}] (every cache and its keys): every
 * cache must be the scan page's service worker's own — the exact name sw.js gives it for the folder it
 * names, so no other cache and no other version's — and hold only that worker's static file URLs (so no
 * blob:, no photo, no result, nothing with a query string). Returns a list of problems, [] when none.
 */
export function cacheProblems(caches) {
  const problems = [];
  for (const { name, urls } of caches) {
    const root = /^[a-z-]+-v\d+ (https?:\/\/\S+\/)$/.exec(name)?.[1];
    const sw = root ? loadServiceWorker(`${root}sw.js`) : null;
    if (!sw || sw.CACHE !== name) {
      problems.push(`a cache that is not the service worker's: ${name} (${urls.length} entries)`);
      continue;
    }
    for (const url of urls) if (!sw.URLS.has(url)) problems.push(`${name}: ${url} is not a static file`);
  }
  return problems;
}
