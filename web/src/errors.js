// Typed errors of the public API: every bad input is reported with a stable `code` and a clear message.
export class CccdScannerError extends Error {
  /** @param {string} code @param {string} message */
  constructor(code, message) {
    super(message);
    this.name = 'CccdScannerError';
    this.code = code;
  }
}
