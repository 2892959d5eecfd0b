// A test whose input is not on this machine (a corpus, a tool, a build) skips and says why; where
// everything must be present (CI: `.ci/test` sets CCCD_REQUIRE_ALL=1) it fails instead, so a missing
// install step or corpus turns CI red rather than quietly green. The C++ twin: unavailable.hpp.
//   if (!existsSync(dir)) return unavailable(t, `corpus not found at ${dir}`);
export const everythingRequired = () => process.env.CCCD_REQUIRE_ALL === '1';

export function unavailable(t, reason) {
  if (everythingRequired()) throw new Error(`required here (CCCD_REQUIRE_ALL=1) but unavailable: ${reason}`);
  t.skip(reason);
}
