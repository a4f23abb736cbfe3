// Hugging Face model pages in real Chromium with the unpacked extension: one case per kind of page
// (issue 5). Pages are made from the real saved page (fixtures/huggingface/pages.mjs); license texts
// come from the corpus; API answers are saved real responses. Each case checks the badge's attributes
// and place, the panel, no page error and no request to another origin. The expected license and
// class are what the shipped WASM answers in Node for the same documents, so these tests follow the
// engine as it improves; the assertions on identities are the ones the engine already makes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { corpusText } from './harness.mjs';
import { loadEngine } from '../node/engine.mjs';
import { hfPage, fixtureFile, apiAnswer } from './fixtures/huggingface/pages.mjs';
import { hfBrowser, visit, openPanel, escapeCloses, commonChecks, fetched, cardFetches, HF } from './hf-site.mjs';

let b;
let engine;
before(async () => {
  b = await hfBrowser();
  engine = await loadEngine();
});
after(() => b?.close());

/** Every quote the panel shows is the license's own words, found verbatim in one of the texts. */
function assertVerbatim(quotes, texts) {
  assert.ok(quotes.length > 0, 'quotes are shown');
  for (const q of quotes) assert.ok(texts.some((t) => t.includes(q)), `not verbatim: ${q.slice(0, 80)}`);
}

/**
 * The panel's grid shows the five answers: the engine's for the same documents, and the ones expected
 * (`want`: commercial_use, modify, redistribute, train_on_outputs, host_as_service), with the sentence.
 */
function assertGrid(panel, r, want) {
  const engine = Object.fromEntries(r.answers.map((a) => [a.question, a.answer]));
  assert.deepEqual(panel.breakdown.answers, engine, 'the grid is the engine\'s five answers');
  const names = ['commercial_use', 'modify', 'redistribute', 'train_on_outputs', 'host_as_service'];
  assert.deepEqual(names.map((q) => panel.breakdown.answers[q]), want);
  assert.equal(panel.breakdown.inShort, r.in_short, 'the one sentence on top');
  // No personal verdict from questions nobody answered (a fresh profile).
  assert.equal(panel.breakdown.personal, 'none', 'no personal answer without a profile');
  assert.ok(!/you said|Not allowed for you/i.test(panel.text), 'no words the user never said');
  assert.ok(panel.afterBadge, 'the panel follows the badge in the page');
  assert.ok(panel.closeSize >= 32, `close button is at least 32 px: ${panel.closeSize}`);
}

/** The badge's license and class must be the engine's answer for the documents the page offers. */
function expectEngine(badge, docs, opts) {
  const r = engine.analyze(docs, opts);
  assert.equal(badge.license, r.license.id ?? '', 'data-license is the engine\'s license.id');
  assert.equal(badge.verdict, r.badge.class, 'data-verdict is the engine\'s badge.class');
  return r;
}

