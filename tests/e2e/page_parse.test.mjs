// The standalone page in a real browser: the keyboard-wedge path, under the page's strict CSP,
// with no request leaving the page's own origin and nothing stored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, screenshot, servedBrowser } from './browser.mjs';
import { submitText } from './page_states.mjs';

const env = servedBrowser();

const payload = '001099012345|123456789|Nguyễn Văn Đức|01011999|Nam|Số 1, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|15042021';

// The text's result (submitText empties the JSON first: a second card never reads as the first's).
async function typeIntoWedge(page, text) {
  await submitText(page, text);
  return JSON.parse(await page.textContent('[data-testid=result-json]'));
}

test('a mojibake payload from a USB scanner shows the repaired fields', async () => {
  const { context, page, record } = await openPage(env.browser, `${env.origin}/`);
  await page.waitForSelector('[data-testid=status][data-state=idle]');
  await screenshot(page, 'idle-vi');
  const mojibake = Buffer.from(payload, 'utf8').toString('latin1');
  const result = await typeIntoWedge(page, mojibake);
  assert.equal(result.repaired, true);
  assert.equal(result.fields.name, 'Nguyễn Văn Đức');
  assert.equal(await page.textContent('[data-testid=field-name]'), 'Nguyễn Văn Đức');
  assert.equal(await page.textContent('[data-testid=field-dateOfBirth]'), '01/01/1999');
  assert.equal(await page.getAttribute('[data-testid=status]', 'data-state'), 'found');
  await screenshot(page, 'found-vi');

  // English toggle re-labels the page and keeps the result.
  await page.click('[data-testid=lang-toggle]');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.textContent('[data-testid=status]'), /valid/);
  await screenshot(page, 'found-en');

  assert.deepEqual(record.cspViolations, []);
  assert.deepEqual(record.pageErrors, []);
  assert.deepEqual(record.requests.filter((u) => !u.startsWith(env.origin)), []);
  const storage = await page.evaluate(async () => ({
    cookies: document.cookie,
    local: localStorage.length,
    session: sessionStorage.length,
    idb: (await indexedDB.databases()).length,
  }));
  assert.deepEqual(storage, { cookies: '', local: 0, session: 0, idb: 0 });
  await context.close();
});

test('the address after the July 2025 reform: one commune, a split one with its candidates, in both languages', async () => {
  const { context, page, record } = await openPage(env.browser, `${env.origin}/`);
  await page.waitForSelector('[data-testid=status][data-state=idle]');
  // The first card may come before the table (loaded on first use, never waited for): the row says it is
  // loading, then fills in.
  await typeIntoWedge(page, '036190001234||Trần Thị Bình|01011990|Nữ|Xóm 2, Hải Châu, Hải Hậu, Nam Định|01022022');
  await page.waitForFunction(() => document.querySelector('[data-testid=field-address2025]')?.textContent === 'Xóm 2, Xã Hải Thịnh, Tỉnh Ninh Bình');
  const one = JSON.parse(await page.textContent('[data-testid=result-json]'));
  assert.equal(one.fields.address2025.match, 'one');
  assert.match(await page.textContent('#fields'), /Địa chỉ mới \(từ 1\/7\/2025\)/);
  const split = await typeIntoWedge(page, '001099012345|123456789|Lê Văn Hùng|01011999|Nam|Số 3, Phường Ngọc Hà, Quận Ba Đình, Hà Nội|15042021');
  assert.equal(split.fields.address2025.match, 'ambiguous');
  const shown = await page.textContent('[data-testid=field-address2025]');
  assert.match(shown, /^Xã\/phường cũ được chia cho nhiều đơn vị mới, có thể là:/);
  for (const c of split.fields.address2025.candidates) assert.ok(shown.includes(`${c.commune} (${c.communeCode})`), shown);
  await screenshot(page, 'address2025-split-vi');
  await page.click('[data-testid=lang-toggle]');
  assert.match(await page.textContent('[data-testid=field-address2025]'), /^The old commune was split/);
  assert.match(await page.textContent('#fields'), /New address \(from 1 July 2025\)/);
  assert.deepEqual(record.cspViolations, []);
  assert.deepEqual(record.requests.filter((u) => !u.startsWith(env.origin)), []);
  await context.close();
});

test('scanning never waits for the address table: a slow one fills in later, a missing one is said so', async () => {
  const card = '036190001234||Trần Thị Bình|01011990|Nữ|Xóm 2, Hải Châu, Hải Hậu, Nam Định|01022022';
  for (const mode of ['slow', 'missing']) {
    const { context, page } = await openPage(env.browser, `${env.origin}/`);
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route('**/dist/address2025.tsv', async (route) => {
      await held;
      if (mode === 'slow') await route.continue();
      else await route.fulfill({ status: 404, body: 'not here' });
    });
    await page.waitForSelector('[data-testid=status][data-state=idle]');
    const result = await typeIntoWedge(page, card);
    assert.equal(result.ok, true);
    assert.equal(result.fields.address2025, null);
    assert.equal(await page.textContent('[data-testid=field-address2025]'), 'Đang tải bảng đối chiếu địa chỉ mới…');
    assert.equal(await page.textContent('[data-testid=field-name]'), 'Trần Thị Bình');
    release();
    const want = mode === 'slow' ? 'Xóm 2, Xã Hải Thịnh, Tỉnh Ninh Bình' : 'Chưa tải được bảng đối chiếu địa chỉ mới';
    await page.waitForFunction((w) => document.querySelector('[data-testid=field-address2025]')?.textContent === w, want);
    await context.close();
  }
});

