// Test support: corpus photos as pixels in Node, decoded by ffmpeg (Node has no JPEG decoder).
import { execFileSync, spawnSync } from 'node:child_process';

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
