// The test server's side of the engines driven over WebDriver (Firefox over BiDi, WebKit over classic
// WebDriver): what Playwright does inside Chromium, done here in a way every engine shares.
//  - init scripts: each served HTML page starts with <script src=/__e2e/init.js?p=ID>, the scripts of
//    the page that navigated last (a classic script from the page's own origin: every CSP allows it);
//  - a record of requests (seen here, as they arrive), responses, console messages, page errors, CSP
//    violations and cross-origin resources (POSTed back by in_page/record.js);
//  - routes: a test answers or holds a request itself (page.route);
//  - camera clips: an MJPEG file's frames served to in_page/fake_camera.js.
// One harness per process; tests run one page at a time, so requests belong to the page that navigated
// last.
import { readFileSync } from 'node:fs';

let nextId = 1;
const pages = new Map(); // id -> harness page (below)
let current = null;      // the page whose init scripts the next HTML document gets
const clips = new Map(); // key -> {bytes, offsets, width, height, fps}

const recordScript = readFileSync(new URL('./in_page/record.js', import.meta.url), 'utf8');

/** A page's server-side state: its init scripts, routes and event listeners. */
export function harnessPage() {
  const page = { id: nextId++, initScripts: [], routes: [], listeners: new Map() };
  page.emit = (event, value) => (page.listeners.get(event) ?? []).forEach((f) => f(value));
  page.on = (event, f) => page.listeners.set(event, [...(page.listeners.get(event) ?? []), f]);
  pages.set(page.id, page);
  return page;
}

export const navigating = (page) => { current = page; };
export const closed = (page) => { pages.delete(page.id); if (current === page) current = null; };

/** `**`-style glob (Playwright's page.route) as a RegExp over the whole URL. */
function globRegExp(glob) {
  const body = glob.replace(/[.+^${}()|[\]\\?]/g, '\\$&').replace(/\*\*/g, '\u0000').replace(/\*/g, '[^/]*')
    .replace(/\u0000/g, '.*');
  return new RegExp(`^${body}$`);
}
export const addRoute = (page, glob, handler) => page.routes.push({ re: globRegExp(glob), handler });

/** Splits an MJPEG file into its JPEG frames; the size is read from the first frame's SOF marker. */
export function registerClip(file, fps = 30) {
  const key = String(clips.size + 1);
  const bytes = readFileSync(file);
  const offsets = [];
  for (let i = 0; i + 2 < bytes.length; i++) {
    if (bytes[i] === 0xff && bytes[i + 1] === 0xd8 && bytes[i + 2] === 0xff) offsets.push(i);
  }
  offsets.push(bytes.length);
  let width = 0;
  let height = 0;
  for (let i = offsets[0] + 2; i + 9 < offsets[1];) {
    const marker = bytes[i + 1];
    if (marker >= 0xc0 && marker <= 0xc3) { height = bytes.readUInt16BE(i + 5); width = bytes.readUInt16BE(i + 7); break; }
    i += 2 + bytes.readUInt16BE(i + 2);
  }
  if (offsets.length < 2 || !width) throw new Error(`${file}: not an MJPEG clip`);
  clips.set(key, { bytes, offsets, width, height, fps });
  return key;
}

const readBody = (req) => new Promise((resolve) => {
  let body = '';
  req.on('data', (c) => { body += c; });
  req.on('end', () => resolve(body));
});

/** startServer's intercept: the /__e2e/ endpoints, routes, and the record of requests. */
export async function intercept(req, res, path) {
  const url = new URL(req.url, `http://${req.headers.host}`);
  if (path === '/__e2e/init.js') {
    const page = pages.get(Number(url.searchParams.get('p')));
    const scripts = [`(${recordScript})(${page?.id ?? 0});`, ...(page?.initScripts ?? [])];
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
    res.end(scripts.map((s) => `try { ${s} } catch (e) { console.error('e2e init script:', e); }`).join('\n'));
    return true;
  }
  if (path === '/__e2e/record' && req.method === 'POST') {
    const page = pages.get(Number(url.searchParams.get('p')));
    const { kind, value } = JSON.parse(await readBody(req));
    page?.emit(kind, value);
    res.writeHead(204).end();
    return true;
  }
  const clip = /^\/__e2e\/clip\/(\d+)(\/info)?$/.exec(path);
  if (clip && clips.has(clip[1])) {
    const { bytes, offsets, width, height, fps } = clips.get(clip[1]);
    if (clip[2]) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ offsets, width, height, fps }));
    } else {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(bytes);
    }
    return true;
  }
  if (path.startsWith('/__e2e/')) return false;
  const page = current;
  if (!page) return false;
  page.emit('request', url.href);
  res.on('finish', () => page.emit('response', { url: url.href, status: res.statusCode }));
  const route = page.routes.find((r) => r.re.test(url.href));
  if (!route) return false;
  return new Promise((resolve) => {
    route.handler({
      continue: async () => resolve(false),
      fulfill: async ({ status = 200, body = '', contentType = 'text/plain' } = {}) => {
        res.writeHead(status, { 'content-type': contentType }).end(body);
        resolve(true);
      },
    });
  });
}

/** startServer's htmlHead: the current page's init scripts, first in <head>. */
export const htmlHead = () => (current ? `<script src="/__e2e/init.js?p=${current.id}"></script>` : '');
