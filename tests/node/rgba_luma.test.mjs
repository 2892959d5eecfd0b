// RGBA frames are converted to luminance inside WASM with SIMD (src/image/luma.cpp). The conversion must
// give exactly (77 R + 150 G + 29 B + 128) >> 8, the scalar formula: a corpus photo scanned as RGBA and as
// that luminance, computed here in JS, gives the same result down to the corners.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createScanner } from '../../web/src/index.js';
import { hasFfmpeg, readPixels } from './frames.mjs';

const corpus = process.env.CCCD_CORPUS_DIR ?? new URL('../../../shared/corpus', import.meta.url).pathname;
const dir = `${corpus}/cccd-synth/normal`;

test('RGBA converted in WASM scans exactly like its luminance computed in JS', async (t) => {
  if (!existsSync(`${dir}/index.jsonl`)) return t.skip(`corpus not found at ${dir} (set CCCD_CORPUS_DIR)`);
  if (!hasFfmpeg()) return t.skip('ffmpeg not installed (.ci/install)');
  const rows = readFileSync(`${dir}/index.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l)).slice(0, 8);
  const s = await createScanner();
  let found = 0;
  for (const row of rows) {
    const rgba = readPixels(`${dir}/${row.file}`, 'rgba');
    const n = rgba.width * rgba.height;
    const luma = new Uint8Array(n);
    for (let i = 0; i < n; ++i) {
      const p = 4 * i;
      luma[i] = (77 * rgba.data[p] + 150 * rgba.data[p + 1] + 29 * rgba.data[p + 2] + 128) >> 8;
    }
    const a = s.scanImageData(rgba);
    const b = s.scanImageData({ data: luma, width: rgba.width, height: rgba.height });
    assert.deepEqual([a.found, a.text, a.corners], [b.found, b.text, b.corners], row.file);
    if (a.found) ++found;
  }
  assert.ok(found >= 5, `only ${found} of ${rows.length} photos read`);
  s.destroy();
});
