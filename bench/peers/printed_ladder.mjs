// The printed-front ladder: photos of chip card fronts whose QR is printed on the card's pattern with no
// quiet zone (tools/cardgen, the project's own generator), 20 per module size of 1.5 ... 3 px, other
// conditions mild. Made by the native build's cccd-cardgen (cmake --preset native); deterministic, so
// every run and every library sees the same photos.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const PRINTED_MODULE_SIZES = [1.5, 1.75, 2, 2.5, 3];

// [{set: 'printed 1.5px', file (relative to dir), expected, modulePx}], or [] without cccd-cardgen.
export function makePrintedLadder(dir, cardgen, { quick = false } = {}) {
  if (!existsSync(cardgen)) {
    console.error(`${cardgen} not built: no printed-front ladder (cmake --build --preset native)`);
    return [];
  }
  const items = [];
  for (const px of PRINTED_MODULE_SIZES) {
    const out = join(dir, `${px}`);
    rmSync(out, { recursive: true, force: true });
    execFileSync(cardgen, ['--out', out, '--side', 'front', '--count', quick ? '3' : '20', '--seed', '7000',
      '--difficulty', 'ladder', '--module-px', `${px}`], { stdio: 'ignore' });
    for (const line of readFileSync(join(out, 'index.jsonl'), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const row = JSON.parse(line);
      items.push({ set: `printed ${px}px`, file: `${px}/${row.file}`, expected: row.payload, modulePx: row.params.module_px });
    }
  }
  return items;
}
