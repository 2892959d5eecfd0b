// Prints QR module grids made by the npm `qrcode` package (web/ devDependency), for the round-trip tests
// (tests/unit/grid_roundtrip_test.cpp). Usage: node qrcode_grids.mjs JOBS.json
// JOBS.json: [{version, level: "L"|"M"|"Q"|"H", mask: 0..7, segments: [{mode, data} | {mode: "byte", bytes: [..]}]}]
// Output, one line per job: "<index> <size> <version> <level> <mask> <size*size 0/1 chars, row-major>"
// or "<index> ERROR <message>". Exit code 2 when the package cannot be loaded.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../web/package.json', import.meta.url));
let QRCode;
let toSJIS;
try {
  QRCode = require('qrcode');
  toSJIS = require('qrcode/helper/to-sjis');
} catch (e) {
  process.stderr.write(`qrcode package not found (run npm ci --prefix web): ${e.message}\n`);
  process.exit(2);
}

const jobs = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const lines = jobs.map((job, index) => {
  try {
    const segments = job.segments.map((s) =>
      s.bytes ? { mode: 'byte', data: Uint8Array.from(s.bytes) } : { mode: s.mode, data: s.data });
    const qr = QRCode.create(segments, {
      version: job.version,
      errorCorrectionLevel: job.level,
      maskPattern: job.mask,
      toSJISFunc: toSJIS,
    });
    const { size, data } = qr.modules;
    let bits = '';
    for (let i = 0; i < size * size; i++) bits += data[i] ? '1' : '0';
    return `${index} ${size} ${qr.version} ${job.level} ${qr.maskPattern} ${bits}`;
  } catch (e) {
    return `${index} ERROR ${String(e.message).replace(/\s+/g, ' ')}`;
  }
});
process.stdout.write(lines.join('\n') + '\n');
