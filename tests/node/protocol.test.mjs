// The Worker protocol (web/src/protocol.js): its op names and message builders, and the messages
// worker_client.js and worker.js really exchange, with worker.js run in this process (in_process_worker.mjs)
// on the real WASM build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CccdScannerError, createScanner } from '../../web/src/index.js';
import { createWorkerScanner } from '../../web/src/worker_client.js';
import {
  Op, errorData, errorOf, failure, isStreamMessage, reply, request, startStream, stopStream, streamError, streamResult,
} from '../../web/src/protocol.js';
import { InProcessWorker, installInProcessWorker } from './in_process_worker.mjs';
import { qrFrame } from './frames.mjs';

const payload = '079303001234||Trần Thị Bích Ngọc|05062003|Nữ|Số 12 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|20072021';

test('Op names every message the worker takes, frozen', () => {
  assert.deepEqual(Object.keys(Op), ['init', 'parse', 'scanImageData', 'scanImage', 'resetLive', 'clear', 'addressTable',
    'mapAddress2025', 'stream', 'stopStream']);
  for (const [key, value] of Object.entries(Op)) assert.equal(value, key);
  assert.equal(Object.isFrozen(Op), true);
  assert.throws(() => { Op.parse = 'other'; }, TypeError);
  assert.equal(Op.parse, 'parse');
});

test('the builders make the wire format: requests, replies, stream messages', () => {
  assert.deepEqual(request(7, Op.parse, { text: 'a|b' }), { text: 'a|b', id: 7, op: 'parse' });
  assert.deepEqual(request(8, Op.clear), { id: 8, op: 'clear' });
  // The id and op are the builder's, whatever the fields say.
  assert.deepEqual(request(9, Op.parse, { id: 1, op: 'init', text: 'x' }), { id: 9, op: 'parse', text: 'x' });
  assert.deepEqual(reply(3, { found: false }), { id: 3, ok: true, result: { found: false } });
  assert.deepEqual(reply(4, true), { id: 4, ok: true, result: true });
  assert.deepEqual(failure(5, new CccdScannerError('no-frame', 'no frame yet')),
    { id: 5, ok: false, error: { code: 'no-frame', message: 'no frame yet' } });
  // Untyped errors, and things thrown that are not errors, are 'internal' with their text.
  assert.deepEqual(failure(6, new TypeError('boom')), { id: 6, ok: false, error: { code: 'internal', message: 'boom' } });
  assert.deepEqual(errorData('plain text'), { code: 'internal', message: 'plain text' });
  assert.deepEqual(errorData(42), { code: 'internal', message: '42' });
  assert.deepEqual(errorData(undefined), { code: 'internal', message: 'undefined' });
  assert.deepEqual(errorData(null), { code: 'internal', message: 'null' });
  const readable = { fake: 'stream' };
  const start = startStream(11, readable);
  assert.deepEqual(start, { op: 'stream', stream: 11, readable });
  assert.equal(start.readable, readable);
  assert.deepEqual(stopStream(11), { op: 'stopStream', stream: 11 });
  assert.deepEqual(streamResult(11, { found: true }), { stream: 11, result: { found: true } });
  assert.deepEqual(streamError(11, new CccdScannerError('worker-failed', 'gone')),
    { stream: 11, error: { code: 'worker-failed', message: 'gone' } });
});

test('stream messages are told from replies; errors come back typed', () => {
  assert.equal(isStreamMessage({ stream: 3, result: {} }), true);
  assert.equal(isStreamMessage({ stream: 0, error: { code: 'internal', message: 'x' } }), true);
  assert.equal(isStreamMessage({ id: 3, ok: true, result: {} }), false);
  assert.equal(isStreamMessage(null), false);
  const e = errorOf({ code: 'too-large', message: 'frame is 9000x10' });
  assert.ok(e instanceof CccdScannerError);
  assert.equal(e.code, 'too-large');
  assert.equal(e.message, 'frame is 9000x10');
});

