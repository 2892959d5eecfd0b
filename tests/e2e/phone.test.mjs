// Phone-first scanning (issue 18) with the fake camera playing cccd-video/card-approach.mjpeg: on a
// portrait phone (390×844, 360×740) the video fills most of the screen while scanning, with the status
// and the Stop button on screen; the aiming frame has an ID-1 card's shape and says which side to show;
// the result comes up as a bottom sheet with Copy and Clear within thumb reach, focus on its heading, and
// Escape closing it; the optional beep and vibration fire once per card and never when off. On a desktop
// (1280×800) the layout stays as it was: the video 16:9 in the flow, the result in the flow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { cameraVideo, engine, launchWithCamera, noStorage, openPage, screenshot, servedBrowser,
  storageOf } from './browser.mjs';
import { unavailable } from '../support/unavailable.mjs';

const env = servedBrowser({}, () => launchWithCamera());
const phoneContext = (width, height) => ({ viewport: { width, height }, isMobile: true, hasTouch: true });
const CARD_RATIO = 85.6 / 54; // ISO/IEC 7810 ID-1

const box = (page, selector) => page.$eval(selector, (el) => {
  const r = el.getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height, right: r.right, bottom: r.bottom };
});
// Several boxes at one moment (the status line changing its text moves what is under it).
const boxes = (page, selectors) => page.evaluate((sels) => sels.map((s) => {
  const r = document.querySelector(s).getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height, right: r.right, bottom: r.bottom };
}), selectors);
const inViewport = (b, { w, h }) => b.x >= -0.5 && b.y >= -0.5 && b.right <= w + 0.5 && b.bottom <= h + 0.5;
const inside = (inner, outer) => inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 &&
  inner.right <= outer.right + 0.5 && inner.bottom <= outer.bottom + 0.5;
const fmt = (b) => `${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.width)}×${Math.round(b.height)}`;

// Not covered by anything: the element itself is what is hit at its centre and near its four corners (8 px
// in: clear of rounded corners, and of WebKitGTK's overlay scrollbar, hit along a scroller's right edge).
const fullyVisible = (page, selector) => page.$eval(selector, (el) => {
  const r = el.getBoundingClientRect();
  const points = [[r.x + r.width / 2, r.y + r.height / 2], [r.x + 8, r.y + 8], [r.right - 8, r.y + 8],
    [r.x + 8, r.bottom - 8], [r.right - 8, r.bottom - 8]];
  return points.every(([x, y]) => el.contains(document.elementFromPoint(x, y)));
});

// WCAG contrast of an element's text colour on its background (a translucent background over white, the
// worst case for white text on a dark overlay).
const contrast = (page, selector) => page.$eval(selector, (el) => {
  const rgba = (c) => (c.match(/[\d.]+/g) ?? []).map(Number).concat(1).slice(0, 4);
  let [r, g, b, a] = rgba(getComputedStyle(el).backgroundColor);
  let node = el;
  while (a === 0 && node.parentElement) { // transparent: the nearest ancestor with a background
    node = node.parentElement;
    [r, g, b, a] = rgba(getComputedStyle(node).backgroundColor);
  }
  const bg = [r, g, b].map((v) => v * a + 255 * (1 - a));
  const fg = rgba(getComputedStyle(el).color).slice(0, 3);
  const lum = (c) => { const [R, G, B] = c.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * R + 0.7152 * G + 0.0722 * B; };
  const [hi, lo] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
});

// The page at a phone's size; null (with a diagnostic) when this engine cannot size its viewport so. WebKit's
// MiniBrowser window is at least 447 px wide: still a phone's layout (≤ 600 px), checked at that width.
async function openAt(t, width, height, initScript = null) {
  const opened = await openPage(env.browser, `${env.origin}/`, initScript, phoneContext(width, height));
  await opened.page.waitForSelector('[data-testid=status][data-state=idle]');
  const [w, h] = await opened.page.evaluate(() => [innerWidth, innerHeight]);
  if (w > 600 || Math.abs(h - height) > 2) {
    t.diagnostic(`${engine}: asked for a ${width}×${height} viewport, got ${w}×${h}: layout checks skipped`);
    await opened.context.close();
    return null;
  }
  if (w !== width) t.diagnostic(`${engine}: asked for a ${width}×${height} viewport, got ${w}×${h}: checked at that size`);
  return { ...opened, w, h };
}

