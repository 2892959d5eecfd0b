// web/src/dedupe.js: a card is reported once until it leaves the view (no frame shows it for longer than
// leaveMs); frames that miss it in between do not count as leaving.
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

test('a card unseen for more than leaveMs has left: seen again, it is news', () => {
  const d = createDeduper(1000);
  assert.equal(d.accept(A, 0), true);
  assert.equal(d.accept(A, 1000), false); // exactly leaveMs later: not more than leaveMs
  assert.equal(d.accept(A, 2000), false); // 1000 after the last sighting
  assert.equal(d.accept(A, 3001), true); // 1001 after it: it had left
  // Missed frames meanwhile do not keep it in view: only sightings do.
  assert.equal(d.accept(missed, 3500), false);
  assert.equal(d.accept(missed, 4000), false);
  assert.equal(d.accept(A, 4002), true);
});

test('leaveMs defaults to 1500', () => {
  for (const d of [createDeduper(), createDeduper(undefined)]) {
    assert.equal(d.accept(A, 0), true);
    assert.equal(d.accept(A, 1500), false);
    assert.equal(d.accept(A, 3000), false);
    assert.equal(d.accept(A, 4501), true);
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
  const later = createDeduper(-1); // every sighting is "more than leaveMs" after the last one
  assert.equal(later.accept(A), true);
  assert.equal(later.accept(A), true);
});

test('results that are not found results are not news', () => {
  const d = createDeduper();
  for (const r of [null, undefined, {}, { text: 'x' }, { found: false, text: 'x' }, { found: 0, text: 'x' }, 'found', 42]) {
    assert.equal(d.accept(r, 0), false, JSON.stringify(r));
  }
  // A found result without text matches "nothing in view" and is not news either.
  assert.equal(d.accept({ found: true, text: null }, 0), false);
  assert.equal(d.accept(A, 0), true);
});
