// The part of Playwright's Page, BrowserContext and Browser the e2e tests use, over an engine driver that
// offers a few primitives (puppeteer's for Firefox, WebDriver's for WebKit):
//   driver.goto(url), driver.evaluate(expression) -> the expression's value (a string; promises awaited),
//   driver.element(expression) -> a handle for the element it evaluates to, driver.click(handle),
//   driver.press(handle, key), driver.keys([...modifiers, key]) (to the focused element),
//   driver.setFiles(handle, paths), driver.screenshot(path, fullPage), driver.close(), and where the
//   engine can, driver.setOffline(offline).
// Selectors are CSS; `a >> b` looks for b inside a's shadow root (or a itself), as Playwright pierces.
// Waits poll the page (Playwright's default 30 s timeout); events come from the test server (harness.mjs).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { addRoute, closed, harnessPage, navigating } from './harness.mjs';

const defaultTimeout = 30_000;

// In-page helpers, sent with each call (a page has no state of ours to rely on).
const find = `(sel) => sel.split(' >> ').reduce((el, part, i) => {
  if (i === 0) return document.querySelector(part);
  return el ? (el.shadowRoot ?? el).querySelector(part) : null;
}, null)`;
// Every element a selector list matches (with `>>`: the one it leads to).
const all = `(sel) => (sel.includes(' >> ') ? [(${find})(sel)].filter(Boolean) : [...document.querySelectorAll(sel)])`;
const visible = `(el) => { if (!el) return false; const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; }`;

// Sets a form control's value as typing or choosing would (input and change events).
const setValue = `(el, v) => {
  el.value = v;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
}`;

// `, arg` as JSON for a call's argument list (nothing when there is no argument).
const moreArgs = (arg) => (arg === undefined ? '' : `, ${JSON.stringify(arg)}`);
const call = (fn, arg) => `(${typeof fn === 'function' ? fn : `() => (${fn})`})(${arg === undefined ? '' : JSON.stringify(arg)})`;

class Handle {
  constructor(page, id) { this.page = page; this.id = id; }
  evaluate(fn, arg) {
    return this.page.evaluateSource(`(${fn})(window.__e2eHandles[${this.id}]${moreArgs(arg)})`);
  }
}

export class FacadePage {
  constructor(driver, { initScripts = [] } = {}) {
    this.driver = driver;
    this.harness = harnessPage();
    this.harness.initScripts.push(...initScripts);
    this.nextHandle = 1;
    // keyboard.press('Control+V'): keys to the focused element, modifiers held ('+'-joined, Playwright's form)
    this.keyboard = { press: (combo) => driver.keys(combo.split('+')) };
  }

  on(event, listener) {
    const wrap = {
      request: (url) => listener({ url: () => url }),
      response: ({ url, status }) => listener({ url: () => url, status: () => status }),
      console: (text) => listener({ text: () => text }),
      pageerror: (message) => listener(new Error(message)),
      cspviolation: (v) => listener(v),
    }[event];
    if (!wrap) throw new Error(`facade: no event ${event}`);
    this.harness.on(event, wrap);
  }

  async addInitScript(fn, arg) { this.harness.initScripts.push(call(fn, arg)); }
  async route(glob, handler) { addRoute(this.harness, glob, handler); }

  async goto(url) {
    navigating(this.harness);
    await this.driver.goto(url);
    // The page's own scripts may still be starting; Playwright's goto returns after 'load' too.
    await this.waitForFunction(() => document.readyState === 'complete');
  }

  async evaluateSource(source) {
    const json = await this.driver.evaluate(`(async () => {
      try { const v = await (${source}); return JSON.stringify({ v: v === undefined ? null : v }); }
      catch (e) { return JSON.stringify({ error: String(e && e.stack ? \`\${e}\\n\${e.stack}\` : e) }); }
    })()`);
    const { v, error } = JSON.parse(json);
    if (error) throw new Error(`evaluate: ${error}`);
    return v;
  }

  evaluate(fn, arg) { return this.evaluateSource(call(fn, arg)); }

  async evaluateHandle(fn, arg) {
    const id = this.nextHandle++;
    await this.evaluateSource(`(async () => { (window.__e2eHandles ??= {})[${id}] = await ${call(fn, arg)}; })()`);
    return new Handle(this, id);
  }

  async waitForFunction(fn, arg, { timeout = defaultTimeout } = {}) {
    const until = Date.now() + timeout;
    for (;;) {
      const value = await this.evaluate(fn, arg);
      if (value) return value;
      if (Date.now() > until) throw new Error(`timed out after ${timeout} ms: ${String(fn).slice(0, 200)}`);
      await sleep(50);
    }
  }

  waitForTimeout(ms) { return sleep(ms); }

  // state: 'visible' (Playwright's default) or 'attached'
  async waitForSelector(selector, { state = 'visible', timeout = defaultTimeout } = {}) {
    const matches = `(${all})(${JSON.stringify(selector)})`;
    const test = state === 'attached' ? `${matches}.length > 0` : `${matches}.some(${visible})`;
    try {
      await this.waitForFunction(test, undefined, { timeout });
    } catch (e) {
      throw new Error(`waitForSelector(${selector}, ${state}): ${/timed out/.test(e.message) ? `timed out after ${timeout} ms` : e.message}`);
    }
  }

