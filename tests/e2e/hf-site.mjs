// Helpers for the Hugging Face end-to-end tests: one browser per test file, a mutable table of
// served URLs (pages, files, API answers), and checks on the badge and the panel.
import assert from 'node:assert/strict';
import { launch, foreignScriptedRequests } from './harness.mjs';

export const HF = 'https://huggingface.co';

/** One browser with the extension; `serve(path, answer)` adds a route for https://huggingface.co{path}. */
export async function hfBrowser({ lang = null, extensionDir } = {}) {
  const table = new Map();
  const b = await launch({
    lang,
    ...(extensionDir ? { extensionDir } : {}),
    routes: [[/^https:\/\/huggingface\.co\//, (u) => {
      const hit = table.get(u.pathname);
      return typeof hit === 'function' ? hit(u) : hit;
    }]],
  });
  const serve = (path, answer) => {
    table.set(path, typeof answer === 'string' ? { body: answer } : answer);
  };
  const text = (body) => ({ body, contentType: 'text/plain; charset=utf-8' });
  const json = (obj) => ({ body: JSON.stringify(obj), contentType: 'application/json' });
  return { ...b, serve, text, json, table };
}

/** Open a page and wait for its settled badge; returns {page, badge, errors, requests} for this page only. */
export async function visit(b, url, { timeout = 10000 } = {}) {
  const errorsBefore = b.pageErrors.length;
  const requestsBefore = b.requests.length;
  const page = await b.context.newPage();
  const consoleErrors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await page.goto(url);
  const badge = await settled(page, { timeout });
  return {
    page,
    badge,
    errors: () => b.pageErrors.slice(errorsBefore).map(String),
    requests: () => b.requests.slice(requestsBefore),
    consoleErrors,
  };
}

export async function settled(page, { timeout = 10000 } = {}) {
  const handle = await page.waitForSelector('[data-fineprint-badge]:is([data-state="result"],[data-state="error"])', { timeout });
  return handle.evaluate(badgeInPage);
}

/**
 * What a badge host shows (run in the page: self-contained, so any driver can send it, Playwright's
 * evaluate here and WebDriver's execute script in tests/firefox/).
 */
export function badgeInPage(el) {
  return {
    license: el.getAttribute('data-license'),
    verdict: el.getAttribute('data-verdict'),
    state: el.getAttribute('data-state'),
    reason: el.getAttribute('data-reason'),
    placement: el.getAttribute('data-placement'),
    // The luminance of the badge's text: it takes the page's colour, light on a dark page.
    textLuminance: (() => {
      const m = getComputedStyle(el.shadowRoot.querySelector('button')).color.match(/[\d.]+/g).map(Number);
      return Math.round(0.2126 * m[0] + 0.7152 * m[1] + 0.0722 * m[2]);
    })(),
    text: el.shadowRoot?.querySelector('button')?.textContent.replace(/\s+/g, ' ').trim() ?? '',
    glyph: el.shadowRoot?.querySelector('.glyph')?.textContent ?? '',
    count: document.querySelectorAll('[data-fineprint-badge]').length,
    inHeader: !!el.closest('[data-target="ModelHeader"] header'),
    position: getComputedStyle(el).position,
  };
}

/**
 * Fetches made for the license, as paths on huggingface.co, in order (the pages carry no script, so
 * every fetch is the extension's). The model card (README.md, read in parallel for the recipe) is
 * left out: `cardFetches` counts it.
 */
export function fetched(requests) {
  return requests.filter((r) => r.type === 'fetch').map((r) => new URL(r.url).pathname).filter((p) => !p.endsWith('/README.md'));
}

export function cardFetches(requests) {
  return requests.filter((r) => r.type === 'fetch' && new URL(r.url).pathname.endsWith('/README.md')).length;
}

/** Click the badge, wait for the panel, return what it shows. */
export async function openPanel(page) {
  await page.locator('[data-fineprint-badge]').locator('button').click();
  await page.waitForSelector('[data-fineprint-panel]', { timeout: 5000 });
  return inExtensionWorld(page, panelInPage);
}

/**
 * Run `fn` (self-contained) in the extension's content-script world of the page's main frame, through
 * CDP: the panel's shadow root is closed, so only that world (FinePrintPanel.rootOf) can read it.
 */
export async function inExtensionWorld(page, fn, arg = null) {
  const s = await page.context().newCDPSession(page);
  const contexts = [];
  s.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  const { frameTree } = await s.send('Page.getFrameTree');
  await s.send('Runtime.enable');
  await new Promise((r) => setTimeout(r, 50));
  const ctx = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Fine Print' && c.auxData?.frameId === frameTree.frame.id);
  if (!ctx) throw new Error('the extension\'s content-script world was not found');
  const res = await s.send('Runtime.evaluate', {
    expression: `(${fn})(${JSON.stringify(arg)})`, contextId: ctx.id, returnByValue: true, awaitPromise: true,
  });
  await s.detach();
  if (res.exceptionDetails) throw new Error(`in the extension world: ${res.exceptionDetails.exception?.description ?? res.exceptionDetails.text}`);
  return res.result.value;
}

/**
 * What the open panel shows (run in the extension's content-script world, see inExtensionWorld: the
 * panel's shadow root is closed, FinePrintPanel.rootOf gives it there; self-contained).
 */