test('invalid card data is shown as invalid with the failing check', async () => {
  const { context, page } = await openPage(env.browser, `${env.origin}/`);
  await page.waitForSelector('[data-testid=status][data-state=idle]');
  const result = await typeIntoWedge(page, payload.replace('01011999', '31021999'));
  assert.equal(result.ok, false);
  assert.equal(await page.getAttribute('[data-testid=status]', 'data-state'), 'invalid');
  assert.equal(await page.getAttribute('[data-check="dateOfBirth.valid"]', 'class'), 'fail');
  await screenshot(page, 'invalid-vi');

  // The new-address row fills in when the address table has loaded, and the layout can move under a click
  // (WebKit's driver clicks where the button was a round trip earlier): clear once the card is final.
  await page.waitForFunction(() => document.querySelector('[data-testid=field-address2025]')?.textContent === 'Số 1, Phường Sài Gòn, Thành phố Hồ Chí Minh');
  await page.click('[data-testid=clear]');
  assert.equal(await page.textContent('[data-testid=result-json]'), '');
  assert.equal(await page.isHidden('[data-testid=result]'), true);
  await context.close();
});

// One keydown per character and then Enter, gapMs apart, dispatched inside the page as a keyboard-wedge
// scanner's keys arrive (Playwright's keyboard.type makes one round trip per key, which on a loaded machine
// can outlast the page's burst gap, and it inserts non-US characters without keydown events).
async function sendKeys(page, text, gapMs) {
  await page.evaluate(async ([keys, gap]) => {
    for (const key of [...keys, 'Enter']) {
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      await new Promise((r) => setTimeout(r, gap));
    }
  }, [text, gapMs]);
}

test('a burst of keys typed anywhere on the page is read as a scan', async () => {
  const { context, page } = await openPage(env.browser, `${env.origin}/`);
  await page.waitForSelector('[data-testid=status][data-state=idle]');
  await page.click('h1');
  await sendKeys(page, payload, 2);
  await page.waitForSelector('[data-testid=status][data-state=found]');
  assert.equal(await page.textContent('[data-testid=field-id]'), '001099012345');
  await context.close();
});

test('a scanner burst stays one scan when the page is busy in the middle of it', async () => {
  const { context, page } = await openPage(env.browser, `${env.origin}/`);
  await page.waitForSelector('[data-testid=status][data-state=idle]');
  // The keys arrive 1 ms apart (each event's timeStamp), but the page is busy for 250 ms after the first
  // half and handles the rest late: the gap between arrivals, not between handlings, says it was a scanner.
  await page.evaluate(async (text) => {
    const events = [];
    for (const key of [...text, 'Enter']) {
      events.push(new KeyboardEvent('keydown', { key, bubbles: true }));
      await new Promise((r) => setTimeout(r, 1));
    }
    const half = events.length >> 1;
    events.slice(0, half).forEach((e) => document.body.dispatchEvent(e));
    const until = performance.now() + 250;
    while (performance.now() < until);
    events.slice(half).forEach((e) => document.body.dispatchEvent(e));
  }, payload);
  await page.waitForSelector('[data-testid=status][data-state=found]');
  assert.equal(await page.textContent('[data-testid=field-id]'), '001099012345');
  await context.close();
});

test('a scanner\'s burst of mojibake keys anywhere on the page is repaired', async () => {
  const { context, page } = await openPage(env.browser, `${env.origin}/`);
  await page.waitForSelector('[data-testid=status][data-state=idle]');
  const mojibake = Buffer.from(payload, 'utf8').toString('latin1');
  // A wedge scanner on a Windows-1252 layout sends one keydown per character, a few ms apart.
  await sendKeys(page, mojibake, 1);
  await page.waitForSelector('[data-testid=status][data-state=found]');
  const result = JSON.parse(await page.textContent('[data-testid=result-json]'));
  assert.equal(result.repaired, true);
  assert.equal(await page.textContent('[data-testid=field-name]'), 'Nguyễn Văn Đức');
  assert.equal(await page.textContent('[data-testid=field-address]'), 'Số 1, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh');
  // Slow typing by a person is not taken for a scan.
  await page.click('[data-testid=clear]');
  await sendKeys(page, payload.slice(0, 30), 150);
  assert.equal(await page.isHidden('[data-testid=result]'), true, await page.textContent('[data-testid=result-json]'));
  await context.close();
});

test('";"-separated text, a spreadsheet row and pasted "label: value" lines read like the QR text', async () => {
  const { context, page } = await openPage(env.browser, `${env.origin}/`);
  await page.waitForSelector('[data-testid=status][data-state=idle]');
  // The first card may come before the address table: compare without the new address.
  const withoutNew = ({ address2025, ...rest }) => rest;
  const fields = withoutNew((await typeIntoWedge(page, payload)).fields);
  const labelled = ['Số CCCD: 001099012345', 'Số CMND: 123456789', 'Họ và tên: Nguyễn Văn Đức', 'Ngày sinh: 01/01/1999',
    'Giới tính: Nam', 'Nơi thường trú: Số 1, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh', 'Ngày cấp: 15/04/2021'].join('\n');
  for (const [text, code, words] of [
    [payload.replaceAll('|', ';'), 'separator-semicolon', /dấu “;”/],
    [payload.replaceAll('|', '\t'), 'separator-tab', /dấu tab/],
    [labelled, 'labelled-lines', /nhãn: giá trị/],
  ]) {
    const card = await typeIntoWedge(page, text);
    assert.deepEqual(withoutNew(card.fields), fields, code);
    assert.deepEqual(card.warnings.map((w) => w.code), [code]);
    assert.equal(await page.textContent('[data-testid=field-name]'), 'Nguyễn Văn Đức');
    assert.match(await page.textContent(`#problems [data-code=${code}]`), words);
  }
  await context.close();
});
