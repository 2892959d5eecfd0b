// The WebAssembly build takes Shift_JIS and GB 2312 characters from the platform's TextDecoder instead of
// carrying the tables (src/qr/text/double_byte_table.hpp). Checked here: the decoder gives every code the
// generated tables define the same character, and the real WASM build reads Japanese symbols (kanji mode,
// and Shift_JIS bytes without an ECI) to the same text as the native build's tables do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createScanner } from '../../web/src/index.js';
import { unavailable } from '../support/unavailable.mjs';

const src = new URL('../../src/qr/text/', import.meta.url);

// A generated table (gen_sjis_table.py / gen_gb2312_table.py): the row of each lead byte, then the rows.
function table(file, leadsName, rowsName) {
  const text = readFileSync(new URL(file, src), 'utf8');
  const numbers = (name) => {
    const start = text.indexOf(`${name}[`);
    const body = text.slice(text.indexOf('{', start), text.indexOf('};', start)).replace(/\/\/.*$/gm, '');
    return [...body.matchAll(/0x([0-9A-Fa-f]+)/g)].map((m) => parseInt(m[1], 16));
  };
  return { leads: numbers(leadsName), rows: numbers(rowsName) };
}

// shift_jis.cpp's kJisMappings: where the WASM build keeps our table's character over the decoder's.
function jisMappings() {
  const text = readFileSync(new URL('shift_jis.cpp', src), 'utf8');
  const start = text.indexOf('kJisMappings[] = {');
  const body = text.slice(start, text.indexOf('};', start));
  return new Map([...body.matchAll(/\{0x([0-9A-F]+), 0x([0-9A-F]+)\}/g)].map((m) => [parseInt(m[1], 16), parseInt(m[2], 16)]));
}

function mismatches(name, { leads, rows }, firstLead, firstTrail, trails, kept = new Map()) {
  const decoder = new TextDecoder(name, { fatal: true });
  let checked = 0;
  const wrong = [];
  leads.forEach((row, i) => {
    if (row === 0xff) return;
    for (let t = 0; t < trails; ++t) {
      const want = rows[row * trails + t];
      if (want === 0) continue;
      const bytes = new Uint8Array([firstLead + i, firstTrail + t]);
      let got = null;
      try { got = decoder.decode(bytes).codePointAt(0); } catch { /* undefined for the decoder */ }
      got = kept.get(bytes[0] << 8 | bytes[1]) ?? got;
      ++checked;
      if (got !== want) wrong.push(`${bytes[0].toString(16)}${bytes[1].toString(16)}: ${got?.toString(16)} not ${want.toString(16)}`);
    }
  });
  return { checked, wrong };
}

test('TextDecoder("shift_jis") gives every code of our Shift_JIS table its character, but the six JIS X 0208 kept', () => {
  const kept = jisMappings();
  assert.equal(kept.size, 6);
  const r = mismatches('shift_jis', table('sjis_table.inc', 'kSjisRowOfLead', 'kSjisRows'), 0x80, 0x40, 189, kept);
  assert.ok(r.checked > 7000, `${r.checked} codes`);
  assert.deepEqual(r.wrong.slice(0, 10), []);
});

test('TextDecoder("gbk") gives every code of our GB 2312 table its character', () => {
  const r = mismatches('gbk', table('gb2312_table.inc', 'kGb2312RowOfLead', 'kGb2312Rows'), 0xa1, 0xa1, 94);
  assert.ok(r.checked > 7000, `${r.checked} codes`);
  assert.deepEqual(r.wrong.slice(0, 10), []);
});

// RGBA of a qrencode symbol (ASCII art: two characters a module), 4 px a module, with its quiet zone.
function symbol(bytes, args) {
  const art = execFileSync('qrencode', [...args, '-t', 'ASCII', '-m', '4', '-o', '-'], { input: Buffer.from(bytes) }).toString('latin1');
  const lines = art.split('\n').filter((l) => l.length > 0);
  const n = lines.length, scale = 4, size = n * scale;
  const data = new Uint8ClampedArray(size * size * 4).fill(255);
  for (let y = 0; y < size; ++y)
    for (let x = 0; x < size; ++x) {
      if (lines[Math.floor(y / scale)][2 * Math.floor(x / scale)] !== '#') continue;
      data.fill(0, 4 * (y * size + x), 4 * (y * size + x) + 3);
    }
  return { data, width: size, height: size };
}

const hasQrencode = () => spawnSync('qrencode', ['-V']).status === 0;
// "漢字の読み取り、カード" in Shift_JIS: kanji, hiragana, katakana and a full-width comma.
const japanese = '漢字の読み取り、カード';
const sjis = [0x8a, 0xbf, 0x8e, 0x9a, 0x82, 0xcc, 0x93, 0xc7, 0x82, 0xdd, 0x8e, 0xe6, 0x82, 0xe8, 0x81, 0x41, 0x83, 0x4a, 0x81, 0x5b, 0x83, 0x68];

test('the WASM build reads kanji mode and Shift_JIS bytes to the text', async (t) => {
  if (!hasQrencode()) return unavailable(t, 'qrencode not installed (.ci/install)');
  assert.equal(new TextDecoder('shift_jis').decode(new Uint8Array(sjis)), japanese);
  const s = await createScanner();
  for (const args of [['-k'], ['-8']]) {  // kanji mode; byte mode, no ECI (the reader guesses Shift_JIS)
    const r = s.scanImageData(symbol(sjis, args));
    assert.equal(r.found, true, `${args}: ${r.message}`);
    assert.equal(r.text, japanese, `${args}`);
    assert.equal(r.card.ok, false);
    assert.equal(r.card.errors[0].code, 'not-a-card');
  }
  s.destroy();
});
