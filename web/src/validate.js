// Argument checks shared by the public API: every bad input becomes a CccdScannerError with a stable
// code and a message that says what was expected and what came.
/** @import { ImageDataLike, ScanOptions } from '../types/index.js' */
import { CccdScannerError } from './errors.js';

/** Largest frame the WASM side accepts (src/wasm/frame_scanner.hpp): 8192 px a side, 32 megapixels. */
export const MAX_SIDE = 8192;
export const MAX_PIXELS = 32 * 1024 * 1024;

/** @param {unknown} value @returns {string} */
export function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return `an object (${value.constructor?.name ?? 'Object'})`;
  if (typeof value === 'number') return `the number ${value}`;
  return typeof value;
}

/** @param {string} message */
export function invalid(message) {
  return new CccdScannerError('invalid-argument', message);
}

/**
 * Checks frame dimensions; `what` names the argument in the message.
 * @param {number} width @param {number} height @param {string} [what]
 */
export function checkSize(width, height, what = 'image') {
  for (const [name, v] of [['width', width], ['height', height]]) {
    if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) {
      throw invalid(`${what} ${name} must be a positive integer, got ${describe(v)}`);
    }
  }
  if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
    throw new CccdScannerError('too-large',
      `${what} is ${width}x${height}; at most ${MAX_SIDE} px a side and ${MAX_PIXELS} pixels are scanned`);
  }
}

// ArrayBuffer.prototype.detached where the engine has it (Chromium, Node 22+); before that a detached
// buffer is the only kind whose views report no bytes while a zero-length view of it cannot be made.
/** @param {ArrayBufferLike & {detached?: boolean}} buffer */
function isDetached(buffer) {
  if (typeof buffer.detached === 'boolean') return buffer.detached;
  if (buffer.byteLength !== 0) return false;
  try {
    new Uint8Array(buffer, 0, 0);
    return false;
  } catch {
    return true;
  }
}

/**
 * The pixel bytes of ImageData-like input as a Uint8Array (no copy), and whether they are RGBA.
 * @param {ImageDataLike} image
 * @returns {{bytes: Uint8Array, channels: 1 | 4, width: number, height: number}}
 */
export function pixelsOf(image) {
  if (image === null || typeof image !== 'object') {
    throw invalid(`scanImageData needs an ImageData or {data, width, height}, got ${describe(image)}`);
  }
  const { data, width, height } = image;
  checkSize(width, height);
  if (!ArrayBuffer.isView(data) || data instanceof DataView || data.BYTES_PER_ELEMENT !== 1) {
    throw invalid(`image data must be a Uint8Array or Uint8ClampedArray, got ${describe(data)}`);
  }
  if (isDetached(data.buffer)) {
    throw invalid('image data is detached: its ArrayBuffer was transferred (postMessage, structuredClone) ' +
      'or belonged to WASM memory that has grown since; pass pixels that are still readable');
  }
  const pixels = width * height;
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (data.length === pixels * 4) return { bytes, channels: 4, width, height };
  if (data.length === pixels) return { bytes, channels: 1, width, height };
  throw invalid(`image data has ${data.length} bytes; a ${width}x${height} image needs ${pixels * 4} (RGBA) ` +
    `or ${pixels} (luminance)`);
}

/**
 * The `live` flag of scanFrame / scanImageData options (undefined: a single frame).
 * @param {ScanOptions | undefined} options @param {string} fn
 */
export function liveOption(options, fn) {
  if (options === undefined) return false;
  if (options === null || typeof options !== 'object') throw invalid(`${fn}(…, options) needs an object, got ${describe(options)}`);
  if (options.live !== undefined && typeof options.live !== 'boolean') {
    throw invalid(`${fn}(…, {live}) needs true or false, got ${describe(options.live)}`);
  }
  return options.live === true;
}
