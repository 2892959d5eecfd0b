// Live scanning through the real WASM build: handheld clips made by the native build's cccd-cardgen
// (tools/cardgen, deterministic), decoded to luminance frames by ffmpeg and scanned as one video with
// {live: true}. Every read is a card whose symbol is in that frame (two cards in view, a card swapped
// mid-clip), live reads about as many frames as scanning each alone, and resetLive() forgets the video.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScanner, CccdScannerError } from '../../web/src/index.js';
import { hasFfmpeg } from './frames.mjs';
import { unavailable } from '../support/unavailable.mjs';

const cardgen = new URL('../../build/native/cccd-cardgen', import.meta.url).pathname;

// The clip's frames as luminance planes, and its per-frame truth.
function makeClip(dir, { side, seed, scenario = 'single' }) {
  const file = join(dir, `${side}-${scenario}-${seed}.mjpeg`);
  execFileSync(cardgen, ['--clip', file, '--side', side, '--seed', String(seed), '--scenario', scenario], { stdio: 'ignore' });
  const meta = JSON.parse(readFileSync(`${file}.json`, 'utf8'));
  const [width, height] = meta.size;
  const raw = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-f', 'rawvideo', '-pix_fmt', 'gray', '-'], { maxBuffer: 1 << 28 });
  const frames = [];
  for (let at = 0; at + width * height <= raw.length; at += width * height) {
    frames.push({ data: new Uint8Array(raw.buffer, raw.byteOffset + at, width * height), width, height });
  }
  assert.equal(frames.length, meta.frames);
  return { frames, truth: meta.frame_truth.map((f) => f.cards.map((c) => c.payload)) };
}

const skipReason = () => (!existsSync(cardgen) ? `no ${cardgen} (cmake --preset native && cmake --build --preset native)`
  : !hasFfmpeg() ? 'ffmpeg not installed (.ci/install)' : null);

test('live scanning reads the clip, never a card that is not in the frame', async (t) => {
  if (skipReason()) return unavailable(t, skipReason());
  const dir = mkdtempSync(join(tmpdir(), 'cccd-live-'));
  const s = await createScanner();
  try {
    const clips = [
      { side: 'front', seed: 1 }, { side: 'back', seed: 2 },
      { side: 'front', seed: 3, scenario: 'two-cards' }, { side: 'back', seed: 4, scenario: 'swap' },
    ];
    let live = 0, single = 0, wrong = 0;
    for (const spec of clips) {
      const { frames, truth } = makeClip(dir, spec);
      s.resetLive();
      let first = -1;
      frames.forEach((frame, i) => {
        const r = s.scanImageData(frame, { live: true });
        assert.deepEqual(r.frame, { width: frame.width, height: frame.height });
        assert.equal(typeof r.tracking, 'boolean');
        if (!r.found) return assert.equal(r.fusedFrames, 0);
        assert.ok(r.fusedFrames >= 1);
        if (!truth[i].includes(r.text)) {
          wrong += 1;
          assert.fail(`${spec.side} ${spec.scenario ?? 'single'} seed ${spec.seed} frame ${i}: a text not in the frame`);
        }
        live += 1;
        if (first < 0) first = i;
        assert.equal(r.card.ok, true, JSON.stringify(r.card.errors));
      });
      for (const [i, frame] of frames.entries()) {
        const r = s.scanImageData(frame);
        if (r.found && truth[i].includes(r.text)) single += 1;
      }
      t.diagnostic(`${spec.side} ${spec.scenario ?? 'single'} seed ${spec.seed}: first live read at frame ${first}`);
    }
    t.diagnostic(`live ${live} reads, single-frame ${single}, wrong ${wrong}`);
    assert.equal(wrong, 0);
    assert.ok(live > 0);
    assert.ok(live * 10 >= single * 9, `live ${live} reads against ${single} single-frame`);
  } finally {
    s.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('live options are checked, and resetLive forgets the tracked symbol', async () => {
  const s = await createScanner();
  const blank = { data: new Uint8Array(320 * 240).fill(200), width: 320, height: 240 };
  for (const bad of [null, 3, 'live']) {
    assert.throws(() => s.scanImageData(blank, bad), (e) => e instanceof CccdScannerError && e.code === 'invalid-argument');
  }
  assert.throws(() => s.scanImageData(blank, { live: 'yes' }), (e) => e instanceof CccdScannerError && e.code === 'invalid-argument');
  const r = s.scanImageData(blank, { live: true });
  assert.equal(r.found, false);
  assert.equal(r.tracking, false);
  assert.equal(r.fusedFrames, 0);
  assert.equal('tracking' in s.scanImageData(blank), false); // single frames say nothing of tracks
  s.resetLive();
  s.destroy();
  assert.throws(() => s.resetLive(), (e) => e instanceof CccdScannerError && e.code === 'destroyed');
});
