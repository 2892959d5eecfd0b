// Shared set-up for end-to-end tests: the package served on loopback and Debian's Chromium driven by
// playwright-core (never a downloaded browser).
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startServer } from '../../web/scripts/serve.mjs';

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

export async function serve() {
  const server = await startServer({ listenHost: '127.0.0.1', listenPort: 0 });
  const { port } = server.address();
  return { server, origin: `http://127.0.0.1:${port}` };
}

// Opens the page and records every request, CSP violation and console message it causes.
export async function openPage(browser, url) {
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
  await page.goto(url);
  return { context, page, record };
}

export async function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: `${screenshotDir}${name}.png`, fullPage: true });
}
