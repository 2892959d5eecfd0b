// The main-thread side of the decoding Worker (worker.js): promise-returning calls, typed errors.
// The worker is found relative to this module, so it works unbundled, with Vite and self-hosted.
// The messages between the two: protocol.js.
/** @import { ScanResult, WorkerScanner } from '../types/index.js' */
/** @import { ErrorData } from './protocol.js' */
import { CccdScannerError } from './errors.js';
import { Op, errorOf, isStreamMessage, request as requestMessage, startStream, stopStream, streamError } from './protocol.js';
import { describe, invalid, liveOption, pixelsOf } from './validate.js';
import { emptySourceReason, imageToImageData } from './pixels.js';

/**
 * Starts a decoding Worker and its WASM instance. The address table (docs/address-2025.md) is loaded in
 * the worker on first use; `addressTable: false` leaves it out, `{url}` takes it from elsewhere.
 * @param {{wasmUrl?: string|URL, addressTable?: false|{url?: string|URL}}} [options]
 * @returns {Promise<WorkerScanner>}
 */
export async function createWorkerScanner(options = {}) {
  if (typeof Worker !== 'function') throw invalid('createWorkerScanner needs a browser with Worker; in Node use createScanner');
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'cccd-scanner' });
  let nextId = 1;
  /** @type {Map<number, {resolve: (result: any) => void, reject: (error: unknown) => void}>} */
  const pending = new Map();
  /** @type {Map<number, (message: {result?: ScanResult, error?: ErrorData}) => void>} */
  const streamHandlers = new Map();
  /** @type {CccdScannerError | null} */
  let dead = null;

  worker.onmessage = ({ data }) => {
    if (isStreamMessage(data)) {
      streamHandlers.get(data.stream)?.(data);
      return;
    }
    const p = pending.get(data.id);
    if (!p) return;
    pending.delete(data.id);
    if (data.ok) p.resolve(data.result);
    else p.reject(errorOf(data.error));
  };
  worker.onerror = (event) => {
    event.preventDefault?.();
    dead = new CccdScannerError('worker-failed', `the decoding worker failed: ${event.message ?? 'unknown error'}`);
    for (const p of pending.values()) p.reject(dead);
    pending.clear();
    for (const [id, h] of streamHandlers) h(streamError(id, dead));
  };

  /**
   * @param {string} op @param {object} [fields] @param {Transferable[]} [transfer]
   * @returns {Promise<any>} the reply's result
   */
  const request = (op, fields, transfer = []) => {
    if (dead) return Promise.reject(dead);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      try {
        worker.postMessage(requestMessage(id, op, fields), transfer);
      } catch (/** @type {any} */ e) { // DataCloneError: a detached buffer, a closed or already transferred bitmap or frame
        pending.delete(id);
        reject(invalid(`the input cannot be handed to the decoding worker: it is detached, closed or already transferred (${e?.message ?? e})`));
      }
    });
  };

  const wasmUrl = options.wasmUrl ? String(new URL(String(options.wasmUrl), globalThis.location?.href)) : undefined;
  /** @type {{wasmUrl?: string, addressTable?: false | {url: string}}} */
  const init = wasmUrl ? { wasmUrl } : {};
  if (options.addressTable === false) init.addressTable = false;
  else if (options.addressTable?.url) init.addressTable = { url: String(new URL(String(options.addressTable.url), globalThis.location?.href)) };
  await request(Op.init, { options: init });

  /** @type {WorkerScanner} */
  const api = {
    /**
     * Decodes a photo (Blob/File, ImageBitmap — transferred, VideoFrame — transferred) in the worker;
     * {live: true}: the next frame of a video (scanner.js).
     */
    scanImage(source, options) {
      try {
        liveOption(options, 'scanImage');
      } catch (e) {
        return Promise.reject(e);
      }
      if (typeof HTMLImageElement === 'function' && source instanceof HTMLImageElement) {
        return createImageBitmap(source).then((b) => api.scanImage(b, options));
      }
      const transferable = (typeof ImageBitmap === 'function' && source instanceof ImageBitmap) ||
        (typeof VideoFrame === 'function' && source instanceof VideoFrame);
      const isBlob = typeof Blob === 'function' && source instanceof Blob;
      if (!transferable && !isBlob) {
        return Promise.reject(invalid(`scanImage needs a Blob, File, ImageBitmap, HTMLImageElement or VideoFrame, got ${describe(source)}`));
      }
      const empty = transferable && emptySourceReason(source);
      if (empty) return Promise.reject(invalid(empty));
      if (typeof OffscreenCanvas !== 'function') {
        // No canvas in workers (older Safari): draw here, then hand the worker the pixels (transferred).
        return imageToImageData(source).then(({ data, width, height }) => {
          /** @type {{close?: () => void}} */ (source).close?.(); // a Blob has nothing to close
          return request(Op.scanImageData, { image: { data, width, height }, options }, [data.buffer]);
        });
      }
      return request(Op.scanImage, { source, options }, transferable ? [source] : []);
    },
    /** Decodes ImageData-like pixels; the bytes are copied to the worker. Options as scanImage's. */
    scanImageData(image, options) {
      try {
        liveOption(options, 'scanImageData');
        const { width, height, bytes } = pixelsOf(image);
        return request(Op.scanImageData, { image: { width, height, data: bytes.slice() }, options });
      } catch (e) {
        return Promise.reject(e);
      }
    },
    parse(text) {
      if (typeof text !== 'string') return Promise.reject(invalid(`parse(text) needs a string, got ${describe(text)}`));
      return request(Op.parse, { text });
    },
    /** Whether results carry fields.address2025: {ok: true, communes} or {ok: false, code, message}. */
    addressTable() {
      return request(Op.addressTable);
    },
    /** An address, old or new, as today's commune and province (the fields.address2025 object). */
    mapAddress2025(address) {
      if (typeof address !== 'string') return Promise.reject(invalid(`mapAddress2025(address) needs a string, got ${describe(address)}`));
      return request(Op.mapAddress2025, { address });
    },
    /**
     * A card read before the address table had loaded (fields.address2025 null): waits for the table and
     * fills the field in. Resolves what addressTable() says; the card is left as it was when that is not ok.
     */
    async fillAddress2025(card) {
      const table = await api.addressTable();
      if (table.ok && card?.format !== 'unknown' && card?.fields?.address2025 === null) {
        card.fields.address2025 = await api.mapAddress2025(card.fields.address);
      }
      return table;
    },
    /** Forgets the video that live scans belonged to. */
    resetLive() {
      return request(Op.resetLive);
    },
    /** Wipes the worker's frame buffer. */
    clear() {
      return request(Op.clear);
    },
    /** Feeds a ReadableStream of VideoFrames (MediaStreamTrackProcessor) to the worker; returns stop(). */
    stream(readable, onMessage) {
      const id = nextId++;
      streamHandlers.set(id, onMessage);
      worker.postMessage(startStream(id, readable), [readable]);
      return () => {
        streamHandlers.delete(id);
        if (!dead) worker.postMessage(stopStream(id));
      };
    },
    destroy() {
      dead ??= new CccdScannerError('destroyed', 'this scanner was destroyed; create a new one');
      for (const p of pending.values()) p.reject(dead);
      pending.clear();
      streamHandlers.clear();
      worker.terminate();
    },
  };
  return api;
}
