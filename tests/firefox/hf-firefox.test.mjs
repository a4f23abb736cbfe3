// Hugging Face model pages in real headless Firefox with the unpacked extension installed from the
// repository root (tests/firefox/firefox.mjs: geckodriver, WebDriver over fetch, a local proxy serving
// the committed fixtures). The same pages and texts as the Chromium tests (tests/e2e/hf-cases.test.mjs);
// the badge's license and class must be what the shipped WASM answers in Node for the same documents, so
// a badge on the page proves the add-on's background (an event page in Firefox) ran the engine.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchFirefox, HF, EXTENSION_ORIGIN, ROOT } from './firefox.mjs';
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
  return { badge, requests, errors: () => scriptErrors(logFrom) };
}

/**
 * Firefox prints script errors and console messages (prefs devtools.console.stdout.*): the lines since
 * `logFrom` that come from the add-on (moz-extension://, its "[Fine Print]" warnings) or a page it runs in.
 */
const scriptErrors = (logFrom) => ff.log().slice(logFrom).split('\n')
  .filter((l) => /^JavaScript error: (moz-extension:|https:\/\/huggingface\.co)|\[Fine Print\]/.test(l));

/**
 * Open the add-on's page `pagePath` in a new tab, run `fn` there, then close that tab and come back to
 * the first one (where visit() opens the model pages).
 */
async function inExtensionTab(pagePath, fn) {
  const home = await ff.tab();
  await ff.switchTo(await ff.newTab());
  try {
    await ff.goto(EXTENSION_ORIGIN + pagePath);
    return await fn();
  } finally {
    await ff.closeTab();
    await ff.switchTo(home);
  }
}

/** The ids of the tabs showing `url`, asked from an add-on page (host permission, no "tabs" permission). */
const tabIdsOf = (url) => ff.runAsync(async (u) => (await browser.tabs.query({ url: u })).map((t) => t.id), url);

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

/**
 * Click the badge's button (a WebDriver click inside its open shadow root) and read the panel. The panel's
 * shadow root is closed: the page sees a host with nothing in it (checked here), and the test reads the
 * panel through WebDriver's reference to the root, which the page script cannot make.
 */
