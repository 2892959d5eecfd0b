// The one place that loads the WebAssembly module. The .wasm always comes from this package's own
// folder (dist/, next to the glue): never a CDN, never any other origin.
/** @import { ScannerOptions } from '../types/index.js' */
// The Emscripten glue is built into dist/ (git-ignored) and has no types: tsc leaves it out (noResolve in
// tests/types/tsconfig.checkjs.json), and the module it makes is described by CccdModule below.
// @ts-ignore -- no declaration for the glue (TS7016), or no glue at all before the WASM build (TS2307)
import createCccdModule from '../dist/cccd_scanner.js';

/**
 * The WASM module's functions (src/wasm/bindings.cpp); the string results are JSON.
 * @typedef {object} CccdModule
 * @property {Uint8Array} HEAPU8
 * @property {(text: string) => string} parseJson
 * @property {(width: number, height: number, channels: number, capacity: number, bgra: boolean) => string} prepareFrame
 * @property {() => string} scanFrame
 * @property {() => string} scanLiveFrame
 * @property {() => void} resetLive
 * @property {() => void} wipeFrame
 * @property {() => void} releaseFrame
 * @property {() => string} memoryStats
 * @property {(text: string) => string} loadAddressTable
 * @property {(address: string) => string} mapAddress2025
 */

const isNode = typeof process === 'object' && typeof process.versions?.node === 'string';

/** @param {URL} url */
async function readInNode(url) {
  // A variable specifier keeps browser bundlers from trying to resolve a Node built-in.
  const fsName = 'node:fs/promises';
  const { readFile } = await import(/* @vite-ignore */ fsName);
  return readFile(url);
}

async function readOwnWasmInNode() {
  return readInNode(new URL('../dist/cccd_scanner.wasm', import.meta.url));
}

/**
 * The text of the address table (docs/address-2025.md): this package's own dist/address2025.tsv (same
 * origin, cached by the browser like the .wasm), or `url`.
 * @param {string | URL} [url]
 * @returns {Promise<string>}
 */
export async function fetchAddressTable(url) {
  const own = new URL('../dist/address2025.tsv', import.meta.url);
  if (isNode && !url) return (await readInNode(own)).toString('utf8');
  const response = await fetch(url ? String(url) : own.href);
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url ?? own.href}`);
  return response.text();
}

/**
 * Instantiates the module. Options: `wasmBinary` (bytes of cccd_scanner.wasm) or `wasmUrl` (where to
 * fetch it) for unusual hosting; neither is needed in Node >= 20, unbundled browsers or Vite.
 * @param {ScannerOptions} [options]
 * @returns {Promise<CccdModule>}
 */
export async function loadModule(options = {}) {
  /** @type {{print: () => void, printErr: () => void, wasmBinary?: ArrayBuffer | Uint8Array, locateFile?: (name: string) => string}} */
  const moduleArgs = {
    // The module must never write to the console: it could leak personal data into shared logs.
    print: () => {},
    printErr: () => {},
  };
  if (options.wasmBinary) moduleArgs.wasmBinary = options.wasmBinary;
  else if (options.wasmUrl) moduleArgs.locateFile = () => String(options.wasmUrl);
  else if (isNode) moduleArgs.wasmBinary = await readOwnWasmInNode();
  else {
    // Browsers, workers and Vite: the .wasm next to the glue, resolved from this file (Vite sees the
    // new URL(…, import.meta.url) pattern and ships the file as an asset).
    const url = new URL('../dist/cccd_scanner.wasm', import.meta.url).href;
    moduleArgs.locateFile = (name) => (name.endsWith('.wasm') ? url : name);
  }
  return createCccdModule(moduleArgs);
}
