// cccd-scanner: read the QR code of Vietnamese chip ID cards, on the device, and check its data.
// Importing this module has no side effects: nothing loads until a function is called.
import { createScanner } from './scanner.js';

export { createScanner };
export { CccdScannerError } from './errors.js';
export { startCamera, listCameras } from './camera.js';
export { createWorkerScanner } from './worker_client.js';
export { defineCccdScanner, fillForm } from './element.js';

/**
 * One-shot parse with a module shared by calls to this function. The first call also loads the address
 * table (fields.address2025); if it cannot be had, results still come, with address2025 null.
 */
let shared;
export async function parse(text) {
  shared ??= createScanner().then(async (scanner) => {
    await scanner.loadAddressTable().catch(() => {});
    return scanner;
  });
  return (await shared).parse(text);
}
