// The scan API of the real WASM build in Node: plain-object results, the reusable frame buffer, and a
// typed CccdScannerError (never a crash or a raw WASM exception) for every bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createScanner, CccdScannerError } from '../../web/src/index.js';
import { hasFfmpeg, readPixels } from './frames.mjs';
import { corpusDir } from '../support/corpus_dir.mjs';
import { unavailable } from '../support/unavailable.mjs';

const corpus = corpusDir();
const photo = `${corpus}/cccd-synth/normal/card-0000.jpg`;

const typed = (code) => (e) => {
  assert.ok(e instanceof CccdScannerError, `expected CccdScannerError, got ${e?.constructor?.name}: ${e?.message}`);
  assert.equal(e.code, code, e.message);
  assert.ok(e.message.length > 10);
  return true;
};

test('a blank frame is a plain not-found result', async () => {
  const s = await createScanner();
  const r = s.scanImageData({ data: new Uint8ClampedArray(64 * 48 * 4).fill(255), width: 64, height: 48 });
  assert.deepEqual(Object.keys(r).sort(), ['card', 'corners', 'found', 'frame', 'fusedFrames', 'message', 'ms', 'status', 'text']);
  assert.equal(r.found, false);
  assert.equal(r.text, null);
  assert.equal(r.card, null);
  assert.equal(typeof r.ms, 'number');
  s.destroy();
});

test('a corpus photo gives {found, text, card, corners, ms} with the parser\'s card', async (t) => {
  if (!existsSync(photo)) return unavailable(t, `corpus photo not found at ${photo} (set CCCD_CORPUS_DIR)`);
  if (!hasFfmpeg()) return unavailable(t, 'ffmpeg not installed (.ci/install)');
  const s = await createScanner();
  const r = s.scanImageData(readPixels(photo, 'rgba'));
  assert.equal(r.found, true);
  assert.match(r.text, /^\d{12}\|/);
  assert.equal(r.card.ok, true);
  assert.deepEqual(r.card, s.parse(r.text));
  assert.equal(r.corners.length, 4);
  for (const c of r.corners) assert.deepEqual(Object.keys(c), ['x', 'y']);
  assert.ok(r.ms > 0);
  // The symbol's details, as the CLI writes them too (src/result/scan_json.hpp).
  assert.ok(Number.isInteger(r.mask) && r.mask >= 0 && r.mask <= 7, `mask ${r.mask}`);
  assert.ok(Number.isInteger(r.correctedErrors) && r.correctedErrors >= 0);
  assert.equal(r.mirrored, false);
  assert.ok(r.moduleSize > 1 && r.moduleSize < 20, `moduleSize ${r.moduleSize}`);
  s.destroy();
});

test('frames written straight into the WASM frame buffer; views survive memory growth by re-acquiring', async (t) => {
  if (!existsSync(photo)) return unavailable(t, `corpus photo not found at ${photo}`);
  if (!hasFfmpeg()) return unavailable(t, 'ffmpeg not installed (.ci/install)');
  const s = await createScanner();
  const img = readPixels(photo, 'gray');
  const small = s.frameBuffer(16, 16, 'luma');
  // A bigger frame grows WASM memory: the old view is detached (length 0), a new one is handed out.
  const big = s.frameBuffer(4000, 4000, 'rgba');
  assert.equal(big.length, 4000 * 4000 * 4);
  assert.equal(small.length, 0, 'memory growth detaches old views');
  const view = s.frameBuffer(img.width, img.height, 'luma');
  view.set(img.data);
  const offset = view.byteOffset;
  const r = s.scanFrame(); // may grow memory (decoder scratch): `view` may be dead now
  assert.equal(r.found, true);
  // The same buffer is reused frame after frame (no per-frame allocation).
  const again = s.frameBuffer(img.width, img.height, 'luma');
  assert.equal(again.byteOffset, offset);
  again.set(img.data);
  assert.equal(s.scanFrame().text, r.text);
  // Same size again (prepared once, reused without a call into WASM): the scan reads what was just written.
  s.frameBuffer(img.width, img.height, 'luma').fill(255);
  assert.equal(s.scanFrame().found, false);
  // Another format of the same size is prepared anew.
  assert.equal(s.frameBuffer(img.width, img.height, 'rgba').length, img.width * img.height * 4);
  s.frameBuffer(img.width, img.height, 'luma').set(img.data);
  assert.equal(s.scanFrame().text, r.text);
  // clear() wipes the frame: the pixels of the card are gone from WASM memory.
  s.clear();
  assert.throws(() => s.scanFrame(), typed('no-frame'));
  const wiped = s.frameBuffer(img.width, img.height, 'luma');
  assert.ok(wiped.every((b) => b === 0));
  s.destroy();
});