async function openPanel() {
  const button = await ff.run(() => document.querySelector('[data-fineprint-badge]').shadowRoot.querySelector('button'));
  await ff.click(button);
  await ff.waitFor(() => !!document.querySelector('[data-fineprint-panel]'), { timeout: 5000, what: 'the panel' });
  const seen = await ff.run(() => {
    const host = document.querySelector('[data-fineprint-panel]');
    return { shadowRoot: host.shadowRoot, text: host.textContent, children: host.children.length };
  });
  assert.deepEqual(seen, { shadowRoot: null, text: '', children: 0 }, 'the page cannot read the panel');
  const host = await ff.run(() => document.querySelector('[data-fineprint-panel]'));
  return ff.run(panelInPage, await ff.shadowRoot(host));
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

/** What the popup shows once it has its answer (run in the popup page). */
function popupInPage() {
  const $ = (id) => document.getElementById(id);
  const box = $('result');
  if (box.dataset.state === 'none') return null; // not answered yet (or nothing recorded for the tab)
  return {
    state: box.dataset.state, license: box.dataset.license, verdict: box.dataset.verdict,
    headline: $('headline').textContent,
    facts: $('facts').hidden ? null : { license: $('license').textContent },
    page: $('page').textContent,
  };
}

/** The popup as a page for the tab showing `url` (the toolbar popup is opened with ?tab=ID by tests). */
async function popupFor(url) {
  return inExtensionTab('/extension/popup/popup.html', async () => {
    const ids = await tabIdsOf(url);
    assert.equal(ids.length, 1, `one tab shows ${url}: ${ids}`);
    const logFrom = ff.log().length;
    await ff.goto(`${EXTENSION_ORIGIN}/extension/popup/popup.html?tab=${ids[0]}`);
    const shown = await ff.waitFor(popupInPage, { timeout: 5000, what: 'the popup\'s result' });
    // Its two buttons are there (they open the checker and the profile).
    shown.buttons = await ff.run(() => [...document.querySelectorAll('nav button')].map((b) => b.id));
    assert.deepEqual(scriptErrors(logFrom), [], 'no script error in the popup');
    return shown;
  });
}

test('Firefox, the popup shows the result of a tab that visited a model page, and the error of one with no license', async () => {
  const id = 'acme-ai/popup-model';
  const license = corpusText('spdx/Apache-2.0.txt');
  ff.serve(`/${id}`, hfPage({ id, cardData: { license: 'apache-2.0' } }));
  ff.serve(`/${id}/raw/main/LICENSE`, ff.text(license));
  const v = await visit(`${HF}/${id}`);
  assert.equal(v.badge.state, 'result');
  const r = expectEngine(v.badge, [{ name: 'LICENSE', text: license }], { hf_license: 'apache-2.0' });
  assert.deepEqual(await popupFor(`${HF}/${id}`), {
    state: 'result', license: 'Apache-2.0', verdict: 'open-weights-permissive', headline: `${r.badge.text} · weights only`, // the page had the hub metadata (recipe looked at)
    facts: { license: 'Apache-2.0' }, page: `${HF}/${id}`, // the class is in data-verdict and the headline's words
    buttons: ['open-checker', 'open-options'],
  });
  assert.equal(r.badge.class, 'open-weights-permissive');

  // The same tab goes on to a model with no license anywhere: the page's error badge tells the worker
  // (no analysis ran), and the popup now says why there is nothing, with no license or class shown.
  const bare = 'acme-ai/popup-no-license';
  ff.serve(`/${bare}`, hfPage({ id: bare, cardData: {} }));
  const e = await visit(`${HF}/${bare}`);
  assert.equal(e.badge.state, 'error');
  const shown = await popupFor(`${HF}/${bare}`);
  assert.equal(shown.state, 'error');
  assert.match(shown.headline, /No license found/);
  assert.equal(shown.facts, null, 'no license or class for a page with none');
  assert.deepEqual([shown.license, shown.page], ['', `${HF}/${bare}`]);
  assert.deepEqual([...v.errors(), ...e.errors()], [], 'no script error');
});

test('Firefox, the options page: one question per control (the asked ones), answers kept in storage.sync and across a reload, "None of these" clears the other fields', async () => {
  const file = JSON.parse(fs.readFileSync(path.join(ROOT, 'extension/shared/profile-questions.json'), 'utf8'));
  const questions = file.questions.filter((q) => !q.hidden);
  assert.equal(questions.length, 14, 'the ten questions of profile.md, the contract one asked as five');
  await inExtensionTab('/extension/options/options.html', async () => {
    const logFrom = ff.log().length;
    const stored = async () => (await ff.runAsync(() => browser.storage.sync.get('fp:profile')))['fp:profile'] ?? null;
    // Each question as rendered: its legend, and its inputs' names, types, values and checked state.
    const form = () => ff.waitFor(() => {
      const sets = [...document.querySelectorAll('#profile fieldset')];
      return sets.length > 0 && sets.map((f) => ({
        legend: f.querySelector('legend')?.textContent,
        inputs: [...f.querySelectorAll('input')].map((i) => ({ name: i.name, type: i.type, value: i.value, checked: i.checked })),
      }));
    }, { timeout: 5000, what: 'the profile questions' });
    const click = async (name, value) => ff.click(await ff.run((n, x) => document.querySelector(`#profile input[name="${n}"][value="${x}"]`), name, value));
    const picked = (sets) => Object.fromEntries(sets.map((f) => [f.inputs[0].name, f.inputs.filter((i) => i.checked).map((i) => i.value)]));

    // A fresh profile: nothing stored, every question at "Not sure" (the riskier answer).
    await ff.runAsync(() => browser.storage.sync.remove('fp:profile'));
    await ff.refresh();
    const rendered = await form();
    assert.equal(rendered.length, 14, 'one fieldset per question asked');
    rendered.forEach((f, n) => {
      const q = questions[n];
      assert.ok(f.legend.startsWith(q.text), `question ${q.id}: ${f.legend}`);
      assert.deepEqual(f.inputs.map((i) => [i.name, i.type, i.value]),
        q.answers.map((a) => a.id).concat('not_sure').map((a) => [q.id, q.multiple ? 'checkbox' : 'radio', a]), q.id);
      assert.deepEqual(f.inputs.filter((i) => i.checked).map((i) => i.value), ['not_sure'], `${q.id} starts as "Not sure"`);
    });
    assert.equal(await stored(), null);

    // Answers given by clicking, as a person would: saved on each change.
    await click('use', 'product');
    await click('region', 'eu');
    await click('fields', 'medical');
    await click('fields', 'minors');
    await ff.waitFor(() => /^Saved \(3 of 14 answered\)/.test(document.getElementById('status').textContent), { timeout: 5000, what: 'the saved status' });
    assert.deepEqual((await stored())?.answers?.fields, ['medical', 'minors']);

    // "None of these" unticks the other fields, and that is what is stored.
    await click('fields', 'none');
    const until = Date.now() + 5000;
    let profile;
    while (JSON.stringify((profile = await stored())?.answers?.fields) !== '["none"]' && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    const expected = Object.fromEntries(file.questions.map((q) => [q.id, q.multiple ? ['not_sure'] : 'not_sure']));
    Object.assign(expected, { use: 'product', region: 'eu', fields: ['none'] });
    assert.deepEqual(profile, { version: file.version, answers: expected }, 'stored: the answers given, "not sure" for the rest');
    const after = picked(await form());
    assert.deepEqual(after.fields, ['none'], 'medical and minors unticked');

    // Kept across a reload: read back from storage.sync into the form.
    await ff.refresh();
    const reloaded = picked(await form());
    const asked = new Set(questions.map((q) => q.id));
    assert.deepEqual(reloaded, Object.fromEntries(Object.entries(expected).filter(([k]) => asked.has(k)).map(([k, v]) => [k, [].concat(v)])), 'the stored answers, ticked again after a reload');
    await ff.runAsync(() => browser.storage.sync.remove('fp:profile'));
    assert.deepEqual(scriptErrors(logFrom), [], 'no script error');
  });
});

test('Firefox, the event page: suspended when idle, woken by the next page (which gets its badge), its memory gone after a suspension', async () => {
  // Seen through public WebExtension behaviour from an add-on page in a second tab (the options page,
  // which sends the background nothing): extension.getViews() lists the background page only while
  // it is loaded, and asking does not wake it; the worker's stats message (fp:stats) answers from
  // memory that only the life that analysed a page has.
  const home = await ff.tab();
  const observer = await ff.newTab();
  await ff.switchTo(observer);
  await ff.goto(`${EXTENSION_ORIGIN}/extension/options/options.html`);
  const loaded = () => ff.run(() => {
    const tabs = new Set(browser.extension.getViews({ type: 'tab' }));
    return browser.extension.getViews().filter((w) => !tabs.has(w)).length > 0;
  });
  const stats = async () => {
    const res = await ff.runAsync(() => browser.runtime.sendMessage({ type: 'fp:stats' }));
    assert.equal(res?.ok, true, JSON.stringify(res));
    return res.stats;
  };
  async function untilSuspended() {
    const until = Date.now() + IDLE_MS + 10000;
    while (await loaded() && Date.now() < until) await new Promise((r) => setTimeout(r, 250));
    assert.equal(await loaded(), false, 'Firefox suspends the idle background');
  }
  try {
    await untilSuspended();
    const id = 'acme-ai/mit-model';
    const license = corpusText('spdx/MIT.txt');
    const html = hfPage({ id, cardData: { license: 'mit' } });
    ff.serve(`/${id}`, html);
    ff.serve(`/${id}/raw/main/LICENSE`, ff.text(license));
    await ff.switchTo(home);
    const { badge, requests, errors } = await visit(`${HF}/${id}`);
    assert.equal(badge.state, 'result');
    expectEngine(badge, [{ name: 'LICENSE', text: license }], { hf_license: 'mit' });
    assert.equal(badge.license, 'MIT');
    assert.deepEqual(foreignHosts(requests(), html), [], 'no request to another origin');
    assert.deepEqual(errors(), [], 'no script error');

    await ff.switchTo(observer);
    assert.equal(await loaded(), true, 'the content script\'s message woke it');
    const woken = await stats();
    assert.equal(woken.analyses.length, 1, 'this life analysed the page');
    assert.equal(typeof woken.initMs, 'number', 'and started the engine');

    await untilSuspended();
    const next = await stats(); // this message wakes it again: a new life, which never analysed anything
    assert.deepEqual([next.analyses.length, next.initMs], [0, null], 'the suspension dropped the engine and its timings');
    assert.equal(await loaded(), true, 'the stats message woke it');
  } finally {
    await ff.switchTo(observer);
    await ff.closeTab();
    await ff.switchTo(home);
  }
});
