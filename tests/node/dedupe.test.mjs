// web/src/dedupe.js: a card is reported once until it leaves the view: frames scanned without it (two at
// least) span more than leaveMs after its last sighting. Time alone, or one missed frame, is not leaving.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDeduper } from '../../web/src/dedupe.js';

const seen = (text) => ({ found: true, text });
const A = seen('079303001234|…|A');
const B = seen('001099012345|…|B');
const missed = { found: false, text: null };

test('a card is news once; the same text again is not; another card is', () => {
  const d = createDeduper();
  assert.equal(d.accept(A, 0), true);
  assert.equal(d.accept(A, 33), false);
  assert.equal(d.accept(seen(A.text), 66), false); // the text decides, not the object
  assert.equal(d.accept(B, 100), true);
  assert.equal(d.accept(B, 133), false);
  assert.equal(d.accept(A, 166), true); // back to the first card: news again, it replaced B
});

test('frames without a card are never news and do not forget the one in view', () => {
  const d = createDeduper(1000);
  assert.equal(d.accept(missed, 0), false);
  assert.equal(d.accept(A, 10), true);
  for (let t = 50; t < 900; t += 50) assert.equal(d.accept(missed, t), false);
  assert.equal(d.accept(A, 1000), false); // seen 990 ms ago: still in view
});

test('a card missed in frames spanning more than leaveMs has left: seen again, it is news', () => {
  const d = createDeduper(1000);
  assert.equal(d.accept(A, 0), true);
  for (let t = 100; t <= 1000; t += 100) assert.equal(d.accept(missed, t), false);
  assert.equal(d.accept(A, 1050), false); // missed until exactly leaveMs after it: not more than leaveMs
  for (let t = 1100; t <= 2100; t += 100) assert.equal(d.accept(missed, t), false);
  assert.equal(d.accept(A, 2150), true); // missed 1050 ms after its last sighting: it had left
  assert.equal(d.accept(A, 2200), false);
});

test('a slow scanner that sees the card in every frame reports it once, however far apart the frames', () => {
  const d = createDeduper(1000);
  assert.equal(d.accept(A, 0), true);
  for (let t = 3000; t <= 30_000; t += 3000) assert.equal(d.accept(A, t), false);
  // One failed read between two sightings is not leaving, even long after the last sighting.
  assert.equal(d.accept(missed, 33_000), false);
  assert.equal(d.accept(A, 36_000), false);
  // Two frames without it, more than leaveMs after the last sighting: it left.
  assert.equal(d.accept(missed, 39_000), false);
  assert.equal(d.accept(missed, 42_000), false);
  assert.equal(d.accept(A, 45_000), true);
});

test('leaveMs defaults to 1500', () => {
  for (const d of [createDeduper(), createDeduper(undefined)]) {
    assert.equal(d.accept(A, 0), true);
    assert.equal(d.accept(missed, 750), false);
    assert.equal(d.accept(missed, 1500), false);
    assert.equal(d.accept(A, 1600), false); // missed until exactly 1500 ms after it
    assert.equal(d.accept(missed, 2000), false);
    assert.equal(d.accept(missed, 3101), false);
    assert.equal(d.accept(A, 3200), true); // missed 1501 ms after it
  }
});

test('reset() forgets the card in view', () => {
  const d = createDeduper();
  assert.equal(d.accept(A, 0), true);
  d.reset();
  assert.equal(d.accept(A, 1), true);
  assert.equal(d.accept(A, 2), false);
});

test('without a time, performance.now() is used', () => {
  const d = createDeduper(60_000);
  assert.equal(d.accept(A), true);
  assert.equal(d.accept(A), false);
  const later = createDeduper(-1); // any two misses are "more than leaveMs" after the last sighting
  assert.equal(later.accept(A), true);
  assert.equal(later.accept(A), false);
  assert.equal(later.accept(missed), false);
  assert.equal(later.accept(missed), false);
  assert.equal(later.accept(A), true);
});

test('results that are not found results are not news', () => {
  const d = createDeduper();
  for (const r of [null, undefined, {}, { text: 'x' }, { found: false, text: 'x' }, { found: 0, text: 'x' }, 'found', 42]) {
    assert.equal(d.accept(r, 0), false, JSON.stringify(r));
  }
  // A found result without text matches "nothing in view": not news, and a miss for the card in view.
  assert.equal(d.accept({ found: true, text: null }, 0), false);
  assert.equal(d.accept(A, 0), true);
  assert.equal(d.accept({ found: true, text: null }, 100), false);
  assert.equal(d.accept(A, 200), false);
  assert.equal(d.accept({ found: true, text: null }, 1600), false);
  assert.equal(d.accept({ found: true, text: null }, 1800), false);
  assert.equal(d.accept(A, 1900), true);
});
