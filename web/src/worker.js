// The decoding Worker: one scanner (one WASM instance) off the main thread, so the page stays smooth
// while frames are decoded. Requests are handled strictly one after another (a camera frame's async
// copy must not interleave with a photo writing into the same frame buffer).
// The messages in and out: protocol.js.
// The address table (docs/address-2025.md) starts loading on the first parse or scan, unless init said
// {addressTable: false}; {addressTable: {url}} loads it from elsewhere.
// When the WASM module fails (an abort or trap inside it), the request that met the failure is answered
// with code 'internal' and the scanner is retired; the next request gets a fresh scanner (a new module
// instance, the address table loaded into it again).
// Type-checked with the DOM library like the rest of web/src (tests/types/tsconfig.checkjs.json): `self`
// is typed as a Window there, whose postMessage(message) call matches the worker's (no transfer here).
/** @import { Scanner, ScannerOptions, ScanOptions, ScanResult } from '../types/index.js' */
/** @typedef {{ok: true, communes: number} | {ok: false, code: string, message: string}} AddressTableState */
import { createScanner, hasFailed } from './scanner.js';
import { fetchAddressTable } from './wasm_module.js';
import { imageToImageData, wipeCanvas } from './pixels.js';
import { CccdScannerError } from './errors.js';
import { Op, failure, reply, streamError, streamResult } from './protocol.js';

/** @type {Promise<Scanner> | null} */
let scanner = null; // the scanner's creation (a promise)
/** @type {Scanner | null} */
let current = null; // the scanner, once created
/** @type {ScannerOptions} */
let scannerOptions = {};
/** @type {Promise<unknown>} */
let queue = Promise.resolve();
/** @type {Map<number, {reader: ReadableStreamDefaultReader<VideoFrame>, stopped: boolean}>} */
const streams = new Map(); // stream id -> {reader, stopped}

/** @type {false | {url?: string, text?: string} | undefined} */
let addressOption = {};
/** @type {Promise<AddressTableState> | null} */
let addresses = null; // the table's load: {ok: true, communes} or {ok: false, code, message}

/**
 * The init request's options (protocol.js, Op.init); none: the scanner as it is.
 * @param {{wasmUrl?: string, addressTable?: false | {url?: string, text?: string}}} [options]
 * @returns {Promise<Scanner>}
 */
const ready = (options) => {
  if (options && 'addressTable' in options) addressOption = options.addressTable;
  if (options?.wasmUrl) scannerOptions = { wasmUrl: options.wasmUrl };
  if (current && hasFailed(current)) { // its module failed on an earlier request: start a fresh one
    scanner = current = null;
    addresses = null;
  }
  return (scanner ??= createScanner(scannerOptions).then((s) => (current = s)));
};

// The address table's load, started on first use (a parse or scan): the text is fetched outside the
// request queue, then loaded into WASM inside it (an allocation there may grow memory and detach a
// frame view another request is writing into). Nothing waits for it: results before it has loaded carry
// address2025 null, and the 'addressTable' request (answered outside the queue) says when it has.
/** @param {Scanner} s */
function startAddresses(s) {
  if (addressOption === false || addresses) return;
  /** @type {{url?: string, text?: string}} */
  const option = addressOption ?? {};
  addresses = (typeof option.text === 'string' ? Promise.resolve(option.text) : fetchAddressTable(option.url))
    .then((text) => enqueue(() => s.loadAddressTable({ text })))
    .then(
      /** @returns {AddressTableState} */ ({ communes }) => ({ ok: true, communes }),
      (e) => ({ ok: false, code: 'address-table', message: `the address table could not be loaded (${e?.message ?? e})` }),
    );
}

async function readyWithAddresses() {
  const s = await ready();
  startAddresses(s);
  return s;
}

/**
 * @template T
 * @param {() => T | PromiseLike<T>} fn
 * @returns {Promise<T>}
 */
function enqueue(fn) {
  const job = queue.then(fn);
  queue = job.catch(() => {});
  return job;
}

// Planar YUV formats whose first plane is the luminance the decoder wants: no colour conversion.
/** @type {Set<string | null>} */
const PLANAR = new Set(['I420', 'I420A', 'I422', 'I422A', 'I444', 'I444A', 'NV12']);

// 4-byte RGB formats, copied as they are; red first or third ('bgra': a canvas stream's frames in Firefox
// and WebKit). Alpha or padding is ignored.
/** @type {Record<string, 'rgba' | 'bgra'>} */
const RGB = { RGBA: 'rgba', RGBX: 'rgba', BGRA: 'bgra', BGRX: 'bgra' };

