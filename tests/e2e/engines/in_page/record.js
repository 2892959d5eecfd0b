// Runs first in every page served to Firefox and WebKit (harness.mjs): reports console messages, uncaught
// errors, CSP violations and cross-origin resources to the test server, as Playwright's events do in
// Chromium. A function expression: the harness calls it with the page's id.
(pageId) => {
  const post = (kind, value) => {
    fetch(`/__e2e/record?p=${pageId}`, { method: 'POST', body: JSON.stringify({ kind, value }), keepalive: true })
      .catch(() => {});
  };
  for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
    const original = console[level];
    console[level] = (...args) => {
      post('console', args.map((a) => (typeof a === 'string' ? a : (() => { try { return JSON.stringify(a); } catch { return String(a); } })())).join(' '));
      return original.apply(console, args);
    };
  }
  addEventListener('error', (e) => post('pageerror', String(e.error ?? e.message)));
  addEventListener('unhandledrejection', (e) => post('pageerror', String(e.reason)));
  document.addEventListener('securitypolicyviolation', (e) => post('cspviolation', `${e.violatedDirective} ${e.blockedURI}`));
  // Same-origin requests are seen by the server itself; anything else shows up as a resource entry.
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.name.startsWith(location.origin)) post('request', entry.name);
    }
  }).observe({ type: 'resource', buffered: true });
}