  async $eval(selector, fn, arg) {
    await this.waitForSelector(selector, { state: 'attached' });
    return this.evaluateSource(`(${fn})((${find})(${JSON.stringify(selector)})${moreArgs(arg)})`);
  }

  $$eval(selector, fn, arg) {
    return this.evaluateSource(`(${fn})([...document.querySelectorAll(${JSON.stringify(selector)})]${moreArgs(arg)})`);
  }

  textContent(selector) { return this.$eval(selector, (el) => el.textContent); }
  getAttribute(selector, name) { return this.$eval(selector, (el, n) => el.getAttribute(n), name); }
  isVisible(selector) { return this.evaluateSource(`(${visible})((${find})(${JSON.stringify(selector)}))`); }
  async isHidden(selector) { return !(await this.isVisible(selector)); }
  isDisabled(selector) { return this.$eval(selector, (el) => el.disabled === true); }

  async element(selector) {
    return this.driver.element(`(${find})(${JSON.stringify(selector)})`);
  }

  async click(selector, { timeout = defaultTimeout } = {}) {
    await this.waitForSelector(selector, { timeout });
    await this.waitForFunction(`!(${find})(${JSON.stringify(selector)}).disabled`, undefined, { timeout });
    // Scrolled into view and still (the same box over two animation frames), as Playwright waits: a click
    // while the page scrolls or lays out lands beside its target.
    await this.$eval(selector, async (el) => {
      el.scrollIntoView({ block: 'center', behavior: 'instant' });
      const box = () => JSON.stringify(el.getBoundingClientRect());
      const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
      for (let last = box(), tries = 0; tries < 50; tries++) {
        await frame();
        await frame();
        const now = box();
        if (now === last) return;
        last = now;
      }
    });
    await this.driver.click(await this.element(selector));
  }

  async fill(selector, value) {
    await this.waitForSelector(selector);
    await this.$eval(selector, `(el, v) => { el.focus(); (${setValue})(el, v); }`, value);
  }

  async press(selector, key) {
    await this.waitForSelector(selector);
    await this.driver.press(await this.element(selector), key);
  }

  async selectOption(selector, value) {
    await this.$eval(selector, setValue, value);
  }

  // files: a path, or {name, mimeType, buffer} (written to a temporary file of that name first)
  async setInputFiles(selector, files) {
    await this.waitForSelector(selector, { state: 'attached' });
    const dir = mkdtempSync(join(tmpdir(), 'cccd-e2e-upload-'));
    try {
      const paths = [files].flat().map((f) => {
        if (typeof f === 'string') return f;
        const path = join(dir, f.name);
        writeFileSync(path, f.buffer);
        return path;
      });
      await this.driver.setFiles(await this.element(selector), paths);
      await sleep(100); // the driver returns before the page's change handler ran
    } finally {
      setTimeout(() => rmSync(dir, { recursive: true, force: true }), 5000);
    }
  }

  screenshot({ path, fullPage = false }) { return this.driver.screenshot(path, fullPage); }

  async setOffline(offline) {
    if (!this.driver.setOffline) throw new Error('facade: this engine has no offline switch');
    await this.driver.setOffline(offline);
  }

  async close() {
    closed(this.harness);
    await this.driver.close();
  }
}

/** A BrowserContext of FacadePages: `newPage()` makes a driver page (engine-specific). */
export class FacadeContext {
  constructor(newDriverPage, { initScripts = [], onClose = async () => {} } = {}) {
    this.newDriverPage = newDriverPage;
    this.initScripts = initScripts;
    this.onClose = onClose;
    this.pages = [];
  }

  async newPage() {
    const page = new FacadePage(await this.newDriverPage(), { initScripts: this.initScripts });
    this.pages.push(page);
    if (this.offline) await page.setOffline(true);
    return page;
  }

  // Playwright's context.setOffline: every page, and those opened later (throws where the engine cannot).
  async setOffline(offline) {
    await Promise.all(this.pages.map((page) => page.setOffline(offline)));
    this.offline = offline;
  }

  async close() {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.pages.splice(0).map((p) => p.close().catch(() => {})));
    await this.onClose();
  }
}

/**
 * A Browser of FacadeContexts. `newContext(options)` (engine-specific) resolves to a FacadeContext;
 * `newPage()` opens a page in a context of its own, as Playwright's does; `closeBrowser()` ends the engine;
 * `version()` says which it is.
 */
export function facadeBrowser(engine, { newContext, closeBrowser, version }) {
  const contexts = new Set();
  return {
    engine,
    version,
    async newContext(options = {}) {
      const context = await newContext(options);
      contexts.add(context);
      return context;
    },
    async newPage() {
      const context = await this.newContext();
      const page = await context.newPage();
      const close = page.close.bind(page);
      page.close = async () => { await close(); await context.close(); };
      return page;
    },
    async close() {
      await Promise.all([...contexts].map((c) => c.close().catch(() => {})));
      await closeBrowser();
    },
  };
}
