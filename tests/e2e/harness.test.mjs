// The e2e harness itself, in each engine: the tests assert that nothing went to another origin, that no
// console message, page error or CSP violation happened. That proves something only if the harness does
// see each of them when it happens (in Firefox and WebKit: engines/harness.mjs and in_page/record.js).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../web/scripts/serve.mjs';
import { launch, openPage, serve } from './browser.mjs';

const site = mkdtempSync(join(tmpdir(), 'cccd-harness-'));
const env = {};
before(async () => {
  writeFileSync(join(site, 'plain.html'), '<!doctype html><meta charset="utf-8"><title>plain</title><p>plain</p>');
  writeFileSync(join(site, 'strict.html'), '<!doctype html><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="img-src 'self'"><title>strict</title><p>strict</p>`);
  // A 1x1 GIF from another origin: a plain server, which tells the harness nothing of what it serves.
  writeFileSync(join(site, 'pixel.gif'), Buffer.from('R0lGODlhAQABAAAAACwAAAAAAQABAAACAkQBADs=', 'base64'));
  ({ server: env.server, origin: env.origin } = await serve({ root: site }));
  env.other = await startServer({ listenHost: '127.0.0.1', listenPort: 0, root: site });
  env.otherOrigin = `http://127.0.0.1:${env.other.address().port}`;
  env.browser = await launch();
});
after(async () => {
  await env.browser?.close();
  env.server?.close();
  env.other?.close();
  rmSync(site, { recursive: true, force: true });
});

const until = async (what, ok) => {
  for (const end = Date.now() + 10_000; !ok(); await new Promise((r) => setTimeout(r, 50))) {
    if (Date.now() > end) assert.fail(`the harness never saw ${what}`);
  }
};

test('a request to another origin, a console message and a page error are seen', async () => {
  const { context, page, record } = await openPage(env.browser, `${env.origin}/plain.html`);
  await page.evaluate((url) => {
    console.log('control message');
    setTimeout(() => { throw new Error('control error'); });
    const img = new Image();
    img.src = url;
    document.body.append(img);
    return new Promise((resolve) => { img.onload = img.onerror = resolve; });
  }, `${env.otherOrigin}/pixel.gif`);
  await until('the request', () => record.requests.includes(`${env.otherOrigin}/pixel.gif`));
  await until('the console message', () => record.console.includes('control message'));
  await until('the page error', () => record.pageErrors.some((e) => /control error/.test(e)));
  await context.close();
});

test('a CSP violation is seen', async () => {
  const { context, page, record } = await openPage(env.browser, `${env.origin}/strict.html`);
  await page.evaluate((url) => { document.body.append(Object.assign(new Image(), { src: url })); }, `${env.otherOrigin}/pixel.gif`);
  await until('the violation', () => record.cspViolations.some((v) => v.startsWith('img-src')));
  await context.close();
});
