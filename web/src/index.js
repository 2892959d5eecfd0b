// cccd-scanner: read the QR code of Vietnamese chip ID cards, on the device, and check its data.
import { loadModule } from './wasm_module.js';
import { CccdScannerError } from './errors.js';

export { CccdScannerError };

/**
 * Creates a scanner that owns one WASM module instance.
 * @param {{wasmBinary?: ArrayBuffer|Uint8Array, wasmUrl?: string|URL}} [options]
 */
export async function createScanner(options = {}) {
  let module = await loadModule(options);

  const alive = () => {
    if (!module) throw new CccdScannerError('destroyed', 'this scanner was destroyed; create a new one');
    return module;
  };

  return {
    /** Parses the text of a card's QR code into checked fields (README "Result JSON"). */
    parse(text) {
      const m = alive();
      if (typeof text !== 'string') {
        throw new CccdScannerError('invalid-argument', `parse(text) needs a string, got ${describe(text)}`);
      }
      return JSON.parse(m.parseJson(text));
    },
    /** Releases the module; later calls throw a CccdScannerError with code "destroyed". */
    destroy() {
      module = null;
    },
  };
}

/** One-shot parse with a module shared by calls to this function. */
let shared;
export async function parse(text) {
  shared ??= createScanner();
  return (await shared).parse(text);
}

function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? `an object (${value.constructor?.name ?? 'Object'})` : typeof value;
}