test('phone: the video fills the screen, the frame is card-shaped and says which side, the result is a sheet', async (t) => {
  if (!existsSync(cameraVideo)) return unavailable(t, `camera video not found at ${cameraVideo} (set CCCD_CORPUS_DIR)`);
  for (const [width, height, name] of [[390, 844, 'phone'], [360, 740, 'phone-360']]) {
    const opened = await openAt(t, width, height);
    if (!opened) continue;
    const { context, page, record } = opened;
    const view = { w: opened.w, h: opened.h };
    await screenshot(page, `${name}-idle-vi`);
    const side = await page.textContent('[data-testid=aim]');
    assert.match(side, /mặt trước/);
    assert.match(side, /mặt sau/);
    // Before the camera runs a phone shows everything, in one column, with 44 px touch targets.
    for (const sel of ['[data-testid=start-camera]', '[data-testid=lang-toggle]', '#wedge-form button']) {
      assert.ok((await box(page, sel)).height >= 44 - 0.5, `${sel} is a 44 px touch target`);
    }

    await page.click('[data-testid=start-camera]');
    const started = Date.now();
    await page.waitForSelector('[data-testid=status][data-state=scanning], [data-testid=status][data-state=found]');
    const [video, aim, label] = await boxes(page, ['[data-testid=video]', '[data-testid=aim]', '.aim-label']);
    t.diagnostic(`${width}×${height}: video ${fmt(video)}`);
    assert.ok(video.height >= 0.6 * view.h, `the video is ${Math.round(video.height)} px high, < 60 % of ${view.h}`);
    assert.ok(inViewport(video, view), `video ${fmt(video)} on screen`);
    for (const sel of ['[data-testid=start-camera]', '[data-testid=status]', '.feedback']) {
      const b = await box(page, sel);
      assert.ok(inViewport(b, view) && b.height > 0, `${sel} ${fmt(b)} is on screen`);
    }
    assert.equal(await page.textContent('[data-testid=start-camera]'), 'Tắt camera');
    assert.ok((await box(page, '[data-testid=start-camera]')).height >= 44 - 0.5, 'Stop is a 44 px touch target');
    assert.ok((await box(page, '.feedback')).height >= 44 - 0.5, 'the feedback toggle is a 44 px touch target');
    // The other sections are out of the way, not gone.
    for (const sel of ['[data-testid=lang-toggle]', '.privacy', '.photo', '.input', '#batch']) {
      assert.equal(await page.isHidden(sel), true, `${sel} hidden while scanning`);
      assert.equal(await page.evaluate((s) => document.querySelectorAll(s).length, sel), 1, `${sel} still in the page`);
    }
    // The aiming frame: an ID-1 card's shape, centred in the video, its label inside the video too.
    t.diagnostic(`${width}×${height}: aim ${fmt(aim)} (${(aim.width / aim.height).toFixed(3)}), label ${fmt(label)}`);
    assert.ok(Math.abs(aim.width / aim.height / CARD_RATIO - 1) <= 0.02, `aim ${fmt(aim)} is not 85.6:54`);
    assert.ok(inside(aim, video), `aim ${fmt(aim)} inside the video ${fmt(video)}`);
    assert.ok(Math.abs(aim.x + aim.width / 2 - (video.x + video.width / 2)) <= 2, 'aim centred across');
    assert.ok(Math.abs(aim.y + aim.height / 2 - (video.y + video.height / 2)) <= 2, 'aim centred down');
    assert.ok(inside(label, video), `the aim's label ${fmt(label)} inside the video`);
    assert.ok(await contrast(page, '.aim-label') >= 4.5, 'the aim label is readable over a white frame');
    await screenshot(page, `${name}-scanning-vi`);

    // The card is read: a sheet on screen, Copy and Clear in the bottom third and not covered.
    await page.waitForSelector('[data-testid=status][data-state=found]');
    t.diagnostic(`${width}×${height}: card read ${Date.now() - started} ms after Start`);
    await page.waitForFunction(() => document.activeElement?.id === 'result-title');
    assert.equal(await page.$eval('[data-testid=result]', (el) => getComputedStyle(el).position), 'fixed');
    const sheet = await box(page, '[data-testid=result]');
    assert.ok(inViewport(sheet, view), `sheet ${fmt(sheet)} on screen`);
    assert.ok(sheet.height <= 0.85 * view.h + 1, `sheet ${fmt(sheet)} at most 85 % of the screen`);
    for (const sel of ['[data-testid=copy-json]', '[data-testid=clear]', '[data-testid=close-result]']) {
      const b = await box(page, sel);
      assert.ok(b.y >= (2 / 3) * view.h && b.bottom <= view.h + 0.5, `${sel} ${fmt(b)} within the bottom third`);
      assert.equal(await fullyVisible(page, sel), true, `${sel} fully visible`);
      assert.ok(b.height >= 44 - 0.5, `${sel} is a 44 px touch target`);
      assert.ok(await contrast(page, sel) >= 4.5, `${sel} text contrast`);
    }
    assert.equal(await page.textContent('[data-testid=close-result]'), 'Quét tiếp');
    // The read is announced: the status line (a polite live region) says so, and the sheet leaves it visible.
    assert.equal((await page.textContent('[data-testid=status]')).trim(), 'Đã đọc thẻ, dữ liệu hợp lệ.');
    assert.equal(await page.$eval('[data-testid=status]', (el) => el.closest('[aria-live]')?.getAttribute('aria-live')), 'polite');
    assert.equal(await fullyVisible(page, '[data-testid=status]'), true, 'the status is not under the sheet');
    assert.ok(await contrast(page, '[data-testid=status]') >= 4.5, 'status contrast');
    await screenshot(page, `${name}-found-vi`);

    // Keyboard: Tab from the heading reaches Copy with a visible focus ring; Escape closes the sheet and
    // gives focus back to the camera's button, scanning goes on.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'copy');
    const ring = await page.$eval('[data-testid=copy-json]', (el) => {
      const s = getComputedStyle(el);
      return { visible: el.matches(':focus-visible'), style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    if (engine === 'webkit' && !ring.visible) {
      // WebKitGTK never matches :focus-visible after WebDriver's key actions (not even Tab between two
      // plain buttons): only the focus order is checked there.
      t.diagnostic('webkit: :focus-visible does not match after a WebDriver Tab; focus ring not checked');
    } else {
      assert.deepEqual(ring, { visible: true, style: 'solid', width: 3 });
    }
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => getComputedStyle(document.getElementById('result')).position !== 'fixed');
    assert.equal(await page.isHidden('[data-testid=result]'), true, 'the closed result waits under the camera');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'start-camera');
    assert.equal(await page.isVisible('[data-testid=video]'), true);

    if (name === 'phone') {
      // Stop: the page is back, the result in its flow; in English the frame says which side too.
      await page.click('[data-testid=start-camera]');
      assert.equal(await page.isVisible('[data-testid=lang-toggle]'), true);
      assert.equal(await page.isVisible('[data-testid=result]'), true);
      assert.equal(await page.$eval('[data-testid=result]', (el) => getComputedStyle(el).position), 'static');
      await page.click('[data-testid=lang-toggle]');
      const en = await page.textContent('[data-testid=aim]');
      assert.match(en, /front/);
      assert.match(en, /back/);
      await page.click('[data-testid=start-camera]');
      await page.waitForSelector('[data-testid=status][data-state=scanning], [data-testid=status][data-state=found]');
      assert.equal(await page.isVisible('.aim-label'), true);
      assert.ok((await box(page, '[data-testid=video]')).height >= 0.6 * view.h);
      await screenshot(page, `${name}-scanning-en`);
      await page.waitForSelector('[data-testid=status][data-state=found]');
      assert.equal(await page.textContent('[data-testid=close-result]'), 'Scan again');
      assert.equal((await page.textContent('[data-testid=status]')).trim(), 'Card read; the data is valid.');
      await screenshot(page, `${name}-found-en`);
      // Clear from the sheet: the result is gone, focus back on the camera's button.
      await page.click('[data-testid=clear]');
      assert.equal(await page.isHidden('[data-testid=result]'), true);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'start-camera');
    }

    assert.deepEqual(record.cspViolations, []);
    assert.deepEqual(record.pageErrors, []);
    assert.deepEqual(record.requests.filter((u) => !u.startsWith(env.origin)), []);
    assert.deepEqual(await storageOf(page), noStorage);
    await context.close();
  }
});

