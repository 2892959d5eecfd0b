// The scan page's batch (issue 18) over many large photos in Chromium: memory after every step, read by
// tests/e2e/memory_probe.mjs after a GC (page and Worker JS heaps, WASM memory, renderer processes' RSS),
// and the time per photo. tests/e2e/batch.test.mjs runs 22 photos; this runs 100 (or --count N).
//
//   node bench/batch_memory.mjs [--count 100] [--size 4000x3000] [--step 10]
//
// Photos: cccd-synth/normal of the corpus (tests/support/corpus_dir.mjs), scaled up by ffmpeg with grey
// bars, the set looped when it has fewer. Exits 1 when, after the first step (the decoder's warm-up),
// the renderers grow by one photo's decoded pixels or more, or WASM memory grows at all.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusDir } from '../tests/support/corpus_dir.mjs';
import { launch, serve } from '../tests/e2e/browser.mjs';
import { memoryProbe } from '../tests/e2e/memory_probe.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const count = Number(option('--count', 100));
const step = Number(option('--step', 10));
const [width, height] = option('--size', '4000x3000').split('x').map(Number);
if (process.env.CCCD_E2E_ENGINE && process.env.CCCD_E2E_ENGINE !== 'chromium') {
  console.error('bench/batch_memory.mjs reads memory through the DevTools protocol: Chromium only');
  process.exit(2);
}
const source = `${corpusDir()}/cccd-synth/normal`;
if (!existsSync(`${source}/index.jsonl`)) {
  console.error(`corpus not found at ${source} (set CCCD_CORPUS_DIR)`);
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'cccd-batch-bench-'));
const { server, origin } = await serve();
const browser = await launch();
let failed = false;
try {
  let t0 = Date.now();
  execFileSync('ffmpeg', ['-v', 'error', '-stream_loop', '-1', '-framerate', '1', '-start_number', '0', '-i', `${source}/card-%04d.jpg`,
    '-frames:v', String(count), '-vf', `scale=${width}:${height}:force_original_aspect_ratio=decrease,pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2:gray`,
    '-q:v', '4', `${dir}/big-%04d.jpg`]);
  const photos = Array.from({ length: count }, (_, i) => `${dir}/big-${String(i + 1).padStart(4, '0')}.jpg`);
  console.log(`${count} photos of ${width}x${height} made in ${((Date.now() - t0) / 1000).toFixed(1)} s (${browser.version()})`);

  const page = await (await browser.newContext()).newPage();
  await page.goto(`${origin}/`);
  await page.waitForSelector('[data-testid=status][data-state=idle]');
  const probe = await memoryProbe(browser, page, {
    trigger: async () => {
      await page.fill('[data-testid=wedge-input]', '001099012345||Nguyễn Văn A|01011999|Nam|Hà Nội|15042021');
      await page.press('[data-testid=wedge-input]', 'Enter');
    },
  });
  const photoMB = (width * height * 4) / (1 << 20);
  console.log('photos  ms/photo  page heap  worker heap  WASM (in use)    renderers  statuses');
  let first = null;
  for (let done = 0; done < count;) {
    const next = Math.min(count, done + step);
    t0 = Date.now();
    await page.setInputFiles('[data-testid=batch-input]', photos.slice(done, next));
    await page.waitForFunction((n) => {
      const p = document.querySelector('[data-testid=batch-progress]');
      return p.value === n && document.getElementById('batch-cancel').hidden;
    }, next, { timeout: 600_000 });
    const ms = (Date.now() - t0) / (next - done);
    done = next;
    const m = await probe.measure();
    const statuses = await page.$$eval('[data-testid=batch-table] tbody tr', (rows) => {
      const n = {};
      for (const r of rows) n[r.dataset.status] = (n[r.dataset.status] ?? 0) + 1;
      return JSON.stringify(n);
    });
    console.log(`${String(done).padStart(6)}  ${ms.toFixed(0).padStart(8)}  ${m.pageHeap.toFixed(1).padStart(6)} MB  ` +
      `${m.workerHeap.toFixed(1).padStart(8)} MB  ${m.wasmMemory.toFixed(0).padStart(4)} (${m.wasmAllocated.toFixed(0).padStart(4)}) MB  ` +
      `${m.rendererMB.toFixed(0).padStart(6)} MB  ${statuses}`);
    if (!first) {
      first = m;
    } else if (m.rendererMB - first.rendererMB >= photoMB || m.wasmMemory > first.wasmMemory) {
      failed = true;
    }
  }
  console.log(failed
    ? `FAIL: memory grew with the number of photos (one photo's pixels: ${photoMB.toFixed(0)} MB)`
    : `ok: after the first ${step}, no growth of one photo's pixels (${photoMB.toFixed(0)} MB) or of WASM memory`);
  await probe.close();
} finally {
  await browser.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
