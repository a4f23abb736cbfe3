// Hugging Face: what must hold beyond one page load. The worker's cache (a revisit fetches nothing,
// even after the browser stopped the worker), re-rendering and client-side navigation, keyboard use,
// bounded fetches, the popup and the options page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { corpusText } from './harness.mjs';
import { loadEngine } from '../node/engine.mjs';
import { hfPage } from './fixtures/huggingface/pages.mjs';
import { hfBrowser, visit, settled, fetched, commonChecks, stopWorker, tabIdOf, escapeCloses, openPanel, inExtensionWorld, HF } from './hf-site.mjs';

let b;
before(async () => {
  b = await hfBrowser();
});
after(() => b?.close());

function apacheModel(id, extra = {}) {
  b.serve(`/${id}`, hfPage({ id, cardData: { license: 'apache-2.0' }, ...extra }));
  b.serve(`/${id}/raw/main/LICENSE`, b.text(corpusText('spdx/Apache-2.0.txt')));
}

test('a revisit is answered from the cache, also after the browser stopped the worker', async () => {
  const id = 'acme-ai/cached-model';
  apacheModel(id);
  const first = await visit(b, `${HF}/${id}`);
  assert.deepEqual(fetched(first.requests()), [`/${id}/raw/main/LICENSE`]);
  const again = await visit(b, `${HF}/${id}`);
  assert.deepEqual(fetched(again.requests()), [], 'nothing fetched on a revisit');
  assert.deepEqual({ ...again.badge }, { ...first.badge });

  await stopWorker(again.page);
  const cold = await visit(b, `${HF}/${id}`);
  assert.deepEqual(fetched(cold.requests()), [], 'the cache lives in storage.session, not in the worker');
  assert.equal(cold.badge.license, 'Apache-2.0');
  assert.equal(cold.badge.state, 'result');

  // A new revision (another lastModified in the page's data) is a new entry: read again.
  b.serve(`/${id}`, hfPage({ id, cardData: { license: 'apache-2.0' }, lastModified: '2026-01-02T00:00:00.000Z' }));
  const changed = await visit(b, `${HF}/${id}`);
  assert.deepEqual(fetched(changed.requests()), [`/${id}/raw/main/LICENSE`]);
  commonChecks(changed, changed.badge);
  for (const v of [first, again, cold, changed]) await v.page.close();
});

test('a page without the embedded data is cached per revision too: the API says which one', async () => {
  const id = 'acme-ai/no-island-cached';
  const answer = (lastModified) => b.json({ id, gated: false, private: false, lastModified, cardData: { license: 'apache-2.0' }, siblings: [{ rfilename: 'LICENSE' }] });
  b.serve(`/${id}`, hfPage({ id, island: false }));
  b.serve(`/api/models/${id}`, answer('2026-01-01T00:00:00.000Z'));
  b.serve(`/${id}/raw/main/LICENSE`, b.text(corpusText('spdx/Apache-2.0.txt')));
  const first = await visit(b, `${HF}/${id}`);
  assert.deepEqual(fetched(first.requests()), [`/api/models/${id}`, `/${id}/raw/main/LICENSE`]);
  assert.equal(first.badge.license, 'Apache-2.0');
  const again = await visit(b, `${HF}/${id}`);
  assert.deepEqual(fetched(again.requests()), [`/api/models/${id}`], 'the same revision: the metadata only, the report from the cache');
  assert.deepEqual({ ...again.badge }, { ...first.badge });
  // A new commit: the API's lastModified changes, so the files are read again, and the new text counts.
  b.serve(`/api/models/${id}`, answer('2026-02-01T00:00:00.000Z'));
  b.serve(`/${id}/raw/main/LICENSE`, b.text(corpusText('spdx/MIT.txt')));
  const changed = await visit(b, `${HF}/${id}`);
  assert.deepEqual(fetched(changed.requests()), [`/api/models/${id}`, `/${id}/raw/main/LICENSE`]);
  assert.equal(changed.badge.license, 'MIT');
  commonChecks(changed, changed.badge);
  for (const v of [first, again, changed]) await v.page.close();
});

