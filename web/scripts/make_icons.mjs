// Draws the scan page's icons (web/app/icons/): an ID card with a QR code on the page's blue, as PNG at
// 192 and 512 px, a maskable 512 px PNG (full bleed, the card inside the central 80 % safe zone) and the
// same drawing as SVG. No dependencies: shapes rasterised here with 4×4 supersampling, PNG written with
// node:zlib. Run `node web/scripts/make_icons.mjs` after changing the drawing; the output is deterministic.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

export const blue = '#0969da';   // app.css: .primary, the manifest's theme_color
const white = '#ffffff';
const ink = '#1f2328';          // app.css: --ink
const muted = '#afb8c1';

// A 11×11-module QR-like glyph: three finders (ring and centre dot) and a fixed sprinkle of modules.
const glyph = [
  'XXXXX.XXXXX',
  'X...X.X...X',
  'X.X.X.X.X.X',
  'X...X.X...X',
  'XXXXX.XXXXX',
  '...X.X..X..',
  'XXXXX.X.XX.',
  'X...X..X..X',
  'X.X.X.XX.X.',
  'X...X.X..XX',
  'XXXXX..X.X.',
];

/** The drawing on a 512×512 canvas: rounded rectangles {x, y, w, h, r, color}, painted in order. */
function shapes({ maskable }) {
  const out = [maskable ? { x: 0, y: 0, w: 512, h: 512, r: 0, color: blue } : { x: 0, y: 0, w: 512, h: 512, r: 96, color: blue }];
  // The card (ID-1 proportions), scaled about the centre: 0.8 keeps a maskable icon's card in its safe zone.
  const s = maskable ? 0.8 : 1;
  const at = (x, y, w, h, r, color) => out.push({ x: 256 + (x - 256) * s, y: 256 + (y - 256) * s, w: w * s, h: h * s, r: r * s, color });
  at(66, 137, 380, 238, 26, white);
  const m = 14; // module size
  glyph.forEach((row, j) => [...row].forEach((c, i) => { if (c === 'X') at(94 + i * m, 179 + j * m, m, m, 0, ink); }));
  for (const [y, w] of [[196, 132], [240, 132], [284, 96], [316, 116]]) at(282, y, w, 16, 8, y === 196 ? blue : muted);
  return out;
}

const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

function inside(p, px, py) {
  if (px < p.x || py < p.y || px > p.x + p.w || py > p.y + p.h) return false;
  const dx = Math.max(p.x + p.r - px, 0, px - (p.x + p.w - p.r));
  const dy = Math.max(p.y + p.r - py, 0, py - (p.y + p.h - p.r));
  return dx * dx + dy * dy <= p.r * p.r;
}

/** RGBA pixels of the drawing at `size`×`size` (premultiplied over transparent, then un-premultiplied). */
function rasterise(list, size) {
  const px = new Uint8Array(size * size * 4);
  const n = 4;
  const k = 512 / size;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0; let g = 0; let b = 0; let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const X = (x + (sx + 0.5) / n) * k;
          const Y = (y + (sy + 0.5) / n) * k;
          for (let i = list.length - 1; i >= 0; i--) {
            if (inside(list[i], X, Y)) {
              const [cr, cg, cb] = rgb(list[i].color);
              r += cr; g += cg; b += cb; a += 1;
              break;
            }
          }
        }
      }
      const o = (y * size + x) * 4;
      if (a) { px[o] = Math.round(r / a); px[o + 1] = Math.round(g / a); px[o + 2] = Math.round(b / a); }
      px[o + 3] = Math.round((255 * a) / (n * n));
    }
  }
  return px;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** An 8-bit RGBA PNG of `pixels`. */
export function png(pixels, size) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) raw.set(pixels.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function svg(list) {
  const f = (v) => +v.toFixed(2);
  const body = list.map((p) => `<rect x="${f(p.x)}" y="${f(p.y)}" width="${f(p.w)}" height="${f(p.h)}"${p.r ? ` rx="${f(p.r)}"` : ''} fill="${p.color}"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">\n${body.join('\n')}\n</svg>\n`;
}

/** The icon files: name -> contents. */
export function icons() {
  const any = shapes({ maskable: false });
  const maskable = shapes({ maskable: true });
  return {
    'icon-192.png': png(rasterise(any, 192), 192),
    'icon-512.png': png(rasterise(any, 512), 512),
    'maskable-512.png': png(rasterise(maskable, 512), 512),
    'icon.svg': svg(any),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = new URL('../app/icons/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  const files = icons();
  for (const [name, data] of Object.entries(files)) writeFileSync(new URL(name, dir), data);
  console.log(`wrote ${Object.keys(files).join(', ')} to ${fileURLToPath(dir)}`);
}