/** @param {Scanner} s @param {VideoFrame} frame @param {ScanOptions} [options] */
async function scanVideoFrame(s, frame, options) {
  const rect = frame.visibleRect;
  if (PLANAR.has(frame.format) && rect) {
    // copyTo packs the planes tightly from offset 0: the Y plane is width x height, stride = width,
    // written straight into the WASM frame buffer (the chroma planes land after it, unused).
    const bytes = frame.allocationSize({ rect });
    const view = s.frameBuffer(rect.width, rect.height, 'luma', bytes);
    await frame.copyTo(view, { rect });
    return s.scanFrame(options);
  }
  // RGB frames straight into the frame buffer: drawing them on a canvas and reading it back took 40 ms a
  // 720p frame in Firefox, and copyTo's conversion to RGBA 32 ms against 11 for a plain copy.
  const layout = RGB[frame.format ?? ''];
  if (layout && rect && frame.allocationSize({ rect }) === rect.width * rect.height * 4) {
    await frame.copyTo(s.frameBuffer(rect.width, rect.height, layout), { rect });
    return s.scanFrame(options);
  }
  return s.scanImageData(await imageToImageData(frame), options);
}

/** @param {any} msg a request (protocol.js) */
async function handle(msg) {
  switch (msg.op) {
    case Op.init: await ready(msg.options); return true;
    case Op.parse: return (await readyWithAddresses()).parse(msg.text);
    case Op.scanImageData: return (await readyWithAddresses()).scanImageData(msg.image, msg.options);
    case Op.scanImage: { // Blob, ImageBitmap (transferred: closed here) or VideoFrame
      const s = await readyWithAddresses();
      try {
        if (typeof VideoFrame === 'function' && msg.source instanceof VideoFrame) return await scanVideoFrame(s, msg.source, msg.options);
        return s.scanImageData(await imageToImageData(msg.source), msg.options);
      } finally {
        msg.source?.close?.();
      }
    }
    case Op.resetLive: (await ready()).resetLive(); return true;
    case Op.clear: (await ready()).clear(); wipeCanvas(); return true;
    case Op.mapAddress2025: return (await readyWithAddresses()).mapAddress2025(msg.address);
    default: throw new CccdScannerError('invalid-argument', `unknown worker request ${String(msg.op)}`);
  }
}

// MediaStreamTrackProcessor path: the main thread transfers the track's ReadableStream of VideoFrames;
// reading one frame at a time paces decoding to what the device can do (the processor drops the rest).
// A stream is one video: its frames are scanned live (scanner.js), from a fresh start.
/** @param {number} id @param {ReadableStream<VideoFrame>} readable */
async function runStream(id, readable) {
  (await readyWithAddresses()).resetLive();
  const reader = readable.getReader();
  const state = { reader, stopped: false };
  streams.set(id, state);
  try {
    while (!state.stopped) {
      const { value: frame, done } = await reader.read();
      if (done) break;
      /** @type {ScanResult | undefined} */
      let result;
      const job = enqueue(async () => {
        try {
          // Asked for each frame: after a module failure the stream goes on with a fresh scanner.
          result = await scanVideoFrame(await readyWithAddresses(), frame, { live: true });
        } finally {
          frame.close();
        }
      });
      try {
        await job;
        self.postMessage(streamResult(id, /** @type {ScanResult} */ (result)));
      } catch (e) {
        self.postMessage(streamError(id, e));
      }
    }
  } finally {
    streams.delete(id);
    reader.cancel().catch(() => {});
  }
}

self.onmessage = ({ data: msg }) => {
  if (msg.op === Op.stream) {
    runStream(msg.stream, msg.readable).catch((e) => self.postMessage(streamError(msg.stream, e)));
    return;
  }
  if (msg.op === Op.stopStream) {
    const st = streams.get(msg.stream);
    if (st) { st.stopped = true; st.reader.cancel().catch(() => {}); }
    return;
  }
  if (msg.op === Op.addressTable) { // waits for the load, which itself needs the queue: answered outside it
    const answer = async () => {
      startAddresses(await ready());
      return addresses ?? { ok: false, code: 'address-table', message: 'the address table is off (init {addressTable: false})' };
    };
    answer().then((result) => self.postMessage(reply(msg.id, result)),
      (e) => self.postMessage(failure(msg.id, e)));
    return;
  }
  enqueue(() => handle(msg)).then(
    (result) => self.postMessage(reply(msg.id, result)),
    (e) => self.postMessage(failure(msg.id, e)),
  );
};
