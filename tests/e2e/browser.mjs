// Shared set-up for end-to-end tests: the package served on loopback and a browser from Debian's packages
// (never a downloaded one), chosen by CCCD_E2E_ENGINE: 'chromium' (default, playwright-core), 'firefox'
// (firefox-esr, puppeteer-core over WebDriver BiDi) or 'webkit' (WebKitGTK's MiniBrowser over WebDriver).
// Firefox and WebKit come behind a facade with the part of Playwright's API the tests use
// (engines/facade.mjs); their camera is a canvas stream playing the clip (engines/in_page/fake_camera.js).
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { after, before } from 'node:test';
import { startServer } from '../../web/scripts/serve.mjs';
import { corpusDir as corpusDirOf } from '../support/corpus_dir.mjs';
import { cacheProblems } from '../support/service_worker.mjs';

import { launchFirefox } from './engines/firefox.mjs';
import { launchWebKit } from './engines/webkit.mjs';
import { htmlHead, intercept, registerClip } from './engines/harness.mjs';

// playwright-core is a devDependency of the web package (web/node_modules).
const { chromium } = createRequire(new URL('../../web/package.json', import.meta.url))('playwright-core');

export const engine = process.env.CCCD_E2E_ENGINE ?? 'chromium';
if (!['chromium', 'firefox', 'webkit'].includes(engine)) throw new Error(`CCCD_E2E_ENGINE=${engine}: chromium, firefox or webkit`);
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const screenshotDir = new URL(`./screenshots/${engine === 'chromium' ? '' : `${engine}/`}`, import.meta.url).pathname;

const fakeCameraScript = readFileSync(new URL('./engines/in_page/fake_camera.js', import.meta.url), 'utf8');

// A clip's frame rate from its JSON (cccd-cardgen's x.mjpeg.json, the corpus's x.json); 30 otherwise.
function clipFps(clip) {
  for (const json of [`${clip}.json`, clip.replace(/\.mjpeg$/, '.json')]) {
    if (existsSync(json)) return JSON.parse(readFileSync(json, 'utf8')).fps ?? 30;
  }
  return 30;
}

/**
 * Starts the engine. `camera`: undefined (the browser's own: a permission prompt nobody answers),
 * 'denied' (a camera the user refuses), 'absent' (no camera at all), or {clip, devices} (cameras that play
 * the MJPEG file `clip`, or a test pattern, with the permission granted).
 */
export async function launch({ camera } = {}) {
  if (engine !== 'chromium') {
    const initScripts = [];
    if (camera) {
      const config = typeof camera === 'string' ? { mode: camera } : { mode: 'clip', devices: camera.devices ?? 1 };
      if (camera.clip) config.clip = registerClip(camera.clip, clipFps(camera.clip));
      initScripts.push(`(${fakeCameraScript})(${JSON.stringify(config)})`);
    }
    return (engine === 'firefox' ? launchFirefox : launchWebKit)({ initScripts });
  }
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: run .ci/install`);
  let cameraArgs = [];
  if (camera === 'denied') cameraArgs = ['--use-fake-device-for-media-stream']; // no auto-accepted prompt: denied
  else if (camera === 'absent') cameraArgs = ['--use-fake-ui-for-media-stream']; // granted, but no device
  else if (camera) {
    cameraArgs = [`--use-fake-device-for-media-stream${camera.devices > 1 ? `=device-count=${camera.devices}` : ''}`,
      '--use-fake-ui-for-media-stream', ...(camera.clip ? [`--use-file-for-fake-video-capture=${camera.clip}`] : [])];
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-quic', '--no-first-run', ...cameraArgs],
  });
}

export async function serve(options = {}) {
  const hooks = engine === 'chromium' ? {} : { intercept, htmlHead };
  const server = await startServer({ listenHost: '127.0.0.1', listenPort: 0, ...hooks, ...options });
  const { port } = server.address();
  return { server, origin: `http://127.0.0.1:${port}` };
}

