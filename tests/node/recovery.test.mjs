// After the WASM module fails (an abort inside it), the call that met the failure rejects with code
// 'internal' and never returns a result; the next call of the Worker scanner and of parse() works on a
// fresh module instance. The failures are real ones of the real build:
// - refusing memory growth, as an engine out of memory does (WebAssembly.Memory.prototype.grow throws a
//   RangeError; the glue then reports the growth failed): the module's allocator fails and the C++ code
//   aborts (emscripten's abort(): a WebAssembly.RuntimeError "Aborted()") half-way through the call;
// - a clock that throws: the parser reads today's date through an import, and the exception unwinds through
//   the module half-way through the call, as an abort does (abort() is an import that throws).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createScanner, parse, CccdScannerError } from '../../web/src/index.js';
import { hasFailed } from '../../web/src/scanner.js';
import { createWorkerScanner } from '../../web/src/worker_client.js';
import { installInProcessWorker } from './in_process_worker.mjs';
import { qrFrame } from './frames.mjs';

const payload = '079303001234||Trần Thị Bích Ngọc|05062003|Nữ|Số 12 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|20072021';
// 36 MB of RGBA: more than the module's whole initial memory (32 MB), so preparing it must grow memory.
const BIG = 3000;

const grow = WebAssembly.Memory.prototype.grow;
let refusals = 0;
function refuseMemoryGrowth(on) {
  WebAssembly.Memory.prototype.grow = on
    ? function refused() { refusals++; throw new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded'); }
    : grow;
}

const typed = (code, message = /./) => (e) => {
  assert.ok(e instanceof CccdScannerError, `expected CccdScannerError, got ${e?.constructor?.name}: ${e?.message}`);
  assert.equal(e.code, code, e.message);
  assert.match(e.message, message);
  return true;
};

test('a scanner whose module aborts: that call and later ones reject with internal; destroy() is still destroyed', async () => {
  // Control: the same frame prepares fine when memory may grow.
  const control = await createScanner();
  assert.equal(control.frameBuffer(BIG, BIG, 'rgba').length, BIG * BIG * 4);
  control.destroy();

  const s = await createScanner();
  assert.equal(s.parse(payload).fields.id, '079303001234');
  const before = refusals;
  refuseMemoryGrowth(true);
  try {
    assert.throws(() => s.frameBuffer(BIG, BIG, 'rgba'), typed('internal', /the WASM module failed \(Aborted\(/));
  } finally {
    refuseMemoryGrowth(false);
  }
  assert.ok(refusals > before, 'the module asked for more memory and was refused');
  assert.equal(hasFailed(s), true);
  // Retired: every later call says the module failed (not 'destroyed': the user destroyed nothing).
  assert.throws(() => s.parse(payload), typed('internal', /failed earlier; create a new scanner/));
  assert.throws(() => s.scanImageData(qrFrame(payload)), typed('internal'));
  assert.throws(() => s.scanFrame(), typed('internal'));
  assert.throws(() => s.frameBuffer(16, 16, 'luma'), typed('internal'));
  s.destroy(); // the user's destroy() after a failure: from now on 'destroyed'
  assert.throws(() => s.parse(payload), typed('destroyed'));

  const d = await createScanner();
  d.destroy();
  assert.equal(hasFailed(d), false);
  assert.throws(() => d.parse(payload), typed('destroyed'));
  assert.throws(() => d.scanFrame(), typed('destroyed'));
});

test('parse(): the call that meets a module failure rejects with internal, the next one has a fresh module', async () => {
  const first = await parse(payload);
  assert.equal(first.ok, true);
  assert.equal(first.fields.name, 'Trần Thị Bích Ngọc');
  assert.notEqual(first.fields.address2025, null, 'the shared module has the address table');

  const now = Date.now;
  let thrown = 0;
  Date.now = () => { Date.now = now; thrown++; throw new Error('the clock is gone'); }; // once
  try {
    await assert.rejects(parse(payload), typed('internal', /the WASM module failed \(the clock is gone\)/));
  } finally {
    Date.now = now;
  }
  assert.equal(thrown, 1, 'the parser read the clock inside the module');

  const again = await parse(payload);
  assert.deepEqual(again, first); // the fresh module loaded the address table too
  assert.equal((await parse('001099012345|123456789|Nguyễn Văn Đức|01011999|Nam|Hà Nội|15042021')).fields.id, '001099012345');
});

// A planar VideoFrame stand-in; `failing` refuses memory growth from the moment the worker asks its size
// (just before it prepares the frame buffer for it) until it is closed.
function fakeFrame({ data, width, height }, { failing = false } = {}) {
  const frame = {
    format: 'I420',
    visibleRect: { x: 0, y: 0, width, height },
    closed: false,
    allocationSize: () => { if (failing) refuseMemoryGrowth(true); return width * height * 3 / 2; },
    copyTo: async (view) => { view.set(data.subarray(0, Math.min(data.length, view.length))); },
    close() { frame.closed = true; if (failing) refuseMemoryGrowth(false); },
  };
  return frame;
}

test('the Worker: the request that meets a module failure rejects with internal, the next one works on a fresh scanner', async () => {
  installInProcessWorker();
  const scanner = await createWorkerScanner();
  const frame = qrFrame(payload);
  const first = await scanner.scanImageData(frame);
  assert.equal(first.text, payload);
  const table = await scanner.addressTable();
  assert.equal(table.ok, true);
  const card = await scanner.parse(payload);
  assert.notEqual(card.fields.address2025, null);

  const big = { data: new Uint8Array(BIG * BIG * 4), width: BIG, height: BIG };
  const before = refusals;
  refuseMemoryGrowth(true);
  try {
    await assert.rejects(scanner.scanImageData(big), typed('internal', /the WASM module failed \(Aborted\(/));
  } finally {
    refuseMemoryGrowth(false);
  }
  assert.ok(refusals > before);

  // The next request: a fresh scanner reads the card, and has the address table again once it has loaded.
  const after = await scanner.scanImageData(frame);
  assert.equal(after.found, true);
  assert.equal(after.text, payload);
  assert.equal(after.card.fields.name, 'Trần Thị Bích Ngọc');
  assert.deepEqual(await scanner.addressTable(), table);
  assert.deepEqual(await scanner.parse(payload), card);
  // The big frame itself was never the problem.
  assert.equal((await scanner.scanImageData(big)).found, false);

  // A camera stream goes on past a frame that meets a failure.
  // The failing frame is the largest there is (8192x4096, 50 MB with its chroma planes): its buffer cannot
  // fit in the memory the scans before it left.
  const largest = { data: new Uint8Array(0), width: 8192, height: 4096 };
  const frames = [fakeFrame(frame), fakeFrame(largest, { failing: true }), fakeFrame(frame)];
  let feed;
  const readable = new ReadableStream({ start(c) { feed = c; } });
  const got = [];
  let arrived;
  const done = new Promise((resolve) => { arrived = resolve; });
  const stop = scanner.stream(readable, (msg) => { got.push(msg); if (got.length === frames.length) arrived(); });
  for (const f of frames) feed.enqueue(f);
  await done;
  stop();
  assert.equal(got[0].result?.text, payload);
  assert.equal(got[1].error?.code, 'internal', JSON.stringify(got[1]));
  assert.match(got[1].error.message, /the WASM module failed \(Aborted\(/);
  assert.equal(got[2].result?.text, payload, JSON.stringify(got[2]));
  assert.deepEqual(frames.map((f) => f.closed), [true, true, true]);
  assert.equal(WebAssembly.Memory.prototype.grow, grow);

  // destroy() is the user's: later calls fail with 'destroyed'.
  scanner.destroy();
  await assert.rejects(scanner.scanImageData(frame), typed('destroyed'));
});
