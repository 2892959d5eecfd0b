// Firefox ESR (Debian's firefox-esr) driven by puppeteer-core over WebDriver BiDi, behind the facade.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { FacadeContext, facadeBrowser } from './facade.mjs';

const puppeteer = createRequire(new URL('../../../web/package.json', import.meta.url))('puppeteer-core');
export const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** The driver primitives of facade.mjs over a puppeteer page. */
function driverOf(page) {
  return {
    goto: (url) => page.goto(url, { waitUntil: 'load' }),
    evaluate: (expression) => page.evaluate(expression),
    element: async (expression) => {
      const handle = (await page.evaluateHandle(expression)).asElement();
      if (!handle) throw new Error(`no element for ${expression}`);
      return handle;
    },
    click: (handle) => handle.click(),
    press: (handle, key) => handle.press(key),
    keys: async (combo) => {
      const modifiers = combo.slice(0, -1);
      for (const m of modifiers) await page.keyboard.down(m);
      await page.keyboard.press(combo.at(-1));
      for (const m of modifiers.reverse()) await page.keyboard.up(m);
    },
    setFiles: (handle, paths) => handle.uploadFile(...paths),
    screenshot: (path, fullPage) => page.screenshot({ path, fullPage }),
    setOffline: (offline) => page.setOfflineMode(offline), // WebDriver BiDi's network emulation
    close: () => page.close(),
  };
}

/** Starts Firefox; every page of it runs `initScripts` first (sources, as the harness serves them). */
export async function launchFirefox({ initScripts = [] } = {}) {
  if (!existsSync(firefoxPath)) throw new Error(`Firefox not found at ${firefoxPath}: run .ci/install`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
    defaultViewport: { width: 1280, height: 720 },
    extraPrefsFirefox: {
      'media.autoplay.default': 0,               // muted camera video plays without a gesture
      'dom.events.testing.asyncClipboard': true, // navigator.clipboard.readText without a paste prompt
    },
  });
  return facadeBrowser('firefox', {
    // options.viewport ({width, height}) sizes each page's viewport (Playwright's context option).
    newContext: async (options = {}) => {
      const context = await browser.createBrowserContext();
      const newPage = async () => {
        const page = await context.newPage();
        if (options.viewport) await page.setViewport({ ...options.viewport, deviceScaleFactor: 1 });
        return page;
      };
      return new FacadeContext(async () => driverOf(await newPage()), {
        initScripts,
        onClose: () => context.close().catch(() => {}),
      });
    },
    closeBrowser: () => browser.close(),
    version: () => browser.version(),
  });
}
