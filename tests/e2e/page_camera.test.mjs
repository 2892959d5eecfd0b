// The page with a camera playing cccd-video/card-approach.mjpeg (a card entering the
// view and coming closer): after "start", the card's fields appear within 10 s; nothing leaves the
// origin, nothing is stored; stop releases the camera. Also the permission states: denied, no camera.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { assertShowsFields, cameraVideo, corpusDir, launch, launchWithCamera, noStorage, openPage, screenshot,
  serve, storageOf } from './browser.mjs';
import { unavailable } from '../support/unavailable.mjs';

let server;
let origin;
before(async () => { ({ server, origin } = await serve()); });
after(() => server?.close());

const expected = () => JSON.parse(readFileSync(`${corpusDir}/cccd-video/card-approach.json`, 'utf8'));

async function openIdle(browser) {
  const opened = await openPage(browser, `${origin}/`, () => {
    // Counts WebAssembly instantiations on the main thread (the Worker has its own globals).
    window.__wasmOnMainThread = 0;
    for (const name of ['instantiate', 'instantiateStreaming', 'compile', 'compileStreaming']) {
      const original = WebAssembly[name];
      WebAssembly[name] = function (...args) { window.__wasmOnMainThread++; return original.apply(this, args); };
    }
  });
  await opened.page.waitForSelector('[data-testid=status][data-state=idle]');
  return opened;
}

test('fake camera: the card\'s fields appear within 10 s of clicking start', async (t) => {
  if (!existsSync(cameraVideo)) return unavailable(t, `camera video not found at ${cameraVideo} (set CCCD_CORPUS_DIR)`);
  const browser = await launchWithCamera();
  try {
    const { page, record } = await openIdle(browser);
    await screenshot(page, 'idle-vi');
    const start = Date.now();
    await page.click('[data-testid=start-camera]');
    await page.waitForSelector('[data-testid=status][data-state=scanning], [data-testid=status][data-state=found]');
    await screenshot(page, 'scanning-vi');
    // What one camera without a torch lacks is not offered: no picker, no torch button.
    assert.equal(await page.isHidden('[data-testid=camera-select]'), true);
    assert.equal(await page.isHidden('[data-testid=torch]'), true);
    await page.waitForSelector('[data-testid=status][data-state=found]', { timeout: 10_000 });
    t.diagnostic(`card found ${Date.now() - start} ms after start`);
    const card = await assertShowsFields(page, expected().fields, assert);
    assert.equal(card.ok, true);
    assert.equal(await page.getAttribute('[data-check="id.digits"]', 'class'), 'ok');
    await screenshot(page, 'found-camera-vi');

    // Decoding ran in a Worker: the page's main thread never instantiated WebAssembly itself.
    assert.equal(await page.evaluate(() => window.__wasmOnMainThread), 0);

    // Stop releases the camera: the video has no stream and the track is ended.
    await page.evaluate(() => { window.__track = document.getElementById('video').srcObject.getVideoTracks()[0]; });
    await page.click('[data-testid=start-camera]');
    assert.equal(await page.evaluate(() => document.getElementById('video').srcObject), null);
    assert.equal(await page.evaluate(() => window.__track.readyState), 'ended');
    assert.equal(await page.getAttribute('[data-testid=status]', 'data-state'), 'idle');

    // Clear wipes the result from the page.
    await page.click('[data-testid=clear]');
    assert.equal(await page.textContent('[data-testid=result-json]'), '');

    assert.deepEqual(record.cspViolations, []);
    assert.deepEqual(record.pageErrors, []);
    assert.deepEqual(record.requests.filter((u) => !u.startsWith(origin)), []);
    assert.deepEqual(await storageOf(page), noStorage);
    // Nothing personal in the console (shared office machines keep logs): not the number, not the name.
    const { id, name } = expected().fields;
    assert.deepEqual(record.console.filter((m) => m.includes(id) || m.includes(name)), []);
  } finally {
    await browser.close();
  }
});

