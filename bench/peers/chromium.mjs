// The browser half of the benchmark: a loopback server for the page, our package, the peers' files, the
// corpus and the ladder; Debian's Chromium (playwright-core, never a downloaded browser) opens
// browser.html, which decodes each image to RGBA outside the timed region and runs the same readers and
// measureAll as Node. Nothing is fetched from any other origin.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm',
  '.json': 'application/json', '.png': 'image/png', '.jpg': 'image/jpeg' };

function serve(mounts) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const mount = Object.keys(mounts).find((m) => path.startsWith(m));
    const file = mount && normalize(join(mounts[mount], path.slice(mount.length)));
    if (!file || !file.startsWith(mounts[mount])) return res.writeHead(403).end();
    try {
      const body = await readFile(file);
      // Cross-origin isolated (every file is ours, same origin): Chromium's performance.now() then ticks in
      // 5 us instead of 100 us steps, fine enough for frames that take 1-2 ms.
      res.writeHead(200, {
        'content-type': types[extname(file)] ?? 'application/octet-stream',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
      }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r(server)));
}

export async function runInChromium({ repo, here, corpusDir, outDir, items }) {
  const { chromium } = createRequire(join(repo, 'web/package.json'))('playwright-core');
  const server = await serve({
    '/bench/': here, '/web/': join(repo, 'web'), '/corpus/': corpusDir, '/ladder/': join(outDir, 'ladder'),
    '/printed-ladder/': join(outDir, 'printed-ladder'),
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    const foreign = [];
    page.on('request', (r) => { if (!r.url().startsWith(origin)) foreign.push(r.url()); });
    page.on('console', (m) => { if (m.type() === 'error') process.stderr.write(`chromium: ${m.text()}\n`); });
    await page.exposeFunction('__progress', (i, n) => { if (i % 50 === 0 || i === n) process.stderr.write(`chromium: ${i}/${n}\n`); });
    await page.goto(`${origin}/bench/browser.html`);
    const path = (file) => file.split('/').map(encodeURIComponent).join('/');  // names hold '#'
    const base = (it) => (it.set.startsWith('ladder') ? '/ladder/' : it.set.startsWith('printed ') ? '/printed-ladder/' : '/corpus/');
    const urls = items.map((it) => ({ ...it, url: `${base(it)}${path(it.file)}` }));
    if (!(await page.evaluate(() => globalThis.crossOriginIsolated))) throw new Error('the benchmark page is not cross-origin isolated');
    const result = await page.evaluate((list) => window.runBenchmark(list), urls);
    if (foreign.length) throw new Error(`the benchmark page fetched from other origins: ${foreign.join(', ')}`);
    return { ...result, note: `${await browser.version()}${result.note ? `; ${result.note}` : ''}` };
  } finally {
    await browser.close();
    server.close();
  }
}
