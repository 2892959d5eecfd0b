// The benchmark's frames: every image of ../shared/corpus (zxing-samples, cccd-synth normal and hard,
// cccd-print front and back: the QR printed on the card's pattern with no quiet zone)
// with its exact expected text, listed once for Node and for the browser page alike.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

export const CORPUS_SETS = ['zxing-samples', 'cccd-synth/normal', 'cccd-synth/hard', 'cccd-print/front', 'cccd-print/back'];

// [{set, file (relative to the corpus folder), expected}], or null when the corpus is absent.
export function listCorpus(corpusDir) {
  if (!existsSync(join(corpusDir, 'zxing-samples'))) return null;
  const items = [];
  const samples = join(corpusDir, 'zxing-samples');
  for (const group of readdirSync(samples).sort()) {
    for (const name of readdirSync(join(samples, group)).sort()) {
      if (!name.endsWith('.png')) continue;
      const txt = join(samples, group, name.replace(/\.png$/, '.txt'));
      if (!existsSync(txt)) continue;
      items.push({ set: 'zxing-samples', file: `zxing-samples/${group}/${name}`, expected: readFileSync(txt, 'utf8') });
    }
  }
  for (const set of CORPUS_SETS.slice(1)) {
    const index = readFileSync(join(corpusDir, set, 'index.jsonl'), 'utf8');
    for (const line of index.split('\n')) {
      if (!line.trim()) continue;
      const row = JSON.parse(line);
      items.push({ set, file: `${set}/${row.file}`, expected: row.payload, modulePx: row.params?.module_px });
    }
  }
  return items;
}

// An image file (PNG or JPEG) as RGBA {data, width, height}, decoded in JavaScript so every reader in Node
// gets the same pixels.
export function decodeFile(path) {
  const bytes = readFileSync(path);
  if (bytes[0] === 0x89 && bytes[1] === 0x50) {
    const png = PNG.sync.read(bytes);
    return { data: new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), width: png.width, height: png.height };
  }
  const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024 });
  return { data: new Uint8ClampedArray(img.data.buffer), width: img.width, height: img.height };
}
