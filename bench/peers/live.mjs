// Live scanning benchmark (docs/benchmarks.md, "Handheld clips"):
//   node bench/peers/live.mjs [--quick] [--out DIR] [--readers 'ours live,ours single'] [--repeat N]
// Per clip and reader: frames read, first frame read, time per frame (median, p90, max) over every frame,
// and the live latency: frames arrive at 30 fps, a reader busy t ms skips the frames that arrive meanwhile
// and takes the newest when it is free; the time from the clip's start to its first read. Readers: ours
// live (one video, {live: true}), ours single-frame, zxing-wasm fast and try-harder, jsQR. Clips: the
// shared cccd-handheld and cccd-video ones when present, and clips made by the native build's cccd-cardgen
// (720p and 1080p, one card, two cards, a card swapped mid-clip). Frames are RGBA for every reader.
// Times are the steady state (warmUp below), each frame's the least of --repeat passes (3; 1 with --quick);
// the cold first frame is reported apart.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { benchArgs } from './args.mjs';
import { cardgenPath, corpusKind, generatedClip, sharedHandheldClips } from './clips.mjs';

const { here, repo, args, quick, outDir, corpusDir } = benchArgs('build/live-bench');
const FRAME_MS = 1000 / 30;
const repeatAt = args.indexOf('--repeat');
const repeat = Math.max(1, repeatAt >= 0 ? Number(args[repeatAt + 1]) || 1 : quick ? 1 : 3);

// A full garbage collection before each reader's pass over a clip: loading a clip's frames (300-750 MB
// of RGBA from ffmpeg) leaves the collector work it otherwise does in the middle of some reader's frame
// (5-50 ms pauses on this machine). Collections caused by a reader's own garbage still count.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc');

function clips() {
  const list = sharedHandheldClips(corpusDir);
  const approach = join(corpusDir, 'cccd-video/card-approach.mjpeg');
  if (existsSync(approach)) {
    list.push({ name: `${corpusKind(corpusDir)} card-approach`, file: approach, meta: JSON.parse(readFileSync(approach.replace(/\.mjpeg$/, '.json'), 'utf8')) });
  }
  const cardgen = cardgenPath(repo);
  if (!cardgen) return list;
  const made = [
    ['front', 1, 'single', '1280x720', 'mild'], ['back', 2, 'single', '1280x720', 'mild'],
    ['front', 3, 'single', '1920x1080', 'mild'], ['front', 4, 'single', '1280x720', 'hard'],
    ['front', 5, 'two-cards', '1280x720', 'mild'], ['back', 6, 'swap', '1280x720', 'mild'],
  ];
  for (const [side, seed, scenario, size, difficulty] of quick ? made.slice(0, 1) : made) {
    list.push(generatedClip(cardgen, outDir, { side, seed, scenario, size, difficulty }));
  }
  return list;
}

function framesOf({ file, meta }) {
  const [width, height] = meta.size ?? [1280, 720]; // cccd-video/card-approach: 1280x720 (corpus README)
  const raw = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-f', 'rawvideo', '-pix_fmt', 'rgba', '-'], { maxBuffer: 1 << 30 });
  const n = width * height * 4;
  const frames = [];
  for (let at = 0; at + n <= raw.length; at += n) frames.push({ data: new Uint8ClampedArray(raw.buffer, raw.byteOffset + at, n), width, height });
  return quick ? frames.slice(0, 30) : frames;
}

// The texts a read may be: a card in that frame (per-frame truth when the clip has it).
function truthOf(meta, count) {
  if (meta.frame_truth) return meta.frame_truth.map((f) => f.cards.map((c) => c.payload));
  return Array.from({ length: count }, () => [meta.payload]);
}

