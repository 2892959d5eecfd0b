// The handheld clips the live and camera benchmarks share: the corpus's cccd-handheld ones (../shared, or the
// sample corpus: named "shared …" or "sample …"), and clips made (once, into outDir/clips) by the native
// build's cccd-cardgen.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isSampleCorpus } from '../../tests/support/corpus_dir.mjs';

const meta = (file) => JSON.parse(readFileSync(`${file}.json`, 'utf8'));

/** "shared" or "sample": which corpus a clip's name says it came from. */
export const corpusKind = (corpusDir) => (isSampleCorpus(corpusDir) ? 'sample' : 'shared');

/** The corpus's handheld clips that exist: {name, file, meta}. */
export function sharedHandheldClips(corpusDir) {
  const list = [];
  const kind = corpusKind(corpusDir);
  for (const name of ['front-mild-720', 'back-mild-720', 'front-mild-1080', 'front-hard-720']) {
    const file = join(corpusDir, 'cccd-handheld', `${name}.mjpeg`);
    if (existsSync(file)) list.push({ name: `${kind} ${name}`, file, meta: meta(file) });
  }
  return list;
}

/** The cardgen binary, or null (with a note on stderr) when the native build is missing. */
export function cardgenPath(repo) {
  const cardgen = join(repo, 'build/native/cccd-cardgen');
  if (existsSync(cardgen)) return cardgen;
  process.stderr.write(`no ${cardgen}: generated clips skipped (cmake --build --preset native)\n`);
  return null;
}

/** A generated clip, made on first use: {name, file, meta}. */
export function generatedClip(cardgen, outDir, { side, seed, scenario = 'single', size = '1280x720', difficulty = 'mild' }) {
  mkdirSync(join(outDir, 'clips'), { recursive: true });
  const file = join(outDir, 'clips', `${side}-${scenario}-${size}-${difficulty}-${seed}.mjpeg`);
  if (!existsSync(file)) {
    execFileSync(cardgen, ['--clip', file, '--side', side, '--seed', String(seed), '--scenario', scenario, '--size', size,
      '--difficulty', difficulty], { stdio: 'ignore' });
  }
  return { name: `gen ${side} ${scenario} ${size.split('x')[1]}p ${difficulty}`, file, meta: meta(file) };
}
