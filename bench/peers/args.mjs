// The command line every bench script shares: --quick, --out DIR (default under build/), and where the
// repository and the corpus are (tests/support/corpus_dir.mjs: ../shared/corpus, else the build's sample
// corpus; CCCD_CORPUS_DIR overrides both).
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusDir } from '../../tests/support/corpus_dir.mjs';

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
    corpusDir: corpusDir(),
  };
}
