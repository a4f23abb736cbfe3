// Hugging Face model pages in real headless Firefox with the unpacked extension installed from the
// repository root (tests/firefox/firefox.mjs: geckodriver, WebDriver over fetch, a local proxy serving
// the committed fixtures). The same pages and texts as the Chromium tests (tests/e2e/hf-cases.test.mjs);
// the badge's license and class must be what the shipped WASM answers in Node for the same documents, so
// a badge on the page proves the add-on's background (an event page in Firefox) ran the engine.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchFirefox, HF } from './firefox.mjs';
import { corpusText } from '../e2e/harness.mjs';
import { badgeInPage, panelInPage, afterCloseInPage } from '../e2e/hf-site.mjs';
import { hfPage } from '../e2e/fixtures/huggingface/pages.mjs';
import { loadEngine } from '../node/engine.mjs';

let ff;
let engine;
const IDLE_MS = 2000;
before(async () => {
  engine = await loadEngine();
  // Firefox runs the MV3 background as an event page and suspends it when idle (30 s by default): a
  // short idle time lets a test see it stop and wake again.
  ff = await launchFirefox({ extraPrefs: { 'extensions.background.idle.timeout': IDLE_MS } });
});
after(() => ff?.close());

const SETTLED = '[data-fineprint-badge]:is([data-state="result"],[data-state="error"])';

/** Open a page, wait for a settled badge; returns what it shows and the requests made meanwhile. */
async function visit(url) {
  const from = ff.hub.requests.length;
  const logFrom = ff.log().length;
  await ff.goto(url);
  const badge = await ff.waitFor(`(sel) => { const el = document.querySelector(sel); return el && (${badgeInPage})(el); }`,
    { what: 'a settled Fine Print badge' }, SETTLED);
  // Styled by the badge's constructed style sheet (or its <style> fallback): a pill, not a bare button.
  badge.radius = await ff.run(() => getComputedStyle(document.querySelector('[data-fineprint-badge]').shadowRoot.querySelector('button')).borderTopLeftRadius);
  const requests = () => ff.hub.requests.slice(from);
  // Firefox prints script errors and console messages (prefs devtools.console.stdout.*): none may come
  // from the add-on (moz-extension://, its "[Fine Print]" warnings) or the page it runs in.
  const errors = () => ff.log().slice(logFrom).split('\n')
    .filter((l) => /^JavaScript error: (moz-extension:|https:\/\/huggingface\.co)|\[Fine Print\]/.test(l));
  return { badge, requests, errors };
}

/** Fetches the extension made on huggingface.co for the license (the model card README.md left out). */
const licenseFetches = (requests) => requests.filter((r) => r.host === 'huggingface.co' && r.dest === 'empty')
  .map((r) => r.path).filter((p) => !p.endsWith('/README.md'));

/**
 * Hosts asked for besides huggingface.co, all refused by the proxy: allowed are Firefox's own services
 * and hosts the fixture page itself links (its images); anything else would be the extension's.
 */
function foreignHosts(requests, pageHtml) {
  return requests.filter((r) => r.refused).map((r) => r.host.replace(/:443$/, ''))
    .filter((h) => !/(^|\.)(mozilla\.(com|org|net)|firefox\.com)$/.test(h) && !pageHtml.includes(`//${h}/`));
}

/** Click the badge's button (a WebDriver click inside its open shadow root) and read the panel. */
async function openPanel() {
  const button = await ff.run(() => document.querySelector('[data-fineprint-badge]').shadowRoot.querySelector('button'));
  await ff.click(button);
  await ff.waitFor(() => !!document.querySelector('[data-fineprint-panel]'), { timeout: 5000, what: 'the panel' });
  return ff.run(panelInPage);
}

function expectEngine(badge, docs, opts) {
  const r = engine.analyze(docs, opts);
  assert.equal(badge.license, r.license.id ?? '', 'data-license is the engine\'s license.id');
  assert.equal(badge.verdict, r.badge.class, 'data-verdict is the engine\'s badge.class');
  assert.ok(badge.text.includes(r.badge.text), `badge says "${r.badge.text}": ${badge.text}`);
  return r;
}

function assertVerbatim(quotes, texts) {
  assert.ok(quotes.length > 0, 'quotes are shown');
  for (const q of quotes) assert.ok(texts.some((t) => t.includes(q)), `not verbatim: ${q.slice(0, 80)}`);
}

test('Firefox loads the unpacked extension from the repository root', () => {
  assert.equal(ff.addonId, 'fineprint@fineprint.dev');
  assert.ok(Number(ff.firefoxVersion.split('.')[0]) >= 142, ff.firefoxVersion);
});

