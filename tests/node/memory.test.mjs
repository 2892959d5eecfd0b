// Memory stays flat in a long camera session: 10 000 scans of mixed frames (card photos as RGBA and as
// luminance, blank, gradient and noise frames of several sizes, rejected inputs, parses) through one
// scanner. After a warm-up that has seen every kind and the largest size, WASM memory must not grow at
// all and the allocator's bytes in use must come back to the same level.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createScanner } from '../../web/src/index.js';
import { hasFfmpeg, readPixels } from './frames.mjs';
import { corpusDir } from '../support/corpus_dir.mjs';
import { unavailable } from '../support/unavailable.mjs';

const corpus = corpusDir();
const photo = `${corpus}/cccd-synth/normal/card-0001.jpg`;  // 640x480, read by the decoder

function lumaFrame(width, height, pixel) {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; ++y) for (let x = 0; x < width; ++x) data[y * width + x] = pixel(x, y);
  return { data, width, height };
}

test('10 000 scans of mixed frames leave the WASM heap flat', async (t) => {
  if (!existsSync(photo)) return unavailable(t, `corpus photo not found at ${photo} (set CCCD_CORPUS_DIR)`);
  if (!hasFfmpeg()) return unavailable(t, 'ffmpeg not installed (.ci/install)');
  const rgba = readPixels(photo, 'rgba');
  const luma = readPixels(photo, 'gray');
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff;
  const frames = [
    rgba, luma,
    lumaFrame(320, 240, () => 200),
    lumaFrame(640, 480, (x, y) => (x + y) & 0xff),
    lumaFrame(48, 36, random),
    lumaFrame(1, 1, () => 0),
  ];
  const s = await createScanner();
  let found = 0, rejected = 0;
  const round = (i) => {
    if (i % 97 === 0) {
      assert.throws(() => s.scanImageData({ data: new Uint8Array(10), width: 640, height: 480 }));
      ++rejected;
      return;
    }
    if (i % 89 === 0) {
      s.parse('001099012345|123456789|Nguyễn Văn A|01011990|Nam|Hà Nội|15082021');
      return;
    }
    // Card photos one frame in twenty (they cost the most); the cheap frames fill the rest.
    const f = i % 20 === 0 ? frames[(i / 20) % 2] : frames[2 + (i % 4)];
    if (s.scanImageData(f).found) ++found;
  };
  for (let i = 0; i < 200; ++i) round(i);
  const before = s.memoryStats();
  for (let i = 200; i < 10000; ++i) round(i);
  const after = s.memoryStats();
  let photos = 0;
  for (let i = 0; i < 10000; ++i) if (i % 20 === 0 && i % 97 !== 0 && i % 89 !== 0) ++photos;
  assert.equal(found, photos, 'every card photo is decoded every time');
  assert.ok(rejected > 100);
  assert.equal(after.memoryBytes, before.memoryBytes, `WASM memory grew from ${before.memoryBytes} to ${after.memoryBytes}`);
  assert.ok(after.allocatedBytes <= before.allocatedBytes + 4096,
    `allocated bytes went from ${before.allocatedBytes} to ${after.allocatedBytes}`);
  s.destroy();
});
