// Where our time goes on the speed target's frames (docs/real-cards.md, "What is left"):
//   node bench/peers/stages.mjs [--out DIR]
// Reads the corpus's 1280x720 zxing-samples and cccd-synth frames (the peer benchmark's "corpus 1280x720"
// group) in the same rotation as run.mjs, with zxing-wasm and jsQR between our reads, and times ours in
// parts, through the module's own calls: copying the RGBA in, the decode (the result's ms), the rest of
// scanFrame (the card, its JSON, the string handed to JS) and JSON.parse. On every other frame it first
// parses the last card's text once, cold (right after the peers), then again, warm; those frames' own parts
// are not counted, since the parse warmed the card's code for them.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { benchArgs } from './args.mjs';
import { decodeFile, listCorpus } from './corpus.mjs';
import { makeReaders } from './readers.mjs';
import { median } from './measure.mjs';

const { here, repo, corpusDir } = benchArgs('build/peer-bench');
const items = listCorpus(corpusDir)?.filter((it) => /^(zxing-samples|cccd-synth)/.test(it.set));
if (!items) {
  console.error(`no corpus at ${corpusDir}`);
  process.exit(2);
}
const cccd = await import(join(repo, 'web/src/index.js'));
const { loadModule } = await import(join(repo, 'web/src/wasm_module.js'));
const zxing = await import('zxing-wasm/reader');
const jsQR = (await import('jsqr')).default;
const zxingWasm = { wasmBinary: readFileSync(join(here, 'node_modules/zxing-wasm/dist/reader/zxing_reader.wasm')) };
const peers = (await makeReaders({ cccd, zxing, zxingWasm, jsQR })).filter((r) => r.name !== 'cccd-scanner');
const m = await loadModule();

const rows = [];
let buffer = null, lastText = null;
for (const [i, it] of items.entries()) {
  const f = decodeFile(join(corpusDir, it.file));
  if (f.width !== 1280 || f.height !== 720) continue;
  const row = {};
  // Ours first, second or third in turn, as run.mjs rotates the readers.
  for (let k = 0; k < 3; ++k) {
    const slot = (i + k) % 3;
    if (slot > 0) {
      const peer = peers[slot - 1];
      const t0 = performance.now();
      await peer.read(f);
      row[peer.name] = performance.now() - t0;
      continue;
    }
    const probeParse = rows.length % 2 === 0;
    if (probeParse && lastText !== null) {
      let t0 = performance.now();
      m.parseJson(lastText);
      row.parseCold = performance.now() - t0;
      t0 = performance.now();
      m.parseJson(lastText);
      row.parseWarm = performance.now() - t0;
    }
    const t0 = performance.now();
    buffer ??= JSON.parse(m.prepareFrame(f.width, f.height, 4, 0, false));
    new Uint8Array(m.HEAPU8.buffer, buffer.ptr, buffer.bytes).set(f.data);
    const t1 = performance.now();
    const json = m.scanFrame();
    const t2 = performance.now();
    const r = JSON.parse(json);
    const t3 = performance.now();
    if (!probeParse) Object.assign(row, { copy: t1 - t0, decode: r.ms, afterDecode: t2 - t1 - r.ms, jsonParse: t3 - t2, total: t3 - t0 });
    if (r.found && r.card) lastText = r.text;
  }
  rows.push(row);
}

if (!rows.some((r) => r.total !== undefined)) {
  console.error(`no 1280x720 frames of zxing-samples or cccd-synth in ${corpusDir}`);
  process.exit(2);
}
const medianOf = (key) => median(rows.map((r) => r[key]).filter((x) => x !== undefined)) ?? NaN;
console.log(`${rows.length} frames of 1280x720 (parts timed on half of them), medians in ms:`);
for (const key of ['copy', 'decode', 'afterDecode', 'jsonParse', 'total', 'parseCold', 'parseWarm', 'zxing-wasm'])
  console.log(`  ${key.padEnd(12)} ${medianOf(key).toFixed(3)}`);
const ratios = rows.filter((r) => r.total !== undefined).map((r) => r.total / r['zxing-wasm']);
console.log(`  ours / zxing-wasm per frame, median: ${median(ratios).toFixed(3)}`);