test('bad inputs give typed errors', async () => {
  const s = await createScanner();
  const rgba = (w, h) => new Uint8ClampedArray(w * h * 4);
  for (const bad of [undefined, null, 42, 'x', [], {}]) assert.throws(() => s.scanImageData(bad), typed('invalid-argument'));
  // zero, negative, fractional, NaN, string dimensions
  for (const [w, h] of [[0, 10], [10, 0], [-4, 4], [4, -4], [1.5, 4], [NaN, 4], ['4', 4], [Infinity, 4]]) {
    assert.throws(() => s.scanImageData({ data: new Uint8Array(64), width: w, height: h }), typed('invalid-argument'));
  }
  // huge dimensions are refused before any allocation
  assert.throws(() => s.scanImageData({ data: new Uint8Array(4), width: 100000, height: 1 }), typed('too-large'));
  assert.throws(() => s.scanImageData({ data: new Uint8Array(4), width: 8192, height: 8192 }), typed('too-large'));
  assert.throws(() => s.frameBuffer(2 ** 31, 2 ** 31), typed('too-large'));
  // short and odd-sized buffers, wrong element types
  assert.throws(() => s.scanImageData({ data: rgba(10, 10).subarray(1), width: 10, height: 10 }), typed('invalid-argument'));
  assert.throws(() => s.scanImageData({ data: new Uint8Array(99), width: 10, height: 10 }), typed('invalid-argument'));
  assert.throws(() => s.scanImageData({ data: new Float32Array(400), width: 10, height: 10 }), typed('invalid-argument'));
  assert.throws(() => s.scanImageData({ data: new Uint16Array(400), width: 10, height: 10 }), typed('invalid-argument'));
  assert.throws(() => s.scanImageData({ data: [0, 0, 0, 0], width: 1, height: 1 }), typed('invalid-argument'));
  assert.throws(() => s.frameBuffer(10, 10, 'bgr'), typed('invalid-argument'));
  // pixels whose buffer was transferred away (detached): said so, not a raw TypeError
  const moved = new Uint8ClampedArray(400);
  structuredClone(moved.buffer, { transfer: [moved.buffer] });
  assert.throws(() => s.scanImageData({ data: moved, width: 10, height: 10 }), (e) => typed('invalid-argument')(e) && /detached/.test(e.message));
  assert.throws(() => s.scanFrame(), typed('no-frame'));
  await assert.rejects(s.scanImage(new Uint8Array(10)), typed('invalid-argument'));
  for (const bad of [undefined, null, 42, {}, [], new Uint8Array(3)]) assert.throws(() => s.parse(bad), typed('invalid-argument'));
  // after all that, the scanner still works
  assert.equal(s.scanImageData({ data: rgba(8, 8), width: 8, height: 8 }).found, false);
  s.destroy();
});

test('every call after destroy() gives a typed error', async () => {
  const s = await createScanner();
  s.destroy();
  const gone = typed('destroyed');
  assert.throws(() => s.parse('a|b'), gone);
  assert.throws(() => s.parse(42), gone);
  assert.throws(() => s.scanImageData({ data: new Uint8Array(4), width: 1, height: 1 }), gone);
  assert.throws(() => s.frameBuffer(4, 4), gone);
  assert.throws(() => s.clear(), gone);
  await assert.rejects(s.scanImage(new Uint8Array(1)), gone);
  s.destroy(); // twice is harmless
});

test('createScanner rejects non-object options', async () => {
  await assert.rejects(createScanner(42), typed('invalid-argument'));
});