test('the same card is reported once while it stays in view', async (t) => {
  if (!existsSync(cameraVideo)) return unavailable(t, `camera video not found at ${cameraVideo}`);
  const browser = await launchWithCamera();
  try {
    const { page } = await openIdle(browser);
    // startCamera straight from the package, with each pacing: count reports and frames.
    // Firefox and WebKit have no MediaStreamTrackProcessor: their path is requestVideoFrameCallback.
    // 'image-bitmap': a browser without VideoFrame (Safari before 16.4): frames taken as ImageBitmaps.
    // 'animation-frame': a browser with neither MediaStreamTrackProcessor nor requestVideoFrameCallback
    // (and, from here on, no VideoFrame either).
    const hasProcessor = await page.evaluate(() => typeof MediaStreamTrackProcessor === 'function');
    const variants = ['video-frame-callback', 'image-bitmap', 'animation-frame'];
    for (const variant of [...(hasProcessor ? ['track-processor'] : []), ...variants]) {
      const counts = await page.evaluate(async (variant) => {
        const { startCamera } = await import('/src/camera.js');
        const pacing = variant === 'track-processor' ? variant : 'video-frame-callback';
        if (variant === 'image-bitmap') delete globalThis.VideoFrame; // the page's only: the Worker keeps its own
        if (variant === 'animation-frame') delete HTMLVideoElement.prototype.requestVideoFrameCallback;
        const video = document.createElement('video');
        document.body.append(video);
        const texts = [];
        let frames = 0;
        let found = 0;
        const camera = await startCamera(video, {
          pacing,
          leaveMs: 60_000, // the fake camera loops the clip; keep the card "in view" across loops
          onResult: (r) => texts.push(r.text),
          onFrame: (r) => { frames++; if (r.found) found++; },
        });
        const until = performance.now() + 8000;
        while (performance.now() < until && found < 3) await new Promise((r) => setTimeout(r, 100));
        camera.stop();
        video.remove();
        return { texts, frames, found, used: camera.pacing };
      }, variant);
      t.diagnostic(`${variant}: ${counts.frames} frames, ${counts.found} with the card`);
      assert.equal(counts.used, variant === 'track-processor' ? variant : 'video-frame-callback');
      assert.ok(counts.found >= 2, `${variant}: the card is decoded in several frames`);
      assert.equal(counts.texts.length, 1, `${variant}: reported once`);
      assert.equal(counts.texts[0], expected().payload);
    }
  } finally {
    await browser.close();
  }
});

test('permission denied: the page says so and how to fix it', async () => {
  // A camera whose permission the user refuses.
  const browser = await launch({ camera: 'denied' });
  try {
    const { page } = await openIdle(browser);
    await page.click('[data-testid=start-camera]');
    await page.waitForSelector('[data-testid=status][data-state=denied]');
    assert.equal(await page.isVisible('[data-testid=status-help]'), true);
    assert.match(await page.textContent('[data-testid=status-help]'), /Cho phép/);
    await screenshot(page, 'denied-vi');
    await page.click('[data-testid=lang-toggle]');
    assert.match(await page.textContent('[data-testid=status-help]'), /Allow/);
    await screenshot(page, 'denied-en');
  } finally {
    await browser.close();
  }
});

test('no camera: the page says so and offers the other inputs', async () => {
  const browser = await launch({ camera: 'absent' }); // no device at all
  try {
    const { page } = await openIdle(browser);
    await page.click('[data-testid=start-camera]');
    await page.waitForSelector('[data-testid=status][data-state=no-camera]');
    assert.equal(await page.isHidden('[data-testid=viewport]'), true);
    await screenshot(page, 'no-camera-vi');
  } finally {
    await browser.close();
  }
});

test('asking permission: shown while the browser prompt is open', async () => {
  const browser = await launch();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Hold the prompt open forever, as a user who has not answered yet.
    await page.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () => new Promise(() => {});
    });
    await page.goto(`${origin}/`);
    await page.waitForSelector('[data-testid=status][data-state=idle]');
    await page.click('[data-testid=start-camera]');
    await page.waitForSelector('[data-testid=status][data-state=asking]');
    assert.equal(await page.isDisabled('[data-testid=start-camera]'), true);
    await screenshot(page, 'asking-vi');
  } finally {
    await browser.close();
  }
});

test('two cameras: the picker switches between them; no torch on fake cameras', async () => {
  const browser = await launch({ camera: { devices: 2 } });
  try {
    const { page } = await openIdle(browser);
    await page.click('[data-testid=start-camera]');
    await page.waitForSelector('[data-testid=status][data-state=scanning]');
    await page.waitForSelector('[data-testid=camera-select]', { state: 'visible' });
    const options = await page.$$eval('[data-testid=camera-select] option', (os) => os.map((o) => o.value));
    assert.equal(options.length, 2);
    const trackDevice = () => page.evaluate(() => document.getElementById('video').srcObject?.getVideoTracks()[0].getSettings().deviceId);
    const before = await trackDevice();
    const other = options.find((o) => o !== before);
    await page.selectOption('[data-testid=camera-select]', other);
    await page.waitForFunction((id) => document.getElementById('video').srcObject?.getVideoTracks()[0].getSettings().deviceId === id, other);
    assert.equal(await page.isHidden('[data-testid=torch]'), true, 'fake cameras have no torch');
    await screenshot(page, 'two-cameras-vi');
    await page.click('[data-testid=start-camera]');
    assert.equal(await page.evaluate(() => document.getElementById('video').srcObject), null);

    // The controller: switchCamera() with no argument takes the next camera; setTorch says false.
    const api = await page.evaluate(async () => {
      const { startCamera } = await import('/src/camera.js');
      const video = document.createElement('video');
      const camera = await startCamera(video, { onResult: () => {} });
      const first = camera.deviceId;
      await camera.switchCamera();
      const second = camera.deviceId;
      const torch = await camera.setTorch(true);
      const track = video.srcObject.getVideoTracks()[0];
      camera.stop();
      return { switched: first !== second && Boolean(second), torch, ended: track.readyState, cleared: video.srcObject === null };
    });
    assert.deepEqual(api, { switched: true, torch: false, ended: 'ended', cleared: true });
  } finally {
    await browser.close();
  }
});
