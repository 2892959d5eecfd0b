// Prints the failing tests of JUnit reports (ctest's, node --test's): each with its message and where it
// failed, so that the tail of a CI log says what failed and why, not only which phase.
//   node .ci/junit_failures.mjs REPORT.xml...
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';

const MAX_LINES = 6; // per failing test
const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
  .replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&');

for (const report of process.argv.slice(2)) {
  if (!existsSync(report)) continue;
  const xml = readFileSync(report, 'utf8');
  for (const [, attrs, body = ''] of xml.matchAll(/<testcase\b((?:[^>"]|"[^"]*")*?)(?:\/>|>([\s\S]*?)<\/testcase>)/g)) {
    const failure = body.match(/<(failure|error)\b((?:[^>"]|"[^"]*")*?)(?:\/>|>([\s\S]*?)<\/\1>)/);
    if (!failure) continue;
    const name = unescape(attrs.match(/\bname="([^"]*)"/)?.[1] ?? '?');
    const message = unescape(failure[2].match(/\bmessage="([^"]*)"/)?.[1] ?? '');
    const text = unescape(`${failure[3] ?? ''}\n${body.match(/<system-out>([\s\S]*?)<\/system-out>/)?.[1] ?? ''}`)
      .split('\n').map((l) => l.trim());
    const lines = [
      message,
      // node --test: the first stack frame in a test file (where the assertion or the wait was)
      text.find((l) => /^at .*\.test\.mjs:\d+/.test(l)) ?? '',
      // GoogleTest (ctest's output): the failure's location and its values
      ...text.filter((l) => /: Failure$|^Expected|^Which is|^Value of|^ {0,2}Actual/.test(l)),
    ].filter(Boolean);
    console.log(`FAILED in ${basename(report)}: ${name}`);
    for (const line of lines.slice(0, MAX_LINES)) console.log(`  ${line.slice(0, 200)}`);
  }
}