test('Apache model: badge beside the license chip, panel with verdict, file link and disclaimer', async () => {
  const id = 'acme-ai/apache-model';
  const license = corpusText('spdx/Apache-2.0.txt');
  b.serve(`/${id}`, hfPage({ id, cardData: { license: 'apache-2.0' } }));
  b.serve(`/${id}/raw/main/LICENSE`, b.text(license));
  const v = await visit(b, `${HF}/${id}`);
  const { badge, page } = v;
  assert.equal(badge.state, 'result');
  assert.equal(badge.placement, 'license-chip');
  assert.ok(badge.inHeader, 'in the model header');
  const r = expectEngine(badge, [{ name: 'LICENSE', text: license }], { hf_license: 'apache-2.0' });
  assert.deepEqual([badge.license, badge.verdict], ['Apache-2.0', 'open-weights-permissive']);
  assert.ok(badge.text.includes(r.badge.text), `badge says "${r.badge.text}": ${badge.text}`);
  assert.notEqual(badge.glyph, '', 'a glyph beside the words: colour is not the only signal');
  // Right after the license chip, in the same row of chips.
  const beside = await page.evaluate(() => {
    const el = document.querySelector('[data-fineprint-badge]');
    return el.previousElementSibling?.textContent.replace(/\s+/g, ' ').trim();
  });
  assert.match(beside, /^License: apache-2\.0$/);
  assert.deepEqual(fetched(v.requests()), [`/${id}/raw/main/LICENSE`], 'reads LICENSE, nothing else');
  assert.equal(cardFetches(v.requests()), 1, 'and the model card, once');

  const panel = await openPanel(page);
  assert.equal(panel.count, 1);
  assert.equal(panel.role, 'dialog');
  assert.match(panel.title, /Fine Print/);
  assert.equal(panel.rows.Read, 'LICENSE');
  // The shared breakdown sits in the panel: the report's license and verdict, grouped clauses, quotes.
  assert.deepEqual([panel.breakdown.license, panel.breakdown.verdict, panel.breakdown.badge], ['Apache-2.0', r.verdict.class, r.badge.class]);
  assert.ok(panel.breakdown.clauses.includes('patent_grant'), `clauses: ${panel.breakdown.clauses}`);
  assertGrid(panel, r, ['allowed', 'allowed', 'allowed', 'not-addressed', 'allowed']);
  assertVerbatim(panel.breakdown.quotes, [license]);
  assert.ok(panel.text.includes('not legal advice'), 'disclaimer');
  const file = panel.links.find((l) => l.text === 'Read the license file');
  assert.equal(file?.href, `${HF}/${id}/blob/main/LICENSE`);
  assert.equal(file.rel, 'noopener noreferrer');
  assert.ok(panel.focusInside, 'focus moves into the panel');
  assert.equal(panel.expanded, 'true');
  assert.ok(panel.below, 'the panel opens under the badge');
  await escapeCloses(page);
  commonChecks(v, badge);
  await page.close();
});

test('Llama 3.1 model: the license and its use policy are read together', async () => {
  const id = 'acme-ai/llama-3.1-tune';
  const license = corpusText('ai/llama-3.1-community.txt');
  const policy = corpusText('ai/llama-3.1-aup.txt');
  b.serve(`/${id}`, hfPage({ id, cardData: { license: 'llama3.1', license_link: 'LICENSE' } }));
  b.serve(`/${id}/raw/main/LICENSE`, b.text(license));
  b.serve(`/${id}/raw/main/USE_POLICY.md`, b.text(policy));
  const v = await visit(b, `${HF}/${id}`);
  assert.equal(v.badge.state, 'result');
  assert.equal(v.badge.placement, 'license-chip');
  // Both files, read side by side (a Llama license ships its use policy), in no fixed order.
  assert.deepEqual(fetched(v.requests()).sort(), [`/${id}/raw/main/LICENSE`, `/${id}/raw/main/USE_POLICY.md`]);
  const r = expectEngine(v.badge, [{ name: 'LICENSE', text: license }, { name: 'USE_POLICY.md', text: policy }], { hf_license: 'llama3.1' });
  assert.deepEqual([v.badge.license, v.badge.verdict], ['llama-3.1-community', 'open-weights-restricted']);
  const panel = await openPanel(v.page);
  assert.equal(panel.rows.Read, 'LICENSE, USE_POLICY.md');
  assert.ok(panel.text.includes(r.badge.text));
  assertGrid(panel, r, Array(5).fill('allowed-with-conditions'));
  assert.match(panel.breakdown.inShort, /700 million monthly active users/);
  for (const kind of ['mau_threshold', 'aup_by_reference', 'naming_requirement']) {
    assert.ok(panel.breakdown.clauses.includes(kind), `${kind} in ${panel.breakdown.clauses}`);
  }
  assertVerbatim(panel.breakdown.quotes, [license, policy]);
  commonChecks(v, v.badge);
  await v.page.close();
});

