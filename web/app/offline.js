// Offline use and installing (issue 18): registers the service worker ../sw.js — at the root of the
// folder holding app/, src/ and dist/, so its scope covers the decoding Worker too — which keeps the
// page's static files (never a photo or a result) so that after one visit the page loads and scans with
// no network. Only where it can work: a browser with service workers, on a secure http(s) page. A failure
// leaves the page as it is and logs nothing.

/**
 * Registers the service worker; resolves to its registration, or null when there is none.
 * @param {{ nav?: Navigator, win?: { isSecureContext?: boolean, location?: { protocol?: string } } }} [env]
 */
export async function registerOffline({ nav = globalThis.navigator, win = globalThis } = {}) {
  try {
    if (!nav || !('serviceWorker' in nav) || !win.isSecureContext) return null;
    if (!/^https?:$/.test(win.location?.protocol ?? '')) return null;
    return await nav.serviceWorker.register(new URL('../sw.js', import.meta.url));
  } catch {
    return null; // e.g. storage refused (private windows), a host that does not serve sw.js
  }
}

// Once the page has loaded, so that keeping the files never slows loading them.
if (globalThis.document) {
  if (document.readyState === 'complete') registerOffline();
  else addEventListener('load', () => { registerOffline(); }, { once: true });
}
