// Serves the package folder as static files on loopback: the scan page at http://127.0.0.1:8080/.
// No build step: it serves what is on disk (web/app, web/src, web/dist). HOST/PORT override.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 8080);
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * Starts the server. `csp` (tests): a Content-Security-Policy header sent with every response — it also
 * governs the Worker, whose scripts the page's meta tag does not cover; violations are POSTed to
 * /__csp-report and passed to `onCspReport`. `root` (tests): another folder to serve, e.g. a bundler's
 * output. `intercept(req, res, path)` (tests): sees every request first and answers it itself by
 * resolving true. `htmlHead()` (tests): markup put first in every HTML page's <head>.
 */
export function startServer({ listenHost = host, listenPort = port, csp = null, onCspReport = () => {},
  root = packageRoot, intercept = null, htmlHead = null } = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (intercept && await intercept(req, res, path)) return;
    if (csp && req.method === 'POST' && path === '/__csp-report') {
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', () => { onCspReport(body); res.writeHead(204).end(); });
      return;
    }
    if (csp) res.setHeader('content-security-policy', `${csp}; report-uri /__csp-report`);
    if (path === '/' && root === packageRoot) {
      res.writeHead(302, { location: '/app/' });
      return res.end();
    }
    let file = normalize(join(root, path));
    if (!file.startsWith(root.endsWith(sep) ? root : root + sep) || file.split(sep).includes('node_modules')) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      const head = htmlHead && extname(file) === '.html' ? htmlHead() : '';
      if (head) {
        const html = body.toString('utf8');
        const at = /<head[^>]*>/i.exec(html) ?? /<!doctype[^>]*>/i.exec(html);
        const end = at ? at.index + at[0].length : 0;
        body = Buffer.from(html.slice(0, end) + head + html.slice(end));
      }
      res.writeHead(200, {
        'content-type': types[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolve) => server.listen(listenPort, listenHost, () => resolve(server)));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const server = await startServer();
  const { address, port: p } = server.address();
  console.log(`cccd-scanner page: http://${address}:${p}/  (Ctrl+C to stop)`);
}
