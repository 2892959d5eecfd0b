// Vietnamese throughout (issue 18): in Vietnamese mode no English word is on the page in any state or
// result kind — every check, warning and error a card can give, the camera's states and failures, a
// photo without a code or not an image, the reader failing to load — and the English mode words them too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cameraVideo, launch, screenshot, serve } from './browser.mjs';
import { openIdle, submitText, walkCameraFailures, walkCameraRead, walkResults } from './page_states.mjs';
import { cardVariants, dataTexts } from '../support/card_variants.mjs';
import { unavailable } from '../support/unavailable.mjs';
import { texts } from '../../web/app/i18n.js';
import { checkText, errorText, problemText, wordedCodes } from '../../web/src/messages.js';
import { parse } from '../../web/src/index.js';

let server;
let origin;
before(async () => { ({ server, origin } = await serve()); });
after(() => server?.close());

const words = (s) => s.replace(/\{\w+\}/g, ' ').toLowerCase().match(/\p{L}+/gu) ?? [];
// Words both languages use: names, acronyms, and Vietnamese words spelt like English ones ("in": to print).
const SHARED = new Set(['cccd', 'scanner', 'camera', 'qr', 'chip', 'thẻ', 'căn', 'cước', 'ctrl', 'v', 'usb', 'https',
  'localhost', 'enter', 'json', 'cmnd', 'csv', 'tsv', 'bhyt', 'utf', 'windows', 'worker', 'in', 'byte', 'nam', 'nữ', 'a']);

// Every English word the page's texts and the card messages can show, but for the card's own data.
async function englishWords() {
  const en = Object.values(texts.en).filter((s) => s !== texts.en.otherLanguage); // "Tiếng Việt"
  const data = new Set();
  for (const [, text] of cardVariants) {
    const card = await parse(text);
    en.push(...card.checks.map((c) => checkText(c, 'en')), ...[...card.errors, ...card.warnings].map((p) => problemText(p, 'en')));
    for (const v of dataTexts(card)) words(v).forEach((w) => data.add(w));
  }
  en.push(...wordedCodes.errors.map((code) => errorText({ code }, 'en')));
  return new Set(en.flatMap(words).filter((w) => !SHARED.has(w) && !data.has(w)));
}

// What a reader sees and hears: the visible text and the labels of visible elements, but the language
// toggle, whose name is the other language's ("English").
function shownText() {
  const toggle = document.querySelector('[data-testid=lang-toggle]');
  const hiddenToggle = toggle.style.display;
  toggle.style.display = 'none';
  const visible = document.body.innerText;
  toggle.style.display = hiddenToggle;
  const labels = [...document.querySelectorAll('[placeholder], [aria-label], [title], [alt]')]
    .filter((el) => el !== toggle && el.getClientRects().length)
    .flatMap((el) => ['placeholder', 'aria-label', 'title', 'alt'].map((a) => el.getAttribute(a) ?? ''));
  // A native file input shows the browser's words ("Choose File"), not the page's: none may be seen.
  const fileInputs = [...document.querySelectorAll('input[type=file]')]
    .filter((el) => el.getBoundingClientRect().width > 2).map((el) => el.id);
  return { text: [document.title, visible, ...labels].join('\n'), fileInputs };
}

let english;
async function assertNoEnglish(page, state) {
  english ??= await englishWords();
  const shown = await page.evaluate(shownText);
  const found = [...new Set(words(shown.text).filter((w) => english.has(w)))];
  assert.deepEqual(found, [], `${state}: English words on the Vietnamese page:\n${shown.text}`);
  assert.deepEqual(shown.fileInputs, [], `${state}: file inputs showing the browser's own words`);
}

