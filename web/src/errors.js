// Typed errors of the public API: every bad input is reported with a stable `code` and a clear message.
/** @import { ErrorCode } from '../types/index.js' */

export class CccdScannerError extends Error {
  /** @param {ErrorCode | string} code @param {string} message */
  constructor(code, message) {
    super(message);
    this.name = 'CccdScannerError';
    /** @readonly */
    this.code = code;
  }
}