test('Firefox, Apache model: a badge from the WASM engine, and the panel with the breakdown', async () => {
  const id = 'acme-ai/apache-model';
  const license = corpusText('spdx/Apache-2.0.txt');
  const html = hfPage({ id, cardData: { license: 'apache-2.0' } });
  ff.serve(`/${id}`, html);
  ff.serve(`/${id}/raw/main/LICENSE`, ff.text(license));
  const { badge, requests, errors } = await visit(`${HF}/${id}`);
  assert.equal(badge.state, 'result');
  assert.equal(badge.count, 1, 'exactly one badge');
  assert.equal(badge.placement, 'license-chip');
  assert.ok(badge.inHeader, 'in the model header');
  const r = expectEngine(badge, [{ name: 'LICENSE', text: license }], { hf_license: 'apache-2.0' });
  assert.deepEqual([badge.license, badge.verdict], ['Apache-2.0', 'open-weights-permissive']);
  assert.equal(badge.radius, '999px', 'the badge\'s style sheet applies in Firefox');
  assert.deepEqual(licenseFetches(requests()), [`/${id}/raw/main/LICENSE`], 'reads LICENSE, nothing else');

  const panel = await openPanel();
  assert.equal(panel.count, 1);
  assert.equal(panel.role, 'dialog');
  assert.match(panel.title, /Fine Print/);
  assert.equal(panel.rows.Read, 'LICENSE');
  assert.deepEqual([panel.breakdown?.license, panel.breakdown?.verdict, panel.breakdown?.badge], ['Apache-2.0', r.verdict.class, r.badge.class]);
  assert.ok(panel.breakdown.clauses.includes('patent_grant'), `clauses: ${panel.breakdown.clauses}`);
  assertVerbatim(panel.breakdown.quotes, [license]);
  assert.ok(panel.text.includes('not legal advice'), 'disclaimer');
  assert.equal(panel.expanded, 'true');
  assert.ok(panel.focusInside, 'focus moves into the panel');
  assert.ok(panel.below, 'the panel opens under the badge');
  // Escape closes it and gives the focus back to the badge's button (inside its shadow root).
  await ff.press('\uE00C');
  const closed = await ff.run(afterCloseInPage);
  assert.deepEqual(closed, { panels: 0, focusOnBadge: true, expanded: 'false' });
  assert.deepEqual(foreignHosts(requests(), html), [], 'no request to another origin');
  assert.deepEqual(errors(), [], 'no script error');
});

test('Firefox, Llama 3.1 model: LICENSE and USE_POLICY.md read together, restricted', async () => {
  const id = 'acme-ai/llama-3.1-tune';
  const license = corpusText('ai/llama-3.1-community.txt');
  const policy = corpusText('ai/llama-3.1-aup.txt');
  const html = hfPage({ id, cardData: { license: 'llama3.1', license_link: 'LICENSE' } });
  ff.serve(`/${id}`, html);
  ff.serve(`/${id}/raw/main/LICENSE`, ff.text(license));
  ff.serve(`/${id}/raw/main/USE_POLICY.md`, ff.text(policy));
  const { badge, requests, errors } = await visit(`${HF}/${id}`);
  assert.equal(badge.state, 'result');
  // Both files, read side by side (a Llama license ships its use policy), in no fixed order.
  assert.deepEqual(licenseFetches(requests()).sort(), [`/${id}/raw/main/LICENSE`, `/${id}/raw/main/USE_POLICY.md`]);
  const r = expectEngine(badge, [{ name: 'LICENSE', text: license }, { name: 'USE_POLICY.md', text: policy }], { hf_license: 'llama3.1' });
  assert.deepEqual([badge.license, badge.verdict], ['llama-3.1-community', 'open-weights-restricted']);
  const panel = await openPanel();
  assert.equal(panel.rows.Read, 'LICENSE, USE_POLICY.md');
  assert.equal(panel.breakdown?.verdict, r.verdict.class);
  for (const kind of ['mau_threshold', 'aup_by_reference', 'naming_requirement']) {
    assert.ok(panel.breakdown.clauses.includes(kind), `${kind} in ${panel.breakdown.clauses}`);
  }
  assertVerbatim(panel.breakdown.quotes, [license, policy]);
  assert.deepEqual(foreignHosts(requests(), html), [], 'no request to another origin');
  assert.deepEqual(errors(), [], 'no script error');
});

test('Firefox, gated repository with nothing readable: an error badge that says so, and its panel', async () => {
  const id = 'acme-ai/gated-other';
  const html = hfPage({ id, gated: 'auto', cardData: { license: 'other' } });
  ff.serve(`/${id}`, html);
  ff.serve(`/api/models/${id}`, ff.json({ id, gated: 'auto', cardData: { license: 'other' } }));
  for (const f of ['LICENSE', 'LICENSE.md', 'LICENSE.txt']) ff.serve(`/${id}/raw/main/${f}`, { status: 403, body: 'Access restricted', contentType: 'text/plain' });
  const { badge, requests, errors } = await visit(`${HF}/${id}`);
  assert.deepEqual([badge.state, badge.reason, badge.license, badge.verdict], ['error', 'gated', '', 'unknown']);
  assert.match(badge.text, /gated/);
  assert.equal(badge.glyph, '⚠');
  const panel = await openPanel();
  assert.match(panel.rows.Status, /gated/);
  assert.ok(panel.text.includes('not legal advice'));
  assert.deepEqual(foreignHosts(requests(), html), [], 'no request to another origin');
  assert.deepEqual(errors(), [], 'no script error');
});

test('Firefox, the event page: suspended when idle, woken by the next page, which still gets its badge', async () => {
  // Extension.backgroundState, read in the browser's privileged context: Firefox's own record of the page.
  const state = () => ff.runChrome((id) => WebExtensionPolicy.getByID(id)?.extension?.backgroundState ?? null, ff.addonId);
  const until = Date.now() + IDLE_MS + 10000;
  let s;
  while ((s = await state()) !== 'stopped' && Date.now() < until) await new Promise((r) => setTimeout(r, 250));
  assert.equal(s, 'stopped', 'Firefox suspends the idle background');

  const id = 'acme-ai/mit-model';
  const license = corpusText('spdx/MIT.txt');
  const html = hfPage({ id, cardData: { license: 'mit' } });
  ff.serve(`/${id}`, html);
  ff.serve(`/${id}/raw/main/LICENSE`, ff.text(license));
  const { badge, requests, errors } = await visit(`${HF}/${id}`);
  assert.equal(badge.state, 'result');
  expectEngine(badge, [{ name: 'LICENSE', text: license }], { hf_license: 'mit' });
  assert.equal(badge.license, 'MIT');
  assert.equal(await state(), 'running', 'the content script\'s message woke it');
  assert.deepEqual(foreignHosts(requests(), html), [], 'no request to another origin');
  assert.deepEqual(errors(), [], 'no script error');
});
