// The <cccd-scanner> custom element with the fake camera: it shows the camera with an aiming frame,
// emits cccd-scan once for the card, fills the form named by autofill="…", and reports cccd-error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { cameraVideo, corpusDir, launch, launchWithCamera, noStorage, openPage, screenshot, serve, storageOf } from './browser.mjs';
import { unavailable } from '../support/unavailable.mjs';

let server;
let origin;
before(async () => { ({ server, origin } = await serve()); });
after(() => server?.close());

test('<cccd-scanner autofill> fills the form from the camera', async (t) => {
  if (!existsSync(cameraVideo)) return unavailable(t, `camera video not found at ${cameraVideo} (set CCCD_CORPUS_DIR)`);
  const { fields } = JSON.parse(readFileSync(`${corpusDir}/cccd-video/card-approach.json`, 'utf8'));
  const [ward, district, province] = fields.address.split(', ').slice(-3);  // "…, ward, district, province"
  const browser = await launchWithCamera();
  try {
    const { page, record } = await openPage(browser, `${origin}/app/element.html`);
    // The camera loops a 2 s clip whose card enters the view: a read late in one loop and the next loop's
    // first read can be more than the default 1.5 s apart, a card that left and came back (seen in
    // WebKit on a loaded machine). Here it stays "in view" across loops, as in page_camera's tests.
    await page.evaluate(() => document.querySelector('cccd-scanner').setAttribute('leave-ms', '60000'));
    // The element's own button (in its shadow root) starts the camera.
    await page.click('cccd-scanner >> button');
    await page.waitForFunction(() => document.querySelector('[name=name]').value !== '', null, { timeout: 10_000 });
    const form = await page.evaluate(() => Object.fromEntries(new FormData(document.getElementById('customer'))));
    assert.deepEqual(form, {
      id: fields.id, oldId: fields.oldId, name: fields.name,
      dob: `${fields.dob.slice(4)}-${fields.dob.slice(2, 4)}-${fields.dob.slice(0, 2)}`, // <input type=date>: ISO
      sex: fields.gender === 'Nam' ? 'male' : 'female',
      address: fields.address,
      ward, district, province,
      issueDate: `${fields.issued.slice(0, 2)}/${fields.issued.slice(2, 4)}/${fields.issued.slice(4)}`, // as printed
      // The clips' addresses are made up (ward, district and province drawn apart; e.g. Xuân Khánh is in
      // Cần Thơ, Hải Châu in Đà Nẵng): no new address.
      newAddress: '', newCommune: '', newProvince: '',
    });
    assert.equal(await page.getAttribute('cccd-scanner', 'data-state'), 'found');
    // Its status line says so, in its language (part="status", a polite live region).
    assert.equal(await page.textContent('cccd-scanner >> [part=status]'), `Đã đọc thẻ: ${fields.name}`);
    assert.equal(await page.getAttribute('cccd-scanner >> [part=status]', 'role'), 'status');
    assert.equal(await page.evaluate(() => Boolean(document.querySelector('cccd-scanner').shadowRoot.querySelector('video').srcObject)), true);
    assert.equal(await page.evaluate(() => Boolean(document.querySelector('cccd-scanner').shadowRoot.querySelector('.aim'))), true);
    await page.waitForTimeout(2500); // a whole loop of the clip more: still one event
    assert.equal(await page.getAttribute('[data-testid=events]', 'data-scans'), '1');
    await screenshot(page, 'element-filled');
    // Removing the element stops the camera.
    const track = await page.evaluateHandle(() => document.querySelector('cccd-scanner').shadowRoot.querySelector('video').srcObject.getVideoTracks()[0]);
    await page.evaluate(() => document.querySelector('cccd-scanner').remove());
    assert.equal(await track.evaluate((tr) => tr.readyState), 'ended');
    assert.deepEqual(record.cspViolations, []);
    assert.deepEqual(record.pageErrors, []);
    assert.deepEqual(record.requests.filter((u) => !u.startsWith(origin)), []);
    assert.deepEqual(await storageOf(page), noStorage);
  } finally {
    await browser.close();
  }
});

