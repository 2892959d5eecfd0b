// The cccd-scan CLI as users meet it: a process reading payload lines on stdin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { corpusDir } from '../support/corpus_dir.mjs';
import { unavailable } from '../support/unavailable.mjs';

const cli = process.env.CCCD_SCAN;
const corpus = corpusDir();

function run(input) {
  const r = spawnSync(cli, ['parse'], { input, maxBuffer: 64 << 20 });
  assert.equal(r.status, 0, `exit ${r.status}: ${r.stderr}`);
  const lines = r.stdout.toString('utf8').split('\n');
  assert.equal(lines.pop(), '', 'output ends with a newline');
  return lines.map((l) => JSON.parse(l));
}

test('one JSON object per input line, in order', () => {
  const good = '035064489830||Trương Minh Trung|30091964|Nam|Tổ 12, Phường Mỹ Xuyên, Huyện Châu Thành, Bắc Giang|09022023';
  const out = run(`${good}\n${good.replace('30091964', '31021964')}\n`);
  assert.equal(out.length, 2);
  assert.equal(out[0].ok, true);
  assert.equal(out[0].fields.dateOfBirth, '1964-09-30');
  assert.equal(out[1].ok, false);
  assert.ok(out[1].errors.some((e) => e.field === 'dateOfBirth' && e.code === 'invalid-date'));
});

test('bad input gets a not-ok line, never a crash', () => {
  const binary = Buffer.from([0x00, 0xff, 0xfe, 0x01, 0x7c, 0x80, 0x0a]);
  const huge = Buffer.alloc(1 << 20, 0x41);
  const input = Buffer.concat([Buffer.from('\n'), binary, huge, Buffer.from('\n|||\n')]);
  const out = run(input);
  assert.deepEqual(out.map((o) => o.ok), [false, false, false, false]);
  assert.deepEqual(out.map((o) => o.errors[0].code), ['empty', 'not-utf8', 'too-long', 'field-count']);
});

test('a last line without newline is still parsed', () => {
  const out = run('001099012345|123456789|Nguyễn Văn A|01011999|Nam|Hà Nội|15042021');
  assert.equal(out.length, 1);
  assert.equal(out[0].fields.addressParts.provinceCode, '001');
});

test('every corpus payload parses to its recorded fields', (t) => {
  const index = `${corpus}/cccd-synth/normal/index.jsonl`;
  if (!existsSync(index)) return unavailable(t, `corpus not found at ${index}`);
  const cards = readFileSync(index, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const out = run(cards.map((c) => c.payload).join('\n') + '\n');
  assert.equal(out.length, cards.length);
  cards.forEach((c, i) => {
    assert.equal(out[i].ok, true, c.file);
    assert.equal(out[i].fields.id, c.fields.id);
    assert.equal(out[i].fields.name, c.fields.name);
    assert.equal(out[i].fields.address, c.fields.address);
  });
});

test('usage errors exit 64 with a message', () => {
  const r = spawnSync(cli, ['frobnicate']);
  assert.equal(r.status, 64);
  assert.match(r.stderr.toString(), /usage: cccd-scan/);
});

test('address2025: the old address as today\'s commune and province, from the table this build was made with', () => {
  const payload = '036090001234||Trần Thị Bình|01011990|Nữ|Xóm 2, Hải Châu, Hải Hậu, Nam Định|01022022';
  const [card] = run(`${payload}\n`);
  const a = card.fields.address2025;
  assert.equal(a.match, 'one');
  assert.equal(a.commune, 'Xã Hải Thịnh');
  assert.equal(a.communeCode, '14221');
  assert.equal(a.province, 'Tỉnh Ninh Bình');
  assert.equal(a.provinceCode, '37');
  assert.equal(a.address, 'Xóm 2, Xã Hải Thịnh, Tỉnh Ninh Bình');
  assert.equal(a.reason, null);

  const none = spawnSync(cli, ['parse', '--no-address-table'], { input: `${payload}\n` });
  assert.equal(none.status, 0);
  assert.equal(JSON.parse(none.stdout.toString('utf8')).fields.address2025, null);

  const missing = spawnSync(cli, ['parse', '--address-table', '/nonexistent/address2025.tsv'], { input: `${payload}\n` });
  assert.equal(missing.status, 2);
  assert.match(missing.stderr.toString('utf8'), /cannot read the address table/);
});
