// Test support: corpus photos as pixels in Node, decoded by ffmpeg (Node has no JPEG decoder).
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

export const hasFfmpeg = () => spawnSync('ffmpeg', ['-version']).status === 0;

/**
 * A picture file as {data, width, height}; pixFmt 'rgba' (4 bytes a pixel) or 'gray' (1); `scale` enlarges
 * it (ffmpeg's default bicubic). One ffmpeg process writes a PAM, whose header carries the size.
 */
export function readPixels(file, pixFmt = 'rgba', { scale = 1 } = {}) {
  const filter = scale === 1 ? [] : ['-vf', `scale=iw*${scale}:ih*${scale}`];
  const pam = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-frames:v', '1', ...filter, '-pix_fmt', pixFmt,
    '-c:v', 'pam', '-f', 'image2pipe', '-'], { maxBuffer: 1 << 28 });
  const end = pam.indexOf('ENDHDR\n');
  const header = pam.subarray(0, end).toString('latin1');
  const width = Number(/WIDTH (\d+)/.exec(header)[1]);
  const height = Number(/HEIGHT (\d+)/.exec(header)[1]);
  const start = end + 'ENDHDR\n'.length;
  return { data: new Uint8Array(pam.buffer, pam.byteOffset + start, pam.length - start), width, height };
}

/** Binary PGM (P5) of a luminance plane: the native CLI reads it through stb_image unchanged. */
export function pgm({ data, width, height }) {
  return Buffer.concat([Buffer.from(`P5\n${width} ${height}\n255\n`), Buffer.from(data.buffer, data.byteOffset, data.length)]);
}

/**
 * A QR code of `text` drawn as a grey-level frame {data, width, height} (one byte a pixel): `scale` px a
 * module, a 4-module quiet zone, dark ink on white paper. The module grid comes from the npm `qrcode`
 * package (a devDependency of web/), so no corpus or ffmpeg is needed.
 */
export function qrFrame(text, { scale = 6 } = {}) {
  const QRCode = createRequire(new URL('../../web/package.json', import.meta.url))('qrcode');
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const side = (n + 8) * scale;
  const data = new Uint8Array(side * side).fill(235);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      if (!qr.modules.get(y, x)) continue;
      for (let dy = 0; dy < scale; dy++) {
        const row = ((y + 4) * scale + dy) * side;
        data.fill(30, row + (x + 4) * scale, row + (x + 5) * scale);
      }
    }
  }
  return { data, width: side, height: side };
}