test('CC-BY-NC model: LICENSE missing, LICENSE.md read', async () => {
  const id = 'acme-ai/nc-model';
  const license = corpusText('spdx/CC-BY-NC-4.0.txt');
  b.serve(`/${id}`, hfPage({ id, cardData: { license: 'cc-by-nc-4.0' } }));
  b.serve(`/${id}/raw/main/LICENSE.md`, b.text(license));
  const v = await visit(b, `${HF}/${id}`);
  assert.equal(v.badge.state, 'result');
  assert.deepEqual(fetched(v.requests()), [`/${id}/raw/main/LICENSE`, `/${id}/raw/main/LICENSE.md`]);
  const r = expectEngine(v.badge, [{ name: 'LICENSE.md', text: license }], { hf_license: 'cc-by-nc-4.0' });
  assert.deepEqual([v.badge.license, v.badge.verdict], ['CC-BY-NC-4.0', 'non-commercial']);
  const panel = await openPanel(v.page);
  assertGrid(panel, r, ['not-allowed', 'allowed-with-conditions', 'allowed-with-conditions', 'not-addressed', 'allowed-with-conditions']);
  assert.equal(panel.links.find((l) => l.text === 'Read the license file')?.href, `${HF}/${id}/blob/main/LICENSE.md`);
  assert.ok(panel.breakdown.clauses.includes('noncommercial'));
  assertVerbatim(panel.breakdown.quotes, [license]);
  commonChecks(v, v.badge);
  await v.page.close();
});

test('custom "other" license: the file license_link names is read first, and the declared name shown', async () => {
  const id = 'acme-ai/custom-model';
  const license = fixtureFile('acme-model-license.md');
  b.serve(`/${id}`, hfPage({ id, cardData: { license: 'other', license_name: 'acme-model-license-1.0', license_link: 'LICENSE.md' } }));
  b.serve(`/${id}/raw/main/LICENSE.md`, b.text(license));
  const v = await visit(b, `${HF}/${id}`);
  assert.equal(v.badge.state, 'result', 'a text was read: a result, even if no known license fits');
  assert.deepEqual(fetched(v.requests()), [`/${id}/raw/main/LICENSE.md`]);
  const r = expectEngine(v.badge, [{ name: 'LICENSE.md', text: license }], { hf_license: 'other', license_name: 'acme-model-license-1.0' });
  // No known license fits, but its clauses are read: non-commercial, from its own words.
  assert.deepEqual([v.badge.license, v.badge.verdict], ['', 'non-commercial']);
  assert.ok(v.badge.text.includes('other: acme-model-license-1.0'), `the declared name is on the badge: ${v.badge.text}`);
  const panel = await openPanel(v.page);
  assert.equal(panel.rows.Read, 'LICENSE.md');
  assert.equal(panel.rows['Declared on the page'], 'other: acme-model-license-1.0');
  assertGrid(panel, r, ['not-allowed', 'allowed-with-conditions', 'allowed-with-conditions', 'not-allowed', 'allowed-with-conditions']);
  for (const kind of ['noncommercial', 'output_training_ban']) assert.ok(panel.breakdown.clauses.includes(kind), `${kind} in ${panel.breakdown.clauses}`);
  assertVerbatim(panel.breakdown.quotes, [license]);
  commonChecks(v, v.badge);
  await v.page.close();
});

test('research-only model: commercial use and hosting answered "no"', async () => {
  const id = 'acme-ai/research-model';
  const license = corpusText('ai/llama-1-research.txt');
  b.serve(`/${id}`, hfPage({ id, cardData: { license: 'other', license_name: 'research-only', license_link: 'LICENSE' } }));
  b.serve(`/${id}/raw/main/LICENSE`, b.text(license));
  const v = await visit(b, `${HF}/${id}`);
  assert.equal(v.badge.state, 'result');
  const r = expectEngine(v.badge, [{ name: 'LICENSE', text: license }], { hf_license: 'other', license_name: 'research-only' });
  assert.equal(v.badge.verdict, 'research-only');
  const panel = await openPanel(v.page);
  assertGrid(panel, r, ['not-allowed', 'allowed-with-conditions', 'allowed-with-conditions', 'not-addressed', 'not-allowed']);
  assertVerbatim(panel.breakdown.quotes, [license]);
  commonChecks(v, v.badge);
  await v.page.close();
});

