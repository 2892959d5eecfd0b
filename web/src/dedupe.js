// "The same card is reported once until it leaves the view": a found text is reported when it differs
// from the one in view. The one in view is forgotten once frames scanned without it span more than
// `leaveMs` after its last sighting, at least two such frames. Leaving is judged from frames that miss the
// card, not from the clock: a slow device that scans one frame every two seconds sees the same card in
// every frame and must not report it at each one; one failed read there is not leaving either.
/** @import { ScanResult } from '../types/index.js' */

const MIN_MISSED_FRAMES = 2;

/** @param {number} [leaveMs] */
export function createDeduper(leaveMs = 1500) {
  /** @type {string | null} */
  let current = null;
  let lastSeen = 0;
  let missed = 0; // frames without the card in view since its last sighting
  return {
    /**
     * @param {ScanResult | undefined} result
     * @param {number} [now]
     * @returns {boolean} whether this result is news to report
     */
    accept(result, now = performance.now()) {
      if (!result?.found || typeof result.text !== 'string') {
        if (current !== null && ++missed >= MIN_MISSED_FRAMES && now - lastSeen > leaveMs) current = null;
        return false;
      }
      lastSeen = now;
      missed = 0;
      if (result.text === current) return false;
      current = result.text;
      return true;
    },
    reset() {
      current = null;
      missed = 0;
    },
  };
}
