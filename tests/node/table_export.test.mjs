// The batch table's CSV and TSV (web/app/table_export.js): RFC 4180 quoting, the UTF-8 BOM, CRLF,
// Vietnamese text kept exactly, empty values, and formulas neutralised.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BOM, csvField, exportFileName, toCsv, toTsv, tsvCell } from '../../web/app/table_export.js';
import { parseCsv } from '../support/csv.mjs';

const header = ['Tệp ảnh', 'Số định danh', 'Họ và tên', 'Nơi thường trú', 'Lỗi'];
const rows = [
  ['card-0001.jpg', '001099012345', 'Nguyễn Văn A', 'Số 12, Đường Lê Lợi, Phường Bến Nghé, Quận 1, Hồ Chí Minh', ''],
  ['say "cheese".png', '', 'Trần Thị "Bé"', 'line one\nline two', 'a\r\nb'],
  ['empty.jpg', '', '', '', ''],
  ['nulls.jpg', null, undefined, 0, 'tab\there'],
];

test('CSV: BOM first, CRLF after every record, and it reads back exactly (RFC 4180)', () => {
  const csv = toCsv(header, rows);
  assert.ok(csv.startsWith(BOM));
  assert.equal(BOM, '\uFEFF');
  assert.ok(csv.endsWith('\r\n'));
  const back = parseCsv(csv.slice(1));
  assert.equal(back.length, rows.length + 1);
  assert.deepEqual(back, [header, ...rows].map((r) => r.map((v) => (v == null ? '' : String(v)))));
  // Every record has the header's field count, empty values included.
  for (const r of back) assert.equal(r.length, header.length);
});

test('CSV quoting: only fields with a comma, quote, CR or LF are quoted; quotes doubled', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('Nguyễn Văn A'), 'Nguyễn Văn A');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('"'), '""""');
  assert.equal(csvField('one\ntwo'), '"one\ntwo"');
  assert.equal(csvField('one\r\ntwo'), '"one\r\ntwo"');
  assert.equal(csvField('cr\r'), '"cr\r"');
  assert.equal(csvField(''), '');
  assert.equal(csvField(null), '');
  assert.equal(csvField(undefined), '');
  assert.equal(csvField(42), '42');
  // Leading zeros and spaces are kept as they are (no number formatting here).
  assert.equal(csvField('001099012345'), '001099012345');
  assert.equal(csvField(' x '), ' x ');
  assert.equal(toCsv(['a', 'b'], [['1', ''], ['', '']]), `${BOM}a,b\r\n1,\r\n,\r\n`);
  assert.equal(toCsv(['a'], []), `${BOM}a\r\n`);
});

test('CSV: Vietnamese text is byte-exact UTF-8 once encoded (as the page\'s Blob does)', () => {
  const name = 'Nguyễn Thị Ánh Tuyết';
  const address = 'Ấp Hòa Thành, Phường Phú Lợi, Đắk Lắk';
  const bytes = Buffer.from(new TextEncoder().encode(toCsv(['Họ và tên', 'Địa chỉ'], [[name, address]])));
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const expected = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from(`Họ và tên,Địa chỉ\r\n${name},"${address}"\r\n`, 'utf8')]);
  assert.deepEqual(bytes, expected);
  // Precomposed letters stay precomposed (NFC in, NFC out): "ễ" is U+1EC5, three bytes.
  assert.ok(bytes.includes(Buffer.from([0xe1, 0xbb, 0x85])));
});

test('formulas are neutralised with an apostrophe in CSV and TSV', () => {
  for (const v of ['=HYPERLINK("http://x","y")', '+84 1', '-1', '@SUM(A1)']) {
    assert.ok(csvField(v).replace(/^"/, '').startsWith(`'${v[0]}`), v);
    assert.equal(tsvCell(v), `'${v}`);
  }
  assert.equal(csvField('=1,2'), `"'=1,2"`);
  assert.equal(csvField('a=b'), 'a=b');
  assert.equal(tsvCell('Số 1 - 2'), 'Số 1 - 2');
});

test('TSV: tabs between cells, CRLF between rows, tabs and line breaks inside values become spaces', () => {
  assert.equal(tsvCell('a\tb'), 'a b');
  assert.equal(tsvCell('a\nb'), 'a b');
  assert.equal(tsvCell('a\r\nb'), 'a b');
  assert.equal(tsvCell('a\rb'), 'a b');
  assert.equal(tsvCell('say "hi", ok'), 'say "hi", ok');
  assert.equal(tsvCell(null), '');
  const tsv = toTsv(header, rows);
  assert.ok(!tsv.startsWith(BOM));
  const lines = tsv.split('\r\n');
  assert.equal(lines.length, rows.length + 1);
  assert.equal(lines[0], header.join('\t'));
  assert.equal(lines[1], rows[0].join('\t'));
  assert.equal(lines[2], 'say "cheese".png\t\tTrần Thị "Bé"\tline one line two\ta b');
  assert.equal(lines[3], 'empty.jpg\t\t\t\t');
  assert.equal(lines[4], 'nulls.jpg\t\t\t0\ttab here');
  for (const line of lines) assert.equal(line.split('\t').length, header.length);
  assert.ok(!/\n(?<!\r\n)/.test(tsv.replaceAll('\r\n', '')), 'no bare line break');
});

test('the tests\' CSV reader is strict: a bare LF, a stray quote or no final CRLF is refused', () => {
  assert.deepEqual(parseCsv('a,"b,""c"""\r\n,\r\n'), [['a', 'b,"c"'], ['', '']]);
  for (const bad of ['a\nb\r\n', 'a"b\r\n', 'a,b', '"a\r\n']) assert.throws(() => parseCsv(bad), bad);
});

test('export file names carry the local date and time', () => {
  assert.equal(exportFileName(new Date(2025, 6, 1, 9, 5), 'csv'), 'cccd-2025-07-01-0905.csv');
});
