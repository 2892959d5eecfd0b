// web/src/validate.js: the argument checks of the public API, each bad input a CccdScannerError with a
// stable code and a message saying what was expected and what came.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CccdScannerError } from '../../web/src/errors.js';
import { MAX_PIXELS, MAX_SIDE, checkSize, describe, invalid, liveOption, pixelsOf } from '../../web/src/validate.js';

const error = (code, message) => (e) => {
  assert.ok(e instanceof CccdScannerError, `expected CccdScannerError, got ${e?.constructor?.name}: ${e?.message}`);
  assert.equal(e.code, code);
  if (typeof message === 'string') assert.equal(e.message, message);
  else assert.match(e.message, message);
  return true;
};

test('the limits are those of the WASM side: 8192 px a side, 32 megapixels', () => {
  assert.equal(MAX_SIDE, 8192);
  assert.equal(MAX_PIXELS, 33554432);
});

test('describe() names what came', () => {
  class Photo {}
  const cases = [
    [null, 'null'],
    [undefined, 'undefined'],
    [[], 'an array'],
    [[1, 2], 'an array'],
    [{}, 'an object (Object)'],
    [Object.create(null), 'an object (Object)'],
    [new Photo(), 'an object (Photo)'],
    [new Uint8Array(2), 'an object (Uint8Array)'],
    [new ArrayBuffer(2), 'an object (ArrayBuffer)'],
    [0, 'the number 0'],
    [-1.5, 'the number -1.5'],
    [NaN, 'the number NaN'],
    [Infinity, 'the number Infinity'],
    ['42', 'string'],
    ['', 'string'],
    [true, 'boolean'],
    [10n, 'bigint'],
    [Symbol('s'), 'symbol'],
    [() => {}, 'function'],
  ];
  for (const [value, expected] of cases) assert.equal(describe(value), expected, String(expected));
});

test('invalid() is a CccdScannerError with code invalid-argument', () => {
  const e = invalid('width must be positive');
  assert.ok(e instanceof CccdScannerError);
  assert.ok(e instanceof Error);
  assert.equal(e.name, 'CccdScannerError');
  assert.equal(e.code, 'invalid-argument');
  assert.equal(e.message, 'width must be positive');
});

test('checkSize(): positive integers within the limits', () => {
  assert.equal(checkSize(1, 1), undefined);
  assert.equal(checkSize(MAX_SIDE, MAX_PIXELS / MAX_SIDE), undefined); // 8192 x 4096: exactly 32 megapixels
  assert.equal(checkSize(MAX_PIXELS / MAX_SIDE, MAX_SIDE), undefined);
  assert.throws(() => checkSize(0, 10), error('invalid-argument', 'image width must be a positive integer, got the number 0'));
  assert.throws(() => checkSize(10, -3), error('invalid-argument', 'image height must be a positive integer, got the number -3'));
  assert.throws(() => checkSize(1.5, 10), error('invalid-argument', 'image width must be a positive integer, got the number 1.5'));
  assert.throws(() => checkSize(NaN, 10), error('invalid-argument', 'image width must be a positive integer, got the number NaN'));
  assert.throws(() => checkSize(Infinity, 10), error('invalid-argument', /width .* got the number Infinity$/));
  assert.throws(() => checkSize('640', 480), error('invalid-argument', 'image width must be a positive integer, got string'));
  assert.throws(() => checkSize(640), error('invalid-argument', 'image height must be a positive integer, got undefined'));
  assert.throws(() => checkSize(640n, 480), error('invalid-argument', /got bigint$/));
  // Both bad: width is reported.
  assert.throws(() => checkSize(-1, -1), error('invalid-argument', /^image width/));
  // `what` names the argument.
  assert.throws(() => checkSize(0, 1, 'frame'), error('invalid-argument', 'frame width must be a positive integer, got the number 0'));
});