// Counts beeps (oscillators started) and vibrations instead of making them.
function countFeedback() {
  window.__feedback = { beeps: 0, vibrations: [], contexts: 0 };
  Object.defineProperty(navigator, 'vibrate', {
    configurable: true,
    value: (pattern) => { window.__feedback.vibrations.push(pattern); return true; },
  });
  const param = () => ({ value: 0, setValueAtTime() {}, exponentialRampToValueAtTime() {}, linearRampToValueAtTime() {} });
  class CountingAudioContext {
    constructor() { window.__feedback.contexts++; this.state = 'running'; this.currentTime = 0; this.destination = {}; }
    resume() { return Promise.resolve(); }
    createGain() { return { gain: param(), connect() {}, disconnect() {} }; }
    createOscillator() {
      return { type: 'sine', frequency: param(), connect() {}, disconnect() {}, stop() {},
        start() { window.__feedback.beeps++; } };
    }
  }
  window.AudioContext = CountingAudioContext;
  window.webkitAudioContext = CountingAudioContext;
}

test('phone: with the toggle on, one beep and one vibration for one card; none with it off', async (t) => {
  if (!existsSync(cameraVideo)) return unavailable(t, `camera video not found at ${cameraVideo}`);
  for (const on of [true, false]) {
    // The counts do not depend on the size; a phone's is the realistic one (and any engine can run it).
    const { context, page, record } = await openPage(env.browser, `${env.origin}/`, countFeedback, phoneContext(390, 844));
    await page.waitForSelector('[data-testid=status][data-state=idle]');
    assert.equal(await page.$eval('[data-testid=feedback-toggle]', (el) => el.checked), false, 'off by default');
    if (on) {
      await page.click('[data-testid=feedback-toggle]');
      assert.equal(await page.$eval('[data-testid=feedback-toggle]', (el) => el.checked), true);
    }
    await page.click('[data-testid=start-camera]');
    await page.waitForSelector('[data-testid=status][data-state=found]');
    // Stop right away (the clip loops; a card leaving and coming back would be a second read).
    await page.evaluate(() => document.getElementById('start-camera').click());
    await page.waitForSelector('[data-testid=status][data-state=idle]');
    const counts = await page.evaluate(() => window.__feedback);
    t.diagnostic(`toggle ${on ? 'on' : 'off'}: ${JSON.stringify(counts)}`);
    if (on) assert.deepEqual(counts, { beeps: 1, vibrations: [80], contexts: 1 });
    else assert.deepEqual(counts, { beeps: 0, vibrations: [], contexts: 0 });
    // The choice is remembered in memory only.
    assert.deepEqual(await storageOf(page), noStorage);
    assert.deepEqual(record.cspViolations, []);
    assert.deepEqual(record.pageErrors, []);
    await context.close();
  }
});

