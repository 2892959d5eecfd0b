// QR module grids made by the npm `qrcode` package (web/ devDependency, `npm ci --prefix web`), for the
// reference grid fixtures of the round-trip tests (tests/fixtures/grids/regenerate.mjs; the tests read the
// fixtures through tests/support/reference_encoders.hpp and never run this).
// A job: {version, level: "L"|"M"|"Q"|"H", mask: 0..7, segments: [{mode, data} | {bytes: [..]}]}.
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../web/package.json', import.meta.url));

// The package and its version; throws, saying how to install it, when it cannot be loaded.
export function loadQrcode() {
  try {
    return {
      QRCode: require('qrcode'),
      toSJIS: require('qrcode/helper/to-sjis'),
      version: require('qrcode/package.json').version,
    };
  } catch (e) {
    throw new Error(`the npm qrcode package is not installed (npm ci --prefix web): ${e.message}`);
  }
}

// The symbol for one job: {size, version, level, mask, modules (size*size 0/1, row-major)}; throws the
// package's error when it refuses the job.
export function qrcodeGrid({ QRCode, toSJIS }, job) {
  const segments = job.segments.map((s) =>
    s.bytes ? { mode: 'byte', data: Uint8Array.from(s.bytes) } : { mode: s.mode, data: s.data });
  const qr = QRCode.create(segments, {
    version: job.version,
    errorCorrectionLevel: job.level,
    maskPattern: job.mask,
    toSJISFunc: toSJIS,
  });
  const { size, data } = qr.modules;
  const modules = new Uint8Array(size * size);
  for (let i = 0; i < size * size; i++) modules[i] = data[i] ? 1 : 0;
  return { size, version: qr.version, level: job.level, mask: qr.maskPattern, modules };
}
