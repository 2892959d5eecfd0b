// The scanner: one WASM module instance, its reusable frame buffer, and plain-object results.
// Frames are written straight into a view of WASM memory; the view is re-created whenever the memory
// has grown (growth replaces the ArrayBuffer and empties old views).
/** @import { Scanner, ScannerOptions } from '../types/index.js' */
/** @import { CccdModule } from './wasm_module.js' */
import { fetchAddressTable, loadModule } from './wasm_module.js';
import { CccdScannerError } from './errors.js';
import { checkSize, describe, invalid, liveOption, pixelsOf } from './validate.js';
import { imageToImageData, wipeCanvas } from './pixels.js';

// Scanners whose WASM module failed (an abort or trap inside it): retired by the failure, not destroyed by
// their user. The Worker and parse() (index.js), which own their scanners, replace such a scanner with a
// fresh one (a new module instance) on their next call: hasFailed() tells them.
const failed = new WeakSet();

/**
 * Whether `scanner`'s WASM module failed and was retired (its later calls throw code 'internal').
 * @param {Scanner} scanner
 * @returns {boolean}
 */
export function hasFailed(scanner) {
  return failed.has(scanner);
}

/**
 * Creates a scanner that owns one WASM module instance.
 * @param {ScannerOptions} [options]
 * @returns {Promise<Scanner>}
 */
