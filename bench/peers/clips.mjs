// The handheld clips the live and camera benchmarks share: the shared corpus's cccd-handheld ones when
// present, and clips made (once, into outDir/clips) by the native build's cccd-cardgen.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const meta = (file) => JSON.parse(readFileSync(`${file}.json`, 'utf8'));

/** The shared corpus's handheld clips that exist: {name, file, meta}. */
export function sharedHandheldClips(corpusDir) {
  const list = [];
  for (const name of ['front-mild-720', 'back-mild-720', 'front-mild-1080', 'front-hard-720']) {
    const file = join(corpusDir, 'cccd-handheld', `${name}.mjpeg`);
    if (existsSync(file)) list.push({ name: `shared ${name}`, file, meta: meta(file) });
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
