// Browser images (Blob/File, ImageBitmap, <img>, VideoFrame) to RGBA pixels, through a canvas. Photos
// larger than the scanner's limit are scaled down (a card's QR code stays far above the resolution the
// decoder needs at 4096 px).
import { describe, invalid } from './validate.js';

export const MAX_PHOTO_SIDE = 4096;

function canvas(width, height) {
  if (typeof OffscreenCanvas === 'function') return new OffscreenCanvas(width, height);
  if (typeof document === 'object') {
    const c = document.createElement('canvas');
    c.width = width;
    c.height = height;
    return c;
  }
  throw invalid('scanImage needs a browser (OffscreenCanvas or document); in Node use scanImageData');
}

/** Natural size of a drawable source. */
function sizeOf(source) {
  if (source.displayWidth) return [source.displayWidth, source.displayHeight]; // VideoFrame
  if (source.naturalWidth) return [source.naturalWidth, source.naturalHeight]; // <img>
  if (source.videoWidth) return [source.videoWidth, source.videoHeight]; // <video>
  return [source.width, source.height];
}

export async function imageToImageData(source, maxSide = MAX_PHOTO_SIDE) {
  const isBlob = typeof Blob === 'function' && source instanceof Blob;
  const drawable = typeof ImageBitmap === 'function' && source instanceof ImageBitmap ||
    typeof HTMLImageElement === 'function' && source instanceof HTMLImageElement ||
    typeof VideoFrame === 'function' && source instanceof VideoFrame ||
    typeof HTMLVideoElement === 'function' && source instanceof HTMLVideoElement;
  if (!isBlob && !drawable) {
    throw invalid(`scanImage needs a Blob, File, ImageBitmap, HTMLImageElement or VideoFrame, got ${describe(source)}`);
  }
  if (typeof HTMLImageElement === 'function' && source instanceof HTMLImageElement && !source.complete) {
    await source.decode();
  }
  let bitmap = source;
  if (isBlob) {
    try {
      bitmap = await createImageBitmap(source);
    } catch {
      throw invalid(`the file is not an image the browser can decode (type ${source.type || 'unknown'})`);
    }
  }
  try {
    const [w, h] = sizeOf(bitmap);
    if (!w || !h) throw invalid('the image has no pixels (not loaded yet?)');
    const scale = Math.min(1, maxSide / Math.max(w, h));
    const cw = Math.max(1, Math.round(w * scale));
    const ch = Math.max(1, Math.round(h * scale));
    const ctx = canvas(cw, ch).getContext('2d', { willReadFrequently: true });
    ctx.drawImage(bitmap, 0, 0, cw, ch);
    return ctx.getImageData(0, 0, cw, ch);
  } finally {
    if (isBlob) bitmap.close?.();
  }
}