test('who reads the files: the worker for a public repository, without cookies; the page for a private one', async () => {
  await b.context.addCookies([{ name: 'token', value: 'session-1', domain: 'huggingface.co', path: '/', secure: true, sameSite: 'Lax' }]);
  const pub = 'acme-ai/public-model';
  apacheModel(pub);
  const open = await visit(b, `${HF}/${pub}`);
  const openReads = open.requests().filter((r) => r.type === 'fetch' && r.url.includes('/raw/'));
  assert.deepEqual(openReads.map((r) => new URL(r.url).pathname).sort(), [`/${pub}/raw/main/LICENSE`, `/${pub}/raw/main/README.md`]);
  assert.ok(openReads.every((r) => r.byWorker && r.cookie === null), `read by the worker, no cookie: ${JSON.stringify(openReads)}`);
  assert.equal(open.badge.license, 'Apache-2.0');
  commonChecks(open, open.badge);

  const priv = 'acme-ai/private-model';
  apacheModel(priv, { priv: true });
  const closed = await visit(b, `${HF}/${priv}`);
  const closedReads = closed.requests().filter((r) => r.type === 'fetch' && r.url.includes('/raw/'));
  assert.ok(closedReads.length >= 1);
  assert.ok(closedReads.every((r) => !r.byWorker && /token=session-1/.test(r.cookie ?? '')), `read by the page, with the session: ${JSON.stringify(closedReads)}`);
  assert.equal(closed.badge.license, 'Apache-2.0');
  commonChecks(closed, closed.badge);
  await b.context.clearCookies();
  for (const v of [open, closed]) await v.page.close();
});

test('the page re-renders its header: the badge comes back, once, without fetching again', async () => {
  const id = 'acme-ai/rerendered';
  apacheModel(id);
  const v = await visit(b, `${HF}/${id}`);
  const requestsBefore = b.requests.length;
  // Hydration replaces the header's markup wholesale (as Svelte does), dropping the badge.
  await v.page.evaluate(() => {
    const header = document.querySelector('[data-target="ModelHeader"] header');
    header.innerHTML = header.innerHTML.replace(/<span[^>]*data-fineprint-badge[^>]*><\/span>/, '');
    document.querySelector('[data-fineprint-badge]')?.remove();
  });
  await v.page.waitForFunction(() => document.querySelector('[data-fineprint-badge]')?.getAttribute('data-state') === 'result');
  const badge = await settled(v.page);
  assert.equal(badge.count, 1);
  assert.equal(badge.placement, 'license-chip');
  assert.equal(badge.license, 'Apache-2.0');
  assert.deepEqual(fetched(b.requests.slice(requestsBefore)), [], 'the same badge is put back');
  commonChecks(v, badge);
  await v.page.close();
});

test('client-side navigation to another model: the old badge goes, the new model gets its own', async () => {
  const first = 'acme-ai/spa-first';
  const second = 'acme-ai/spa-second';
  apacheModel(first);
  b.serve(`/api/models/${second}`, b.json({ id: second, gated: false, cardData: { license: 'cc-by-nc-4.0' }, siblings: [{ rfilename: 'LICENSE' }] }));
  b.serve(`/${second}/raw/main/LICENSE`, b.text(corpusText('spdx/CC-BY-NC-4.0.txt')));
  const v = await visit(b, `${HF}/${first}`);
  assert.equal(v.badge.license, 'Apache-2.0');
  // The page's own router: pushState, no reload. The header island still describes the first model,
  // so the adapter must not trust it for the second one.
  await v.page.evaluate((path) => history.pushState({}, '', path), `/${second}`);
  await v.page.waitForFunction(() => document.querySelector('[data-fineprint-badge]')?.getAttribute('data-license') === 'CC-BY-NC-4.0', null, { timeout: 10000 });
  const badge = await settled(v.page);
  assert.equal(badge.count, 1);
  assert.equal(badge.verdict, 'non-commercial');
  // Back to the first model: answered at once from the cache.
  const before = b.requests.length;
  await v.page.goBack();
  await v.page.waitForFunction(() => document.querySelector('[data-fineprint-badge]')?.getAttribute('data-license') === 'Apache-2.0', null, { timeout: 10000 });
  assert.deepEqual(fetched(b.requests.slice(before)), []);
  commonChecks(v, await settled(v.page));
  await v.page.close();
});

test('keyboard: Enter on the badge opens the panel with the focus in it; Escape closes it', async () => {
  const id = 'acme-ai/keyboard';
  apacheModel(id);
  const v = await visit(b, `${HF}/${id}`);
  await v.page.locator('[data-fineprint-badge] button').focus();
  await v.page.keyboard.press('Enter');
  await v.page.waitForSelector('[data-fineprint-panel]');
  await v.page.waitForFunction(() => document.activeElement?.hasAttribute('data-fineprint-panel'));
  // The panel's root is closed: read it from the extension's own world.
  const state = await inExtensionWorld(v.page, () => {
    const host = document.querySelector('[data-fineprint-panel]');
    const root = globalThis.FinePrintPanel.rootOf(host);
    const dialog = root.querySelector('[role="dialog"]');
    return { focus: document.activeElement === host && root.activeElement === dialog, label: dialog.getAttribute('aria-labelledby') };
  });
  assert.deepEqual(state, { focus: true, label: 'fp-panel-title' });
  await escapeCloses(v.page);
  // Clicking the badge twice closes it; a click elsewhere closes it too.
  const btn = v.page.locator('[data-fineprint-badge] button');
  await btn.click();
  await v.page.waitForSelector('[data-fineprint-panel]');
  await v.page.mouse.click(5, 5);
  assert.equal(await v.page.locator('[data-fineprint-panel]').count(), 0);
  commonChecks(v, v.badge);
  await v.page.close();
});