// One server and one browser for the calling test file: its before hook serves the package (serveOptions
// as for serve) and starts the browser with `start`; its after hook closes both. The returned object
// holds {server, origin, browser} once the hook has run.
export function servedBrowser(serveOptions = {}, start = launch) {
  const env = {};
  before(async () => {
    Object.assign(env, await serve(serveOptions));
    env.browser = await start();
  });
  after(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
}

// Opens the page and records every request, CSP violation and console message it causes. `contextOptions`:
// Playwright's (e.g. {viewport: {width, height}, isMobile, hasTouch}); Firefox and WebKit take the viewport.
export async function openPage(browser, url, initScript = null, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const record = { requests: [], cspViolations: [], console: [], pageErrors: [] };
  page.on('request', (r) => record.requests.push(r.url()));
  page.on('console', (m) => record.console.push(m.text()));
  page.on('pageerror', (e) => record.pageErrors.push(String(e)));
  if (engine === 'chromium') {
    await page.exposeFunction('__reportCsp', (v) => record.cspViolations.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__reportCsp(`${e.violatedDirective} ${e.blockedURI}`));
    });
  } else {
    page.on('cspviolation', (v) => record.cspViolations.push(v)); // engines/in_page/record.js
  }
  if (initScript) await page.addInitScript(initScript);
  await page.goto(url);
  return { context, page, record };
}

export async function screenshot(page, name) {
  const path = `${screenshotDir}${name}.png`;
  mkdirSync(dirname(path), { recursive: true }); // names may hold a folder: 'states/phone-idle'
  await page.screenshot({ path, fullPage: true });
}

export const corpusDir = corpusDirOf();
export const cameraVideo = `${corpusDir}/cccd-video/card-approach.mjpeg`;

/** A camera playing `file` (MJPEG) from its first frame, looping; permission granted without a prompt. */
export function launchWithCamera(file = cameraVideo) {
  return launch({ camera: { clip: file } });
}

const iso = (ddmmyyyy) => `${ddmmyyyy.slice(4)}-${ddmmyyyy.slice(2, 4)}-${ddmmyyyy.slice(0, 2)}`;
const printed = (ddmmyyyy) => `${ddmmyyyy.slice(0, 2)}/${ddmmyyyy.slice(2, 4)}/${ddmmyyyy.slice(4)}`;

/**
 * Asserts the page shows the corpus's expected fields ({id, oldId, name, dob, gender, address, issued})
 * both in the result card and in the result JSON.
 */
export async function assertShowsFields(page, fields, assert) {
  const card = JSON.parse(await page.textContent('[data-testid=result-json]'));
  assert.equal(card.fields.id, fields.id);
  assert.equal(card.fields.oldId, fields.oldId);
  assert.equal(card.fields.name, fields.name);
  assert.equal(card.fields.dateOfBirth, iso(fields.dob));
  assert.equal(card.fields.sexText, fields.gender);
  assert.equal(card.fields.address, fields.address);
  assert.equal(card.fields.issueDate, iso(fields.issued));
  const shown = async (key) => page.textContent(`[data-testid=field-${key}]`);
  assert.equal(await shown('id'), fields.id);
  assert.equal(await shown('name'), fields.name);
  assert.equal(await shown('dateOfBirth'), printed(fields.dob));
  assert.equal(await shown('sex'), fields.gender);
  assert.equal(await shown('address'), fields.address);
  assert.equal(await shown('issueDate'), printed(fields.issued));
  return card;
}

/**
 * What the page left behind on the device: cookies, Web Storage, IndexedDB, and in Cache Storage anything
 * but the service worker's own cache of static files (web/sw.js), entry by entry (cacheProblems).
 */
export async function storageOf(page) {
  const left = await page.evaluate(async () => {
    const caches = [];
    for (const name of await globalThis.caches?.keys?.() ?? []) {
      caches.push({ name, urls: (await (await globalThis.caches.open(name)).keys()).map((r) => r.url) });
    }
    return {
      cookies: document.cookie,
      local: localStorage.length,
      session: sessionStorage.length,
      idb: (await indexedDB.databases()).length,
      caches,
    };
  });
  return { ...left, caches: cacheProblems(left.caches) };
}
export const noStorage = { cookies: '', local: 0, session: 0, idb: 0, caches: [] };
