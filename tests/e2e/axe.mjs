// axe-core (npm, a devDependency of web/) run inside the page: the WCAG 2.x A/AA rules and best
// practices it knows, on whatever the page shows now. Loaded through the driver's script evaluation,
// which the page's CSP does not govern, so the page under test keeps its strict policy.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { engine } from './browser.mjs';

const axePath = createRequire(new URL('../../web/package.json', import.meta.url)).resolve('axe-core/axe.min.js');
const axeSource = readFileSync(axePath, 'utf8');

/** The page's accessibility violations now: [{id, impact, help, targets}] (empty when there are none). */
export async function axeViolations(page) {
  const load = `(() => { if (!window.axe) { ${axeSource}\n; } return true; })()`;
  await (engine === 'chromium' ? page.evaluate(load) : page.evaluateSource(load));
  return page.evaluate(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
    return violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}