async function makeReaders() {
  const cccd = await import(join(repo, 'web/src/index.js'));
  const zxing = await import('zxing-wasm/reader');
  const jsQR = (await import('jsqr')).default;
  await zxing.prepareZXingModule({
    overrides: { wasmBinary: readFileSync(join(here, 'node_modules/zxing-wasm/dist/reader/zxing_reader.wasm')) }, fireImmediately: true,
  });
  const scanner = await cccd.createScanner();
  const zx = (tryHarder) => ({
    formats: ['QRCode'], tryHarder, tryRotate: tryHarder, tryInvert: tryHarder, tryDownscale: tryHarder, maxNumberOfSymbols: 1,
  });
  const zxRead = (opts) => async (f) => (await zxing.readBarcodes(f, opts)).find((r) => r.isValid)?.text ?? null;
  return [
    { name: 'ours live', start: () => scanner.resetLive(), read: async (f) => { const r = scanner.scanImageData(f, { live: true }); return r.found ? r.text : null; } },
    { name: 'ours single', read: async (f) => { const r = scanner.scanImageData(f); return r.found ? r.text : null; } },
    { name: 'zxing-wasm fast', read: zxRead(zx(false)) },
    { name: 'zxing-wasm try-harder', read: zxRead(zx(true)) },
    { name: 'jsQR', read: async (f) => jsQR(f.data, f.width, f.height, { inversionAttempts: 'attemptBoth' })?.data ?? null },
  ];
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

// Every frame in turn: reads, first read, times. The clip is read `repeat` times (each a new video); a
// frame's time is the least of its passes (this machine's speed drifts by up to 30 % within minutes, and
// that noise, not the frame's work, set the p90 and max of a single pass); reads count from the first.
async function everyFrame(reader, frames, truth) {
  const times = frames.map(() => Infinity);
  let read = 0, wrong = 0, first = -1;
  for (let pass = 0; pass < repeat; pass++) {
    reader.start?.();
    for (const [i, f] of frames.entries()) {
      const t0 = performance.now();
      const text = await reader.read(f);
      times[i] = Math.min(times[i], performance.now() - t0);
      if (pass > 0 || text === null) continue;
      if (!truth[i].includes(text)) { wrong += 1; continue; }
      read += 1;
      if (first < 0) first = i;
    }
  }
  times.sort((a, b) => a - b);
  return { read, wrong, first, median: pct(times, 0.5), p90: pct(times, 0.9), max: times[times.length - 1] };
}

// At 30 fps: the reader takes the newest frame whenever it is free; ms from the start to the first read.
async function liveLatency(reader, frames, truth) {
  reader.start?.();
  let clock = 0, scanned = 0;
  while (true) {
    const i = Math.floor(clock / FRAME_MS + 1e-9);
    if (i >= frames.length) return { latency: null, scanned };
    const t0 = performance.now();
    const text = await reader.read(frames[i]);
    clock += performance.now() - t0;
    scanned += 1;
    if (text !== null && truth[i].includes(text)) return { latency: Math.round(clock), scanned, frame: i };
    clock = Math.max(clock, (i + 1) * FRAME_MS); // the next frame has not arrived yet: wait for it
  }
}

// Steady state, as a page that has been scanning for a second sees it: each reader first reads the first
// clip once, untimed but for its first frame (the cold start: V8 compiles WASM functions on first call and
// optimizes hot ones while they run, and whichever clip came first would otherwise carry that cost).
async function warmUp(reader, frames) {
  reader.start?.();
  const t0 = performance.now();
  await reader.read(frames[0]);
  const coldFirstMs = performance.now() - t0;
  for (const f of frames.slice(1)) await reader.read(f);
  return coldFirstMs;
}

// --readers 'ours live,jsQR': only these.
const only = args.indexOf('--readers') >= 0 ? args[args.indexOf('--readers') + 1].split(',') : null;
const readers = (await makeReaders()).filter((r) => !only || only.includes(r.name));
const rows = [];
const cold = [];
const clipList = clips();
if (clipList.length > 0) {
  const frames = framesOf(clipList[0]);
  for (const reader of readers) cold.push({ reader: reader.name, clip: clipList[0].name, firstFrameMs: await warmUp(reader, frames) });
}
for (const clip of clipList) {
  const frames = framesOf(clip);
  const truth = truthOf(clip.meta, frames.length);
  for (const reader of readers) {
    collectGarbage();
    const all = await everyFrame(reader, frames, truth);
    collectGarbage();
    const live = await liveLatency(reader, frames, truth);
    rows.push({ clip: clip.name, frames: frames.length, reader: reader.name, ...all, latencyMs: live.latency, scannedFrames: live.scanned });
    process.stderr.write(`${clip.name} / ${reader.name}: ${all.read} read, first ${all.first}, p90 ${all.p90.toFixed(1)} ms, latency ${live.latency ?? 'never'}\n`);
  }
}
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'live-report.json'), JSON.stringify({ date: new Date().toISOString(), quick, repeat, cold, rows }, null, 1));
const fmt = (v) => (v === null || v < 0 ? 'never' : String(v));
console.log('| clip | reader | frames read | first frame read | ms median / p90 / max | first read at 30 fps (ms) | wrong |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.clip} | ${r.reader} | ${r.read} / ${r.frames} | ${fmt(r.first)} | ${r.median.toFixed(1)} / ${r.p90.toFixed(1)} / ${r.max.toFixed(1)} | ${fmt(r.latencyMs)} | ${r.wrong} |`);
}
console.log('');
console.log(`Cold start (a fresh process, the first frame of ${cold[0]?.clip ?? 'no clip'}): ` +
  cold.map((c) => `${c.reader} ${c.firstFrameMs.toFixed(1)} ms`).join(', '));
if (rows.some((r) => r.wrong > 0 && r.reader.startsWith('ours'))) {
  console.error('ours returned a text not in the frame');
  process.exit(1);
}
