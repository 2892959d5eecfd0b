// RGBA frames are converted to luminance inside WASM with SIMD (src/image/luma.cpp): at full size exactly
// (77 R + 150 G + 29 B + 128) >> 8, the scalar formula; HD frames first at half size, each output the luma
// of its 2x2 block's mean colour (channels averaged down, then across, rounding up). Both are checked here
// against those formulas computed in JS, through what the scanner reads: the same frame given as RGBA and
// as luminance must scan identically, down to the corners.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createScanner } from '../../web/src/index.js';
import { hasFfmpeg, readPixels } from './frames.mjs';
import { corpusDir } from '../support/corpus_dir.mjs';
import { unavailable } from '../support/unavailable.mjs';

const corpus = corpusDir();
const dir = `${corpus}/cccd-synth/normal`;

// The first `count` photos `width` wide whose modules are at least `minModulePx` (index params).
function photos(t, width, count, minModulePx = 0) {
  if (!existsSync(`${dir}/index.jsonl`)) return unavailable(t, `corpus not found at ${dir} (set CCCD_CORPUS_DIR)`), [];
  if (!hasFfmpeg()) return unavailable(t, 'ffmpeg not installed (.ci/install)'), [];
  return readFileSync(`${dir}/index.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l))
    .filter((row) => row.params.size[0] === width && row.params.module_px >= minModulePx).slice(0, count).map((row) => `${dir}/${row.file}`);
}

const lumaOf = (d, p) => (77 * d[p] + 150 * d[p + 1] + 29 * d[p + 2] + 128) >> 8;

function fullLuma({ data, width, height }) {
  const luma = new Uint8Array(width * height);
  for (let i = 0; i < luma.length; ++i) luma[i] = lumaOf(data, 4 * i);
  return { data: luma, width, height };
}

// The luminance frame whose 2x2 blocks all hold the luma of that block's mean colour: reduced by 2 (the
// mean of four equal values) it is exactly the plane the RGBA path makes.
function blockMeanLuma({ data, width, height }) {
  const luma = new Uint8Array(width * height);
  const up = (a, b) => (a + b + 1) >> 1;
  const mean = [0, 0, 0];
  for (let y = 0; y + 1 < height; y += 2)
    for (let x = 0; x + 1 < width; x += 2) {
      const t = 4 * (y * width + x), b = t + 4 * width;
      for (let c = 0; c < 3; ++c) mean[c] = up(up(data[t + c], data[b + c]), up(data[t + 4 + c], data[b + 4 + c]));
      const v = lumaOf(mean, 0);
      luma[y * width + x] = luma[y * width + x + 1] = luma[(y + 1) * width + x] = luma[(y + 1) * width + x + 1] = v;
    }
  return { data: luma, width, height };
}

const seen = (r) => [r.found, r.text, r.corners];
const read = (r) => [r.found, r.text];

// Each photo scanned as RGBA and as `toLuma` of it (or by `scanAs(scanner, rgba)`) must give the same
// `pick` of the result; at least `minFound` of them must be read. With `halfSizeOnly`, only photos that both
// read are compared and counted: the two frames are the same at half size only (blockMeanLuma), so a photo
// the first look does not read is sought at full size in two different frames, and may read in one alone
// (sample corpus cccd-synth/normal card-0018, read at full size since the pair candidates of
// qr/detect/pair_candidates.hpp, from the RGBA's per-pixel plane but not from the blocky one).
async function compareScans(t, { width, count, minModulePx, scale = 1, toLuma,
  scanAs = (s, rgba) => s.scanImageData(toLuma(rgba)), pick, minFound, halfSizeOnly = false }) {
  const files = photos(t, width, count, minModulePx);
  if (!files.length) return;
  const s = await createScanner();
  let found = 0;
  for (const file of files) {
    const rgba = readPixels(file, 'rgba', { scale });
    const a = s.scanImageData(rgba);
    const b = scanAs(s, rgba);
    if (halfSizeOnly && !(a.found && b.found)) continue;
    assert.deepEqual(pick(a), pick(b), file);
    if (a.found) ++found;
  }
  assert.ok(found >= minFound, `only ${found} of ${files.length} photos read`);
  s.destroy();
}

test('full size (640x480, no half-size look): RGBA scans exactly like its luminance computed in JS', (t) =>
  compareScans(t, { width: 640, count: 6, toLuma: fullLuma, pick: seen, minFound: 4 }));

// Photos enlarged 2x (bicubic: blocks of different colours) whose modules were 2.5 px or more, so they are
// that in the half-size frame too and the first look reads the symbol there, from the reduced plane alone.
test('half size: RGBA scans exactly like the luminance of each 2x2 block\'s mean colour computed in JS', (t) =>
  compareScans(t, { width: 1280, count: 5, minModulePx: 2.5, scale: 2, toLuma: blockMeanLuma, pick: seen, minFound: 3,
    halfSizeOnly: true }));

// The half-size plane differs by a level or two (mean colour vs mean luma), so corners may move by a
// fraction of a pixel; what is read must not change.
test('HD photos: RGBA and its per-pixel luminance read the same text', (t) =>
  compareScans(t, { width: 1280, count: 8, toLuma: fullLuma, pick: read, minFound: 5 }));

// BGRA (a canvas stream's VideoFrames in Firefox and WebKit, copied as they are): the same photo with red and
// blue swapped, written into frameBuffer(…, 'bgra'), scans exactly like its RGBA, at full and half size
// (the SIMD paths weigh the third byte as red).
const scanAsBgra = (s, { data, width, height }) => {
  const view = s.frameBuffer(width, height, 'bgra');
  view.set(data);
  for (let i = 0; i < view.length; i += 4) [view[i], view[i + 2]] = [view[i + 2], view[i]];
  return s.scanFrame();
};

test('640x480: a BGRA frame scans exactly like its RGBA', (t) =>
  compareScans(t, { width: 640, count: 6, scanAs: scanAsBgra, pick: seen, minFound: 4 }));

test('HD: a BGRA frame scans exactly like its RGBA', (t) =>
  compareScans(t, { width: 1280, count: 5, minModulePx: 2.5, scale: 2, scanAs: scanAsBgra, pick: seen, minFound: 3 }));
