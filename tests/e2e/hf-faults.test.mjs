// Faults on Hugging Face pages (issue 17): the worker stopped mid-request (once and twice), the
// fetch timeout, the page's message timeout (a worker that never answers), slow base models, 429 and 500 from the hub, a non-UTF-8 license file, a
// model card over its cap, author-sized metadata, and storage.session full. In each the user gets
// a badge that says what was read, in time, and a result that holds is cached. Redirects and
// bodies without Content-Length need a real server: hf-server-faults.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { corpusText } from './harness.mjs';
import { hfPage } from './fixtures/huggingface/pages.mjs';
import { hfBrowser, visit, settled, fetched, stopWorker, commonChecks, openPanel, inExtensionWorld, HF } from './hf-site.mjs';

let b;
before(async () => {
  b = await hfBrowser();
});
after(() => b?.close());

const APACHE = corpusText('spdx/Apache-2.0.txt');
const MIT = corpusText('spdx/MIT.txt');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function model(id, { license = 'apache-2.0', cardData = {}, ...page } = {}) {
  b.serve(`/${id}`, hfPage({ id, cardData: { license, ...cardData }, ...page }));
}

/** The report cache's keys in the worker's storage.session. */
async function cacheKeys() {
  const sw = b.context.serviceWorkers().at(-1);
  return sw.evaluate(async () => Object.keys(await chrome.storage.session.get(null)).filter((k) => k.startsWith('fp:cache:') && k !== 'fp:cache-index'));
}

/** Wait until `pred(requests)` holds for the requests made since `from`. */
async function until(from, pred, ms = 10000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (pred(b.requests.slice(from))) return;
    await sleep(25);
  }
  throw new Error('the expected request did not come');
}

test('the worker stopped while it reads the license: the page asks again and gets its badge', async () => {
  const id = 'acme-ai/stopped-once';
  model(id);
  let calls = 0;
  b.serve(`/${id}/raw/main/LICENSE`, async () => {
    calls++;
    await sleep(1500);
    return b.text(APACHE);
  });
  const from = b.requests.length;
  const page = await b.context.newPage();
  await page.goto(`${HF}/${id}`);
  await until(from, (rs) => rs.some((r) => r.url.endsWith('/raw/main/LICENSE')));
  await stopWorker(page);
  const badge = await settled(page, { timeout: 20000 });
  assert.equal(badge.state, 'result');
  assert.equal(badge.license, 'Apache-2.0');
  assert.ok(calls >= 2, `the license was asked for again after the stop (${calls} reads)`);
  await page.close();
});

test('the worker stopped twice: the page reads the files itself and still gets its badge', async () => {
  const id = 'acme-ai/stopped-twice';
  model(id);
  b.serve(`/${id}/raw/main/LICENSE`, async () => {
    await sleep(1500);
    return b.text(APACHE);
  });
  const from = b.requests.length;
  const page = await b.context.newPage();
  await page.goto(`${HF}/${id}`);
  for (let n = 1; n <= 2; n++) {
    await until(from, (rs) => rs.filter((r) => r.url.endsWith('/raw/main/LICENSE') && r.byWorker).length >= n);
    await stopWorker(page);
  }
  const badge = await settled(page, { timeout: 20000 });
  assert.equal(badge.state, 'result');
  assert.equal(badge.license, 'Apache-2.0');
  const reads = b.requests.slice(from).filter((r) => r.url.endsWith('/raw/main/LICENSE'));
  assert.ok(reads.some((r) => !r.byWorker), 'the page read the file itself after the second stop');
  await page.close();
});

test('a license file that never answers: the 8 s fetch timeout, then the declared id, not cached', async () => {
  const id = 'acme-ai/hanging-license';
  model(id);
  b.serve(`/${id}/raw/main/LICENSE`, async () => {
    await sleep(12000);
    return b.text(APACHE);
  });
  const t0 = Date.now();
  const v = await visit(b, `${HF}/${id}`, { timeout: 25000 });
  const took = Date.now() - t0;
  assert.equal(v.badge.state, 'result');
  assert.equal(v.badge.license, 'Apache-2.0', 'from the declared id');
  assert.ok(took >= 7500 && took < 20000, `the badge came after the fetch timeout, well before the page's 30 s (${took} ms)`);
  assert.ok(!(await cacheKeys()).some((k) => k.includes(id)), 'a timeout may pass: not cached');
  await v.page.close();
});