test('checkSize(): too large a side or too many pixels is too-large', () => {
  assert.throws(() => checkSize(MAX_SIDE + 1, 1),
    error('too-large', 'image is 8193x1; at most 8192 px a side and 33554432 pixels are scanned'));
  assert.throws(() => checkSize(1, MAX_SIDE + 1), error('too-large', /^image is 1x8193;/));
  assert.throws(() => checkSize(MAX_SIDE, MAX_PIXELS / MAX_SIDE + 1), error('too-large', /^image is 8192x4097;/));
  assert.throws(() => checkSize(6000, 6000), error('too-large', /^image is 6000x6000;/)); // sides fine, 36 megapixels
  assert.throws(() => checkSize(9000, 9000, 'frame'), error('too-large', /^frame is 9000x9000;/));
});

test('pixelsOf(): RGBA or luminance bytes, as a Uint8Array over the same memory', () => {
  const rgba = new Uint8ClampedArray(2 * 3 * 4).map((_, i) => i);
  const r = pixelsOf({ data: rgba, width: 2, height: 3 });
  assert.deepEqual(Object.keys(r).sort(), ['bytes', 'channels', 'height', 'width']);
  assert.equal(r.channels, 4);
  assert.equal(r.width, 2);
  assert.equal(r.height, 3);
  assert.ok(r.bytes instanceof Uint8Array);
  assert.equal(r.bytes.buffer, rgba.buffer); // no copy
  assert.equal(r.bytes.length, 24);
  assert.equal(r.bytes[23], 23);

  const luma = pixelsOf({ data: new Uint8Array(6).fill(7), width: 3, height: 2 });
  assert.equal(luma.channels, 1);
  assert.deepEqual([...luma.bytes], [7, 7, 7, 7, 7, 7]);

  // A view into a larger buffer keeps its offset and length.
  const backing = new Uint8Array(40).map((_, i) => i);
  const view = backing.subarray(8, 12);
  const v = pixelsOf({ data: view, width: 2, height: 2 });
  assert.equal(v.channels, 1);
  assert.equal(v.bytes.byteOffset, 8);
  assert.deepEqual([...v.bytes], [8, 9, 10, 11]);

  // ImageData-like objects with extra properties (colorSpace) are fine; one-byte Int8Array is taken as bytes.
  assert.equal(pixelsOf({ data: new Uint8ClampedArray(4), width: 1, height: 1, colorSpace: 'srgb' }).channels, 4);
  const signed = pixelsOf({ data: new Int8Array([-1]), width: 1, height: 1 });
  assert.equal(signed.channels, 1);
  assert.equal(signed.bytes[0], 255);
});

test('pixelsOf(): what is not an image says what was expected', () => {
  const needs = (got) => `scanImageData needs an ImageData or {data, width, height}, got ${got}`;
  assert.throws(() => pixelsOf(null), error('invalid-argument', needs('null')));
  assert.throws(() => pixelsOf(undefined), error('invalid-argument', needs('undefined')));
  assert.throws(() => pixelsOf(7), error('invalid-argument', needs('the number 7')));
  assert.throws(() => pixelsOf('pixels'), error('invalid-argument', needs('string')));
  // The size is checked before the data.
  assert.throws(() => pixelsOf({ data: 'x', width: 0, height: 1 }), error('invalid-argument', /^image width must be a positive integer/));
  assert.throws(() => pixelsOf({ data: new Uint8Array(4), height: 1 }), error('invalid-argument', /^image width .* got undefined$/));
  assert.throws(() => pixelsOf({ data: new Uint8Array(4), width: 9000, height: 1 }), error('too-large', /^image is 9000x1;/));
  const mustBe = (got) => `image data must be a Uint8Array or Uint8ClampedArray, got ${got}`;
  assert.throws(() => pixelsOf({ data: [0, 0, 0, 0], width: 1, height: 1 }), error('invalid-argument', mustBe('an array')));
  assert.throws(() => pixelsOf({ data: new ArrayBuffer(4), width: 1, height: 1 }), error('invalid-argument', mustBe('an object (ArrayBuffer)')));
  assert.throws(() => pixelsOf({ data: new Uint16Array(4), width: 1, height: 1 }), error('invalid-argument', mustBe('an object (Uint16Array)')));
  assert.throws(() => pixelsOf({ data: new Float32Array(4), width: 1, height: 1 }), error('invalid-argument', mustBe('an object (Float32Array)')));
  assert.throws(() => pixelsOf({ data: new DataView(new ArrayBuffer(4)), width: 1, height: 1 }), error('invalid-argument', mustBe('an object (DataView)')));
  assert.throws(() => pixelsOf({ width: 1, height: 1 }), error('invalid-argument', mustBe('undefined')));
});

