// The README's and docs/' JavaScript examples that run in Node are run here, against the package as installed by
// name, and print what their comments say.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
// The README's and the docs' examples (docs/api.md holds the rest of the API's), each block once.
const pages = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => join('docs', f))];
const blocks = [...new Set(pages.flatMap((p) => [...readFileSync(join(root, p), 'utf8').matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1])))];
// Browser-only examples use the DOM; the rest must run as they are.
const nodeBlocks = blocks.filter((b) => !/document|input\.|\bvideo\b/.test(b));

test('README Node examples run and print what their comments say', () => {
  assert.ok(nodeBlocks.length >= 2, 'the README has runnable Node examples');
  const work = mkdtempSync(join(tmpdir(), 'cccd-readme-'));
  try {
    mkdirSync(join(work, 'node_modules'));
    symlinkSync(join(root, 'web'), join(work, 'node_modules/cccd-scanner'));
    nodeBlocks.forEach((code, i) => {
      writeFileSync(join(work, `example${i}.mjs`), code);
      const out = execFileSync('node', [`example${i}.mjs`], { cwd: work, encoding: 'utf8' }).trim().split('\n');
      // Every `console.log(…); // expected` line prints the comment's words, up to two spaces or a
      // parenthesis (explanations); numbers are skipped only where the comment says they vary.
      const expected = [...code.matchAll(/console\.log\(.*\);\s*\/\/ (.*)$/gm)].map((m) => m[1]);
      assert.equal(out.length, expected.length, `example ${i} output: ${out.join(' / ')}`);
      expected.forEach((comment, k) => {
        const varies = /vary/.test(comment);
        const words = comment.split(/\s\s|\s\(/)[0].split(' ').filter((w) => !(varies && /^[\d.]+$/.test(w)));
        for (const w of words) assert.ok(out[k].split(' ').includes(w), `example ${i}, line ${k}: "${out[k]}" lacks "${w}"`);
      });
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