test('a huge or binary license file is not read; the declared id stands, with a note', async () => {
  for (const [id, body] of [
    ['acme-ai/huge-license', 'Apache License\n'.repeat(120000)], // 1.8 MB, over the 1 MB cap
    ['acme-ai/binary-license', `PK\u0003\u0004${'\u0000'.repeat(64)}binary`],
  ]) {
    b.serve(`/${id}`, hfPage({ id, cardData: { license: 'apache-2.0' } }));
    b.serve(`/${id}/raw/main/LICENSE`, b.text(body));
    const v = await visit(b, `${HF}/${id}`);
    assert.equal(v.badge.state, 'result');
    assert.equal(v.badge.license, 'Apache-2.0', 'from the declared id');
    const panel = await openPanel(v.page);
    assert.match(panel.notes.join('|'), /could not be read \(unreadable\)/);
    commonChecks(v, v.badge);
    await v.page.close();
  }
});

test('the popup shows the current tab\'s result and links to the checker and the profile', async () => {
  const id = 'acme-ai/popup-model';
  apacheModel(id);
  const v = await visit(b, `${HF}/${id}`);
  const tabId = await tabIdOf(b, v.page);
  assert.equal(typeof tabId, 'number');
  const popup = await b.context.newPage();
  await popup.goto(`chrome-extension://${b.extensionId}/extension/popup/popup.html?tab=${tabId}`);
  await popup.waitForSelector('#result[data-state="result"]');
  const shown = await popup.evaluate(() => ({
    license: document.getElementById('result').dataset.license,
    verdict: document.getElementById('result').dataset.verdict,
    headline: document.getElementById('headline').textContent,
    page: document.getElementById('page').textContent,
  }));
  assert.deepEqual(shown, { license: 'Apache-2.0', verdict: 'open-weights-permissive', headline: 'Open license · weights only', page: `${HF}/${id}` });
  // Condensed: the engine's one sentence and its five answers, as the panel's grid has them.
  const engine = (await loadEngine()).analyze([{ name: 'LICENSE', text: corpusText('spdx/Apache-2.0.txt') }], { hf_license: 'apache-2.0' });
  const glance = await popup.evaluate(() => ({
    sentence: document.getElementById('in-short').textContent,
    answers: [...document.querySelectorAll('#answers li')].map((li) => [li.dataset.question, li.dataset.answer, li.textContent]),
  }));
  assert.equal(glance.sentence, engine.in_short);
  assert.deepEqual(glance.answers.map(([q, a]) => [q, a]), engine.answers.map((a) => [a.question, a.answer]));
  assert.equal(glance.answers.length, 5);
  assert.match(glance.answers[0][2], /^✓Commercial use: Yes$/);
  assert.equal(await popup.locator('#open-checker').count(), 1);
  assert.equal(await popup.locator('#open-options').count(), 1);
  await popup.close();
  await v.page.close();

  // An error badge (no analysis in the worker): the page itself tells the worker, the popup says why.
  const bare = 'acme-ai/popup-no-license';
  b.serve(`/${bare}`, hfPage({ id: bare, cardData: {} }));
  const e = await visit(b, `${HF}/${bare}`);
  const errTab = await tabIdOf(b, e.page);
  const errPopup = await b.context.newPage();
  await errPopup.goto(`chrome-extension://${b.extensionId}/extension/popup/popup.html?tab=${errTab}`);
  await errPopup.waitForSelector('#result[data-state="error"]');
  assert.match(await errPopup.locator('#headline').textContent(), /No license found/);
  await errPopup.close();
  await e.page.close();
});

