// tests/support/unavailable.mjs: skips where an input may be missing, fails where everything is required.
import test from 'node:test';
import assert from 'node:assert/strict';
import { unavailable, everythingRequired } from '../support/unavailable.mjs';

function withRequireAll(value, fn) {
  const old = process.env.CCCD_REQUIRE_ALL;
  if (value === undefined) delete process.env.CCCD_REQUIRE_ALL;
  else process.env.CCCD_REQUIRE_ALL = value;
  try {
    return fn();
  } finally {
    if (old === undefined) delete process.env.CCCD_REQUIRE_ALL;
    else process.env.CCCD_REQUIRE_ALL = old;
  }
}

test('under CCCD_REQUIRE_ALL=1 a missing input fails the test, naming it', () => {
  const skipped = [];
  withRequireAll('1', () => {
    assert.equal(everythingRequired(), true);
    assert.throws(() => unavailable({ skip: (r) => skipped.push(r) }, 'corpus not found at /nowhere'),
      /required here \(CCCD_REQUIRE_ALL=1\) but unavailable: corpus not found at \/nowhere/);
  });
  assert.deepEqual(skipped, []);
});

test('otherwise it skips with the reason', () => {
  for (const value of [undefined, '0', '', 'true']) {
    const skipped = [];
    withRequireAll(value, () => unavailable({ skip: (r) => skipped.push(r) }, 'ffmpeg not installed'));
    assert.deepEqual(skipped, ['ffmpeg not installed'], `CCCD_REQUIRE_ALL=${value}`);
  }
});