test('gated repository: files answer 403, the access form\'s terms are read from the API', async () => {
  const id = 'meta-llama/Llama-3.2-3B';
  const terms = corpusText('ai/llama-3.2-community.txt');
  const answer = apiAnswer('api-meta-llama__Llama-3.2-3B-gated.json');
  // The saved answer's prompt was shortened by its author: put the real license text back in.
  answer.cardData.extra_gated_prompt = terms;
  // The page's island has no prompt (as on the saved page): the extension must ask the API.
  b.serve(`/${id}`, hfPage({ id, gated: 'manual', cardData: { license: 'llama3.2' } }));
  b.serve(`/api/models/${id}`, b.json(answer));
  const denied = { status: 403, body: 'Access to model meta-llama/Llama-3.2-3B is restricted.', contentType: 'text/plain' };
  for (const f of ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'USE_POLICY.md']) b.serve(`/${id}/raw/main/${f}`, denied);
  const v = await visit(b, `${HF}/${id}`);
  assert.equal(v.badge.state, 'result');
  // The API is asked beside the license file (in either order); one 403 is enough.
  assert.deepEqual(fetched(v.requests()).sort(), [`/api/models/${id}`, `/${id}/raw/main/LICENSE`], 'one 403 is enough: no more file requests');
  expectEngine(v.badge, [{ name: 'the model’s access form', text: terms }], { hf_license: 'llama3.2' });
  assert.deepEqual([v.badge.license, v.badge.verdict], ['llama-3.2-community', 'open-weights-restricted']);
  const panel = await openPanel(v.page);
  assert.equal(panel.rows.Read, 'the model’s access form');
  assert.ok(panel.notes.some((n) => /gated/.test(n)), `a note says the files are gated: ${panel.notes}`);
  commonChecks(v, v.badge);
  await v.page.close();
});

test('gated repository with nothing readable: an error badge that says it is gated', async () => {
  const id = 'acme-ai/gated-other';
  b.serve(`/${id}`, hfPage({ id, gated: 'auto', cardData: { license: 'other' } }));
  b.serve(`/api/models/${id}`, b.json({ id, gated: 'auto', cardData: { license: 'other' } }));
  for (const f of ['LICENSE', 'LICENSE.md', 'LICENSE.txt']) b.serve(`/${id}/raw/main/${f}`, { status: 401, body: 'unauthorized' });
  const v = await visit(b, `${HF}/${id}`);
  assert.equal(v.badge.state, 'error');
  assert.equal(v.badge.reason, 'gated');
  assert.equal(v.badge.license, '');
  assert.equal(v.badge.verdict, 'unknown');
  assert.match(v.badge.text, /gated/);
  assert.equal(v.badge.glyph, '⚠');
  const panel = await openPanel(v.page);
  assert.match(panel.rows.Status, /gated/);
  assert.ok(panel.text.includes('not legal advice'));
  await escapeCloses(v.page);
  commonChecks(v, v.badge);
  await v.page.close();
});

test('page without the embedded data: metadata and file list from /api/models/{id}', async () => {
  const id = 'google-bert/bert-base-uncased';
  const license = corpusText('spdx/Apache-2.0.txt');
  b.serve(`/${id}`, hfPage({ id, island: false }));
  b.serve(`/api/models/${id}`, b.json(apiAnswer('api-google-bert__bert-base-uncased.json')));
  b.serve(`/${id}/raw/main/LICENSE`, b.text(license));
  const v = await visit(b, `${HF}/${id}`);
  assert.equal(v.badge.state, 'result');
  // The API's file list says LICENSE exists: no guessing at LICENSE.md or LICENSE.txt.
  assert.deepEqual(fetched(v.requests()), [`/api/models/${id}`, `/${id}/raw/main/LICENSE`]);
  expectEngine(v.badge, [{ name: 'LICENSE', text: license }], { hf_license: 'apache-2.0' });
  assert.equal(v.badge.license, 'Apache-2.0');
  commonChecks(v, v.badge);
  await v.page.close();
});

test('a license with markup and a hostile license_name are shown as text, and nothing runs', async () => {
  const id = 'acme-ai/markup-model';
  const hostileName = '<img src="https://evil.example/name.png" onerror="window.__fp_pwned=9">';
  const license = fixtureFile('hostile-license.md');
  b.serve(`/${id}`, hfPage({ id, cardData: { license: 'other', license_name: hostileName } }));
  b.serve(`/${id}/raw/main/LICENSE`, b.text(license));
  const v = await visit(b, `${HF}/${id}`);
  assert.equal(v.badge.state, 'result');
  // The markup is not the license: the MIT text under it is found (changed by the markup).
  expectEngine(v.badge, [{ name: 'LICENSE', text: license }], { hf_license: 'other', license_name: hostileName });
  assert.equal(v.badge.license, 'MIT');
  const panel = await openPanel(v.page);
  assert.equal(panel.rows['Declared on the page'], `other: ${hostileName}`, 'the page\'s name is shown literally');
  assertVerbatim(panel.breakdown.quotes, [license]);
  const foreignTags = panel.elements.filter((t) => ['img', 'script', 'iframe', 'style', 'b', 'i'].includes(t));
  assert.deepEqual(foreignTags, [], 'no element made from page or license markup');
  const world = await v.page.evaluate(() => ({ pwned: window.__fp_pwned ?? null, title: document.title, display: getComputedStyle(document.body).display }));
  assert.equal(world.pwned, null, 'no script or handler from the markup ran');
  assert.notEqual(world.display, 'none', 'no style from the license applies to the page');
  assert.doesNotMatch(world.title, /PWNED/);
  assert.ok(!v.requests().some((r) => /evil\.example|\/x$/.test(r.url)), 'no request from the markup');
  commonChecks(v, v.badge);
  await v.page.close();
});

