// Chromium only: the memory the scan page holds, read through the DevTools protocol after a garbage
// collection in the page and in its decoding Worker (tests/e2e/batch.test.mjs, bench/batch_memory.mjs).
//   pageHeap, workerHeap: V8 heap in use plus ArrayBuffer backing stores (an ImageData's pixels count here)
//   wasm: the Worker scanner's memoryStats() — WASM memory size and the allocator's bytes in use
//   rendererMB: resident memory of the browser's renderer processes (the page, its Worker and everything
//     they decoded: ImageBitmaps, canvases and WASM memory live there), from /proc
//   live: how many ImageBitmap, ImageData, File and HTMLImageElement objects the page still holds
// The Worker is reached with Target.attachToTarget in non-flattened mode (Playwright's CDPSession talks to
// one target). Its scanner is worker.js's module variable `current`: the probe pauses the Worker on its
// next message (`trigger` must make the page send one), reads current.memoryStats() in that frame and
// resumes. Runtime.queryObjects, which would find the WebAssembly.Memory directly, never answers in a
// Worker (Chromium 156).
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

const MB = 1 << 20;

/**
 * @param {import('playwright-core').Browser} browser
 * @param {import('playwright-core').Page} page a page whose Worker (src/worker.js) is running
 * @param {{trigger: () => Promise<unknown>}} options `trigger`: makes the page send the Worker a message
 */
export async function memoryProbe(browser, page, { trigger }) {
  const cdp = await page.context().newCDPSession(page);
  const browserCdp = await browser.newBrowserCDPSession();

  // This page's Worker: the one in the page's browser context (a closed page's may linger a moment).
  const { targetInfo: own } = await cdp.send('Target.getTargetInfo');
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'worker' && t.browserContextId === own.browserContextId &&
    /\/src\/worker\.js$/.test(t.url));
  if (!target) throw new Error(`the decoding Worker is not running (targets: ${targetInfos.map((t) => t.url).join(', ')})`);
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let nextId = 0;
  const pending = new Map();
  const events = [];
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    if (e.sessionId !== sessionId) return;
    const message = JSON.parse(e.message);
    if (message.id && pending.has(message.id)) {
      const { resolve, reject, method } = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) reject(new Error(`worker ${method}: ${JSON.stringify(message.error)}`));
      else resolve(message.result);
    } else if (message.method) {
      events.push(message);
    }
  });
  const worker = (method, params = {}) => new Promise((resolve, reject) => {
    const id = ++nextId;
    pending.set(id, { resolve, reject, method });
    cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
  });

  async function wasmStats() {
    events.length = 0;
    await worker('Debugger.enable');
    try {
      await worker('Debugger.pause');
      await trigger();
      const until = Date.now() + 10_000;
      let paused;
      while (!(paused = events.find((e) => e.method === 'Debugger.paused'))) {
        if (Date.now() > until) throw new Error('the Worker did not run: did `trigger` send it a message?');
        await sleep(10);
      }
      const expression = "typeof current === 'object' && current !== null ? current.memoryStats() : null";
      let stats = null;
      for (const frame of paused.params.callFrames) {
        const { result } = await worker('Debugger.evaluateOnCallFrame', { callFrameId: frame.callFrameId, expression, returnByValue: true });
        if ((stats = result?.value ?? null)) break;
      }
      await worker('Debugger.resume');
      if (!stats) throw new Error("worker.js's scanner (module variable `current`) not found in the paused frames: update memory_probe.mjs");
      return stats;
    } finally {
      await worker('Debugger.disable').catch(() => {});
    }
  }

  async function liveCount(constructor) {
    const proto = await cdp.send('Runtime.evaluate', { expression: `${constructor}.prototype` });
    const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId });
    const { result } = await cdp.send('Runtime.callFunctionOn', { objectId: objects.objectId, functionDeclaration: 'function () { return this.length; }', returnByValue: true });
    await cdp.send('Runtime.releaseObject', { objectId: objects.objectId });
    return result.value;
  }

  async function rendererMB() {
    const { processInfo } = await browserCdp.send('SystemInfo.getProcessInfo');
    let kB = 0;
    for (const p of processInfo.filter((info) => info.type === 'renderer')) {
      try {
        kB += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p.id}/status`, 'utf8'))?.[1] ?? 0);
      } catch { /* the process just ended */ }
    }
    return kB / 1024;
  }

  const heap = ({ usedSize, backingStorageSize = 0 }) => (usedSize + backingStorageSize) / MB;

  return {
    /** Collects garbage in the page and the Worker, then reads every figure (sizes in MB). */
    async measure() {
      await cdp.send('HeapProfiler.collectGarbage');
      await worker('HeapProfiler.collectGarbage');
      const wasm = await wasmStats();
      const live = {};
      for (const name of ['ImageBitmap', 'ImageData', 'File', 'HTMLImageElement']) live[name] = await liveCount(name);
      return {
        pageHeap: heap(await cdp.send('Runtime.getHeapUsage')),
        workerHeap: heap(await worker('Runtime.getHeapUsage')),
        wasmMemory: wasm.memoryBytes / MB,
        wasmAllocated: wasm.allocatedBytes / MB,
        rendererMB: await rendererMB(),
        live,
      };
    },
    async close() {
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
      await cdp.detach().catch(() => {});
      await browserCdp.detach().catch(() => {});
    },
  };
}
