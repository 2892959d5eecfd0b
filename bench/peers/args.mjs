// The command line every bench script shares: --quick, --out DIR (default under build/), and where the
// repository and the shared corpus are (CCCD_CORPUS_DIR overrides the latter).
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function benchArgs(defaultOut) {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const repo = resolve(here, '../..');
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  return {
    here,
    repo,
    args,
    quick: args.includes('--quick'),
    outDir: resolve(outAt >= 0 ? args[outAt + 1] : join(repo, defaultOut)),
    corpusDir: resolve(process.env.CCCD_CORPUS_DIR ?? join(repo, '../shared/corpus')),
  };
}