export async function createScanner(options = {}) {
  if (options === null || typeof options !== 'object') {
    throw invalid(`createScanner(options) needs an object, got ${describe(options)}`);
  }
  /** @type {CccdModule | null} */
  let module = await loadModule(options);
  /** @type {'destroyed' | 'internal' | null} */
  let gone = null; // once module is null: 'destroyed' (destroy()) or 'internal' (the module failed)
  /** @typedef {{ptr: number, bytes: number, width: number, height: number, format: 'rgba' | 'bgra' | 'luma'}} Frame */
  /** @type {Frame | null} */
  let frame = null;

  const alive = () => {
    if (module) return module;
    if (gone === 'internal') throw new CccdScannerError('internal', 'the WASM module of this scanner failed earlier; create a new scanner');
    throw new CccdScannerError('destroyed', 'this scanner was destroyed; create a new one');
  };

  // A WASM abort (out of memory, a bug) leaves the instance unusable: report it typed, and retire it
  // (nothing of it is trusted again: no result can come from a module that failed half-way).
  /**
   * @template T
   * @param {(m: CccdModule) => T} fn
   * @returns {T}
   */
  const call = (fn) => {
    const m = alive();
    try {
      return fn(m);
    } catch (/** @type {any} */ e) {
      if (e instanceof CccdScannerError) throw e;
      module = null;
      gone = 'internal';
      failed.add(api);
      throw new CccdScannerError('internal', `the WASM module failed (${e?.message ?? e}); create a new scanner`);
    }
  };

  /**
   * A view of the frame buffer `f`, valid until the next call that may allocate (prepare or scan).
   * @param {Frame} f
   */
  const view = (f) => new Uint8Array(alive().HEAPU8.buffer, f.ptr, f.bytes);

  /** @type {Scanner} */
  const api = {
    /**
     * Readies the frame buffer for a width x height frame ('rgba': 4 bytes a pixel, 'bgra': the same
     * with red and blue swapped, as a BGRA VideoFrame copies, 'luma': 1) and returns a Uint8Array view of
     * it to write the pixels into; then call scanFrame(). `capacity` reserves extra bytes (a VideoFrame's
     * chroma planes). Views die when memory grows: take a new one from frameBuffer() for every frame.
     */
    frameBuffer(width, height, format = 'rgba', capacity = 0) {
      checkSize(width, height, 'frame');
      if (format !== 'rgba' && format !== 'bgra' && format !== 'luma') {
        throw invalid(`format must be 'rgba', 'bgra' or 'luma', got ${describe(format)}`);
      }
      const channels = format === 'luma' ? 1 : 4;
      const wanted = Math.max(Number(capacity) || 0, width * height * channels);
      // The same frame as last time (a camera stream): the buffer is already prepared for it.
      if (frame && frame.width === width && frame.height === height && frame.format === format && frame.bytes === wanted) {
        alive();
        return view(frame);
      }
      const r = call((m) => JSON.parse(m.prepareFrame(width, height, channels, Number(capacity) || 0, format === 'bgra')));
      if (!r.ok) throw new CccdScannerError(r.code, r.message);
      frame = { ptr: r.ptr, bytes: r.bytes, width, height, format };
      return view(frame);
    },

    /**
     * Decodes the frame last written into frameBuffer(): {found, text, card, corners, ms, fusedFrames, …}.
     * With {live: true} the frame is the next of one video: a symbol located but not read is tracked, and
     * what earlier live frames saw of it helps read it (fusedFrames > 1); resetLive() starts a new video.
     */
    scanFrame(options) {
      alive(); // a destroyed or failed scanner says so, not 'no-frame'
      const live = liveOption(options, 'scanFrame');
      if (!frame) throw new CccdScannerError('no-frame', 'call frameBuffer() and write a frame before scanFrame()');
      const r = call((m) => JSON.parse(live ? m.scanLiveFrame() : m.scanFrame()));
      if (!r.ok) throw new CccdScannerError(r.code, r.message);
      delete r.ok;
      return r;
    },

    /**
     * Scans ImageData or {data, width, height} (RGBA, or one byte of luminance per pixel). Options as
     * scanFrame's: {live: true} for the frames of a video.
     */
    scanImageData(image, options) {
      alive();
      liveOption(options, 'scanImageData');
      const { bytes, channels, width, height } = pixelsOf(image);
      api.frameBuffer(width, height, channels === 4 ? 'rgba' : 'luma').set(bytes);
      return api.scanFrame(options);
    },

    /** Forgets the video live frames belonged to (its tracked symbol and what was seen of it). */
    resetLive() {
      call((m) => m.resetLive());
    },

    /** Browser: scans a photo (Blob/File, ImageBitmap or a loaded <img>); large photos are scaled down. */
    async scanImage(source) {
      alive();
      return api.scanImageData(await imageToImageData(source));
    },

    /** Parses the text of a card's QR code into checked fields (docs/card-format.md, "Result JSON"). */
    parse(text) {
      if (typeof text !== 'string') {
        alive();
        throw invalid(`parse(text) needs a string, got ${describe(text)}`);
      }
      return call((m) => JSON.parse(m.parseJson(text)));
    },

    /**
     * Loads the address table (docs/address-2025.md) so that results carry fields.address2025: this
     * package's dist/address2025.tsv, or {url}, or {text}. Resolves {communes}; rejects with code
     * 'address-table' when it cannot be had (scanning goes on without it: address2025 stays null).
     */
    async loadAddressTable(options = {}) {
      alive();
      if (options === null || typeof options !== 'object') throw invalid(`loadAddressTable(options) needs an object, got ${describe(options)}`);
      let text = options.text;
      if (typeof text !== 'string') {
        try {
          text = await fetchAddressTable(options.url);
        } catch (/** @type {any} */ e) {
          throw new CccdScannerError('address-table', `the address table could not be loaded (${e?.message ?? e})`);
        }
      }
      const r = call((m) => JSON.parse(m.loadAddressTable(text)));
      if (!r.ok) throw new CccdScannerError('address-table', r.message);
      return { communes: r.communes };
    },

    /** An address, old or new, as today's commune and province: the fields.address2025 object. */
    mapAddress2025(address) {
      if (typeof address !== 'string') {
        alive();
        throw invalid(`mapAddress2025(address) needs a string, got ${describe(address)}`);
      }
      return call((m) => JSON.parse(m.mapAddress2025(address)));
    },

    /** Overwrites the frame buffer (and the photo canvas) with zeros: the last card's pixels leave memory. */
    clear() {
      call((m) => m.wipeFrame());
      wipeCanvas(); // photos pass through a canvas on their way in
      frame = null;
    },

    /** {memoryBytes, allocatedBytes}: WASM memory size (never shrinks) and bytes in use by its allocator. */
    memoryStats() {
      return call((m) => JSON.parse(m.memoryStats()));
    },

    /** Wipes and releases the module; later calls throw a CccdScannerError with code "destroyed". */
    destroy() {
      if (module) {
        try { module.releaseFrame(); } catch { /* already failed: nothing left to wipe */ }
      }
      module = null;
      gone = 'destroyed';
      frame = null;
    },
  };
  return api;
}

export { checkSize };