test('pixelsOf(): a byte count that is neither RGBA nor luminance', () => {
  assert.throws(() => pixelsOf({ data: new Uint8Array(5), width: 2, height: 2 }),
    error('invalid-argument', 'image data has 5 bytes; a 2x2 image needs 16 (RGBA) or 4 (luminance)'));
  assert.throws(() => pixelsOf({ data: new Uint8Array(17), width: 2, height: 2 }), error('invalid-argument', /^image data has 17 bytes;/));
  assert.throws(() => pixelsOf({ data: new Uint8Array(8), width: 2, height: 2 }), error('invalid-argument', /^image data has 8 bytes;/)); // 2 a pixel
  // Empty but readable data is a wrong length, not "detached".
  assert.throws(() => pixelsOf({ data: new Uint8Array(0), width: 1, height: 1 }),
    error('invalid-argument', 'image data has 0 bytes; a 1x1 image needs 4 (RGBA) or 1 (luminance)'));
});

test('pixelsOf(): detached data (transferred away) is refused as such', () => {
  const data = new Uint8ClampedArray(16);
  structuredClone(data.buffer, { transfer: [data.buffer] });
  assert.equal(data.length, 0);
  assert.throws(() => pixelsOf({ data, width: 2, height: 2 }), error('invalid-argument', /^image data is detached: its ArrayBuffer was transferred/));
});

test('pixelsOf(): detached data is told apart from empty data where ArrayBuffer has no `detached`', () => {
  // Engines before ArrayBuffer.prototype.detached (older Chromium, Node 20): shadow it on the buffer.
  const hide = (buffer) => Object.defineProperty(buffer, 'detached', { value: undefined });
  const gone = new Uint8Array(4);
  structuredClone(gone.buffer, { transfer: [gone.buffer] });
  hide(gone.buffer);
  assert.throws(() => pixelsOf({ data: gone, width: 1, height: 1 }), error('invalid-argument', /^image data is detached/));
  const empty = new Uint8Array(hide(new ArrayBuffer(0)));
  assert.throws(() => pixelsOf({ data: empty, width: 1, height: 1 }), error('invalid-argument', /^image data has 0 bytes;/));
  const full = new Uint8Array(hide(new ArrayBuffer(4)));
  assert.equal(pixelsOf({ data: full, width: 1, height: 1 }).channels, 4);
});

test('liveOption(): undefined or an object whose live is a boolean', () => {
  assert.equal(liveOption(undefined, 'scanFrame'), false);
  assert.equal(liveOption({}, 'scanFrame'), false);
  assert.equal(liveOption({ live: undefined }, 'scanFrame'), false);
  assert.equal(liveOption({ live: false }, 'scanFrame'), false);
  assert.equal(liveOption({ live: true }, 'scanFrame'), true);
  assert.equal(liveOption({ live: true, other: 1 }, 'scanFrame'), true);
  assert.throws(() => liveOption(null, 'scanFrame'), error('invalid-argument', 'scanFrame(…, options) needs an object, got null'));
  assert.throws(() => liveOption(true, 'scanImage'), error('invalid-argument', 'scanImage(…, options) needs an object, got boolean'));
  assert.throws(() => liveOption('live', 'scanImageData'), error('invalid-argument', 'scanImageData(…, options) needs an object, got string'));
  assert.throws(() => liveOption({ live: 1 }, 'scanImageData'), error('invalid-argument', 'scanImageData(…, {live}) needs true or false, got the number 1'));
  assert.throws(() => liveOption({ live: 'true' }, 'scanFrame'), error('invalid-argument', 'scanFrame(…, {live}) needs true or false, got string'));
  assert.throws(() => liveOption({ live: null }, 'scanFrame'), error('invalid-argument', 'scanFrame(…, {live}) needs true or false, got null'));
});
