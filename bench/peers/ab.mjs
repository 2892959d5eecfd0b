// Two builds of ours side by side (docs/benchmarks.md, "Two builds, A/B"):
//   node bench/peers/ab.mjs REPO_A REPO_B [--size 1280x720 | --set cccd-print/front | --all] [--passes 4]
// REPO_A and REPO_B are checkouts whose web/dist holds a WASM build. Every corpus frame of the chosen kind
// (by default the 1280x720 camera frames) is read by A and B in turn, --passes times each, interleaved,
// and each frame's time is the least of its passes: the machine's drift (up to 45 % within minutes here)
// then falls on both builds alike. Prints the frames read and the median times, and the median of the
// per-frame ratios B / A.
import { join, resolve } from 'node:path';
import { benchArgs } from './args.mjs';
import { decodeFile, listCorpus } from './corpus.mjs';

const { args, corpusDir } = benchArgs('build/ab-bench');
const valued = ['--size', '--set', '--passes', '--out'];
const [repoA, repoB] = args.filter((a, i) => !a.startsWith('--') && !valued.includes(args[i - 1]));
if (!repoA || !repoB) {
  console.error('usage: node bench/peers/ab.mjs REPO_A REPO_B [--size WxH | --set NAME | --all] [--passes N]');
  process.exit(2);
}
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const passes = Math.max(1, Number(option('--passes')) || 4);
const size = option('--size') ?? (args.includes('--all') || option('--set') ? null : '1280x720');
const set = option('--set');

const items = listCorpus(corpusDir);
if (!items) {
  console.error(`no corpus at ${corpusDir}`);
  process.exit(2);
}
const scanners = [];
for (const repo of [repoA, repoB]) scanners.push(await (await import(join(resolve(repo), 'web/src/index.js'))).createScanner());
const frames = [];
for (const it of items) {
  if (set && it.set !== set) continue;
  const f = decodeFile(join(corpusDir, it.file));
  if (size && `${f.width}x${f.height}` !== size) continue;
  frames.push({ f, expected: it.expected });
}
const times = [[], []], reads = [0, 0], ratios = [];
for (const { f, expected } of frames) {
  const best = [Infinity, Infinity];
  for (let pass = 0; pass < passes; pass++) {
    for (const k of [0, 1]) {
      const t0 = performance.now();
      const r = scanners[k].scanImageData(f);
      best[k] = Math.min(best[k], performance.now() - t0);
      if (pass === 0 && r.found && r.text === expected) reads[k] += 1;
    }
  }
  times[0].push(best[0]);
  times[1].push(best[1]);
  ratios.push(best[1] / best[0]);
}
const median = (v) => [...v].sort((x, y) => x - y)[Math.floor(v.length / 2)] ?? NaN;
console.log(`${frames.length} frames (${set ?? size ?? 'all'}), least of ${passes} passes each:`);
console.log(`  A ${repoA}: ${reads[0]} read, median ${median(times[0]).toFixed(3)} ms`);
console.log(`  B ${repoB}: ${reads[1]} read, median ${median(times[1]).toFixed(3)} ms`);
console.log(`  B / A per frame, median: ${median(ratios).toFixed(3)}`);
