// Browser images (Blob/File, ImageBitmap, <img>, VideoFrame) to RGBA pixels, through a canvas. Photos
// larger than the scanner's limit are scaled down (a card's QR code stays far above the resolution the
// decoder needs at 4096 px).
/** @import { ImageSource } from '../types/index.js' */
import { CccdScannerError } from './errors.js';
import { describe, invalid } from './validate.js';

/** @typedef {ImageBitmap | HTMLImageElement | VideoFrame | HTMLVideoElement} Drawable */

const MAX_PHOTO_SIDE = 4096;

// One canvas and context, reused for every image: a camera loop on the requestVideoFrameCallback path
// draws a frame per call, and a new canvas each time would be garbage per frame.
/** @type {{canvas: OffscreenCanvas | HTMLCanvasElement, ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D} | null} */
let surface = null;

/** @param {number} width @param {number} height */
function context2d(width, height) {
  if (!surface) {
    let c;
    if (typeof OffscreenCanvas === 'function') c = new OffscreenCanvas(width, height);
    else if (typeof document === 'object') c = document.createElement('canvas');
    else throw invalid('scanImage needs a browser (OffscreenCanvas or document); in Node use scanImageData');
    // A canvas's first getContext('2d') never returns null.
    const ctx = /** @type {OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D} */ (c.getContext('2d', { willReadFrequently: true }));
    surface = { canvas: c, ctx };
  }
  if (surface.canvas.width !== width) surface.canvas.width = width;
  if (surface.canvas.height !== height) surface.canvas.height = height;
  return surface.ctx;
}

/** Blanks the shared canvas (the page's "clear" must not leave the last card's pixels anywhere). */
export function wipeCanvas() {
  if (surface) surface.canvas.width = surface.canvas.height = 1;
}

/**
 * Natural size of a drawable source (whichever of these size properties it has).
 * @param {any} source
 * @returns {[number, number]}
 */
function sizeOf(source) {
  if (source.displayWidth) return [source.displayWidth, source.displayHeight]; // VideoFrame
  if (source.naturalWidth) return [source.naturalWidth, source.naturalHeight]; // <img>
  if (source.videoWidth) return [source.videoWidth, source.videoHeight]; // <video>
  return [source.width, source.height];
}

/**
 * Why a drawable source has no pixels to draw (closed, transferred, not loaded), or null when it has some.
 * @param {Drawable} source
 * @returns {string | null}
 */
export function emptySourceReason(source) {
  const [w, h] = sizeOf(source);
  if (w && h) return null;
  if (typeof ImageBitmap === 'function' && source instanceof ImageBitmap) {
    return 'the ImageBitmap has no pixels left: it was closed or transferred';
  }
  if (typeof VideoFrame === 'function' && source instanceof VideoFrame) {
    return 'the VideoFrame has no pixels left: it was closed or transferred';
  }
  return 'the image has no pixels (not loaded yet?)';
}

/**
 * @param {ImageSource | HTMLVideoElement} source
 * @param {number} [maxSide]
 * @returns {Promise<ImageData>}
 */
export async function imageToImageData(source, maxSide = MAX_PHOTO_SIDE) {
  const isBlob = typeof Blob === 'function' && source instanceof Blob;
  const drawable = typeof ImageBitmap === 'function' && source instanceof ImageBitmap ||
    typeof HTMLImageElement === 'function' && source instanceof HTMLImageElement ||
    typeof VideoFrame === 'function' && source instanceof VideoFrame ||
    typeof HTMLVideoElement === 'function' && source instanceof HTMLVideoElement;
  if (!isBlob && !drawable) {
    throw invalid(`scanImage needs a Blob, File, ImageBitmap, HTMLImageElement or VideoFrame, got ${describe(source)}`);
  }
  if (typeof HTMLImageElement === 'function' && source instanceof HTMLImageElement) {
    try {
      await source.decode(); // waits for loading; rejects for a broken or missing image
    } catch {
      throw new CccdScannerError('not-an-image', `the <img> could not be decoded (src ${source.src ? 'broken or not an image' : 'missing'})`);
    }
  }
  let bitmap = /** @type {Drawable} */ (source); // a Blob: its decoded ImageBitmap, just below
  if (isBlob) {
    try {
      bitmap = await createImageBitmap(source);
    } catch {
      throw new CccdScannerError('not-an-image', `the file is not an image the browser can decode (type ${source.type || 'unknown'})`);
    }
  }
  try {
    const empty = emptySourceReason(bitmap);
    if (empty) throw invalid(empty);
    const [w, h] = sizeOf(bitmap);
    const scale = Math.min(1, maxSide / Math.max(w, h));
    const cw = Math.max(1, Math.round(w * scale));
    const ch = Math.max(1, Math.round(h * scale));
    const ctx = context2d(cw, ch);
    ctx.drawImage(bitmap, 0, 0, cw, ch);
    return ctx.getImageData(0, 0, cw, ch);
  } finally {
    if (isBlob) /** @type {ImageBitmap} */ (bitmap).close?.();
  }
}
