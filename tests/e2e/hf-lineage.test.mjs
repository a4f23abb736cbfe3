// Hugging Face lineage and recipe in the extension (issue 7's pages): the worker follows base_model
// through /api/models/{id} (cached, bounded), the engine applies the ancestors' licenses, and the
// panel shows the chain and the recipe dots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { corpusText } from './harness.mjs';
import { hfPage, apiAnswer } from './fixtures/huggingface/pages.mjs';
import { hfBrowser, visit, openPanel, inExtensionWorld, commonChecks, HF } from './hf-site.mjs';

let b;
before(async () => {
  b = await hfBrowser();
});
after(() => b?.close());

const apiPaths = (requests) => requests.filter((r) => r.type === 'fetch' && new URL(r.url).pathname.startsWith('/api/models/'))
  .map((r) => new URL(r.url).pathname.slice('/api/models/'.length));

/** A base model's API answer: the saved gated Llama answer, renamed, with its real license as the prompt. */
function llamaBase(id, license, prompt) {
  const a = apiAnswer('api-meta-llama__Llama-3.2-3B-gated.json');
  return { ...a, id, modelId: id, cardData: { ...a.cardData, license, extra_gated_prompt: prompt } };
}

async function panelParts(page) {
  await openPanel(page);
  return inExtensionWorld(page, () => {
    const root = globalThis.FinePrintPanel.rootOf(document.querySelector('[data-fineprint-panel]'));
    const lin = root.querySelector('[data-fineprint-lineage]');
    const rec = root.querySelector('[data-fineprint-recipe]');
    return {
      relabel: lin?.querySelector('.warn')?.textContent ?? null,
      chain: lin ? [...lin.querySelectorAll('li')].map((li) => ({ id: li.dataset.id, status: li.dataset.status, text: li.textContent })) : [],
      dots: rec ? Object.fromEntries([...rec.querySelectorAll('li')].map((li) => [li.dataset.dimension, li.dataset.status])) : {},
      glyphs: rec ? [...rec.querySelectorAll('.dot')].map((d) => d.textContent) : [],
      recipeSummary: rec?.querySelector('summary')?.textContent ?? null,
    };
  });
}

test('an apache-labelled fine-tune of a Llama 3 model: the Llama license applies, the panel says why', async () => {
  const base = 'meta-llama/Meta-Llama-3-8B';
  const id = 'acme-ai/llama3-apache-tune';
  b.serve(`/api/models/${base}`, b.json(llamaBase(base, 'llama3', corpusText('ai/llama-3-community.txt'))));
  b.serve(`/${id}`, hfPage({ id, cardData: { license: 'apache-2.0', base_model: base } }));
  b.serve(`/${id}/raw/main/LICENSE`, b.text(corpusText('spdx/Apache-2.0.txt')));
  const v = await visit(b, `${HF}/${id}`);
  assert.equal(v.badge.state, 'result');
  assert.equal(v.badge.license, 'Apache-2.0', 'the model\'s own text is Apache');
  assert.equal(v.badge.verdict, 'open-weights-restricted', 'but the base\'s license binds it');
  assert.match(v.badge.text, /based on meta-llama\/Meta-Llama-3-8B/);
  assert.deepEqual(apiPaths(v.requests()), [base]);
  const p = await panelParts(v.page);
  assert.match(p.relabel, /labelled apache-2\.0, based on meta-llama\/Meta-Llama-3-8B/);
  assert.equal(p.chain.length, 1);
  assert.equal(p.chain[0].id, base);
  assert.equal(p.chain[0].status, 'gated');
  assert.match(p.chain[0].text, /Llama 3/);
  commonChecks(v, v.badge);
  // The five answers count the base's terms as the badge does: commercial use has Llama's conditions,
  // marked as the base's; the Apache file alone would have said yes.
  const cells = await inExtensionWorld(v.page, () => {
    const root = globalThis.FinePrintPanel.rootOf(document.querySelector('[data-fineprint-panel]'));
    return Object.fromEntries([...root.querySelectorAll('[data-fineprint-answers] [data-question]')]
      .map((li) => [li.dataset.question, { answer: li.dataset.answer, from: li.querySelector('[data-from-base]')?.dataset.fromBase ?? null, text: li.textContent }]));
  });
  assert.equal(cells.commercial_use.answer, 'allowed-with-conditions', JSON.stringify(cells));
  assert.equal(cells.commercial_use.from, base);
  assert.match(cells.commercial_use.text, /a term of base model meta-llama\/Meta-Llama-3-8B/);
  assert.equal(cells.train_on_outputs.answer, 'not-allowed');

  // A second fine-tune of the same base: the base's metadata comes from the worker's cache.
  const other = 'acme-ai/llama3-apache-tune-2';
  b.serve(`/${other}`, hfPage({ id: other, cardData: { license: 'apache-2.0', base_model: base } }));
  b.serve(`/${other}/raw/main/LICENSE`, b.text(corpusText('spdx/Apache-2.0.txt')));
  const w = await visit(b, `${HF}/${other}`);
  assert.equal(w.badge.verdict, 'open-weights-restricted');
  assert.deepEqual(apiPaths(w.requests()), [], 'the base was not asked for again');
  await v.page.close();
  await w.page.close();
});