test('a header without the license chip: the badge goes beside "Use this model"', async () => {
  const id = 'acme-ai/new-layout';
  b.serve(`/${id}`, hfPage({ id, header: 'no-license-chip', cardData: { license: 'apache-2.0' } }));
  b.serve(`/${id}/raw/main/LICENSE`, b.text(corpusText('spdx/Apache-2.0.txt')));
  const v = await visit(b, `${HF}/${id}`);
  assert.equal(v.badge.state, 'result');
  assert.equal(v.badge.placement, 'download-controls');
  assert.ok(v.badge.inHeader);
  const next = await v.page.evaluate(() => document.querySelector('[data-fineprint-badge]').nextElementSibling?.textContent.replace(/\s+/g, ' ').trim());
  assert.equal(next, 'Use this model');
  commonChecks(v, v.badge);
  await v.page.close();
});

test('a page with no repository header: the badge sits in a fixed corner and still opens the panel', async () => {
  const id = 'acme-ai/bare-layout';
  b.serve(`/${id}`, hfPage({ id, header: 'bare', cardData: { license: 'mit' } }));
  b.serve(`/${id}/raw/main/LICENSE`, b.text(corpusText('spdx/MIT.txt')));
  const v = await visit(b, `${HF}/${id}`);
  assert.equal(v.badge.state, 'result');
  assert.equal(v.badge.placement, 'fallback');
  assert.equal(v.badge.position, 'fixed');
  const panel = await openPanel(v.page);
  assert.equal(panel.count, 1);
  assert.ok(panel.focusInside);
  await escapeCloses(v.page);
  commonChecks(v, v.badge);
  await v.page.close();
});

test('files tab: one badge above the file list, none on the rows', async () => {
  const id = 'acme-ai/apache-model-files';
  b.serve(`/${id}/tree/main`, hfPage({ id, view: 'tree', cardData: { license: 'apache-2.0' } }));
  b.serve(`/${id}/raw/main/LICENSE`, b.text(corpusText('spdx/Apache-2.0.txt')));
  const v = await visit(b, `${HF}/${id}/tree/main`);
  assert.equal(v.badge.placement, 'files');
  const where = await v.page.evaluate(() => {
    const el = document.querySelector('[data-fineprint-badge]');
    return {
      beforeList: el.nextElementSibling?.getAttribute('data-target'),
      inRow: !!el.closest('li'),
      downloads: document.querySelectorAll('a[href*="/resolve/"][href*="download=true"]').length,
    };
  });
  assert.deepEqual(where, { beforeList: 'ViewerIndexTreeList', inRow: false, downloads: 6 });
  commonChecks(v, v.badge);
  await v.page.close();
});

test('no license declared and no file: an error badge that says none was found', async () => {
  const id = 'acme-ai/no-license';
  b.serve(`/${id}`, hfPage({ id, cardData: {} }));
  const v = await visit(b, `${HF}/${id}`);
  assert.equal(v.badge.state, 'error');
  assert.equal(v.badge.reason, 'not-found');
  assert.deepEqual(fetched(v.requests()), ['LICENSE', 'LICENSE.md', 'LICENSE.txt'].map((f) => `/${id}/raw/main/${f}`));
  commonChecks(v, v.badge);
  await v.page.close();
});