test('worker.js and worker_client.js take the op names from protocol.js, not string literals', () => {
  for (const file of ['worker.js', 'worker_client.js']) {
    const source = readFileSync(new URL(`../../web/src/${file}`, import.meta.url), 'utf8');
    assert.match(source, /from '\.\/protocol\.js'/, file);
    // An op spelled out: {op: '…'}, case '…':, msg.op === '…'.
    assert.doesNotMatch(source, /\bop\s*(:|===|!==|==)\s*['"`]|\bcase\s+['"`]/, file);
    assert.match(source, /\bOp\.\w+/, file);
  }
});

// A planar VideoFrame stand-in (what MediaStreamTrackProcessor streams): the worker copies its Y plane.
function fakeFrame({ data, width, height }, { fail = false } = {}) {
  const frame = {
    format: 'I420',
    visibleRect: { x: 0, y: 0, width, height },
    closed: false,
    allocationSize: () => width * height * 3 / 2,
    copyTo: async (view) => {
      if (fail) throw new Error('the frame was closed before it could be copied');
      view.set(data);
    },
    close() { frame.closed = true; },
  };
  return frame;
}

test('worker_client.js and worker.js exchange the protocol\'s messages (real WASM, worker in-process)', async () => {
  installInProcessWorker();
  const scanner = await createWorkerScanner();
  const worker = InProcessWorker.last;
  assert.equal(worker.url.pathname.endsWith('/web/src/worker.js'), true);
  assert.deepEqual(worker.log, [
    { to: 'worker', data: { options: {}, id: 1, op: 'init' } },
    { to: 'main', data: { id: 1, ok: true, result: true } },
  ]);

  const card = await scanner.parse(payload);
  assert.equal(card.ok, true);
  assert.equal(card.fields.id, '079303001234');
  assert.equal(card.fields.name, 'Trần Thị Bích Ngọc');
  assert.deepEqual(worker.log[2], { to: 'worker', data: { text: payload, id: 2, op: 'parse' } });
  assert.deepEqual(worker.log[3], { to: 'main', data: { id: 2, ok: true, result: card } });

  const frame = qrFrame(payload);
  const scanned = await scanner.scanImageData(frame);
  assert.equal(scanned.found, true);
  assert.equal(scanned.text, payload);
  assert.equal(scanned.card.fields.name, 'Trần Thị Bích Ngọc');
  const sent = worker.log.find((m) => m.data.op === 'scanImageData');
  assert.deepEqual(Object.keys(sent.data).sort(), ['id', 'image', 'op', 'options']);
  assert.equal(sent.data.id, 3);
  assert.deepEqual(sent.data.image.data, frame.data);

  // The address table: answered once loaded, then addresses map as the scanner's own do.
  const table = await scanner.addressTable();
  assert.equal(table.ok, true);
  assert.ok(table.communes > 1000, `communes: ${table.communes}`);
  const direct = await createScanner();
  await direct.loadAddressTable();
  const address = 'Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh';
  assert.deepEqual(await scanner.mapAddress2025(address), direct.mapAddress2025(address));
  direct.destroy();
  assert.equal(await scanner.resetLive(), true);
  assert.equal(await scanner.clear(), true);

  // Failures come back as {id, ok: false, error: {code, message}}.
  worker.postMessage(request(900, 'no-such-op'));
  worker.postMessage(request(901, Op.scanImageData, { image: { data: new Uint8Array(3), width: 2, height: 2 } }));
  await scanner.resetLive(); // requests are answered in order: both are in the log after this one
  const answer = (id) => worker.log.find((m) => m.to === 'main' && m.data.id === id)?.data;
  assert.deepEqual(answer(900), { id: 900, ok: false, error: { code: 'invalid-argument', message: 'unknown worker request no-such-op' } });
  assert.equal(answer(901).ok, false);
  assert.equal(answer(901).error.code, 'invalid-argument');
  assert.match(answer(901).error.message, /image data has 3 bytes; a 2x2 image needs 16 \(RGBA\) or 4/);

  // A camera stream: {op: 'stream'} in, {stream, result} / {stream, error} out per frame, {op: 'stopStream'} to end.
  const frames = [fakeFrame(frame), fakeFrame(frame, { fail: true }), fakeFrame(frame)];
  let feed;
  const readable = new ReadableStream({ start(c) { feed = c; } });
  const got = [];
  let arrived;
  const stop = scanner.stream(readable, (msg) => { got.push(msg); if (got.length === frames.length) arrived(); });
  const done = new Promise((resolve) => { arrived = resolve; });
  for (const f of frames) feed.enqueue(f);
  await done;
  const start = worker.log.find((m) => m.data.op === 'stream').data;
  assert.equal(start.readable, readable);
  const id = start.stream;
  assert.equal(typeof id, 'number');
  assert.deepEqual(got.map((m) => Object.keys(m).sort()), [['result', 'stream'], ['error', 'stream'], ['result', 'stream']]);
  assert.ok(got.every((m) => m.stream === id));
  assert.equal(got[0].result.found, true);
  assert.equal(got[0].result.text, payload);
  assert.deepEqual(got[1].error, { code: 'internal', message: 'the frame was closed before it could be copied' });
  assert.equal(got[2].result.text, payload);
  assert.deepEqual(frames.map((f) => f.closed), [true, true, true]);
  stop();
  assert.deepEqual(worker.log.at(-1), { to: 'worker', data: { op: 'stopStream', stream: id } });

  scanner.destroy();
  await assert.rejects(scanner.parse(payload), (e) => e instanceof CccdScannerError && e.code === 'destroyed');
});
