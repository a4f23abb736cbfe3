// Hugging Face, issue 16: the badge's words (use first; copyleft told apart from permissive; "modified";
// the id only when the hub's own chip does not say it), errors that say what to do, the popup (no empty
// labels, the full breakdown one click away) and the options page (the saved state where the user is).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { corpusText } from './harness.mjs';
import { loadEngine } from '../node/engine.mjs';
import { hfPage } from './fixtures/huggingface/pages.mjs';
import { hfBrowser, visit, tabIdOf, inExtensionWorld, HF } from './hf-site.mjs';

let b;
let engine;
before(async () => {
  b = await hfBrowser();
  engine = await loadEngine();
});
after(() => b?.close());

function model(id, declared, files) {
  b.serve(`/${id}`, hfPage({ id, cardData: declared ? { license: declared } : {} }));
  for (const [name, text] of Object.entries(files)) b.serve(`/${id}/raw/main/${name}`, b.text(text));
}

const MIT_NC = `${corpusText('spdx/MIT.txt').trim()}\n\nThe Software may be used for non-commercial purposes only; any commercial use is prohibited.\n`;

test('the badge leads with use, tells copyleft from permissive, says "modified", and repeats no chip', async () => {
  const cases = [
    // [id, declared on the page, LICENSE text, the badge's words, the id beside them ('' = none)]
    ['acme-ai/words-apache', 'apache-2.0', corpusText('spdx/Apache-2.0.txt'), 'Open license · weights only', ''],
    ['acme-ai/words-gpl', 'gpl-3.0', corpusText('spdx/GPL-3.0-only.txt'), 'Copyleft license · weights only', ''],
    ['acme-ai/words-cc-by-sa', 'cc-by-sa-4.0', corpusText('spdx/CC-BY-SA-4.0.txt'), 'Copyleft license · weights only', ''],
    ['acme-ai/words-llama', 'llama3.1', corpusText('ai/llama-3.1-community.txt'), 'Commercial OK · conditions', ''],
    ['acme-ai/words-cc-by-nc', 'cc-by-nc-4.0', corpusText('spdx/CC-BY-NC-4.0.txt'), 'Non-commercial', ''],
    // The chip says MIT, the file is Apache: the id the badge is about is shown.
    ['acme-ai/words-mismatch', 'mit', corpusText('spdx/Apache-2.0.txt'), 'Open license · weights only', 'Apache-2.0'],
    // No chip at all: the id is shown.
    ['acme-ai/words-no-chip', null, corpusText('spdx/Apache-2.0.txt'), 'Open license · weights only', 'Apache-2.0'],
    // MIT with a sentence that changes its meaning: the words say so.
    ['acme-ai/words-modified', 'mit', MIT_NC, null, ''],
  ];
  for (const [id, declared, text, words, shownId] of cases) {
    model(id, declared, { LICENSE: text });
    const v = await visit(b, `${HF}/${id}`);
    assert.equal(v.badge.state, 'result', id);
    // The same words as the engine's report for the same input.
    const r = engine.analyze([{ name: 'LICENSE', text }], declared ? { hf_license: declared } : {});
    const shown = await v.page.evaluate(() => {
      const root = document.querySelector('[data-fineprint-badge]').shadowRoot;
      return { text: root.querySelector('.text').textContent, id: root.querySelector('.id').textContent };
    });
    if (words) assert.equal(shown.text, words, id);
    else {
      assert.equal(r.license.match, 'modified', `${id}: the engine reads a modified MIT`);
      assert.match(shown.text, /\(modified\)|Modified license/, `${id}: ${shown.text}`);
    }
    assert.equal(shown.id, shownId ? `· ${shownId}` : '', `${id}: the id beside the words`);
    await v.page.close();
  }
});

test('a gated model with nothing readable: links to sign in and to the access form, and the checker', async () => {
  const id = 'acme-ai/help-gated';
  b.serve(`/${id}`, hfPage({ id, gated: 'auto', cardData: { license: 'other' } }));
  b.serve(`/api/models/${id}`, b.json({ id, gated: 'auto', cardData: { license: 'other' } }));
  for (const f of ['LICENSE', 'LICENSE.md', 'LICENSE.txt']) b.serve(`/${id}/raw/main/${f}`, { status: 401, body: 'unauthorized' });
  const v = await visit(b, `${HF}/${id}`);
  assert.equal(v.badge.reason, 'gated');
  await v.page.locator('[data-fineprint-badge]').locator('button').click();
  await v.page.waitForSelector('[data-fineprint-panel]');
  const help = await inExtensionWorld(v.page, () => {
    const root = globalThis.FinePrintPanel.rootOf(document.querySelector('[data-fineprint-panel]'));
    const box = root.querySelector('[data-fineprint-help]');
    return { reason: box?.dataset.fineprintHelp, text: box?.textContent ?? '', links: [...(box?.querySelectorAll('a') ?? [])].map((a) => [a.textContent, a.href]) };
  });
  assert.equal(help.reason, 'gated');
  assert.deepEqual(help.links, [
    ['Sign in to Hugging Face', `${HF}/login?next=${encodeURIComponent(`/${id}`)}`],
    ['open the model\'s access form', `${HF}/${id}`],
  ]);
  assert.match(help.text, /paste it into the Fine Print checker/);
  await v.page.close();
});