test('network failure on the license file: declared id used, and the panel says the file was not read', async () => {
  const id = 'acme-ai/flaky';
  b.serve(`/${id}`, hfPage({ id, cardData: { license: 'apache-2.0' } }));
  b.serve(`/${id}/raw/main/LICENSE`, { status: 503, body: 'busy' });
  const v = await visit(b, `${HF}/${id}`);
  expectEngine(v.badge, [], { hf_license: 'apache-2.0' });
  assert.equal(v.badge.license, 'Apache-2.0', 'the declared id, mapped to SPDX');
  const panel = await openPanel(v.page);
  assert.ok(panel.notes.some((n) => /could not be read \(network\)/.test(n)), `${panel.notes}`);
  assert.equal(panel.rows.Read, 'no license text');
  commonChecks(v, v.badge);
  await v.page.close();
});

test('dark page: badge and panel follow the page\'s theme', async () => {
  const id = 'acme-ai/dark-model';
  b.serve(`/${id}`, hfPage({ id, theme: 'dark', cardData: { license: 'apache-2.0' } }));
  b.serve(`/${id}/raw/main/LICENSE`, b.text(corpusText('spdx/Apache-2.0.txt')));
  const v = await visit(b, `${HF}/${id}`);
  assert.ok(v.badge.textLuminance > 180, `light text on the dark page: ${v.badge.textLuminance}`);
  const panel = await openPanel(v.page);
  assert.equal(panel.theme, 'dark');
  const light = await visit(b, `${HF}/acme-ai/apache-model`);
  assert.ok(light.badge.textLuminance < 80, `dark text on the light page: ${light.badge.textLuminance}`);
  const lightPanel = await openPanel(light.page);
  assert.equal(lightPanel.theme, 'light');
  await light.page.close();
  await v.page.close();
});

test('a dataset page that declares a license gets the badge; its files are read under /datasets/', async () => {
  const id = 'acme-ai/open-corpus';
  const license = corpusText('spdx/CC-BY-4.0.txt');
  b.serve(`/datasets/${id}`, hfPage({ id, type: 'dataset', cardData: { license: 'cc-by-4.0' } }));
  b.serve(`/datasets/${id}/raw/main/LICENSE`, b.text(license));
  const v = await visit(b, `${HF}/datasets/${id}`);
  assert.equal(v.badge.state, 'result');
  assert.equal(v.badge.placement, 'license-chip');
  assert.deepEqual(fetched(v.requests()), [`/datasets/${id}/raw/main/LICENSE`], 'no model card or model API for a dataset');
  assert.equal(cardFetches(v.requests()), 0);
  expectEngine(v.badge, [{ name: 'LICENSE', text: license }], { hf_license: 'cc-by-4.0' });
  assert.equal(v.badge.license, 'CC-BY-4.0');
  const panel = await openPanel(v.page);
  assert.equal(panel.links.find((l) => l.text === 'Read the license file')?.href, `${HF}/datasets/${id}/blob/main/LICENSE`);
  commonChecks(v, v.badge);
  await v.page.close();
});

test('a modified Apache license: non-commercial from its own words, and the panel shows the change', async () => {
  const id = 'acme-ai/apache-but-nc';
  const grant = 'Subject to the terms and conditions of this License, each Contributor hereby grants to You a perpetual,';
  const license = corpusText('spdx/Apache-2.0.txt').replace(grant, grant.replace('License, ', 'License, and for non-commercial purposes only, '));
  assert.notEqual(license, corpusText('spdx/Apache-2.0.txt'));
  b.serve(`/${id}`, hfPage({ id, cardData: { license: 'apache-2.0' } }));
  b.serve(`/${id}/raw/main/LICENSE`, b.text(license));
  const v = await visit(b, `${HF}/${id}`);
  expectEngine(v.badge, [{ name: 'LICENSE', text: license }], { hf_license: 'apache-2.0' });
  assert.deepEqual([v.badge.license, v.badge.verdict], ['Apache-2.0', 'non-commercial'], 'the label says Apache; the text says otherwise');
  const panel = await openPanel(v.page);
  assert.ok(panel.breakdown.sections.includes('Changes from the known license'), `sections: ${panel.breakdown.sections}`);
  assert.ok(panel.text.includes('and for non-commercial purposes only'), 'the added words are shown');
  commonChecks(v, v.badge);
  await v.page.close();
});