test('a popup opened while the page still reads its license shows the result when it comes', async () => {
  const id = 'acme-ai/slow-license';
  let release;
  const held = new Promise((r) => { release = r; });
  b.serve(`/${id}`, hfPage({ id, cardData: { license: 'apache-2.0' } }));
  b.serve(`/${id}/raw/main/LICENSE`, async () => { await held; return b.text(corpusText('spdx/Apache-2.0.txt')); });
  const page = await b.context.newPage();
  await page.goto(`${HF}/${id}`);
  await page.waitForSelector('[data-fineprint-badge][data-state="loading"]');
  const tabId = await tabIdOf(b, page);
  const popup = await b.context.newPage();
  await popup.goto(`chrome-extension://${b.extensionId}/extension/popup/popup.html?tab=${tabId}`);
  await popup.waitForLoadState('load');
  await new Promise((r) => setTimeout(r, 200));
  assert.notEqual(await popup.locator('#result').getAttribute('data-state'), 'result', 'nothing to show yet');
  release();
  await popup.waitForSelector('#result[data-state="result"]', { timeout: 10000 });
  assert.equal(await popup.locator('#result').getAttribute('data-license'), 'Apache-2.0');
  assert.equal(await popup.locator('#page').textContent(), `${HF}/${id}`);
  await popup.close();
  await page.close();
});

