// "The same card is reported once until it leaves the view": a found text is reported when it differs
// from the one in view; the one in view is forgotten after `leaveMs` without seeing it (a few missed
// frames while the card is still there do not count as leaving).
/** @import { ScanResult } from '../types/index.js' */

/** @param {number} [leaveMs] */
export function createDeduper(leaveMs = 1500) {
  /** @type {string | null} */
  let current = null;
  let lastSeen = 0;
  return {
    /**
     * @param {ScanResult | undefined} result
     * @param {number} [now]
     * @returns {boolean} whether this result is news to report
     */
    accept(result, now = performance.now()) {
      if (current !== null && now - lastSeen > leaveMs) current = null;
      if (!result?.found) return false;
      lastSeen = now;
      if (result.text === current) return false;
      current = result.text;
      return true;
    },
    reset() {
      current = null;
    },
  };
}
