// The camera path in live mode, in each engine with a camera playing a handheld clip made by the native
// build's cccd-cardgen (a 2024 card's back at arm's length, brought closer; modules 1.0 -> 2.2 px at
// 1280x720): every frame is scanned live in the Worker, the card is reported once, with its text, every
// frame result says the frame size the camera delivered and whether a symbol is tracked, and no frame
// ever reports a text other than the card's. Each frame path the engine has (MediaStreamTrackProcessor,
// requestVideoFrameCallback). The time from start to the card is printed (bench/peers/camera.mjs measures).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithCamera, openPage, serve } from './browser.mjs';
import { unavailable } from '../support/unavailable.mjs';

const cardgen = new URL('../../build/native/cccd-cardgen', import.meta.url).pathname;
let server;
let origin;
let dir;
before(async () => {
  ({ server, origin } = await serve());
  dir = mkdtempSync(join(tmpdir(), 'cccd-camera-live-'));
});
after(() => {
  server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a handheld clip as the camera: read live, reported once, never another text', async (t) => {
  if (!existsSync(cardgen)) return unavailable(t, `no ${cardgen} (cmake --preset native && cmake --build --preset native)`);
  const clip = join(dir, 'back-handheld.mjpeg');
  execFileSync(cardgen, ['--clip', clip, '--side', 'back', '--seed', '2'], { stdio: 'ignore' });
  const { payload } = JSON.parse(readFileSync(`${clip}.json`, 'utf8'));
  const browser = await launchWithCamera(clip);
  try {
    const { page } = await openPage(browser, `${origin}/`);
    // Firefox and WebKit have no MediaStreamTrackProcessor: requestVideoFrameCallback only.
    const hasProcessor = await page.evaluate(() => typeof MediaStreamTrackProcessor === 'function');
    for (const pacing of [...(hasProcessor ? ['track-processor'] : []), 'video-frame-callback']) {
      const run = await page.evaluate(async ({ pacing, payload }) => {
        const { startCamera } = await import('/src/camera.js');
        const video = document.createElement('video');
        document.body.append(video);
        const texts = [];
        const others = [];
        const frames = [];
        let tracked = 0;
        let foundAt = null;
        const start = performance.now();
        const camera = await startCamera(video, {
          pacing,
          leaveMs: 60_000, // the fake camera loops the clip: one report per run
          onResult: (r) => { texts.push(r.text); foundAt ??= performance.now() - start; },
          onFrame: (r) => {
            frames.push(`${r.frame.width}x${r.frame.height}`);
            if (r.tracking) tracked++;
            if (r.found && r.text !== payload) others.push(r.text);
            if (r.found && r.fusedFrames < 1) others.push('fusedFrames < 1 on a read');
          },
        });
        const until = performance.now() + 12_000;
        while (performance.now() < until && foundAt === null) await new Promise((r) => setTimeout(r, 50));
        const resolution = camera.resolution;
        camera.stop();
        video.remove();
        return { texts, others, frames: frames.length, sizes: [...new Set(frames)], tracked, foundAt, resolution };
      }, { pacing, payload });
      t.diagnostic(`${pacing}: card on the page ${Math.round(run.foundAt)} ms after start, ${run.frames} frames scanned, ${run.tracked} tracking`);
      assert.notEqual(run.foundAt, null, `${pacing}: the card was read`);
      assert.deepEqual(run.texts, [payload], `${pacing}: reported once, the card's text`);
      assert.deepEqual(run.others, []);
      assert.deepEqual(run.sizes, ['1280x720'], 'the frame size the fake camera delivers (1920x1080 asked)');
      assert.deepEqual(run.resolution, { width: 1280, height: 720 });
      assert.ok(run.tracked > 0, 'a symbol was tracked before or after the read');
    }
  } finally {
    await browser.close();
  }
});