test('429 and 500 on the license: the declared id for now, and the next visit reads again', async () => {
  for (const status of [429, 500]) {
    const id = `acme-ai/http-${status}`;
    model(id);
    b.serve(`/${id}/raw/main/LICENSE`, { status, body: 'busy', contentType: 'text/plain' });
    const v = await visit(b, `${HF}/${id}`);
    assert.equal(v.badge.state, 'result', `${status}`);
    assert.equal(v.badge.license, 'Apache-2.0', `${status}: from the declared id`);
    b.serve(`/${id}/raw/main/LICENSE`, b.text(MIT));
    const again = await visit(b, `${HF}/${id}`);
    assert.deepEqual(fetched(again.requests()), [`/${id}/raw/main/LICENSE`], `${status}: read again`);
    assert.equal(again.badge.license, 'MIT', `${status}: the text, once it could be read`);
    commonChecks(again, again.badge);
    for (const x of [v, again]) await x.page.close();
  }
});

test('a license file that is not UTF-8: not read, the declared id stands', async () => {
  const id = 'acme-ai/latin1-license';
  model(id);
  const latin1 = Buffer.from(`${APACHE.slice(0, 2000)}\n© Société Générale — Zürich\n`, 'latin1');
  b.serve(`/${id}/raw/main/LICENSE`, { body: latin1, contentType: 'text/plain' });
  const v = await visit(b, `${HF}/${id}`);
  assert.equal(v.badge.state, 'result');
  assert.equal(v.badge.license, 'Apache-2.0');
  commonChecks(v, v.badge);
  await v.page.close();
});

test('a model card over its cap is not read; the license still is', async () => {
  const id = 'acme-ai/huge-card';
  model(id);
  b.serve(`/${id}/raw/main/LICENSE`, b.text(APACHE));
  b.serve(`/${id}/raw/main/README.md`, b.text(`# Card\n\n${'A line of the model card.\n'.repeat(40000)}`)); // ~1 MB, over 512 kB
  const v = await visit(b, `${HF}/${id}`);
  assert.equal(v.badge.state, 'result');
  assert.equal(v.badge.license, 'Apache-2.0');
  commonChecks(v, v.badge);
  await v.page.close();
});

test('base models: thousands listed are cut to a bounded set, fetched in parallel under one deadline', async () => {
  const id = 'acme-ai/many-bases';
  const bases = Array.from({ length: 20000 }, (_, i) => `base-org/base-${i % 5000}`);
  model(id, { cardData: { base_model: bases } });
  b.serve(`/${id}/raw/main/LICENSE`, b.text(APACHE));
  const started = [];
  for (let i = 0; i < 5000; i++) {
    b.serve(`/api/models/base-org/base-${i}`, async () => {
      started.push(Date.now());
      await sleep(3000);
      return b.json({ id: `base-org/base-${i}`, cardData: { license: 'apache-2.0' }, tags: ['license:apache-2.0'] });
    });
  }
  const t0 = Date.now();
  const v = await visit(b, `${HF}/${id}`, { timeout: 25000 });
  const took = Date.now() - t0;
  assert.equal(v.badge.state, 'result');
  const asked = v.requests().filter((r) => r.url.includes('/api/models/base-org/'));
  assert.ok(asked.length <= 8, `at most 8 base models fetched per analysis (${asked.length})`);
  assert.ok(started.length >= 2 && Math.max(...started) - Math.min(...started) < 1500, 'fetched side by side, not one after another');
  assert.ok(took < 15000, `the badge within the worker's deadline, not 8 × 3 s (${took} ms)`);
  await v.page.close();
});

