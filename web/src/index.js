// cccd-scanner: read the QR code of Vietnamese chip ID cards, on the device, and check its data.
// Importing this module has no side effects: nothing loads until a function is called.
/** @import { CardResult, Scanner } from '../types/index.js' */
import { createScanner, hasFailed } from './scanner.js';

export { createScanner };
export { CccdScannerError } from './errors.js';
export { startCamera, listCameras } from './camera.js';
export { createWorkerScanner } from './worker_client.js';
export { defineCccdScanner, fillForm } from './element.js';
export { checkLabel, checkText, errorText, problemText } from './messages.js';

/**
 * One-shot parse with a module shared by calls to this function. The first call also loads the address
 * table (fields.address2025); if it cannot be had, results still come, with address2025 null. A call
 * that meets a failure of the module rejects with code 'internal'; the next call gets a fresh module.
 */
/** @type {Promise<Scanner> | null} */
let shared = null; // the shared scanner's creation (a promise)
const sharedScanner = () => (shared ??= createScanner().then(async (scanner) => {
  await scanner.loadAddressTable().catch(() => {});
  return scanner;
}));

/** @param {string} text @returns {Promise<CardResult>} */
export async function parse(text) {
  const creation = sharedScanner();
  let scanner = await creation;
  if (hasFailed(scanner)) { // its module failed on an earlier call: this call gets a fresh one
    if (shared === creation) shared = null;
    scanner = await sharedScanner();
  }
  return scanner.parse(text);
}
