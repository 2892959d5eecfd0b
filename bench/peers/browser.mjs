// In the page: the same readers as Node (plus the browser's own BarcodeDetector when it has one), frames
// decoded by the browser (createImageBitmap -> canvas -> RGBA) before timing starts.
import * as cccd from '../web/src/index.js';
import * as zxing from './node_modules/zxing-wasm/dist/es/reader/index.js';
import { measureAll } from './measure.mjs';
import { makeReaders } from './readers.mjs';

async function loadFrame(item) {
  const blob = await (await fetch(item.url)).blob();
  const bitmap = await createImageBitmap(blob, { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  return ctx.getImageData(0, 0, canvas.width, canvas.height);
}

async function barcodeDetectorReader() {
  if (!('BarcodeDetector' in globalThis)) return { note: 'BarcodeDetector: not available in this browser' };
  const formats = await globalThis.BarcodeDetector.getSupportedFormats();
  if (!formats.includes('qr_code')) return { note: 'BarcodeDetector: no qr_code support' };
  const detector = new globalThis.BarcodeDetector({ formats: ['qr_code'] });
  return {
    reader: {
      name: 'BarcodeDetector',
      read: async (f) => (await detector.detect(f instanceof ImageData ? f : new ImageData(f.data, f.width, f.height)))[0]?.rawValue ?? null,
    },
  };
}

window.runBenchmark = async (items) => {
  const zxingWasm = { locateFile: (name) => new URL(`./node_modules/zxing-wasm/dist/reader/${name}`, import.meta.url).href };
  const readers = await makeReaders({ cccd, zxing, zxingWasm, jsQR: globalThis.jsQR });
  const detector = await barcodeDetectorReader();
  if (detector.reader) readers.push(detector.reader);
  const rows = await measureAll(items, readers, loadFrame, (i, n) => window.__progress(i, n));
  return { readers: readers.map((r) => r.name), rows, note: detector.note };
};
