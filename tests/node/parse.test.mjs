// The real WASM build in Node: parse() gives exactly what the native parser gives, and bad input
// gets typed errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createScanner, parse, CccdScannerError } from '../../web/src/index.js';
import { corpusDir } from '../support/corpus_dir.mjs';
import { unavailable } from '../support/unavailable.mjs';

const root = new URL('../../', import.meta.url);
const corpus = corpusDir();
const cli = new URL('build/native/cccd-scan', root).pathname;

function corpusPayloads(t) {
  const files = ['normal', 'hard'].map((s) => `${corpus}/cccd-synth/${s}/index.jsonl`);
  const present = files.filter(existsSync);
  if (!present.length) {
    unavailable(t, `corpus not found under ${corpus}/cccd-synth (set CCCD_CORPUS_DIR)`);
    return null;
  }
  return present.flatMap((f) => readFileSync(f, 'utf8').trim().split('\n').map((l) => JSON.parse(l).payload));
}

test('WASM parse equals the native parser on every corpus payload', (t) => {
  const payloads = corpusPayloads(t);
  if (!payloads) return;
  if (!existsSync(cli)) return unavailable(t, `native CLI not built at ${cli}`);
  const native = spawnSync(cli, ['parse'], { input: payloads.join('\n') + '\n' }).stdout.toString().trim().split('\n');
  assert.equal(native.length, payloads.length);
  // Both with the address table (the CLI loads the repository's by default): address2025 matches too.
  return createScanner().then(async (scanner) => {
    await scanner.loadAddressTable();
    payloads.forEach((p, i) => assert.deepEqual(scanner.parse(p), JSON.parse(native[i]), p));
  });
});

test('a keyboard-wedge payload is repaired in WASM too', async () => {
  const text = '001099012345|123456789|Nguyễn Văn Đức|01011999|Nam|Số 1, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|15042021';
  const mojibake = Buffer.from(text, 'utf8').toString('latin1');
  const r = await parse(mojibake);
  assert.equal(r.repaired, true);
  assert.equal(r.ok, true);
  assert.equal(r.fields.name, 'Nguyễn Văn Đức');
  assert.equal(r.fields.addressParts.provinceCode, '079');
});

test("';' separated and labelled text parse like the '|' text, with a warning naming the form", async () => {
  const fields = ['001099012345', '123456789', 'Nguyễn Văn Đức', '01011999', 'Nam',
    'Số 1, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh', '15042021'];
  const labelled = [
    'Họ và tên: Nguyễn Văn Đức', 'Số CCCD: 001099012345', 'Ngay sinh: 01/01/1999', 'Giới tính: Nam',
    'Số CMND: 123456789', 'Nơi thường trú: Số 1, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh', 'Date of issue: 15/04/2021',
  ].join('\n');
  const { warnings: pipeWarnings, ...pipe } = await parse(fields.join('|'));
  assert.equal(pipe.ok, true, JSON.stringify(pipe.errors));
  assert.deepEqual(pipeWarnings, []);
  for (const [text, code] of [[fields.join(';'), 'separator-semicolon'], [labelled, 'labelled-lines']]) {
    const { warnings, ...card } = await parse(text);
    assert.deepEqual(warnings.map((w) => `${w.field}:${w.code}`), [`payload:${code}`], text);
    assert.deepEqual(card, pipe, text);
  }
});

test('non-strings give a typed error, not a crash', async () => {
  const scanner = await createScanner();
  for (const bad of [undefined, null, 42, {}, [], new Uint8Array(3)]) {
    assert.throws(() => scanner.parse(bad), (e) => e instanceof CccdScannerError && e.code === 'invalid-argument');
  }
  // Strings the parser rejects are results, not exceptions.
  assert.equal(scanner.parse('').errors[0].code, 'empty');
  assert.equal(scanner.parse('x'.repeat(1 << 20)).errors[0].code, 'too-long');
  assert.equal(scanner.parse('\u0000|\u0001').errors[0].code, 'control-characters');
});

test('calls after destroy() give a typed error', async () => {
  const scanner = await createScanner();
  scanner.destroy();
  assert.throws(() => scanner.parse('a|b'), (e) => e instanceof CccdScannerError && e.code === 'destroyed');
});

test('the module loads from bytes the caller supplies', async () => {
  const wasmBinary = readFileSync(new URL('web/dist/cccd_scanner.wasm', root));
  const scanner = await createScanner({ wasmBinary });
  const card = scanner.parse('001300012345||Lê Thị Hà|29022000|Nữ|Hà Nội|01032021');
  assert.equal(card.ok, true, JSON.stringify(card.errors));
  assert.equal(card.fields.dateOfBirth, '2000-02-29');
});
