// The npm package as users get it: `npm pack`, installed into a fresh folder (no network: it has no
// dependencies), imported by name in Node, and scanning a QR code it has never seen (drawn here from
// the npm `qrcode` package's module grid) with no options at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unavailable } from '../support/unavailable.mjs';

const web = new URL('../../web/', import.meta.url).pathname;
const QRCode = createRequire(join(web, 'package.json'))('qrcode');

// A card payload as a grey-level frame: 6 px per module, a 4-module quiet zone, white paper.
function frameOf(text) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const scale = 6;
  const side = (n + 8) * scale;
  const luma = new Uint8Array(side * side).fill(235);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      if (!qr.modules.get(y, x)) continue;
      for (let dy = 0; dy < scale; dy++) luma.fill(30, ((y + 4) * scale + dy) * side + (x + 4) * scale, ((y + 4) * scale + dy) * side + (x + 5) * scale);
    }
  }
  return { luma, side };
}

test('npm pack, install into a fresh folder, import by name and scan in Node', (t) => {
  if (!existsSync(join(web, 'dist/cccd_scanner.wasm'))) return unavailable(t, 'web/dist not built (cmake --build --preset wasm)');
  const work = mkdtempSync(join(tmpdir(), 'cccd-pack-'));
  try {
    execFileSync('npm', ['pack', '--pack-destination', work, '--silent'], { cwd: web, stdio: ['ignore', 'pipe', 'inherit'] });
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
    assert.ok(tarball, 'npm pack wrote a tarball');
    const app = join(work, 'app');
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--silent', join(work, tarball)], { cwd: app, stdio: ['ignore', 'pipe', 'inherit'] });
    for (const f of ['dist/cccd_scanner.wasm', 'dist/cccd_scanner.js', 'dist/address2025.tsv', 'types/index.d.ts', 'src/worker.js', 'README.md']) {
      assert.ok(existsSync(join(app, 'node_modules/cccd-scanner', f)), `the package ships ${f}`);
    }
    const payload = '079303001234||Trần Thị Bích Ngọc|05062003|Nữ|Số 12 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|20072021';
    const { luma, side } = frameOf(payload);
    writeFileSync(join(app, 'frame.raw'), luma);
    writeFileSync(join(app, 'main.js', ), `
      import { readFileSync } from 'node:fs';
      import { createScanner, parse, CccdScannerError } from 'cccd-scanner';
      const scanner = await createScanner();
      const data = new Uint8Array(readFileSync('frame.raw'));
      const r = scanner.scanImageData({ data, width: ${side}, height: ${side} });
      let typed = null;
      try { scanner.scanImageData({ data, width: 0, height: 1 }); } catch (e) { typed = e instanceof CccdScannerError && e.code; }
      console.log(JSON.stringify({ found: r.found, text: r.text, ok: r.card?.ok, name: r.card?.fields.name,
        corners: r.corners?.length, parsed: (await parse(r.text)).fields.id, typed }));
    `);
    const out = JSON.parse(execFileSync('node', ['main.js'], { cwd: app }).toString());
    assert.deepEqual(out, { found: true, text: payload, ok: true, name: 'Trần Thị Bích Ngọc', corners: 4,
      parsed: '079303001234', typed: 'invalid-argument' });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