test('desktop (1280×800): the layout stays as it was — video 16:9 in the flow, result in the flow', async (t) => {
  if (!existsSync(cameraVideo)) return unavailable(t, `camera video not found at ${cameraVideo}`);
  const opened = await openPage(env.browser, `${env.origin}/`, null, { viewport: { width: 1280, height: 800 } });
  const { context, page, record } = opened;
  await page.waitForSelector('[data-testid=status][data-state=idle]');
  const [w, h] = await page.evaluate(() => [innerWidth, innerHeight]);
  if (w !== 1280) t.diagnostic(`${engine}: asked for 1280×800, got ${w}×${h}`);
  await screenshot(page, 'phone-desktop-idle-vi');
  await page.click('[data-testid=start-camera]');
  await page.waitForSelector('[data-testid=status][data-state=scanning], [data-testid=status][data-state=found]');
  const [video, aim, label] = await boxes(page, ['[data-testid=video]', '[data-testid=aim]', '.aim-label']);
  t.diagnostic(`desktop: video ${fmt(video)}`);
  assert.ok(Math.abs(video.width / video.height / (16 / 9) - 1) <= 0.01, `video ${fmt(video)} is 16:9`);
  assert.ok(video.height < 0.6 * h, 'the video is not stretched to the screen');
  for (const sel of ['header', '.photo', '.input', '[data-testid=start-camera]']) {
    assert.equal(await page.isVisible(sel), true, `${sel} visible while scanning`);
  }
  assert.ok(Math.abs(aim.width / aim.height / CARD_RATIO - 1) <= 0.02, `aim ${fmt(aim)} is not 85.6:54`);
  assert.ok(inside(aim, video) && inside(label, video), 'aim and its label inside the video');
  await screenshot(page, 'phone-desktop-scanning-vi');
  await page.waitForSelector('[data-testid=status][data-state=found]');
  assert.equal(await page.$eval('[data-testid=result]', (el) => getComputedStyle(el).position), 'static');
  assert.equal(await page.isHidden('[data-testid=close-result]'), true, 'no sheet to close');
  assert.notEqual(await page.evaluate(() => document.activeElement?.id), 'result-title', 'focus is left alone');
  assert.equal(await page.isVisible('[data-testid=video]'), true);
  assert.equal(await page.isVisible('.photo'), true);
  await page.keyboard.press('Escape'); // nothing to close
  assert.equal(await page.isVisible('[data-testid=result]'), true);
  await screenshot(page, 'phone-desktop-found-vi');
  assert.deepEqual(record.cspViolations, []);
  assert.deepEqual(record.pageErrors, []);
  await context.close();
});