test('the Vietnamese texts of the page and messages hold no English word (the test can tell)', async () => {
  english ??= await englishWords();
  assert.ok(['digits', 'born', 'camera'].map((w) => english.has(w)).join() === 'true,true,false', 'English words collected');
  const vi = [...Object.values(texts.vi).filter((s) => s !== texts.vi.otherLanguage)];
  for (const [, text] of cardVariants) {
    const card = await parse(text);
    vi.push(...card.checks.map((c) => checkText(c, 'vi')), ...[...card.errors, ...card.warnings].map((p) => problemText(p, 'vi')));
  }
  vi.push(...wordedCodes.errors.map((code) => errorText({ code }, 'vi')));
  assert.deepEqual(vi.filter((s) => words(s).some((w) => english.has(w))), []);
});

test('every card result, the photo states and the cleared page are Vietnamese only', async () => {
  const browser = await launch();
  try {
    const { page, record } = await openIdle(browser, origin);
    await assertNoEnglish(page, 'idle');
    for (const [name, text] of cardVariants.filter(([, text]) => text.trim())) { // the page ignores a blank box
      await submitText(page, text);
      await assertNoEnglish(page, `card "${name}"`);
    }
    // The page words checks in the page's language from their codes: one check in both languages.
    const wrong = cardVariants.find(([n]) => n === 'century digit wrong')[1];
    await submitText(page, wrong);
    const line = '#checks [data-check="id.centurySex"]';
    assert.equal(await page.textContent(`${line} .detail`), ' — chữ số thứ 4 là 1, nhưng nam sinh năm 1985 phải là 0');
    assert.match(await page.textContent('#problems'), /^Lỗi: Chữ số thế kỷ và giới tính: chữ số thứ 4 là 1/);
    await screenshot(page, 'invalid-checks-vi');
    await page.click('[data-testid=lang-toggle]');
    assert.equal(await page.textContent(`${line} .detail`), ' — digit 4 is 1 but a male born 1985 has 0');
    assert.match(await page.textContent('#problems'), /^Error: Century and sex digit: digit 4 is 1/);
    await screenshot(page, 'invalid-checks-en');
    await page.click('[data-testid=lang-toggle]');

    // Every other state a result can leave the page in: a photo without a code, a file that is no image, a batch.
    const vietnamese = (p, state) => (state === 'english' ? null : assertNoEnglish(p, state)); // the walk toggles English once
    await walkResults(page, vietnamese, (n) => cardVariants.find(([name]) => name === n)[1]);
    // A file that is no image, worded from its code in both languages.
    await page.setInputFiles('[data-testid=photo-input]', { name: 'anh.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('no image') });
    await page.waitForSelector('[data-testid=status][data-state=error]');
    assert.equal(await page.textContent('[data-testid=status]'), 'Không đọc được tệp ảnh: tệp không phải ảnh, hoặc ảnh bị hỏng');
    await page.click('[data-testid=lang-toggle]');
    assert.equal(await page.textContent('[data-testid=status]'), 'Could not read the image file: the file is not an image, or the image is damaged');
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await browser.close();
  }
});

test('the camera states and failures, and a reader that cannot load, are Vietnamese only', async () => {
  await walkCameraFailures(origin, async (page, state) => {
    await assertNoEnglish(page, `camera ${state}`);
    if (state !== 'error') return;
    assert.equal(await page.textContent('[data-testid=status]'), 'Không mở được camera: camera gặp lỗi');
    // The browser's English message is kept out of the text, for support only.
    assert.match(await page.getAttribute('[data-testid=status]', 'data-detail'), /TypeError: bad constraints/);
    await screenshot(page, 'camera-error-vi');
  });
  const browser = await launch();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route('**/dist/cccd_scanner.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(`${origin}/`);
    await page.waitForSelector('[data-testid=status][data-state=error]');
    assert.match(await page.textContent('[data-testid=status]'), /^Không tải được bộ đọc: /);
    await assertNoEnglish(page, 'reader failed');
    await screenshot(page, 'reader-failed-vi');
  } finally {
    await browser.close();
  }
});

test('scanning, a card read by the camera and the stopped camera are Vietnamese only', async (t) => {
  const read = await walkCameraRead(origin, assertNoEnglish);
  if (!read) unavailable(t, `camera video not found at ${cameraVideo} (set CCCD_CORPUS_DIR)`);
});
