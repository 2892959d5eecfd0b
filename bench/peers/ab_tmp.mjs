// temporary A/B (not committed)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { listCorpus } from './corpus.mjs';
const corpusDir = '/work/shared/corpus';
function decodeFile(path) {
  const bytes = readFileSync(path);
  if (bytes[0] === 0x89 && bytes[1] === 0x50) { const png = PNG.sync.read(bytes); return { data: new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), width: png.width, height: png.height }; }
  const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024 });
  return { data: new Uint8ClampedArray(img.data.buffer), width: img.width, height: img.height };
}
const A = await (await import(process.argv[2] + '/web/src/index.js')).createScanner();
const B = await (await import(process.argv[3] + '/web/src/index.js')).createScanner();
const filter = process.argv[4] ?? '1280x720';
const items = listCorpus(corpusDir).filter((it) => it.set !== 'zxing-samples');
const frames = [];
for (const it of items) { const f = decodeFile(join(corpusDir, it.file)); if (filter === 'all' || `${f.width}x${f.height}` === filter || it.set.includes(filter)) frames.push({ f, it }); }
const ta = [], tb = [], ra = [];
let readA = 0, readB = 0;
for (const { f, it } of frames) {
  let a = Infinity, b = Infinity;
  for (let k = 0; k < 4; k++) {
    let t = performance.now(); const x = A.scanImageData(f); a = Math.min(a, performance.now() - t);
    t = performance.now(); const y = B.scanImageData(f); b = Math.min(b, performance.now() - t);
    if (k === 0) { readA += x.found && x.text === it.expected; readB += y.found && y.text === it.expected; }
  }
  ta.push(a); tb.push(b); ra.push(b / a);
}
const med = (v) => [...v].sort((x, y) => x - y)[Math.floor(v.length / 2)];
console.log(`${frames.length} frames: A median ${med(ta).toFixed(3)} ms read ${readA}, B median ${med(tb).toFixed(3)} ms read ${readB}, B/A per-frame median ${med(ra).toFixed(3)}`);