test('a lineage cycle and an unreadable base end, with every ancestor accounted for', async () => {
  const a = 'acme-ai/cycle-a';
  const bId = 'acme-ai/cycle-b';
  const gone = 'acme-ai/private-base';
  b.serve(`/${a}`, hfPage({ id: a, cardData: { license: 'mit', base_model: [bId, gone] } }));
  b.serve(`/${a}/raw/main/LICENSE`, b.text(corpusText('spdx/MIT.txt')));
  b.serve(`/api/models/${bId}`, b.json({ id: bId, gated: false, cardData: { license: 'mit', base_model: a } }));
  b.serve(`/api/models/${gone}`, { status: 401, body: '{"error":"Repository not found"}', contentType: 'application/json' });
  const v = await visit(b, `${HF}/${a}`);
  assert.equal(v.badge.state, 'result');
  assert.deepEqual(apiPaths(v.requests()).sort(), [bId, gone].sort(), 'each base asked for once; the cycle is not followed');
  const p = await panelParts(v.page);
  const status = Object.fromEntries(p.chain.map((n) => [n.id, n.status]));
  assert.equal(status[bId], 'found');
  assert.equal(status[gone], 'unavailable');
  assert.ok(p.chain.some((n) => n.status === 'cycle'), `the cycle is shown: ${JSON.stringify(p.chain)}`);
  commonChecks(v, v.badge);
  await v.page.close();
});

test('a deep chain: the walk stops at its request bound and says the chain may go further', async () => {
  const ids = Array.from({ length: 12 }, (_, i) => `deep-ai/level-${i}`);
  for (let i = 1; i < ids.length; i++) {
    b.serve(`/api/models/${ids[i]}`, b.json({ id: ids[i], gated: false, cardData: { license: 'apache-2.0', base_model: ids[i + 1] } }));
  }
  b.serve(`/${ids[0]}`, hfPage({ id: ids[0], cardData: { license: 'apache-2.0', base_model: ids[1] } }));
  b.serve(`/${ids[0]}/raw/main/LICENSE`, b.text(corpusText('spdx/Apache-2.0.txt')));
  const v = await visit(b, `${HF}/${ids[0]}`, { timeout: 20000 });
  assert.equal(v.badge.state, 'result');
  const asked = apiPaths(v.requests());
  assert.ok(asked.length >= 1 && asked.length <= 8, `bounded: ${asked.length} ancestor requests`);
  assert.deepEqual(asked, ids.slice(1, 1 + asked.length), 'nearest first');
  const p = await panelParts(v.page);
  assert.ok(p.chain.length >= asked.length);
  assert.ok(p.chain.some((n) => n.status === 'beyond-depth' || n.status === 'not-fetched'), `the end of the walk is shown: ${p.chain.map((n) => n.status)}`);
  commonChecks(v, v.badge);
  await v.page.close();
});

test('a fully open release earns open-source-ai, with its recipe dots in the panel', async () => {
  const id = 'acme-ai/fully-open';
  const card = [
    '---', 'license: apache-2.0', 'datasets:', '- acme-ai/open-corpus', '---',
    '# Fully open model', '', 'Trained from scratch on acme-ai/open-corpus.', '',
    'Training code: https://github.com/acme-ai/train-fully-open', '',
    'Paper: https://arxiv.org/abs/2401.00001', '',
  ].join('\n');
  b.serve(`/${id}`, hfPage({ id, cardData: { license: 'apache-2.0', datasets: ['acme-ai/open-corpus'] } }));
  b.serve(`/${id}/raw/main/LICENSE`, b.text(corpusText('spdx/Apache-2.0.txt')));
  b.serve(`/${id}/raw/main/README.md`, b.text(card));
  const v = await visit(b, `${HF}/${id}`);
  assert.equal(v.badge.license, 'Apache-2.0');
  assert.equal(v.badge.verdict, 'open-source-ai');
  const p = await panelParts(v.page);
  for (const d of ['license_open', 'training_data', 'training_code', 'paper']) assert.equal(p.dots[d], 'disclosed', `${d}: ${JSON.stringify(p.dots)}`);
  assert.ok(p.glyphs.includes('●'), 'each dot has a glyph beside its words');
  assert.match(p.recipeSummary, /What the release discloses: \d of \d+ \(data, code and paper\)/);

  // Without the model card's code link, the same release is open weights, not open source AI.
  const bare = 'acme-ai/weights-only';
  b.serve(`/${bare}`, hfPage({ id: bare, cardData: { license: 'apache-2.0' } }));
  b.serve(`/${bare}/raw/main/LICENSE`, b.text(corpusText('spdx/Apache-2.0.txt')));
  const w = await visit(b, `${HF}/${bare}`);
  assert.equal(w.badge.verdict, 'open-weights-permissive');
  commonChecks(v, v.badge);
  await v.page.close();
  await w.page.close();
});
