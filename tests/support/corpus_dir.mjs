// The corpus the Node, CLI and browser tests and the peer benchmarks read: $CCCD_CORPUS_DIR, else the
// build's default (CCCD_DEFAULT_CORPUS_DIR, which ctest passes), else ../shared/corpus where it is, else the
// sample corpus the native build writes in the same layout (tests/sample_corpus/sample_corpus.cpp).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/** @returns {string} the corpus folder (absolute) */
export function corpusDir() {
  const env = process.env.CCCD_CORPUS_DIR || process.env.CCCD_DEFAULT_CORPUS_DIR;
  if (env) return resolve(env);
  const shared = join(repo, '../shared/corpus');
  return existsSync(join(shared, 'README.md')) ? resolve(shared) : join(repo, 'build/native/sample-corpus');
}

/** @returns {boolean} whether `dir` is a sample corpus (cccd-sample-corpus writes sample-corpus.json last) */
export const isSampleCorpus = (dir = corpusDir()) => existsSync(join(dir, 'sample-corpus.json'));