export function panelInPage(rootGiven = null) {
  const host = document.querySelector('[data-fineprint-panel]');
  // rootGiven: the closed root handed over by a WebDriver shadow-root reference (the Firefox tests).
  const root = rootGiven ?? globalThis.FinePrintPanel?.rootOf(host) ?? host.shadowRoot;
  const dialog = root.querySelector('[role="dialog"]');
  const title = root.getElementById(dialog.getAttribute('aria-labelledby'));
  const rows = {};
  for (const dt of dialog.querySelectorAll('dl.kv dt')) rows[dt.textContent] = dt.nextElementSibling.textContent;
  const badge = document.querySelector('[data-fineprint-badge]');
  return {
    count: document.querySelectorAll('[data-fineprint-panel]').length,
    role: dialog.getAttribute('role'),
    title: title?.textContent ?? null,
    text: dialog.textContent.replace(/\s+/g, ' '),
    rows,
    links: [...dialog.querySelectorAll('a[href]')].map((a) => ({ href: a.href, text: a.textContent, rel: a.rel, target: a.target })),
    notes: [...dialog.querySelectorAll('.notes li')].map((li) => li.textContent),
    elements: [...dialog.querySelectorAll('*')].map((e) => e.localName),
    theme: host.getAttribute('data-theme'),
    breakdown: (() => {
      const bd = dialog.querySelector('[data-fineprint-breakdown]');
      if (!bd) return null;
      return {
        license: bd.dataset.license, verdict: bd.dataset.verdict, badge: bd.dataset.badge,
        sections: [...bd.querySelectorAll('h3')].map((h) => h.textContent),
        clauses: [...bd.querySelectorAll('[data-kind]')].map((c) => c.dataset.kind),
        quotes: [...bd.querySelectorAll('blockquote')].map((q) => q.textContent),
        inShort: bd.querySelector('[data-fineprint-in-short]')?.textContent ?? null,
        answers: Object.fromEntries([...bd.querySelectorAll('[data-fineprint-answers] [data-question]')].map((c) => [c.dataset.question, c.dataset.answer])),
        personal: bd.querySelector('.fp-answer')?.dataset.outcome ?? null,
      };
    })(),
    // The host right after the badge in the page (Tab from the badge enters it).
    afterBadge: document.querySelector('[data-fineprint-badge]')?.nextElementSibling === host,
    focusInside: document.activeElement === host,
    closeSize: (() => {
      const r = root.querySelector('.close')?.getBoundingClientRect();
      return r ? Math.min(r.width, r.height) : 0;
    })(),
    expanded: badge.shadowRoot.querySelector('button').getAttribute('aria-expanded'),
    below: host.getBoundingClientRect().top >= badge.getBoundingClientRect().bottom - 1,
  };
}

/** Press Escape: the panel closes and the focus is back on the badge's button. */
export async function escapeCloses(page) {
  await page.keyboard.press('Escape');
  assert.deepEqual(await page.evaluate(afterCloseInPage), { panels: 0, focusOnBadge: true, expanded: 'false' });
}

/** After the panel closed: panels left, focus back on the badge's button (run in the page, see badgeInPage). */
export function afterCloseInPage() {
  const badge = document.querySelector('[data-fineprint-badge]');
  return {
    panels: document.querySelectorAll('[data-fineprint-panel]').length,
    focusOnBadge: document.activeElement === badge && badge.shadowRoot.activeElement?.localName === 'button',
    expanded: badge.shadowRoot.querySelector('button').getAttribute('aria-expanded'),
  };
}

/** The checks every case shares: one badge, no page error, nothing asked of another origin. */
export function commonChecks(v, badge) {
  assert.equal(badge.count, 1, 'exactly one badge');
  assert.deepEqual(v.errors(), [], 'no page errors');
  // The fixture pages carry no script: every fetch comes from the extension (their images are the page's).
  assert.deepEqual(foreignScriptedRequests(v.requests()), [], 'no request to another origin');
}

/** Stop the extension's service worker (as the browser does when it is idle), through CDP. */
export async function stopWorker(page) {
  const s = await page.context().newCDPSession(page);
  const status = new Map();
  let stopped;
  const done = new Promise((r) => { stopped = r; });
  s.on('ServiceWorker.workerVersionUpdated', (e) => {
    for (const v of e.versions) {
      status.set(v.versionId, v);
      if (v.scriptURL.startsWith('chrome-extension://') && v.runningStatus === 'stopped') stopped(v);
    }
  });
  await s.send('ServiceWorker.enable');
  for (let i = 0; i < 250 && ![...status.values()].some((v) => v.scriptURL.startsWith('chrome-extension://')); i++) {
    await new Promise((r) => setTimeout(r, 20));
  }
  const ext = [...status.values()].find((v) => v.scriptURL.startsWith('chrome-extension://'));
  if (!ext) throw new Error('no extension service worker seen');
  if (ext.runningStatus !== 'stopped') await s.send('ServiceWorker.stopWorker', { versionId: ext.versionId });
  const timeout = new Promise((_, rej) => setTimeout(() => rej(new Error('worker did not stop')), 5000));
  await (ext.runningStatus === 'stopped' ? null : Promise.race([done, timeout]));
  await s.detach();
}

/** The browser tab id of a page, as the extension sees it. */
export async function tabIdOf(b, page) {
  const url = page.url();
  const sw = b.context.serviceWorkers().at(-1);
  return sw.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, url);
}
