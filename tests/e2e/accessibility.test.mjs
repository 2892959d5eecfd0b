// Accessibility (issue 18): axe-core finds no violation in any state of the page, at desktop and phone
// sizes; the whole flow works from the keyboard; a read is announced to screen readers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { cameraVideo, corpusDir, engine, launchWithCamera, screenshot, servedBrowser } from './browser.mjs';
import { axeViolations } from './axe.mjs';
import { openIdle, walkCameraFailures, walkCameraRead, walkResults } from './page_states.mjs';
import { cardVariants } from '../support/card_variants.mjs';
import { unavailable } from '../support/unavailable.mjs';

const env = servedBrowser();
const photoDir = `${corpusDir}/cccd-synth/normal`;
const photos = () => readFileSync(`${photoDir}/index.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const variant = (name) => cardVariants.find(([n]) => n === name)[1];

// Every state at a desktop's and a phone's size: axe-core finds no violation, and a screenshot of each
// (tests/e2e/screenshots/states/SIZE-STATE.png) is there to be looked at.
const SIZES = { desktop: { viewport: { width: 1280, height: 800 } }, phone: { viewport: { width: 390, height: 844 } } };

for (const [size, contextOptions] of Object.entries(SIZES)) {
  const visit = async (page, state) => {
    await screenshot(page, `states/${size}-${state.replaceAll(' ', '-')}`);
    assert.deepEqual(await axeViolations(page), [], `axe-core at ${size} size in state "${state}"`);
  };

  test(`axe-core, ${size}: no violation with each kind of result, a photo without a code, a batch`, async (t) => {
    const { context, page } = await openIdle(env.browser, env.origin, null, contextOptions);
    try {
      if (!(await walkResults(page, visit, variant))) unavailable(t, `corpus not found at ${photoDir}`);
    } finally {
      await context.close();
    }
  });

  test(`axe-core, ${size}: no violation in the camera's states`, async (t) => {
    await walkCameraFailures(env.origin, (page, state) => visit(page, `camera-${state}`), contextOptions);
    const read = await walkCameraRead(env.origin, (page, state) => visit(page, `camera-${state}`), contextOptions);
    if (!read) unavailable(t, `camera video not found at ${cameraVideo} (set CCCD_CORPUS_DIR)`);
  });
}

// Tab until `selector` has the focus; the number of presses it took (fails after 40).
async function tabTo(page, selector) {
  for (let n = 1; n <= 40; n++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement?.matches(sel), selector)) return n;
  }
  assert.fail(`Tab never reached ${selector}`);
}

test('the whole flow from the keyboard: camera, photo, text, copy, clear, language, batch; a read is announced', async (t) => {
  if (engine !== 'chromium') {
    // The facade's keyboard sends keys to an element, not Tab through the page's focus order.
    t.diagnostic(`${engine}: the keyboard walk needs Playwright's keyboard (Tab through the page's focus order), which the facade lacks`);
    return t.skip('Chromium only');
  }
  if (!existsSync(cameraVideo) || !existsSync(photoDir)) return unavailable(t, `corpus not found under ${corpusDir}`);
  const browser = await launchWithCamera();
  try {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    // File-chooser interception on for the page's whole life: Playwright turns it on when a 'filechooser'
    // listener is added and off when the last one goes, without waiting for the browser, so a chooser opened
    // right after a fresh waitForEvent could open natively, unreported (the race puppeteer#6040 describes).
    page.on('filechooser', () => {});
    await page.goto(`${env.origin}/`);
    await page.waitForSelector('[data-testid=status][data-state=idle]');
    // The status line is a polite live region: what it says when a card is read is announced.
    assert.equal(await page.evaluate(() => document.querySelector('[data-testid=status]').closest('[aria-live]')?.getAttribute('aria-live')), 'polite');

    // Camera: Tab to "Bật camera", Enter; the card is read and announced; Tab to Copy, Enter; to Clear, Enter.
    await tabTo(page, '[data-testid=start-camera]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=status][data-state=found]');
    const firstRead = await page.textContent('[data-testid=status]');
    assert.equal(firstRead.trim(), 'Đã đọc thẻ, dữ liệu hợp lệ.');
    await tabTo(page, '[data-testid=copy-json]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid=status]').textContent === 'Đã sao chép.');
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    assert.equal(copied.ok, true);
    await tabTo(page, '[data-testid=clear]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid=result]').hidden);
    await tabTo(page, '[data-testid=start-camera]');
    await page.keyboard.press('Enter'); // stop
    await page.waitForSelector('[data-testid=status][data-state=idle]');

    // A photo: Tab to the file input, Space opens the chooser.
    const entry = photos()[0];
    await tabTo(page, '[data-testid=photo-input]');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
    await chooser.setFiles(`${photoDir}/${entry.file}`);
    await page.waitForSelector('[data-testid=status][data-state=found]');
    assert.equal(await page.textContent('[data-testid=field-id]'), entry.fields.id);
    // A second valid card in a row: the same words, but the live region's text changes, so it is announced.
    const after = await page.textContent('[data-testid=status]');
    assert.equal(after.trim(), 'Đã đọc thẻ, dữ liệu hợp lệ.');
    assert.notEqual(after, firstRead);

    // Text: Tab to the box, type, Enter.
    await tabTo(page, '[data-testid=wedge-input]');
    await page.keyboard.insertText(variant('century digit wrong'));
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=status][data-state=invalid]');
    assert.equal((await page.textContent('[data-testid=status]')).trim(), 'Dữ liệu thẻ không hợp lệ — xem các lỗi bên dưới.');

    // Language: the toggle from the keyboard.
    await tabTo(page, '[data-testid=lang-toggle]');
    await page.keyboard.press('Enter');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.keyboard.press('Enter');
    assert.equal(await page.getAttribute('html', 'lang'), 'vi');

    // A batch: Tab to its file input, Space, two photos; the progress is announced as it goes.
    await tabTo(page, '[data-testid=batch-input]');
    const [batchChooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
    await batchChooser.setFiles(photos().slice(0, 2).map((p) => `${photoDir}/${p.file}`));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=batch-table] tbody tr[data-status=ok]').length === 2);
    assert.equal(await page.evaluate(() => document.querySelector('[data-testid=batch-count]').closest('[aria-live]')?.getAttribute('aria-live')), 'polite');
    await tabTo(page, '[data-testid=batch-csv]');
    await context.close();
  } finally {
    await browser.close();
  }
});
