// The scan page driven into its states, for the tests that check one thing in every state (no English
// word in Vietnamese mode, no accessibility violation): each walk calls `visit(page, stateName)`.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cameraVideo, corpusDir, launch, launchWithCamera, openPage } from './browser.mjs';

const photoDir = `${corpusDir}/cccd-synth/normal`;

/** The page, idle (the reader loaded). */
export async function openIdle(browser, origin, initScript = null, contextOptions = {}) {
  const opened = await openPage(browser, `${origin}/`, initScript, contextOptions);
  await opened.page.waitForSelector('[data-testid=status][data-state=idle]');
  return opened;
}

/** Text through the box, as a keyboard-wedge scanner or a paste gives it; waits for its result. */
export async function submitText(page, text) {
  await page.evaluate(() => { document.querySelector('[data-testid=result-json]').textContent = ''; });
  await page.fill('[data-testid=wedge-input]', text);
  await page.press('[data-testid=wedge-input]', 'Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid=result-json]').textContent.length > 0);
}

/** Closes the result sheet where there is one (a phone), as its close button does. */
export async function closeSheet(page) {
  await page.evaluate(() => {
    const close = document.querySelector('[data-testid=close-result]');
    if (close?.getClientRects().length) close.click();
  });
}

/**
 * Results through the text box and the photo input, the language toggled, the page cleared, and a batch:
 * `visit(page, state)` in each. Returns false when the corpus photo for the batch is missing.
 */
export async function walkResults(page, visit, variant) {
  await visit(page, 'idle');
  await submitText(page, variant('valid'));
  await page.waitForSelector('[data-testid=status][data-state=found]');
  await visit(page, 'found');
  await submitText(page, variant('century digit wrong'));
  await page.waitForSelector('[data-testid=status][data-state=invalid]');
  await visit(page, 'invalid');
  await submitText(page, variant('diacritics lost'));
  await visit(page, 'warning');
  await closeSheet(page);
  await page.click('[data-testid=lang-toggle]');
  await visit(page, 'english');
  await page.click('[data-testid=lang-toggle]');
  await page.click('[data-testid=clear]');
  await visit(page, 'cleared');
  await page.setInputFiles('[data-testid=photo-input]', { name: 'anh.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('no image') });
  await page.waitForSelector('[data-testid=status][data-state=error]');
  await visit(page, 'not-an-image');
  await page.setInputFiles('[data-testid=photo-input]', { name: 'anh.png', mimeType: 'image/png', buffer: greyPng() });
  await page.waitForSelector('[data-testid=status][data-state=not-found]');
  await visit(page, 'not-found');
  const photo = cardPhoto();
  if (!photo) return false;
  await runBatchOfThree(page, photo);
  await visit(page, 'batch');
  return true;
}

/** A real image with no QR code in it: a grey 320x240 PNG drawn by ffmpeg. */
export const greyPng = () => execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'color=gray:s=320x240',
  '-frames:v', '1', '-c:v', 'png', '-f', 'image2pipe', '-']);

/** The first cccd-synth photo ({entry, bytes}), or null without the corpus. */
export function cardPhoto() {
  if (!existsSync(photoDir)) return null;
  const entry = JSON.parse(readFileSync(`${photoDir}/index.jsonl`, 'utf8').split('\n')[0]);
  return { entry, bytes: readFileSync(`${photoDir}/${entry.file}`) };
}

/**
 * A batch of three: a card photo, a photo without a code and a file that is no image (neutral file
 * names: a file's name is the user's, shown as it is). Waits until each row has its status.
 */
export async function runBatchOfThree(page, photo) {
  await page.waitForSelector('[data-testid=batch-input]:not([disabled])');
  await page.setInputFiles('[data-testid=batch-input]', [
    { name: 'anh-1.jpg', mimeType: 'image/jpeg', buffer: photo.bytes },
    { name: 'anh-2.png', mimeType: 'image/png', buffer: greyPng() },
    { name: 'anh-3.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image') },
  ]);
  await page.waitForFunction(() =>
    document.querySelectorAll('[data-testid=batch-table] tbody tr:not([data-status=pending])').length === 3);
}

// Each camera failure: [state, launch's camera, init script].
const CAMERA_FAILURES = [
  ['denied', 'denied'],
  ['no-camera', 'absent'],
  ['asking', undefined, () => { navigator.mediaDevices.getUserMedia = () => new Promise(() => {}); }], // prompt open
  ['error', undefined, () => { navigator.mediaDevices.getUserMedia = () => Promise.reject(new TypeError('bad constraints')); }],
];

/** Starts the camera in each failing way: `visit(page, state)` in the state the page shows then. */
export async function walkCameraFailures(origin, visit, contextOptions = {}) {
  for (const [state, camera, initScript] of CAMERA_FAILURES) {
    const browser = await launch({ camera });
    try {
      const { page } = await openIdle(browser, origin, initScript, contextOptions);
      await page.click('[data-testid=start-camera]');
      await page.waitForSelector(`[data-testid=status][data-state=${state}]`);
      await visit(page, state);
    } finally {
      await browser.close();
    }
  }
}

/**
 * The camera playing the corpus clip: `visit` while scanning, once the card is read, and after stop.
 * Returns false (nothing visited) without the clip.
 */
export async function walkCameraRead(origin, visit, contextOptions = {}) {
  if (!existsSync(cameraVideo)) return false;
  const browser = await launchWithCamera();
  try {
    const { page } = await openIdle(browser, origin, null, contextOptions);
    await page.click('[data-testid=start-camera]');
    // Scanning lasts about half a second before the fake camera's card is read: whichever state is on.
    await page.waitForSelector('[data-testid=status][data-state=scanning], [data-testid=status][data-state=found]');
    await visit(page, 'scanning');
    await page.waitForSelector('[data-testid=status][data-state=found]');
    await visit(page, 'found by the camera');
    // Stop: on a phone the result sheet covers the button, and the looping clip may bring the card (and
    // the sheet) back between two clicks; the clicks through the sheet are phone.test.mjs's.
    await page.evaluate(() => document.querySelector('[data-testid=start-camera]').click());
    await page.waitForSelector('[data-testid=status][data-state=idle]');
    await page.evaluate(() => document.querySelector('[data-testid=close-result]').click());
    await visit(page, 'stopped');
  } finally {
    await browser.close();
  }
  return true;
}
