// Test helpers for the no-install checker: the repository served as plain files by a tiny static
// server on 127.0.0.1 (as any static host would; the page is extension/checker/, its words in _locales/), and a headless Chromium without the extension.
// huggingface.co is answered by committed fixtures through request interception; every other origin
// is refused and recorded, so a test can assert the page loads nothing from the network.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, CHROMIUM } from './harness.mjs';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm', '.png': 'image/png', '.svg': 'image/svg+xml' };

/** Serve `dir` on 127.0.0.1 (a random port). Resolves {url, close}. */
export function serveStatic(dir = ROOT) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const u = new URL(req.url, 'http://x');
    const file = path.resolve(root, '.' + decodeURIComponent(u.pathname));
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found');
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) });
  }));
}

/**
 * Chromium with the checker served as plain files. `hub(url)` answers requests to huggingface.co
 * ({status, body, contentType, headers} or null for a network failure); other origins are aborted.
 */
export async function openChecker({ hub = null, viewport = { width: 1280, height: 900 }, hash = '', dir, locale = 'en-US' } = {}) {
  const server = await serveStatic(dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'] });
  const context = await browser.newContext({ viewport, locale });
  const requests = [];
  const errors = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    const u = new URL(url);
    if (u.origin === server.url) return route.continue();
    requests.push(url);
    if (u.hostname === 'huggingface.co' && hub) {
      const answer = await hub(u);
      if (answer) {
        return route.fulfill({ status: answer.status ?? 200, body: answer.body ?? '', contentType: answer.contentType ?? 'application/json',
          headers: { 'access-control-allow-origin': '*', ...(answer.headers ?? {}) } });
      }
    }
    return route.abort('connectionrefused');
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(new Error(m.text())); });
  // The repository: the page is extension/checker/; a built static site (dir): checker/.
  await page.goto(`${server.url}${dir ? '' : '/extension'}/checker/index.html${hash}`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  async function close() {
    await browser.close();
    await server.close();
  }
  return { page, context, server, requests, errors, close };
}

/** Wait for a settled result and return its attributes and the report the page holds. */
export async function result(page, { timeout = 10000 } = {}) {
  await page.waitForSelector('[data-fineprint-result][data-state="result"]', { timeout });
  return page.evaluate(() => {
    const el = document.querySelector('[data-fineprint-result]');
    return { license: el.dataset.license, verdict: el.dataset.verdict, report: globalThis.FinePrintChecker.report,
      docs: globalThis.FinePrintChecker.docs.map((d) => d.name), text: el.textContent };
  });
}

/** Chromium-side hub fixture: a saved /api/models response from /work/shared/hubs/json (committed copies). */
export function hubFixture(name) {
  const wrapped = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/e2e/fixtures/checker', name), 'utf8'));
  return wrapped.response ?? wrapped.data ?? wrapped;
}
