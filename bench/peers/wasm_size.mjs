// Gzipped size of each library's .wasm as shipped (gzip -9, as a web server would send it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export function gzipSizes(repo, here) {
  const size = (path) => {
    try {
      return gzipSync(readFileSync(path), { level: 9 }).length;
    } catch {
      return null;
    }
  };
  return {
    'cccd-scanner': size(join(repo, 'web/dist/cccd_scanner.wasm')),
    'zxing-wasm': size(join(here, 'node_modules/zxing-wasm/dist/reader/zxing_reader.wasm')),
    jsQR: null,  // plain JavaScript, no .wasm
  };
}
