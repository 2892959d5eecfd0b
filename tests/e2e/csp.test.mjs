// The page and the element under a strict CSP sent as a header on every response (so it also binds
// the decoding Worker, which the page's meta tag does not): script-src 'self' 'wasm-unsafe-eval' and
// nothing else. Camera, photo and keyboard-wedge paths all work and no violation is reported — and a
// deliberate eval() proves that violations would be.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { cameraVideo, corpusDir, launchWithCamera, openPage, servedBrowser } from './browser.mjs';
import { unavailable } from '../support/unavailable.mjs';

const policy = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' blob: data:; " +
  "media-src 'self' blob:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'";
const reports = [];
const env = servedBrowser({ csp: policy, onCspReport: (r) => reports.push(r) }, launchWithCamera);

const settle = () => new Promise((r) => setTimeout(r, 500)); // reports are POSTed asynchronously

test('the page meta tag carries exactly the strict script-src', () => {
  const html = readFileSync(new URL('../../web/app/index.html', import.meta.url), 'utf8');
  assert.match(html, /script-src 'self' 'wasm-unsafe-eval';/);
  assert.doesNotMatch(html, /'unsafe-inline'|'unsafe-eval'|https?:\/\//);
});

test('camera, photo and wedge paths work under the strict CSP header, with no violation', async (t) => {
  if (!existsSync(cameraVideo)) return unavailable(t, `camera video not found at ${cameraVideo} (set CCCD_CORPUS_DIR)`);
  reports.length = 0;
  const { context, page, record } = await openPage(env.browser, `${env.origin}/`);
  await page.waitForSelector('[data-testid=status][data-state=idle]');
  await page.click('[data-testid=start-camera]');
  await page.waitForSelector('[data-testid=status][data-state=found]', { timeout: 10_000 });
  await page.click('[data-testid=start-camera]');
  const photo = JSON.parse(readFileSync(`${corpusDir}/cccd-synth/normal/index.jsonl`, 'utf8').split('\n')[0]);
  await page.setInputFiles('[data-testid=photo-input]', `${corpusDir}/cccd-synth/normal/${photo.file}`);
  await page.waitForFunction((name) => document.querySelector('[data-testid=field-name]')?.textContent === name, photo.fields.name);
  await page.fill('[data-testid=wedge-input]', '001099012345||Nguyễn Văn A|01011999|Nam|Hà Nội|15042021');
  await page.press('[data-testid=wedge-input]', 'Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid=field-name]')?.textContent === 'Nguyễn Văn A');
  await settle();
  assert.deepEqual(record.cspViolations, []);
  assert.deepEqual(reports, []);
  assert.deepEqual(record.pageErrors, []);

  // Control: the harness does see a violation when one happens.
  await page.evaluate(() => document.body.append(Object.assign(document.createElement('img'), { src: 'https://example.invalid/x.png' })));
  await page.waitForFunction(() => true);
  await settle();
  assert.ok(record.cspViolations.length + reports.length > 0, 'a blocked image is reported');
  await context.close();
});

test('the <cccd-scanner> element works under the strict CSP header (constructed stylesheet, worker)', async (t) => {
  if (!existsSync(cameraVideo)) return unavailable(t, `camera video not found at ${cameraVideo}`);
  reports.length = 0;
  const { fields } = JSON.parse(readFileSync(`${corpusDir}/cccd-video/card-approach.json`, 'utf8'));
  const { context, page, record } = await openPage(env.browser, `${env.origin}/app/element.html`);
  await page.click('cccd-scanner >> button');
  await page.waitForFunction((name) => document.querySelector('[name=name]').value === name, fields.name, { timeout: 10_000 });
  // Its styles applied (the aiming frame is absolutely positioned): CSP did not block them.
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('cccd-scanner').shadowRoot.querySelector('.aim')).position), 'absolute');
  await settle();
  assert.deepEqual(record.cspViolations, []);
  assert.deepEqual(reports, []);
  await context.close();
});
