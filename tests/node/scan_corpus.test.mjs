// The real WASM build decodes every cccd-synth/normal photo exactly as the native build does: the
// same found / not found and the same text. Two comparisons:
// - the JPEG as the browser path sees it (RGBA, converted to luminance inside WASM with SIMD) against
//   the native CLI reading the JPEG file itself (`cccd-scan decode --json`);
// - the identical luminance plane in both (a PGM for the CLI), where even the corners must agree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScanner } from '../../web/src/index.js';
import { hasFfmpeg, pgm, readPixels } from './frames.mjs';
import { corpusDir } from '../support/corpus_dir.mjs';
import { unavailable } from '../support/unavailable.mjs';

const root = new URL('../../', import.meta.url);
const corpus = corpusDir();
const dir = `${corpus}/cccd-synth/normal`;
const cli = new URL('build/native/cccd-scan', root).pathname;

function prerequisites(t) {
  if (!existsSync(dir)) return unavailable(t, `corpus not found at ${dir} (set CCCD_CORPUS_DIR)`), false;
  if (!existsSync(cli)) return unavailable(t, `native CLI not built at ${cli} (cmake --build --preset native)`), false;
  if (!hasFfmpeg()) return unavailable(t, 'ffmpeg not installed (.ci/install): needed to read JPEGs in Node'), false;
  return true;
}

function nativeDecode(files) {
  const out = spawnSync(cli, ['decode', '--json', ...files], { maxBuffer: 1 << 26 });
  const lines = out.stdout.toString().trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, files.length, out.stderr.toString());
  return lines;
}

const photos = () => readdirSync(dir).filter((f) => /\.(jpe?g|png)$/i.test(f)).sort().map((f) => join(dir, f));

test('every cccd-synth/normal photo: WASM (RGBA via SIMD) finds the same text as the native CLI', async (t) => {
  if (!prerequisites(t)) return;
  const files = photos();
  assert.ok(files.length > 0);
  const native = nativeDecode(files);
  const scanner = await createScanner();
  await scanner.loadAddressTable(); // as the CLI does: the cards' address2025 must match too
  let found = 0;
  let ms = 0;
  files.forEach((file, i) => {
    const r = scanner.scanImageData(readPixels(file, 'rgba'));
    assert.equal(r.found, native[i].found, `${file}: found`);
    assert.equal(r.text, native[i].text, `${file}: text`);
    if (r.found) {
      found++;
      ms += r.ms;
      assert.deepEqual(r.card, native[i].card ?? r.card, `${file}: card`);
      assert.equal(r.corners.length, 4);
    }
  });
  t.diagnostic(`${found}/${files.length} found, identical to native; WASM decode time of found ones ${ms.toFixed(0)} ms`);
  scanner.destroy();
});

test('every cccd-synth/normal photo: the same luminance plane gives identical results in WASM and native', async (t) => {
  if (!prerequisites(t)) return;
  const files = photos();
  const work = mkdtempSync(join(tmpdir(), 'cccd-luma-'));
  try {
    const planes = files.map((file, i) => {
      const plane = readPixels(file, 'gray');
      writeFileSync(join(work, `${i}.pgm`), pgm(plane));
      return plane;
    });
    const native = nativeDecode(files.map((_, i) => join(work, `${i}.pgm`)));
    const scanner = await createScanner();
    planes.forEach((plane, i) => {
      const r = scanner.scanImageData(plane); // one byte a pixel: the luminance path
      assert.equal(r.found, native[i].found, `${files[i]}: found`);
      assert.equal(r.text, native[i].text, `${files[i]}: text`);
      if (r.found) {
        const corners = native[i].corners;  // {x, y} in both: one scan-result writer (src/result)
        r.corners.forEach((c, k) => {
          assert.ok(Math.abs(c.x - corners[k].x) < 0.01 && Math.abs(c.y - corners[k].y) < 0.01,
            `${files[i]}: corner ${k} ${JSON.stringify(c)} vs ${JSON.stringify(corners[k])}`);
        });
      }
    });
    scanner.destroy();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