test('storage.session full: the badge still comes, from a fresh analysis', async () => {
  const sw = b.context.serviceWorkers().at(-1);
  await sw.evaluate(async () => {
    // Fill the session area (10 MB) with entries the extension's indexes do not know.
    const chunk = 'x'.repeat(1024 * 1024);
    for (let i = 0; i < 12; i++) await chrome.storage.session.set({ [`junk:${i}`]: chunk }).catch(() => {});
  });
  const id = 'acme-ai/quota-full';
  model(id, { license: 'mit' });
  b.serve(`/${id}/raw/main/LICENSE`, b.text(MIT));
  const v = await visit(b, `${HF}/${id}`);
  assert.equal(v.badge.state, 'result');
  assert.equal(v.badge.license, 'MIT');
  commonChecks(v, v.badge);
  await sw.evaluate(async () => {
    for (let i = 0; i < 12; i++) await chrome.storage.session.remove(`junk:${i}`);
  });
  await v.page.close();
});

test('the worker never answers: after the page\'s message bound, an error badge with a retry; nothing read with the session', async () => {
  // The bound (30 s) is shortened for this test through the extension's storage.local, which no page
  // can write (content/runtime.js); the worker's reads of the hub then hang, so it never answers.
  const sw = b.context.serviceWorkers().at(-1);
  await sw.evaluate(async () => {
    await chrome.storage.local.set({ 'fp:message-timeout-ms': 1500 });
    globalThis.fpRealFetch ??= globalThis.fetch;
    // Its reads of the hub hang (its own files, the engine's module among them, still load).
    globalThis.fetch = (url, init) => (String(url).startsWith('https://huggingface.co/') ? new Promise(() => {}) : globalThis.fpRealFetch(url, init));
  });
  const id = 'acme-ai/worker-hangs';
  model(id);
  b.serve(`/${id}/raw/main/LICENSE`, b.text(APACHE));
  try {
    const v = await visit(b, `${HF}/${id}`, { timeout: 15000 });
    assert.deepEqual([v.badge.state, v.badge.reason, v.badge.license, v.badge.verdict], ['error', 'timeout', '', 'unknown']);
    assert.match(v.badge.text, /did not answer/);
    // The page did not fall back to reading the files itself (with the user's cookies): the worker it
    // would need for the analysis is the one that did not answer.
    assert.deepEqual(v.requests().filter((r) => r.url.includes('/raw/') && !r.byWorker).map((r) => r.url), [], 'no read by the page');

    // The panel (opened by a person) says what happened and offers to try again.
    const panel = await openPanel(v.page);
    assert.match(panel.rows.Status, /did not answer in time/);
    assert.match(panel.text, /no verdict is shown/);
    assert.equal(panel.breakdown, null, 'no verdict, no breakdown');
    // The worker answers again; "Try again" (a real click, at the button inside the closed panel) reads the page once more.
    await sw.evaluate(() => { globalThis.fetch = globalThis.fpRealFetch; });
    const at = await inExtensionWorld(v.page, () => {
      const host = document.querySelector('[data-fineprint-panel]');
      const r = globalThis.FinePrintPanel.rootOf(host).querySelector('[data-fineprint-help="timeout"] button.retry').getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await v.page.mouse.click(at.x, at.y);
    assert.equal(await v.page.evaluate(() => document.activeElement?.hasAttribute('data-fineprint-badge')), true, 'the focus moves to the new badge');
    await v.page.waitForSelector('[data-fineprint-badge][data-state="result"]', { timeout: 15000 });
    const again = await settled(v.page);
    assert.deepEqual([again.license, again.verdict, again.count], ['Apache-2.0', 'open-weights-permissive', 1]);
    assert.deepEqual(v.errors(), [], 'no page errors');
    await v.page.close();
  } finally {
    await sw.evaluate(async () => {
      if (globalThis.fpRealFetch) globalThis.fetch = globalThis.fpRealFetch;
      await chrome.storage.local.remove('fp:message-timeout-ms');
    });
  }
});
