// The TypeScript declarations (web/types/index.d.ts) compile under --strict against a program that
// uses the whole API the way a user writes it (tests/types/usage.ts), and the JavaScript they describe
// (web/src/*.js) type-checks against them with tsc --checkJs (tests/types/tsconfig.checkjs.json), so the
// two cannot drift apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { unavailable } from '../support/unavailable.mjs';

const tsc = new URL('../../web/node_modules/.bin/tsc', import.meta.url).pathname;
const project = new URL('../types/', import.meta.url).pathname;
const checkJs = new URL('../types/tsconfig.checkjs.json', import.meta.url).pathname;

test('types/index.d.ts compiles with a strict program using the whole API', (t) => {
  if (!existsSync(tsc)) return unavailable(t, `TypeScript not installed at ${tsc} (npm ci --prefix web)`);
  const r = spawnSync(tsc, ['-p', project], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('web/src type-checks against types/index.d.ts (tsc --checkJs, strict)', (t) => {
  if (!existsSync(tsc)) return unavailable(t, `TypeScript not installed at ${tsc} (npm ci --prefix web)`);
  const r = spawnSync(tsc, ['-p', checkJs], { encoding: 'utf8' });
  assert.equal(r.status, 0, `tsc -p ${checkJs} failed:\n${r.stdout}${r.stderr}`);
});
