// "Works from any static host": the page uses relative URLs only, so served from a sub-folder of some
// other site (here /some/site/cccd/ of a plain static server) it loads everything, decodes a photo in
// its Worker and parses wedge input, with every request under that folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, serve } from './browser.mjs';

const web = new URL('../../web/', import.meta.url).pathname;

test('no root-relative or absolute URLs in the page and package sources', () => {
  const files = [...readdirSync(join(web, 'app')).map((f) => join(web, 'app', f)),
    ...readdirSync(join(web, 'src')).map((f) => join(web, 'src', f)), join(web, 'sw.js')].filter((f) => /\.(html|js|css)$/.test(f));
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    assert.doesNotMatch(text, /(src|href)="\/(?!\/)|url\(\/|from '\/|https?:\/\/(?!www\.w3\.org)/, f);
  }
});

test('served from a sub-folder of another site, the page works', async () => {
  const site = mkdtempSync(join(tmpdir(), 'cccd-site-'));
  let browser;
  let server;
  try {
    mkdirSync(join(site, 'some/site'), { recursive: true });
    symlinkSync(web, join(site, 'some/site/cccd')); // what copying web/ (app, src, dist) to a host does
    ({ server } = await serve({ root: site }));
    const origin = `http://127.0.0.1:${server.address().port}`;
    browser = await launch();
    const page = await browser.newPage();
    const requests = [];
    const failures = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('response', (r) => { if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`); });
    await page.goto(`${origin}/some/site/cccd/app/`);
    await page.waitForSelector('[data-testid=status][data-state=idle]');
    await page.fill('[data-testid=wedge-input]', '001099012345||Nguyễn Văn A|01011999|Nam|Hà Nội|15042021');
    await page.press('[data-testid=wedge-input]', 'Enter');
    await page.waitForSelector('[data-testid=status][data-state=found]');
    assert.deepEqual(failures, []);
    assert.deepEqual(requests.filter((u) => !u.startsWith(`${origin}/some/site/cccd/`)), []);
    assert.ok(requests.some((u) => u.endsWith('/some/site/cccd/dist/cccd_scanner.wasm')));
  } finally {
    await browser?.close();
    server?.close();
    rmSync(site, { recursive: true, force: true });
  }
});
