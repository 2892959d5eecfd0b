// Every check, warning and error the real WASM parser gives is worded in Vietnamese and in English from
// its code and params alone (web/src/messages.js), and every wording there is one the parser uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, checkLabel, checkText, errorText, problemText } from '../../web/src/index.js';
import { wordedCodes } from '../../web/src/messages.js';
import { cardVariants, dataTexts } from '../support/card_variants.mjs';

// Codes JS cannot produce: parse() takes a JS string, always valid UTF-8 once encoded.
const UNREACHABLE = new Set(['not-utf8']);

const words = (s) => s.toLowerCase().match(/\p{L}+/gu) ?? [];

async function allResults() {
  const out = [];
  for (const [name, text] of cardVariants) out.push([name, await parse(text)]);
  return out;
}

test('each card variant gives the outcome it is named for (the list is not stale)', async () => {
  const byName = Object.fromEntries(await allResults());
  assert.equal(byName.valid.ok, true);
  assert.deepEqual(byName['id of 11 digits'].errors.map((e) => e.code), ['wrong-length']);
  assert.deepEqual(byName['mojibake partly repaired'].errors.map((e) => e.code), ['mojibake-partial']);
  assert.deepEqual(byName['Thẻ căn cước issued in 2021'].warnings.map((e) => e.code), ['format-date-mismatch']);
});

test('every outcome is worded in both languages with its values, and no English word in the Vietnamese', async () => {
  const seen = { checks: new Set(), common: new Set(), problems: new Set(), datesProblems: new Set() };
  const texts = { vi: [], en: [] };
  const dataWords = new Set();
  for (const [name, card] of await allResults()) {
    for (const v of dataTexts(card)) words(v).forEach((w) => dataWords.add(w));
    for (const c of card.checks) {
      assert.equal(typeof c.code, 'string', `${name}: ${c.name} has a code`);
      const key = `${c.name} ${c.code}`;
      (wordedCodes.checks.includes(key) ? seen.checks : seen.common).add(wordedCodes.checks.includes(key) ? key : c.code);
      if (c.params.problem) seen.datesProblems.add(c.params.problem);
    }
    for (const p of [...card.errors, ...card.warnings]) if (!p.params.check) seen.problems.add(p.code);
    for (const lang of ['vi', 'en']) {
      const all = [...card.checks.map((c) => [checkLabel(c.name, lang), checkText(c, lang)]).flat(),
        ...[...card.errors, ...card.warnings].map((p) => problemText(p, lang))];
      for (const s of all) {
        assert.ok(s && !/undefined|null|\$\{|lỗi khác|another error/.test(s), `${name} (${lang}): "${s}"`);
      }
      texts[lang].push(...all);
    }
    // A check's values show up in its text: the detail's numbers are all in the Vietnamese wording.
    for (const c of card.checks) {
      const vi = checkText(c, 'vi');
      for (const n of c.detail.match(/\d+/g) ?? []) {
        const asPrinted = vi.replace(/(\d{2})\/(\d{2})\/(\d{4})/g, '$3-$2-$1');
        assert.ok(asPrinted.includes(n) || vi.includes(n), `${name}: ${c.name} "${c.detail}" → "${vi}" lacks ${n}`);
      }
    }
  }
  for (const [kind, set] of Object.entries(seen)) {
    const worded = wordedCodes[kind].filter((k) => !UNREACHABLE.has(k));
    assert.deepEqual([...set].filter((k) => !wordedCodes[kind].includes(k)), [], `${kind} without a wording`);
    assert.deepEqual(worded.filter((k) => !set.has(k)), [], `${kind} worded but never produced by the variants`);
  }
  // No English word in a Vietnamese text: no word of the English wordings appears in it, except the
  // card's own values (names, places, "Nam"/"Nữ") and names that are the same in both languages.
  const shared = new Set([...dataWords, 'utf', 'windows', 'qr', 'bhyt', 'cccd', 'thẻ', 'căn', 'cước', 'nam', 'nữ',
    'in', 'chip', 'byte']); // Vietnamese words too ("in": to print)
  const englishWords = new Set(texts.en.flatMap(words).filter((w) => !shared.has(w)));
  assert.ok(englishWords.has('digits') && englishWords.has('born') && englishWords.has('old'), 'English words collected');
  const leaks = texts.vi.filter((s) => words(s).some((w) => englishWords.has(w)));
  assert.deepEqual(leaks, []);
});

test('API errors are worded in both languages; unknown codes say so without English in Vietnamese', () => {
  for (const code of wordedCodes.errors) {
    const vi = errorText({ code }, 'vi');
    const en = errorText({ code }, 'en');
    assert.notEqual(vi, en, code);
    assert.doesNotMatch(vi, /another|error/i, code);
  }
  assert.equal(errorText({ code: 'permission-denied' }), 'trình duyệt đã chặn camera');
  assert.equal(errorText({ code: 'something-new' }, 'vi'), 'lỗi khác (something-new)');
  assert.equal(errorText(null, 'en'), 'another error (?)');
});

test('wordings carry the values: a wrong century digit, a split date, a merged province', async () => {
  const card = await parse(cardVariants.find(([n]) => n === 'century digit wrong')[1]);
  const check = card.checks.find((c) => c.name === 'id.centurySex');
  assert.equal(checkText(check, 'vi'), 'chữ số thứ 4 là 1, nhưng nam sinh năm 1985 phải là 0');
  assert.equal(checkText(check, 'en'), 'digit 4 is 1 but a male born 1985 has 0');
  assert.equal(problemText(card.errors[0], 'vi'), 'Chữ số thế kỷ và giới tính: chữ số thứ 4 là 1, nhưng nam sinh năm 1985 phải là 0');
  const day = (await parse(cardVariants.find(([n]) => n === 'date of birth on the 32nd')[1]))
    .checks.find((c) => c.name === 'dateOfBirth.valid');
  assert.equal(checkText(day, 'vi'), '“32081985”: không có ngày 32 trong tháng 8/1985');
  const merged = (await parse(cardVariants.find(([n]) => n.startsWith('no old number'))[1]))
    .checks.find((c) => c.name === 'address.province');
  assert.equal(checkText(merged, 'vi'), 'Thái Bình (034), thuộc Hưng Yên từ 1/7/2025, nhận ra dù không có dấu');
});