test('a network failure offers to try again; not found says what was tried', async () => {
  const flaky = 'acme-ai/help-network';
  b.serve(`/${flaky}`, hfPage({ id: flaky, cardData: {} }));
  b.serve(`/${flaky}/raw/main/LICENSE`, { status: 503, body: 'busy' });
  const v = await visit(b, `${HF}/${flaky}`);
  assert.equal(v.badge.reason, 'network');
  await v.page.locator('[data-fineprint-badge]').locator('button').click();
  await v.page.waitForSelector('[data-fineprint-panel]');
  // Now the file answers: "Try again" reloads the page, which reads it.
  b.serve(`/${flaky}/raw/main/LICENSE`, b.text(corpusText('spdx/Apache-2.0.txt')));
  const retried = inExtensionWorld(v.page, () => {
    const root = globalThis.FinePrintPanel.rootOf(document.querySelector('[data-fineprint-panel]'));
    const btn = root.querySelector('[data-fineprint-help="network"] button.retry');
    if (!btn) return false;
    setTimeout(() => btn.click(), 0);
    return true;
  });
  assert.equal(await retried, true, 'a "Try again" button');
  await v.page.waitForSelector('[data-fineprint-badge][data-state="result"]', { timeout: 10000 });
  assert.equal(await v.page.locator('[data-fineprint-badge]').getAttribute('data-license'), 'Apache-2.0');
  await v.page.close();

  const none = 'acme-ai/help-none';
  b.serve(`/${none}`, hfPage({ id: none, cardData: {} }));
  const n = await visit(b, `${HF}/${none}`);
  assert.equal(n.badge.reason, 'not-found');
  await n.page.locator('[data-fineprint-badge]').locator('button').click();
  await n.page.waitForSelector('[data-fineprint-panel]');
  const tried = await inExtensionWorld(n.page, () => {
    const root = globalThis.FinePrintPanel.rootOf(document.querySelector('[data-fineprint-panel]'));
    return [...root.querySelectorAll('[data-fineprint-help="not-found"] li')].map((li) => li.textContent);
  });
  assert.deepEqual(tried, [
    'a license declared on the page: none',
    'license files in the repository (LICENSE, LICENSE.md, LICENSE.txt and the file the page links): none found',
  ]);
  await n.page.close();
});

test('the popup: no empty labels on a page without a result, and the full breakdown one click away', async () => {
  const popup = await b.context.newPage();
  await popup.goto(`chrome-extension://${b.extensionId}/extension/popup/popup.html?tab=999999`);
  await popup.waitForLoadState('load');
  await new Promise((r) => setTimeout(r, 300));
  const empty = await popup.evaluate(() => ({
    facts: getComputedStyle(document.getElementById('facts')).display,
    breakdown: getComputedStyle(document.getElementById('open-breakdown')).display,
    visibleLabels: [...document.querySelectorAll('dt')].filter((e) => e.getClientRects().length).map((e) => e.textContent),
  }));
  assert.deepEqual(empty, { facts: 'none', breakdown: 'none', visibleLabels: [] });
  await popup.close();

  const id = 'acme-ai/popup-breakdown';
  model(id, 'apache-2.0', { LICENSE: corpusText('spdx/Apache-2.0.txt') });
  const v = await visit(b, `${HF}/${id}`);
  const tabId = await tabIdOf(b, v.page);
  const p = await b.context.newPage();
  await p.goto(`chrome-extension://${b.extensionId}/extension/popup/popup.html?tab=${tabId}`);
  await p.waitForSelector('#result[data-state="result"]');
  assert.equal(await p.locator('#license').textContent(), 'Apache-2.0');
  // The checker, opened on this model, reads it from the hub and shows the whole breakdown.
  b.serve(`/api/models/${id}`, b.json({ id, sha: 'a'.repeat(40), cardData: { license: 'apache-2.0' }, siblings: [{ rfilename: 'LICENSE' }] }));
  b.serve(`/${id}/raw/${'a'.repeat(40)}/LICENSE`, b.text(corpusText('spdx/Apache-2.0.txt')));
  const opened = b.context.waitForEvent('page');
  await p.click('#open-breakdown');
  const checker = await opened;
  await checker.waitForSelector('[data-fineprint-result][data-state="result"]', { timeout: 10000 });
  assert.match(checker.url(), new RegExp(`/extension/checker/index\\.html#model=${id}$`));
  assert.equal(await checker.locator('[data-fineprint-result]').getAttribute('data-license'), 'Apache-2.0');
  assert.equal(await checker.locator('[data-fineprint-breakdown] [data-fineprint-answers] [data-question]').count(), 5, 'the five answers');
  await checker.close();
  await v.page.close();
});

test('the options page shows "Saved" beside the question the user answered', async () => {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/extension/options/options.html`);
  await page.waitForSelector('fieldset');
  await page.locator('input[name="region"][value="eu"]').check();
  await page.waitForFunction(() => /Saved/.test(document.querySelector('fieldset[data-question="region"] .saved').textContent));
  await page.locator('input[name="use"][value="research"]').check();
  await page.waitForFunction(() => /Saved/.test(document.querySelector('fieldset[data-question="use"] .saved').textContent));
  const marks = await page.evaluate(() => [...document.querySelectorAll('fieldset')].map((f) => [f.dataset.question, f.querySelector('.saved').textContent]).filter(([, t]) => t));
  assert.equal(marks.length, 1, 'only where the user is');
  assert.equal(marks[0][0], 'use');
  // In view: the mark sits inside the fieldset of the control just changed.
  const inView = await page.evaluate(() => {
    const r = document.querySelector('fieldset[data-question="use"] .saved').getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  });
  assert.ok(inView);
  await page.close();
});
