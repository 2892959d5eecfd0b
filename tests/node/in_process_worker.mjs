// Test support: web/src/worker.js run in this Node process behind a stand-in for the browser's Worker,
// so worker_client.js and worker.js talk through their real protocol (protocol.js) on the real WASM build.
// Messages are structured-cloned both ways with their transfer lists, as postMessage does (a camera
// stream's message is passed as it is: Node cannot clone its fake VideoFrames). Every message is recorded
// in `log` as {to: 'worker' | 'main', data}. One such worker at a time: worker.js talks to the global
// `self`, which each new worker takes over.
import { Op } from '../../web/src/protocol.js';

let made = 0;

export class InProcessWorker {
  static last = null;

  constructor(url, options) {
    this.url = url;
    this.options = options;
    this.log = [];
    this.terminated = false;
    this.onmessage = null;
    this.onerror = null;
    const scope = {
      onmessage: null,
      postMessage: (data, transfer = []) => {
        const copy = structuredClone(data, { transfer });
        this.log.push({ to: 'main', data: copy });
        setImmediate(() => { if (!this.terminated) this.onmessage?.({ data: copy }); });
      },
    };
    this.scope = scope;
    globalThis.self = scope;
    // A fresh module instance per worker (its own scanner and queue), like a new Worker's own realm.
    this.loaded = import(`${url.href ?? url}?worker=${++made}`);
    InProcessWorker.last = this;
  }

  postMessage(data, transfer = []) {
    if (this.terminated) return;
    const copy = data?.op === Op.stream ? data : structuredClone(data, { transfer }); // throws DataCloneError like a Worker
    this.log.push({ to: 'worker', data: copy });
    this.loaded.then(() => setImmediate(() => { if (!this.terminated) this.scope.onmessage({ data: copy }); }));
  }

  terminate() {
    this.terminated = true;
  }
}

/** Installs the stand-in as globalThis.Worker (createWorkerScanner() then runs worker.js in-process). */
export function installInProcessWorker() {
  globalThis.Worker = InProcessWorker;
}
