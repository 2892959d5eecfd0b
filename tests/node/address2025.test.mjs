// The address table through the real WASM build: loaded on demand from the package's own file, or given
// as text; results carry fields.address2025 once it is loaded; bad tables are refused with a typed error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createScanner, parse, CccdScannerError } from '../../web/src/index.js';

const payload = '036090001234||Trần Thị Bình|01011990|Nữ|Xóm 2, Hải Châu, Hải Hậu, Nam Định|01022022';

test('before the table is loaded address2025 is null, and mapAddress2025 says why', async () => {
  const scanner = await createScanner();
  assert.equal(scanner.parse(payload).fields.address2025, null);
  const a = scanner.mapAddress2025('Phường Phúc Xá, Quận Ba Đình, Hà Nội');
  assert.equal(a.match, 'unknown');
  assert.equal(a.reason, 'the address table is not loaded');
  scanner.destroy();
});

test('the package\'s own table: old addresses as today\'s commune and province', async () => {
  const scanner = await createScanner();
  assert.deepEqual(await scanner.loadAddressTable(), { communes: 3321 });
  const card = scanner.parse(payload);
  assert.equal(card.fields.address2025.match, 'one');
  assert.equal(card.fields.address2025.address, 'Xóm 2, Xã Hải Thịnh, Tỉnh Ninh Bình');
  const split = scanner.mapAddress2025('Phường Ngọc Hà, Quận Ba Đình, Hà Nội');
  assert.equal(split.match, 'ambiguous');
  assert.equal(split.commune, null);
  assert.ok(split.candidates.length >= 2);
  assert.ok(split.candidates.every((c) => /^\d{5}$/.test(c.communeCode) && c.provinceCode === '01'));
  const already = scanner.mapAddress2025('Số 5, Phường Hồng Hà, Thành phố Hà Nội');
  assert.equal(already.match, 'already-new');
  assert.equal(already.communeCode, '00097');
  scanner.destroy();
});

test('parse() loads the table on first use', async () => {
  const card = await parse(payload);
  assert.equal(card.fields.address2025.communeCode, '14221');
});

test('a table given as text; a bad one is refused and the loaded one kept', async () => {
  const scanner = await createScanner();
  const text = readFileSync(new URL('../../data/address2025.tsv', import.meta.url), 'utf8');
  await scanner.loadAddressTable({ text });
  await assert.rejects(scanner.loadAddressTable({ text: 'P\t01\tHà Nội\ttp\nnot a record\n' }),
    (e) => e instanceof CccdScannerError && e.code === 'address-table' && /line 2/.test(e.message));
  await assert.rejects(scanner.loadAddressTable({ url: 'file:///nonexistent/address2025.tsv' }),
    (e) => e instanceof CccdScannerError && e.code === 'address-table');
  await assert.rejects(scanner.loadAddressTable(null), (e) => e.code === 'invalid-argument');
  assert.throws(() => scanner.mapAddress2025(42), (e) => e.code === 'invalid-argument');
  assert.equal(scanner.parse(payload).fields.address2025.communeCode, '14221');
  scanner.destroy();
});
