// The decoding Worker: one scanner (one WASM instance) off the main thread, so the page stays smooth
// while frames are decoded. Requests are handled strictly one after another (a camera frame's async
// copy must not interleave with a photo writing into the same frame buffer).
// Protocol: {id, op, …} in (op: init, parse, scanImageData, scanImage, resetLive, clear; scans take
// options {live}); {id, ok: true, result} or {id, ok: false, error: {code, message}} out;
// camera streams post {stream: id, result} per frame.
import { createScanner } from './scanner.js';
import { imageToImageData, wipeCanvas } from './pixels.js';
import { CccdScannerError } from './errors.js';

let scanner = null;
let queue = Promise.resolve();
const streams = new Map(); // stream id -> {reader, stopped}

const ready = (options) => (scanner ??= createScanner(options ?? {}));

// Planar YUV formats whose first plane is the luminance the decoder wants: no colour conversion.
const PLANAR = new Set(['I420', 'I420A', 'I422', 'I422A', 'I444', 'I444A', 'NV12']);

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
  return s.scanImageData(await imageToImageData(frame), options);
}

async function handle(msg) {
  switch (msg.op) {
    case 'init': await ready(msg.options); return true;
    case 'parse': return (await ready()).parse(msg.text);
    case 'scanImageData': return (await ready()).scanImageData(msg.image, msg.options);
    case 'scanImage': { // Blob, ImageBitmap (transferred: closed here) or VideoFrame
      const s = await ready();
      try {
        if (typeof VideoFrame === 'function' && msg.source instanceof VideoFrame) return await scanVideoFrame(s, msg.source, msg.options);
        return s.scanImageData(await imageToImageData(msg.source), msg.options);
      } finally {
        msg.source?.close?.();
      }
    }
    case 'resetLive': (await ready()).resetLive(); return true;
    case 'clear': (await ready()).clear(); wipeCanvas(); return true;
    default: throw new CccdScannerError('invalid-argument', `unknown worker request ${String(msg.op)}`);
  }
}

// MediaStreamTrackProcessor path: the main thread transfers the track's ReadableStream of VideoFrames;
// reading one frame at a time paces decoding to what the device can do (the processor drops the rest).
// A stream is one video: its frames are scanned live (scanner.js), from a fresh start.
async function runStream(id, readable) {
  const s = await ready();
  s.resetLive();
  const reader = readable.getReader();
  const state = { reader, stopped: false };
  streams.set(id, state);
  try {
    while (!state.stopped) {
      const { value: frame, done } = await reader.read();
      if (done) break;
      let result;
      const job = queue.then(async () => {
        try {
          result = await scanVideoFrame(s, frame, { live: true });
        } finally {
          frame.close();
        }
      });
      queue = job.catch(() => {});
      try {
        await job;
        self.postMessage({ stream: id, result });
      } catch (e) {
        self.postMessage({ stream: id, error: asError(e) });
      }
    }
  } finally {
    streams.delete(id);
    reader.cancel().catch(() => {});
  }
}

function asError(e) {
  return { code: e?.code ?? 'internal', message: String(e?.message ?? e) };
}

self.onmessage = ({ data: msg }) => {
  if (msg.op === 'stream') {
    runStream(msg.stream, msg.readable).catch((e) => self.postMessage({ stream: msg.stream, error: asError(e) }));
    return;
  }
  if (msg.op === 'stopStream') {
    const st = streams.get(msg.stream);
    if (st) { st.stopped = true; st.reader.cancel().catch(() => {}); }
    return;
  }
  const job = queue.then(() => handle(msg));
  queue = job.catch(() => {});
  job.then(
    (result) => self.postMessage({ id: msg.id, ok: true, result }),
    (e) => self.postMessage({ id: msg.id, ok: false, error: asError(e) }),
  );
};