test('the options page keeps the profile in storage.sync', async () => {
  const page = await b.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`chrome-extension://${b.extensionId}/extension/options/options.html`);
  await page.waitForSelector('fieldset');
  assert.equal(await page.locator('fieldset').count(), 14, 'one fieldset per question asked');
  assert.equal(await page.locator('input[name="contract"]').count(), 0, 'the five-in-one question is asked as five');
  await page.locator('input[name="use"][value="product"]').check();
  await page.locator('input[name="region"][value="eu"]').check();
  await page.locator('input[name="fields"][value="medical"]').check();
  await page.locator('input[name="fields"][value="minors"]').check();
  await page.waitForFunction(() => /Saved \(3 of 14/.test(document.getElementById('status').textContent));
  // "None of these" excludes the other fields.
  await page.locator('input[name="fields"][value="none"]').check();
  await page.waitForFunction(() => /Saved \(3 of 14/.test(document.getElementById('status').textContent) && !document.querySelector('input[name="fields"][value="medical"]').checked);
  const stored = await page.evaluate(() => chrome.storage.sync.get('fp:profile'));
  const answers = stored['fp:profile'].answers;
  assert.equal(answers.use, 'product');
  assert.equal(answers.region, 'eu');
  assert.deepEqual(answers.fields, ['none']);
  assert.equal(answers.mau, 'not_sure', 'unanswered counts as not sure');
  // The same profile in the core's shape, for its personalAnswer.
  const engineShape = await page.evaluate(async () => FinePrintProfile.readForEngine());
  assert.equal(engineShape.purpose, 'product');
  assert.deepEqual(engineShape.regions, ['eu_eea']);
  assert.deepEqual(engineShape.fields, ['none']);
  assert.equal(engineShape.monthly_users, 'not_sure');
  assert.deepEqual(engineShape.distribution, ['not_sure']);
  await page.reload();
  await page.waitForSelector('fieldset');
  assert.ok(await page.locator('input[name="use"][value="product"]').isChecked(), 'kept after a reload');
  assert.ok(await page.locator('input[name="mau"][value="not_sure"]').isChecked());
  assert.deepEqual(errors, []);
  await page.close();
});

test('a page that keeps removing the badge: it gives up the fight and stays in the corner', async () => {
  const id = 'acme-ai/hostile-rerender';
  apacheModel(id);
  const page = await b.context.newPage();
  // The page's own script: whatever appears in its header that it did not render, it removes.
  await page.addInitScript(() => {
    new MutationObserver(() => {
      for (const el of document.querySelectorAll('header [data-fineprint-badge]')) el.remove();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${HF}/${id}`);
  await page.waitForFunction(() => document.querySelector('[data-fineprint-badge]')?.getAttribute('data-placement') === 'fallback', null, { timeout: 10000 });
  const badge = await settled(page);
  assert.equal(badge.count, 1);
  assert.equal(badge.position, 'fixed');
  assert.equal(badge.license, 'Apache-2.0');
  await page.close();
});

test('a header rendered late: the badge starts in the corner and moves in beside the license chip', async () => {
  const id = 'acme-ai/late-header';
  const full = hfPage({ id, cardData: { license: 'apache-2.0' } });
  const start = full.indexOf('<div class="SVELTE_HYDRATER contents" data-target="ModelHeader"');
  const end = full.indexOf('</header>', start) + '</header>'.length;
  const close = full.indexOf('</div>', end) + '</div>'.length;
  const header = full.slice(start, close);
  // The page arrives without its header; its script adds it 800 ms later (as a client-rendered page does).
  const late = `${full.slice(0, start)}<div id="header-slot"></div>${full.slice(close)}`
    .replace('</body>', `<template id="late">${header}</template><script>setTimeout(() => document.getElementById('header-slot').replaceWith(document.getElementById('late').content.cloneNode(true)), 800)</script></body>`);
  b.serve(`/${id}`, late);
  b.serve(`/${id}/raw/main/LICENSE`, b.text(corpusText('spdx/Apache-2.0.txt')));
  const page = await b.context.newPage();
  await page.goto(`${HF}/${id}`);
  await page.waitForFunction(() => document.querySelector('[data-fineprint-badge]')?.getAttribute('data-placement') === 'license-chip', null, { timeout: 10000 });
  const badge = await settled(page);
  assert.equal(badge.count, 1);
  assert.equal(badge.position, 'static');
  assert.ok(badge.inHeader);
  await page.close();
});

test('a raw file opened in a tab gets no badge and triggers no fetch; the model page in the same tab does', async () => {
  const id = 'acme-ai/raw-view';
  b.serve(`/${id}`, hfPage({ id, cardData: { license: 'mit' } }));
  b.serve(`/${id}/raw/main/LICENSE`, b.text(corpusText('spdx/MIT.txt')));
  const before = b.requests.length;
  const page = await b.context.newPage();
  await page.goto(`${HF}/${id}/raw/main/LICENSE`);
  await page.waitForTimeout(800);
  assert.equal(await page.locator('[data-fineprint-badge]').count(), 0);
  assert.deepEqual(fetched(b.requests.slice(before)), []);
  // Positive control, same run and tab: the extension is alive and badges the model page, so the
  // absence above is the raw-view rule, not a dead extension.
  await page.goto(`${HF}/${id}`);
  const badge = await settled(page);
  assert.equal(badge.state, 'result');
  assert.equal(badge.license, 'MIT');
  assert.equal(badge.verdict, 'open-weights-permissive');
  await page.close();
});

test('the personal answer: the profile from the options page decides the panel\'s "For you"', async () => {
  const engine = await loadEngine();
  const id = 'acme-ai/llama-for-you';
  const license = corpusText('ai/llama-3.1-community.txt');
  b.serve(`/${id}`, hfPage({ id, cardData: { license: 'llama3.1', license_link: 'LICENSE' } }));
  b.serve(`/${id}/raw/main/LICENSE`, b.text(license));
  const OUTCOME_ID = { allowed: 'allowed', allowed_with_obligations: 'obligations', needs_permission: 'permission', not_allowed: 'not_allowed' };
  const seen = [];
  for (const mau of ['under_1m', 'over_700m']) {
    const options = await b.context.newPage();
    await options.goto(`chrome-extension://${b.extensionId}/extension/options/options.html`);
    await options.waitForSelector('fieldset');
    const answers = { use: 'product', distribution: 'hosted', revenue: 'under_1m', region: 'us', output_training: 'no',
      redistribute: 'no', fields: 'none', attribution: 'yes', clickwrap: 'yes', foreign_law: 'yes', indemnity: 'yes', remote_updates: 'yes', termination: 'yes', mau };
    for (const [q, a] of Object.entries(answers)) await options.locator(`input[name="${q}"][value="${a}"]`).check();
    // Every change is saved as it happens: wait until the last one is in storage.sync.
    let profile;
    for (let i = 0; i < 50; i++) {
      profile = await options.evaluate(() => FinePrintProfile.readForEngine());
      if (profile.monthly_users === mau && profile.accept_termination === 'yes' && profile.purpose === 'product') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(profile.monthly_users, mau);
    await options.close();
    const v = await visit(b, `${HF}/${id}`);
    const report = engine.analyze([{ name: 'LICENSE', text: license }], { hf_license: 'llama3.1' });
    const expected = engine.personalAnswer(report, profile);
    await v.page.locator('[data-fineprint-badge] button').click();
    await v.page.waitForSelector('[data-fineprint-panel]');
    let shown = null;
    for (let i = 0; i < 100 && !shown; i++) {
      shown = await inExtensionWorld(v.page, () => {
        const host = document.querySelector('[data-fineprint-panel]');
        const sec = host && globalThis.FinePrintPanel.rootOf(host)?.querySelector('.fp-answer');
        return sec ? { outcome: sec.dataset.outcome, text: sec.textContent } : null;
      });
      if (!shown) await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(shown.outcome, OUTCOME_ID[expected.overall], `${mau}: ${shown.text}`);
    seen.push(shown.outcome);
    commonChecks(v, v.badge);
    await v.page.close();
  }
  assert.equal(seen[1], 'permission', 'over 700M monthly users needs Meta\'s permission');
  assert.notEqual(seen[0], seen[1], 'the answer follows the profile');
});
