// The module-size ladder: 1280x720 card-like frames whose QR symbol has 1.25 ... 3 pixels per module,
// each clean and progressively degraded (defocus blur, then sensor noise, then JPEG), made from symbols
// that Debian's qrencode encodes (byte mode, level M, like the chip cards). Deterministic: a seeded
// generator, so every run and every library sees the same pixels. Frames are written as PNG files so the
// browser can load them too.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

export const MODULE_SIZES = [1.25, 1.5, 1.75, 2, 2.5, 3];
export const DEGRADATIONS = ['clean', 'blur', 'blur+noise', 'blur+noise+jpeg'];

// Invented people in the chip card's payload format (id|oldId|name|dob|sex|address|issue date).
const PAYLOADS = [
  '079203001234|272345678|Trần Thị Bích Ngọc|14031995|Nữ|45/12 Nguyễn Thị Minh Khai, Phường Bến Thành, Quận 1, TP. Hồ Chí Minh|20062021',
  '094188005678|365123456|Lâm Văn Phúc|02091988|Nam|Ấp Hòa Thành, Xã Đại Tâm, Huyện Mỹ Xuyên, Sóc Trăng|11112022',
  '001305009999||Nguyễn Hoàng Anh Thư|30122005|Nữ|Số 8 Ngõ 102 Trường Chinh, Phường Phương Mai, Quận Đống Đa, Hà Nội|05012024',
];

function modules(payload) {
  const ascii = execFileSync('qrencode', ['-t', 'ASCII', '-m', '0', '-l', 'M', '-8', payload], { encoding: 'utf8' });
  return ascii.split('\n').filter(Boolean).map((row) => Array.from({ length: row.length / 2 }, (_, i) => row.slice(2 * i, 2 * i + 2) === '##'));
}

function rng(seed) {  // mulberry32
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Grey frame: uneven light, a light card, the symbol rotated by `angle`, 4x4 supersampled per pixel.
function render(grid, ms, angle, width, height) {
  const n = grid.length, quiet = 4, side = (n + 2 * quiet) * ms;
  const cx = width * 0.55, cy = height * 0.5, cos = Math.cos(angle), sin = Math.sin(angle);
  const card = side * 1.9;
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; ++y)
    for (let x = 0; x < width; ++x) {
      const light = 0.75 + 0.25 * (x / width) * (1 - 0.4 * (y / height));
      let sum = 0;
      for (let sy = 0; sy < 4; ++sy)
        for (let sx = 0; sx < 4; ++sx) {
          const px = x + (sx + 0.5) / 4 - cx, py = y + (sy + 0.5) / 4 - cy;
          const u = cos * px + sin * py, v = -sin * px + cos * py;  // frame -> symbol axes
          let value = 120;  // desk
          if (Math.abs(u) < card * 0.8 && Math.abs(v) < card * 0.55) value = 228;  // card
          const mx = Math.floor(u / ms + n / 2), my = Math.floor(v / ms + n / 2);
          if (mx >= 0 && my >= 0 && mx < n && my < n && grid[my][mx]) value = 38;
          sum += value;
        }
      out[y * width + x] = (sum / 16) * light;
    }
  return out;
}

function blur(img, width, height, sigma) {
  const r = Math.ceil(sigma * 3), k = [];
  for (let i = -r; i <= r; ++i) k.push(Math.exp(-(i * i) / (2 * sigma * sigma)));
  const norm = k.reduce((a, b) => a + b);
  const tmp = new Float32Array(img.length), out = new Float32Array(img.length);
  const clamp = (v, hi) => Math.min(hi, Math.max(0, v));
  for (let y = 0; y < height; ++y)
    for (let x = 0; x < width; ++x) {
      let s = 0;
      for (let i = -r; i <= r; ++i) s += k[i + r] * img[y * width + clamp(x + i, width - 1)];
      tmp[y * width + x] = s / norm;
    }
  for (let y = 0; y < height; ++y)
    for (let x = 0; x < width; ++x) {
      let s = 0;
      for (let i = -r; i <= r; ++i) s += k[i + r] * tmp[clamp(y + i, height - 1) * width + x];
      out[y * width + x] = s / norm;
    }
  return out;
}

function toRgba(img) {
  const rgba = new Uint8ClampedArray(img.length * 4);
  for (let i = 0; i < img.length; ++i) {
    rgba[4 * i] = rgba[4 * i + 1] = rgba[4 * i + 2] = img[i];
    rgba[4 * i + 3] = 255;
  }
  return rgba;
}

// Writes the ladder's PNG files under outDir and returns [{set, file, expected}] (file relative to outDir).
export function makeLadder(outDir, { quick = false } = {}) {
  mkdirSync(outDir, { recursive: true });
  const width = 1280, height = 720, items = [];
  const payloads = quick ? PAYLOADS.slice(0, 1) : PAYLOADS;
  for (const [p, payload] of payloads.entries()) {
    const grid = modules(payload);
    for (const ms of MODULE_SIZES) {
      const random = rng(1000 * p + Math.round(ms * 100));
      const angle = ((random() - 0.5) * 20 * Math.PI) / 180;  // within +-10 degrees, like a hand-held card
      let img = render(grid, ms, angle, width, height);
      for (const [d, degradation] of DEGRADATIONS.entries()) {
        if (d === 1) img = blur(img, width, height, 0.7);
        if (d === 2) img = img.map((v) => v + 7 * Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random()));
        let rgba = toRgba(img);
        if (d === 3) rgba = new Uint8ClampedArray(jpeg.decode(jpeg.encode({ data: rgba, width, height }, 70).data, { useTArray: true }).data);
        const png = new PNG({ width, height });
        png.data = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
        const file = `p${p}-${ms}px-${degradation.replaceAll('+', '-')}.png`;
        writeFileSync(join(outDir, file), PNG.sync.write(png));
        items.push({ set: `ladder ${ms}px ${degradation}`, file, expected: payload });
      }
    }
  }
  return items;
}
