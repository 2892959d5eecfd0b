// Detached and closed inputs (issue 6): pixels whose ArrayBuffer was transferred away, ImageBitmaps and
// VideoFrames that were closed or already handed to someone else. Both scanners, the main-thread one
// (createScanner) and the Worker one (createWorkerScanner), answer each with a typed CccdScannerError
// whose message names the cause, and keep working afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, servedBrowser } from './browser.mjs';

const env = servedBrowser();

// Runs every bad input through `make` ('main' or 'worker') in the page; returns, per case, the error's
// name, code and message, and finally whether a good frame still scans.
async function tryAll(page, which) {
  return page.evaluate(async (which) => {
    const { createScanner, createWorkerScanner } = await import('/src/index.js');
    const scanner = which === 'worker' ? await createWorkerScanner() : await createScanner();
    const detach = (buffer) => structuredClone(buffer, { transfer: [buffer] });
    const bitmap = () => createImageBitmap(new ImageData(8, 8));
    const frame = () => new VideoFrame(new Uint8Array(8 * 8 * 4), { format: 'RGBA', codedWidth: 8, codedHeight: 8, timestamp: 0 });
    const cases = {
      'detached ImageData': () => { const d = new ImageData(8, 8); detach(d.data.buffer); return scanner.scanImageData(d); },
      'detached {data, width, height}': () => {
        const data = new Uint8Array(64); detach(data.buffer); return scanner.scanImageData({ data, width: 8, height: 8 });
      },
      'closed ImageBitmap': async () => { const b = await bitmap(); b.close(); return scanner.scanImage(b); },
      'transferred ImageBitmap': async () => { const b = await bitmap(); structuredClone(b, { transfer: [b] }); return scanner.scanImage(b); },
      'closed VideoFrame': () => { const f = frame(); f.close(); return scanner.scanImage(f); },
    };
    const out = {};
    for (const [name, run] of Object.entries(cases)) {
      try {
        await run();
        out[name] = 'no error';
      } catch (e) {
        out[name] = { name: e.name, code: e.code, message: e.message };
      }
    }
    const after = await scanner.scanImageData(new ImageData(8, 8));
    scanner.destroy();
    return { out, stillWorks: after.found === false };
  }, which);
}

for (const which of ['main', 'worker']) {
  test(`${which === 'main' ? 'createScanner' : 'createWorkerScanner'}: detached and closed inputs give typed errors that say so`, async () => {
    const { context, page } = await openPage(env.browser, `${env.origin}/`);
    const { out, stillWorks } = await tryAll(page, which);
    for (const [name, e] of Object.entries(out)) {
      assert.equal(e.name, 'CccdScannerError', `${name}: ${JSON.stringify(e)}`);
      assert.equal(e.code, 'invalid-argument', `${name}: ${JSON.stringify(e)}`);
      assert.match(e.message, /detached|closed|transferred/, `${name}: ${e.message}`);
    }
    assert.ok(stillWorks, 'the scanner still scans after the bad inputs');
    await context.close();
  });
}

// Whatever else the browser refuses to hand over (postMessage throws DataCloneError before the worker sees
// anything) is a typed error too, and the request does not stay pending: the next call is answered.
test('createWorkerScanner: an input postMessage refuses is a typed error, and the next call is answered', async () => {
  const { context, page } = await openPage(env.browser, `${env.origin}/`);
  const result = await page.evaluate(async () => {
    const { createWorkerScanner } = await import('/src/index.js');
    const scanner = await createWorkerScanner();
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function refuse() {
      Worker.prototype.postMessage = post;
      throw new DOMException('could not be cloned', 'DataCloneError');
    };
    let error;
    try {
      await scanner.scanImageData(new ImageData(8, 8));
    } catch (e) {
      error = { name: e.name, code: e.code, message: e.message };
    }
    const next = await Promise.race([scanner.parse('not a card'), new Promise((r) => setTimeout(() => r('timeout'), 5000))]);
    scanner.destroy();
    return { error, answered: next !== 'timeout' && typeof next === 'object' };
  });
  assert.equal(result.error?.name, 'CccdScannerError', JSON.stringify(result.error));
  assert.equal(result.error.code, 'invalid-argument');
  assert.match(result.error.message, /cannot be handed to the decoding worker.*could not be cloned/);
  assert.ok(result.answered, 'the next request is answered');
  await context.close();
});
