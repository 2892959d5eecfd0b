// The camera path in a browser (docs/benchmarks.md, "Camera in Chromium", "Camera in Firefox and WebKit"):
//   node bench/peers/camera.mjs [--quick] [--out DIR] [--seconds S] [--repeat N] [--engine chromium|firefox|webkit]
// The browser's camera plays a handheld clip from its first frame, looped (Chromium's fake camera; in Firefox
// and WebKit a canvas stream, as the e2e tests feed it: tests/e2e/engines/in_page/fake_camera.js); the
// package's startCamera scans its frames live in the Worker (one, made before the first run, as the scan page
// makes its own at load), with each frame path the engine has (MediaStreamTrackProcessor,
// requestVideoFrameCallback). Per clip and path: the time from startCamera() to the card on the page,
// frames scanned per second (results that reached the page over the run, after the first one), and the
// Worker's decode time per frame (median, p90, max). Clips: the shared cccd-handheld ones when present and
// two made by the native build's cccd-cardgen. Debian's browsers, driven as the e2e tests drive them
// (tests/e2e/browser.mjs), nothing downloaded.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchArgs } from './args.mjs';
import { cardgenPath, generatedClip, sharedHandheldClips } from './clips.mjs';

const { repo, args, quick, outDir, corpusDir } = benchArgs('build/camera-bench');
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
process.env.CCCD_E2E_ENGINE = option('--engine') ?? 'chromium';
const { engine, launchWithCamera, serve } = await import(join(repo, 'tests/e2e/browser.mjs'));
const seconds = Number(option('--seconds')) || (quick ? 3 : 8);
const repeat = Math.max(1, Number(option('--repeat')) || 1); // runs per clip and path: the card's time varies

function clips() {
  const list = sharedHandheldClips(corpusDir).map((c) => ({ name: c.name, file: c.file, payload: c.meta.payload }));
  const cardgen = cardgenPath(repo);
  if (cardgen) {
    for (const [side, seed] of [['front', 1], ['back', 2]]) {
      const c = generatedClip(cardgen, outDir, { side, seed });
      list.push({ name: `gen ${side} 720p mild`, file: c.file, payload: c.meta.payload });
    }
  }
  return quick ? list.slice(0, 2) : list;
}

// In the page: the camera for `ms` milliseconds; every frame result's arrival time and decode time.
async function scanFor(page, pacing, ms) {
  return page.evaluate(async ({ pacing, ms }) => {
    const { startCamera, createWorkerScanner } = await import('/src/index.js');
    // One decoding Worker for every run, made before the first, as the scan page makes its own at load.
    window.__benchScanner ??= await createWorkerScanner();
    const video = document.createElement('video');
    document.body.append(video);
    const frames = [];
    const texts = [];
    const start = performance.now();
    const camera = await startCamera(video, {
      scanner: window.__benchScanner,
      pacing,
      leaveMs: 60_000,
      onResult: (r) => texts.push({ at: performance.now() - start, text: r.text }),
      onFrame: (r) => frames.push({ at: performance.now() - start, ms: r.ms, found: r.found, text: r.found ? r.text : null }),
    });
    await new Promise((r) => setTimeout(r, ms));
    const resolution = camera.resolution;
    camera.stop();
    video.remove();
    return { frames, texts, resolution, pacing: camera.pacing };
  }, { pacing, ms });
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

const { server, origin } = await serve();
const rows = [];
let version = '';
try {
  for (const clip of clips()) {
    const browser = await launchWithCamera(clip.file);
    version = await browser.version();
    try {
      const page = await browser.newPage();
      await page.goto(`${origin}/`);
      const hasProcessor = await page.evaluate(() => typeof MediaStreamTrackProcessor === 'function');
      const pacings = [...(hasProcessor ? ['track-processor'] : []), 'video-frame-callback'];
      await scanFor(page, pacings[0], 1500); // warm-up: the Worker's first frames compile the module
      for (const pacing of pacings) {
        const runs = [];
        for (let i = 0; i < repeat; i++) runs.push(await scanFor(page, pacing, seconds * 1000));
        const frames = runs.flatMap((run) => run.frames);
        const wrong = frames.filter((f) => f.found && f.text !== clip.payload).length;
        const cardAt = runs.map((run) => run.texts.find((t) => t.text === clip.payload)?.at ?? Infinity).sort((a, b) => a - b);
        const framesPerSecond = runs.map((run) => {
          const arrivals = run.frames.map((f) => f.at);
          const span = arrivals.length > 1 ? (arrivals[arrivals.length - 1] - arrivals[0]) / 1000 : 0;
          return span > 0 ? (run.frames.length - 1) / span : 0;
        }).sort((a, b) => a - b);
        const times = frames.map((f) => f.ms).filter((x) => typeof x === 'number').sort((a, b) => a - b);
        const ms = (v) => (Number.isFinite(v) ? Math.round(v) : null);
        rows.push({
          clip: clip.name, pacing: runs[0].pacing, resolution: runs[0].resolution, frames: frames.length, runs: repeat,
          framesPerSecond: pct(framesPerSecond, 0.5), // medians over the runs
          cardAtMs: ms(pct(cardAt, 0.5)), cardAtFirst: ms(cardAt[0]), cardAtLast: ms(cardAt[cardAt.length - 1]), wrong,
          msMedian: pct(times, 0.5), msP90: pct(times, 0.9), msMax: times[times.length - 1],
        });
        const r = rows[rows.length - 1];
        process.stderr.write(`${clip.name} / ${r.pacing}: ${r.framesPerSecond.toFixed(1)} frames/s, card at ${r.cardAtMs ?? 'never'} ms\n`);
      }
    } finally {
      await browser.close();
    }
  }
} finally {
  server.close();
}
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, `camera-report${engine === 'chromium' ? '' : `-${engine}`}.json`),
  JSON.stringify({ date: new Date().toISOString(), engine, version, seconds, rows }, null, 1));
const f1 = (v) => (typeof v === 'number' ? v.toFixed(1) : '-');
console.log(`${engine} ${version}, ${seconds} s per run, ${repeat} run(s) per clip and path, after a 1.5 s warm-up per clip`);
const range = (r) => (repeat > 1 ? ` (${r.cardAtFirst ?? 'never'}–${r.cardAtLast ?? 'never'})` : '');
console.log('| clip | frame path | camera | frames scanned per second | card on the page (ms from start) | decode ms median / p90 / max | wrong |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.clip} | ${r.pacing} | ${r.resolution ? `${r.resolution.width}x${r.resolution.height}` : '-'} | ${f1(r.framesPerSecond)} | ` +
    `${r.cardAtMs ?? 'never'}${range(r)} | ${f1(r.msMedian)} / ${f1(r.msP90)} / ${f1(r.msMax)} | ${r.wrong} |`);
}
if (rows.some((r) => r.wrong > 0)) {
  console.error('a frame reported a text that is not the card');
  process.exit(1);
}