test('fillForm fills the new address (July 2025) from parse(), which fetches the table from its own origin', async () => {
  const browser = await launch();
  try {
    const { page, record } = await openPage(browser, `${origin}/app/element.html`);
    const form = await page.evaluate(async () => {
      const { parse, fillForm } = await import('/src/index.js');
      fillForm('customer', await parse('036190001234||Trần Thị Bình|01011990|Nữ|Xóm 2, Hải Châu, Hải Hậu, Nam Định|01022022'));
      return Object.fromEntries(new FormData(document.getElementById('customer')));
    });
    assert.equal(form.newAddress, 'Xóm 2, Xã Hải Thịnh, Tỉnh Ninh Bình');
    assert.equal(form.newCommune, 'Xã Hải Thịnh');
    assert.equal(form.newProvince, 'Tỉnh Ninh Bình');
    assert.equal(form.district, 'Hải Hậu');
    assert.ok(record.requests.some((u) => u === `${origin}/dist/address2025.tsv`), record.requests.join('\n'));
    assert.deepEqual(record.cspViolations, []);
    assert.deepEqual(record.requests.filter((u) => !u.startsWith(origin)), []);
  } finally {
    await browser.close();
  }
});

test('<cccd-scanner> emits cccd-error when the camera is refused', async () => {
  const browser = await launch({ camera: 'denied' });
  try {
    const { page } = await openPage(browser, `${origin}/app/element.html`);
    assert.equal(await page.textContent('cccd-scanner >> button'), 'Bật camera');
    await page.evaluate(() => document.querySelector('cccd-scanner').setAttribute('lang', 'en'));
    assert.equal(await page.textContent('cccd-scanner >> button'), 'Start camera');
    await page.click('cccd-scanner >> button');
    await page.waitForSelector('[data-testid=events][data-error]');
    assert.equal(await page.getAttribute('[data-testid=events]', 'data-error'), 'permission-denied');
    assert.equal(await page.getAttribute('cccd-scanner', 'data-state'), 'error');
    // The element says why in its language, from the error's code, and re-words it when lang changes.
    assert.equal(await page.textContent('cccd-scanner >> [part=status]'), 'Could not open the camera: the browser blocked the camera');
    await page.evaluate(() => document.querySelector('cccd-scanner').removeAttribute('lang'));
    assert.equal(await page.textContent('cccd-scanner >> [part=status]'), 'Không mở được camera: trình duyệt đã chặn camera');
    assert.equal(await page.textContent('cccd-scanner >> button'), 'Bật camera');
  } finally {
    await browser.close();
  }
});

test('<cccd-scanner> stopped while the permission prompt is open never starts the camera', async (t) => {
  if (!existsSync(cameraVideo)) return unavailable(t, `camera video not found at ${cameraVideo}`);
  const browser = await launchWithCamera();
  try {
    const { page } = await openPage(browser, `${origin}/app/element.html`, () => {
      // Answer the prompt only when the test says so.
      const real = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      navigator.mediaDevices.getUserMedia = (c) => new Promise((resolve, reject) => {
        window.__answer = () => real(c).then((stream) => { window.__granted = stream; resolve(stream); }, reject);
      });
    });
    await page.click('cccd-scanner >> button');
    await page.waitForFunction(() => typeof window.__answer === 'function');
    await page.evaluate(() => document.querySelector('cccd-scanner').stop());
    await page.evaluate(() => window.__answer());
    // The camera granted after the stop is released (its track ends), however long the engine takes.
    await page.waitForFunction(() => window.__granted?.getVideoTracks()[0].readyState === 'ended', null, { timeout: 10_000 });
    assert.equal(await page.evaluate(() => document.querySelector('cccd-scanner').shadowRoot.querySelector('video').srcObject), null);
    assert.equal(await page.getAttribute('cccd-scanner', 'data-state'), 'idle');
  } finally {
    await browser.close();
  }
});
