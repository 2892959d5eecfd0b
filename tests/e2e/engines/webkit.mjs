// WebKitGTK's MiniBrowser (Safari's engine; Debian's webkit2gtk-driver) driven over W3C WebDriver by
// WebKitWebDriver under xvfb-run, behind the facade. Each context is a WebDriver session (a MiniBrowser
// of its own, with no data kept between sessions).
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { FacadeContext, facadeBrowser } from './facade.mjs';

export const webkitDriverPath = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
export const miniBrowserPath = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const elementKey = 'element-6066-11e4-a52e-4f735466cecf';
const keys = { Enter: '\uE007', Tab: '\uE004', Escape: '\uE00C', Control: '\uE009', Shift: '\uE008', Alt: '\uE00A' };

const freePort = () => new Promise((resolve, reject) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  }).on('error', reject);
});

/** One W3C WebDriver command; a WebDriver error becomes a thrown Error naming it. `timeoutMs`: give up then. */
async function command(base, method, path, body, timeoutMs = undefined) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs),
  });
  const { value } = await response.json();
  if (value?.error) throw new Error(`WebDriver ${method} ${path}: ${value.error}: ${value.message}`);
  return value;
}

/** The driver primitives of facade.mjs over one WebDriver session. */
function driverOf(base, session) {
  const run = (method, path, body) => command(base, method, `/session/${session}${path}`, body);
  return {
    goto: (url) => run('POST', '/url', { url }),
    evaluate: (expression) => run('POST', '/execute/async', {
      script: `const done = arguments[arguments.length - 1]; (${expression}).then(done, (e) => done(JSON.stringify({ error: String(e) })));`,
      args: [],
    }),
    element: async (expression) => {
      const element = await run('POST', '/execute/sync', { script: `return (${expression});`, args: [] });
      if (!element?.[elementKey]) throw new Error(`no element for ${expression}`);
      return element[elementKey];
    },
    click: (id) => run('POST', `/element/${id}/click`, {}),
    press: (id, key) => run('POST', `/element/${id}/value`, { text: keys[key] ?? key }),
    keys: (combo) => {
      const values = combo.map((k) => keys[k] ?? k.toLowerCase());
      const actions = [...values.map((value) => ({ type: 'keyDown', value })), ...values.reverse().map((value) => ({ type: 'keyUp', value }))];
      return run('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    },
    setFiles: (id, paths) => run('POST', `/element/${id}/value`, { text: paths.join('\n') }),
    screenshot: async (path) => writeFileSync(path, Buffer.from(await run('GET', '/screenshot'), 'base64')),
  };
}

/** Starts WebKitWebDriver under xvfb-run; every page runs `initScripts` first (served by the harness). */
export async function launchWebKit({ initScripts = [] } = {}) {
  for (const path of [webkitDriverPath, miniBrowserPath, '/usr/bin/xvfb-run']) {
    if (!existsSync(path)) throw new Error(`${path} not found: run .ci/install`);
  }
  const stopDriver = (proc) => { try { process.kill(-proc.pid, 'SIGTERM'); } catch { /* already gone */ } };
  const startDriver = async () => {
    const port = await freePort();
    const proc = spawn('xvfb-run', ['-a', '-s', '-screen 0 1920x1080x24', webkitDriverPath, `--port=${port}`],
      { detached: true, stdio: 'ignore' });
    const url = `http://127.0.0.1:${port}`;
    for (let tries = 0; ; tries++) {
      try {
        if ((await command(url, 'GET', '/status', undefined, 5_000)).ready) return { proc, url };
      } catch (e) {
        if (tries > 100) { stopDriver(proc); throw new Error(`WebKitWebDriver did not start: ${e.message}`); }
      }
      await sleep(100);
    }
  };
  let driver = await startDriver(); // {proc, url}: replaced when a session does not start (createSession)
  const sessions = []; // the live sessions (WebKitWebDriver serves one at a time)
  let browserVersion = '';
  const endSession = async (id) => {
    if (!sessions.includes(id)) return;
    sessions.splice(sessions.indexOf(id), 1);
    await command(driver.url, 'DELETE', `/session/${id}`, undefined, 30_000).catch(() => {});
  };
  // A MiniBrowser starts in a second or two, but under CI's load WebKitWebDriver once left a new session's
  // request unanswered (undici gave up after 300 s and the test failed): such a launch is abandoned after
  // a minute and the driver started again, twice at most.
  const SESSION_START_MS = 60_000;
  const capabilities = {
    alwaysMatch: {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: miniBrowserPath,
        args: ['--automation', '--enable-media-stream=true', '--media-playback-requires-user-gesture=false'],
      },
    },
  };
  async function createSession() {
    for (let attempt = 1; ; attempt++) {
      try {
        return await command(driver.url, 'POST', '/session', { capabilities }, SESSION_START_MS);
      } catch (e) {
        if (attempt >= 3) throw new Error(`WebKitWebDriver started no MiniBrowser in ${attempt} tries: ${e.message}`);
        console.warn(`webkit: no session after ${SESSION_START_MS} ms (${e.message}); WebKitWebDriver started again`);
        stopDriver(driver.proc);
        sessions.length = 0; // they were the old driver's
        driver = await startDriver();
      }
    }
  }
  // viewport ({width, height}, Playwright's context option): the window is sized so its page area is that.
  async function newSession(viewport) {
    // A context a failed test left open would refuse every later one: it goes first.
    await Promise.all([...sessions].map(endSession));
    const { sessionId, capabilities: granted } = await createSession();
    const base = driver.url;
    sessions.push(sessionId);
    browserVersion = `${granted.browserName} ${granted.browserVersion}`;
    await command(base, 'POST', `/session/${sessionId}/timeouts`, { script: 300_000 });
    await command(base, 'POST', `/session/${sessionId}/window/rect`, { width: 1280, height: 720 }).catch(() => {});
    if (viewport) {
      const inner = () => command(base, 'POST', `/session/${sessionId}/execute/sync`, { script: 'return [innerWidth, innerHeight];', args: [] });
      const [w, h] = await inner();
      const rect = await command(base, 'GET', `/session/${sessionId}/window/rect`);
      await command(base, 'POST', `/session/${sessionId}/window/rect`,
        { width: viewport.width + rect.width - w, height: viewport.height + rect.height - h }).catch(() => {});
    }
    return { ...driverOf(base, sessionId), close: () => endSession(sessionId) };
  }
  return facadeBrowser('webkit', {
    newContext: async (options = {}) => {
      const mine = [];
      return new FacadeContext(async () => {
        const page = await newSession(options.viewport);
        mine.push(page);
        return page;
      }, { initScripts, onClose: () => Promise.all(mine.splice(0).map((page) => page.close())) });
    },
    closeBrowser: async () => stopDriver(driver.proc),
    version: () => browserVersion || 'MiniBrowser',
  });
}
