// One command for the side-by-side benchmark (docs/benchmarks.md):
//   node bench/peers/run.mjs [--quick] [--node-only | --chromium-only] [--out DIR]
// runs cccd-scanner's WASM build, zxing-wasm and jsQR on every corpus image and on the module-size
// ladder, in Node and in headless Chromium (Debian's, via playwright-core; the native BarcodeDetector too
// when the browser has one), then writes DIR/report.json, DIR/chart.svg and prints the table.
// --quick: a smoke pass (a few frames per set) for CI. Needs: npm ci --prefix bench/peers, the wasm preset
// built (web/dist), Debian's qrencode and chromium.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { benchArgs } from './args.mjs';
import { CORPUS_SETS, decodeFile, listCorpus } from './corpus.mjs';
import { makeLadder } from './ladder.mjs';
import { makePrintedLadder } from './printed_ladder.mjs';
import { measureAll, summarize } from './measure.mjs';
import { makeReaders } from './readers.mjs';
import { renderChart, renderTable } from './report.mjs';
import { runInChromium } from './chromium.mjs';
import { gzipSizes } from './wasm_size.mjs';

const { here, repo, args, quick, outDir, corpusDir } = benchArgs('build/peer-bench');

// Where an item's file lies: the generated ladders under --out, the rest in the corpus.
function frameRoot(item) {
  if (item.set.startsWith('ladder')) return join(outDir, 'ladder');
  if (item.set.startsWith('printed ')) return join(outDir, 'printed-ladder');
  return corpusDir;
}

async function runInNode(items) {
  const cccd = await import(join(repo, 'web/src/index.js'));
  const zxing = await import('zxing-wasm/reader');
  const jsQR = (await import('jsqr')).default;
  const zxingWasm = { wasmBinary: readFileSync(join(here, 'node_modules/zxing-wasm/dist/reader/zxing_reader.wasm')) };
  const readers = await makeReaders({ cccd, zxing, zxingWasm, jsQR });
  const frame = (item) => decodeFile(join(frameRoot(item), item.file));
  const rows = await measureAll(items, readers, frame, (i, n) => {
    if (i % 50 === 0 || i === n) process.stderr.write(`node: ${i}/${n}\n`);
  });
  return { readers: readers.map((r) => r.name), rows };
}

function pick(items) {  // --quick: the first 3 frames of each set
  if (!quick) return items;
  const seen = new Map();
  return items.filter((it) => (seen.set(it.set, (seen.get(it.set) ?? 0) + 1).get(it.set)) <= 3);
}

const corpus = listCorpus(corpusDir);
if (!corpus) console.error(`corpus not found at ${corpusDir}: benchmarking the ladder only (set CCCD_CORPUS_DIR)`);
const ladder = makeLadder(join(outDir, 'ladder'), { quick });
const printed = makePrintedLadder(join(outDir, 'printed-ladder'), join(repo, 'build/native/cccd-cardgen'), { quick });
const items = pick([...(corpus ?? []), ...ladder, ...printed]);
mkdirSync(outDir, { recursive: true });

const report = { date: new Date().toISOString(), quick, corpusDir, sets: CORPUS_SETS, environments: {} };
for (const env of ['node', 'chromium']) {
  if (args.includes(env === 'node' ? '--chromium-only' : '--node-only')) continue;
  const { readers, rows, note } = env === 'node' ? await runInNode(items) : await runInChromium({ repo, here, corpusDir, outDir, items });
  report.environments[env] = { readers, note, summary: summarize(rows, readers), rows };
}
report.wasmGzipBytes = gzipSizes(repo, here);
writeFileSync(join(outDir, 'report.json'), JSON.stringify(report, null, 1));
writeFileSync(join(outDir, 'chart.svg'), renderChart(report));
writeFileSync(join(outDir, 'table.md'), `${renderTable(report)}\n`);
console.log(renderTable(report));
console.log(`\nreport: ${join(outDir, 'report.json')}\nchart:  ${join(outDir, 'chart.svg')}\ntable:  ${join(outDir, 'table.md')}`);

// A reader that throws means the set-up is broken (not built, wrong API): fail, so CI's smoke pass notices.
// A frame that could not be loaded is a broken set-up too.
const broken = Object.values(report.environments).some((e) =>
  e.rows.some((row) => row.error || Object.values(row.results).some((r) => r.error)));
if (broken) process.exitCode = 1;
