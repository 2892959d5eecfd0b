// Shared set-up for end-to-end tests: the package served on loopback and Debian's Chromium driven by
// playwright-core (never a downloaded browser).
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before } from 'node:test';
import { startServer } from '../../web/scripts/serve.mjs';
import { corpusDir as corpusDirOf } from '../support/corpus_dir.mjs';

// playwright-core is a devDependency of the web package (web/node_modules).
const { chromium } = createRequire(new URL('../../web/package.json', import.meta.url))('playwright-core');

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const screenshotDir = new URL('./screenshots/', import.meta.url).pathname;

export async function launch(extraArgs = []) {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: run .ci/install`);
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-quic', '--no-first-run', ...extraArgs],
  });
}

export async function serve(options = {}) {
  const server = await startServer({ listenHost: '127.0.0.1', listenPort: 0, ...options });
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

// Opens the page and records every request, CSP violation and console message it causes.
export async function openPage(browser, url, initScript = null) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const record = { requests: [], cspViolations: [], console: [], pageErrors: [] };
  page.on('request', (r) => record.requests.push(r.url()));
  page.on('console', (m) => record.console.push(m.text()));
  page.on('pageerror', (e) => record.pageErrors.push(String(e)));
  await page.exposeFunction('__reportCsp', (v) => record.cspViolations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__reportCsp(`${e.violatedDirective} ${e.blockedURI}`));
  });
  if (initScript) await page.addInitScript(initScript);
  await page.goto(url);
  return { context, page, record };
}

export async function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: `${screenshotDir}${name}.png`, fullPage: true });
}

export const corpusDir = corpusDirOf();
export const cameraVideo = `${corpusDir}/cccd-video/card-approach.mjpeg`;

/** Chromium's fake camera playing `file` (MJPEG), permission granted without a prompt. */
export function launchWithCamera(file = cameraVideo) {
  return launch(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${file}`]);
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

/** What the page left behind on the device: cookies, Web Storage, IndexedDB, Cache Storage. */
export async function storageOf(page) {
  return page.evaluate(async () => ({
    cookies: document.cookie,
    local: localStorage.length,
    session: sessionStorage.length,
    idb: (await indexedDB.databases()).length,
    caches: (await caches?.keys?.() ?? []).length,
  }));
}
export const noStorage = { cookies: '', local: 0, session: 0, idb: 0, caches: 0 };
