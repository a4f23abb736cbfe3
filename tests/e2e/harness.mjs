// Browser test harness: real headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core,
// with the unpacked extension loaded from a folder (the repository root by default). Hub pages and the
// files they fetch are served from committed fixtures through request interception (or, for the
// bench, a local HTTPS server): never the live site.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = path.join(ROOT, 'tests/e2e/fixtures');
export const CHROMIUM = process.env.FINEPRINT_CHROMIUM || '/usr/bin/chromium';

export function fixture(rel) {
  return fs.readFileSync(path.join(FIXTURES, rel), 'utf8');
}

export function corpusText(rel) {
  return fs.readFileSync(path.join(ROOT, 'crate/data/corpus', rel), 'utf8');
}

/**
 * Launch Chromium with the extension. `routes` maps a URL (string, exact match without the query)
 * or a RegExp to a response {status, body, contentType, headers} or a function(url) returning one.
 * Every request to any origin is recorded; requests no route answers get a 404 (hub origins) or are aborted.
 */
export async function launch({ extensionDir = ROOT, routes = [], server = false, lang = null } = {}) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fineprint-e2e-'));
  // server: the hub is a local HTTPS server (a certificate openssl makes now) that Chromium reaches
  // for huggingface.co, instead of request interception, whose round trips through this process are
  // no part of what a user's browser does (used by scripts/bench-hf.mjs --server).
  const hub = server ? await localHub(userDataDir, routes) : null;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    // lang: the browser's language (chrome.i18n's); on Linux Chromium takes it from LANGUAGE, elsewhere from --lang.
    ...(lang ? { locale: lang, env: { ...process.env, LANGUAGE: lang.replace('-', '_'), LANG: `${lang.replace('-', '_')}.UTF-8` } } : {}),
    args: [
      ...(lang ? [`--lang=${lang}`] : []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage',
      ...(hub ? [`--host-resolver-rules=MAP huggingface.co 127.0.0.1:${hub.port}, MAP * ~NOTFOUND`, '--ignore-certificate-errors'] : []),
    ],
  });
  const requests = hub?.requests ?? [];
  const pageErrors = [];
  if (!hub) await context.route('**/*', async (route) => {
    const req = route.request();
    const url = req.url();
    if (url.startsWith('chrome-extension://') || url.startsWith('data:')) return route.continue();
    // byWorker: made by the extension's service worker (not a page or its content scripts).
    const rec = { url, method: req.method(), type: req.resourceType(), byWorker: !!req.serviceWorker?.(), cookie: (await req.allHeaders()).cookie ?? null };
    requests.push(rec);
    const u = new URL(url);
    const key = u.origin + u.pathname;
    for (const [match, answer] of routes) {
      const hit = match instanceof RegExp ? match.test(url) : match === key;
      if (!hit) continue;
      const res = typeof answer === 'function' ? await answer(u, req) : answer;
      if (res) {
        rec.status = res.status ?? 200;
        return route.fulfill({
          status: res.status ?? 200,
          contentType: res.contentType ?? 'text/html; charset=utf-8',
          headers: res.headers,
          body: res.body ?? '',
        });
      }
    }
    rec.status = 404;
    if (u.hostname.endsWith('huggingface.co')) return route.fulfill({ status: 404, body: 'Not found', contentType: 'text/plain' });
    return route.abort();
  });
  context.on('page', (p) => p.on('pageerror', (e) => pageErrors.push(e)));
  let worker = context.serviceWorkers()[0];
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 10000 });
  const extensionId = new URL(worker.url()).host;
  async function close() {
    await context.close();
    await hub?.close();
    fs.rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5 });
  }
  return { context, worker, extensionId, requests, pageErrors, close };
}

/** A self-signed certificate for huggingface.co, made now by openssl in `dir`. */
export function makeCertificate(dir) {
  const key = path.join(dir, 'hf.key');
  const cert = path.join(dir, 'hf.crt');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2',
    '-subj', '/CN=huggingface.co', '-addext', 'subjectAltName=DNS:huggingface.co'], { stdio: 'ignore' });
  return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
}

/** huggingface.co as a local HTTPS server answering from `routes` (as launch reads them); 404 otherwise. */
async function localHub(dir, routes) {
  const requests = [];
  const server = https.createServer(makeCertificate(dir), async (req, res) => {
    const u = new URL(req.url, 'https://huggingface.co');
    const rec = { url: u.href, method: req.method, type: req.headers['sec-fetch-dest'] ?? '' };
    requests.push(rec);
    let answer = null;
    for (const [match, a] of routes) {
      const hit = match instanceof RegExp ? match.test(u.href) : match === u.origin + u.pathname;
      if (hit && (answer = typeof a === 'function' ? await a(u, req) : a)) break;
    }
    answer ??= { status: 404, body: 'Not found', contentType: 'text/plain' };
    rec.status = answer.status ?? 200;
    res.writeHead(rec.status, { 'content-type': answer.contentType ?? 'text/html; charset=utf-8', ...answer.headers });
    res.end(answer.body ?? '');
  });
  const port = await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server.address().port));
  });
  return { port, requests, close: () => { server.closeAllConnections?.(); return new Promise((r) => server.close(r)); } };
}

/**
 * Requests made by script (fetch/XHR) to any origin but `allowed`. Fixture pages carry no scripts of
 * their own, so every scripted request comes from the extension (content script or worker).
 */
export function foreignScriptedRequests(requests, allowed = ['huggingface.co']) {
  return requests
    .filter((r) => r.type === 'fetch' || r.type === 'xhr')
    .filter((r) => !allowed.includes(new URL(r.url).hostname))
    .map((r) => r.url);
}

/** Wait for a settled badge (result or error state) and return its attributes. */
export async function settledBadge(page, { timeout = 10000 } = {}) {
  const handle = await page.waitForSelector('[data-fineprint-badge]:is([data-state="result"],[data-state="error"])', { timeout });
  return handle.evaluate((el) => ({
    license: el.getAttribute('data-license'),
    verdict: el.getAttribute('data-verdict'),
    state: el.getAttribute('data-state'),
    text: el.shadowRoot?.textContent ?? '',
    count: document.querySelectorAll('[data-fineprint-badge]').length,
  }));
}

/** Copy the extension (manifest + extension/) to a temp folder, letting `edit` change the manifest. */
export function extensionCopy(edit) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fineprint-ext-'));
  fs.cpSync(path.join(ROOT, 'extension'), path.join(dir, 'extension'), { recursive: true });
  // The manifest's __MSG_ names need the message files (default_locale): without them the browser
  // refuses to load the copy at all.
  fs.cpSync(path.join(ROOT, '_locales'), path.join(dir, '_locales'), { recursive: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'manifest.json'), 'utf8'));
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(edit(manifest), null, 2));
  return dir;
}
