// `cccd-scan decode` as users meet it: a process reading image files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusDir } from '../support/corpus_dir.mjs';
import { unavailable } from '../support/unavailable.mjs';

const cli = process.env.CCCD_SCAN;
const corpus = corpusDir();

function decode(args) {
  const r = spawnSync(cli, ['decode', ...args], { maxBuffer: 64 << 20 });
  const lines = r.stdout.toString('utf8').split('\n').filter(Boolean);
  return { status: r.status, stderr: r.stderr.toString(), lines };
}

test('a card photo decodes to its payload and parsed card', (t) => {
  const index = `${corpus}/cccd-synth/normal/index.jsonl`;
  if (!existsSync(index)) return unavailable(t, `corpus not found at ${index}`);
  const cards = readFileSync(index, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  // Large, sharp symbols that any decoder must read.
  const easy = cards.filter((c) => c.params.module_px >= 3 && c.params.blur_sigma < 0.8).slice(0, 3);
  assert.ok(easy.length > 0);
  const r = decode(['--json', ...easy.map((c) => `${corpus}/cccd-synth/normal/${c.file}`)]);
  assert.equal(r.lines.length, easy.length);
  r.lines.forEach((line, i) => {
    const o = JSON.parse(line);
    assert.equal(o.found, true, `${easy[i].file}: ${o.message}`);
    assert.equal(o.status, 'found');
    assert.equal(o.file, `${corpus}/cccd-synth/normal/${easy[i].file}`);
    assert.equal(o.text, easy[i].payload);
    assert.equal(o.corners.length, 4);
    for (const p of o.corners) assert.deepEqual(Object.keys(p), ['x', 'y']);  // the WASM module's shape
    assert.ok(o.version >= 1 && o.version <= 40);
    assert.match(o.ecLevel, /^[LMQH]$/);
    assert.equal(typeof o.ms, 'number');
    assert.equal(o.card.ok, true);
    assert.equal(o.card.fields.id, easy[i].fields.id);
  });
  assert.equal(r.status, 0);
});

test('unreadable files give a not-found line with an error, never a crash', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cccd-cli-'));
  const garbage = join(dir, 'garbage.png');
  writeFileSync(garbage, Buffer.from('\x89PNG\r\n\x1a\nthis is not a png'));
  const empty = join(dir, 'empty.jpg');
  writeFileSync(empty, Buffer.alloc(0));
  const missing = join(dir, 'missing.png');
  const r = decode(['--json', garbage, empty, missing]);
  assert.equal(r.status, 1);
  assert.equal(r.lines.length, 3);
  for (const line of r.lines) {
    const o = JSON.parse(line);
    assert.equal(o.found, false);
    assert.equal(o.text, null);
    assert.equal(o.status, 'invalid-input');
    assert.ok(o.message.length > 0);
    assert.equal(o.error, undefined);
  }
});

test('usage errors exit 2', () => {
  assert.equal(decode([]).status, 2);
  assert.equal(decode(['--frobnicate', 'x.png']).status, 2);
});
