// The checker and the Hugging Face API, answered by saved API responses (tests/e2e/fixtures/checker/,
// copies of shared/hubs/json with their sources) and corpus texts: never the live site.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpusText } from './harness.mjs';
import { openChecker, result, hubFixture } from './checker-lib.mjs';

const BERT = hubFixture('hf_api_models_google-bert__bert-base-uncased.json');
const LLAMA = hubFixture('hf_api_models_meta-llama__Llama-3.2-3B_gated.json');
const json = (v) => ({ body: JSON.stringify(v) });
const text = (t) => ({ body: t, contentType: 'text/plain; charset=utf-8' });

/** The hub as the fixtures say: API answers by id, raw files by id and file name. */
function hub({ api = {}, raw = {} }) {
  return (u) => {
    const m = u.pathname.match(/^\/api\/models\/(.+)$/);
    if (m) return api[m[1]] ?? { status: 404, body: '{"error":"Repository not found"}' };
    const r = u.pathname.match(/^\/([^/]+\/[^/]+)\/raw\/[^/]+\/(.+)$/);
    if (r && raw[`${r[1]}/${r[2]}`]) return raw[`${r[1]}/${r[2]}`];
    return { status: 404, body: 'Entry not found', contentType: 'text/plain' };
  };
}

async function statusText(page) {
  return page.$eval('#status', (s) => s.textContent);
}

test('a model id: the license is fetched through the Hub API and analysed, with a shareable link', async () => {
  const c = await openChecker({ hub: hub({
    api: { 'google-bert/bert-base-uncased': json(BERT) },
    raw: { 'google-bert/bert-base-uncased/LICENSE': text(corpusText('spdx/Apache-2.0.txt')),
      'google-bert/bert-base-uncased/README.md': text('---\nlicense: apache-2.0\n---\n# BERT base\nTrained on BookCorpus and English Wikipedia.\n') },
  }) });
  try {
    await c.page.fill('#model', 'https://huggingface.co/google-bert/bert-base-uncased/tree/main');
    await c.page.click('#model-go');
    const r = await result(c.page);
    assert.equal(r.license, 'Apache-2.0');
    assert.equal(r.verdict, 'open');
    assert.deepEqual(r.docs, ['google-bert/bert-base-uncased/LICENSE']);
    assert.equal(await c.page.inputValue('#model'), 'google-bert/bert-base-uncased', 'the URL is read as its model id');
    assert.equal(new URL(c.page.url()).hash, '#model=google-bert/bert-base-uncased');
    // The raw file is read at the revision the API named; only huggingface.co was asked.
    assert.ok(c.requests.includes(`https://huggingface.co/raw/x`.replace('raw/x', `google-bert/bert-base-uncased/raw/${BERT.sha}/LICENSE`)), c.requests.join('\n'));
    assert.ok(c.requests.every((u) => u.startsWith('https://huggingface.co/')), c.requests.join('\n'));
    const links = await c.page.$$eval('[data-fineprint-breakdown] a', (a) => a.map((x) => x.href));
    // The file itself, and each quote linked to its line in that file (issue 16: quotes that link to their place).
    const file = 'https://huggingface.co/google-bert/bert-base-uncased/blob/main/LICENSE';
    assert.ok(links.includes(file), links.join('\n'));
    const lines = links.filter((l) => l !== file);
    assert.ok(lines.length > 0, 'the quotes link to their lines');
    for (const l of lines) assert.match(l, /^https:\/\/huggingface\.co\/google-bert\/bert-base-uncased\/blob\/main\/LICENSE#L\d+$/);
    const share = await c.page.$eval('#status a', (a) => a.href);
    assert.match(share, /\/checker\/index\.html#model=google-bert\/bert-base-uncased$/);
    // The recipe (what the release discloses) is shown as in the extension's panel; no base model, no ancestry.
    const recipe = await c.page.evaluate(() => {
      const rec = document.querySelector('[data-fineprint-breakdown] [data-fineprint-recipe]');
      return rec && { summary: rec.querySelector('summary').textContent, dims: [...rec.querySelectorAll('li[data-dimension]')].map((li) => [li.dataset.dimension, li.dataset.status]) };
    });
    assert.ok(recipe, 'a recipe section');
    assert.match(recipe.summary, /^What the release discloses: \d+ of \d+/);
    assert.ok(recipe.dims.length >= 3 && recipe.dims.every(([id, st]) => id && st), JSON.stringify(recipe.dims));
    assert.equal(await c.page.$('[data-fineprint-breakdown] [data-fineprint-lineage]'), null);
    assert.deepEqual(c.errors.map(String), []);
  } finally {
    await c.close();
  }
});

test('a fine-tune: the checker shows its base model and which license applies', async () => {
  const id = 'acme-ai/bert-tune';
  const base = 'google-bert/bert-base-uncased';
  const tune = { ...BERT, id, modelId: id, cardData: { ...BERT.cardData, license: 'mit', base_model: base }, tags: [...(BERT.tags ?? []), `base_model:finetune:${base}`] };
  const c = await openChecker({ hub: hub({
    api: { [id]: json(tune), [base]: json(BERT) },
    raw: { [`${id}/LICENSE`]: text(corpusText('spdx/MIT.txt')), [`${id}/README.md`]: text('# BERT tune\nA fine-tuned version of BERT.\n'),
      [`${base}/LICENSE`]: text(corpusText('spdx/Apache-2.0.txt')) },
  }) });
  try {
    await c.page.fill('#model', id);
    await c.page.click('#model-go');
    const r = await result(c.page);
    assert.equal(r.license, 'MIT');
    const chain = await c.page.$$eval('[data-fineprint-breakdown] [data-fineprint-lineage] li', (li) => li.map((x) => [x.dataset.id, x.dataset.status, x.textContent]));
    assert.equal(chain.length, 1, JSON.stringify(chain));
    assert.equal(chain[0][0], base);
    assert.match(chain[0][2], /Apache/);
    assert.deepEqual(c.errors.map(String), []);
  } finally {
    await c.close();
  }
});

test('the shareable link opens the page and checks the model by itself', async () => {
  const c = await openChecker({ hash: '#model=google-bert/bert-base-uncased', hub: hub({
    api: { 'google-bert/bert-base-uncased': json(BERT) },
    raw: { 'google-bert/bert-base-uncased/LICENSE': text(corpusText('spdx/Apache-2.0.txt')) },
  }) });
  try {
    const r = await result(c.page);
    assert.equal(r.license, 'Apache-2.0');
    assert.equal(await c.page.inputValue('#model'), 'google-bert/bert-base-uncased');
  } finally {
    await c.close();
  }
});

test('a gated model: the page says why the file cannot be read and uses the declared license', async () => {
  const c = await openChecker({ hub: hub({
    api: { 'meta-llama/Llama-3.2-3B': json(LLAMA) },
    raw: { 'meta-llama/Llama-3.2-3B/LICENSE.txt': { status: 403, body: 'Access to model meta-llama/Llama-3.2-3B is restricted.', contentType: 'text/plain' },
      'meta-llama/Llama-3.2-3B/USE_POLICY.md': { status: 403, body: 'restricted', contentType: 'text/plain' } },
  }) });
  try {
    await c.page.fill('#model', 'meta-llama/Llama-3.2-3B');
    await c.page.press('#model', 'Enter');
    const r = await result(c.page);
    assert.equal(r.report.license.match, 'declared');
    assert.equal(r.license, 'llama-3.2-community');
    assert.equal(r.verdict, r.report.verdict.class);
    await c.page.waitForFunction(() => /gated/.test(document.querySelector('#status').textContent));
    const s = await statusText(c.page);
    assert.match(s, /sign in on huggingface\.co and accept its terms/);
    assert.match(s, /declared license/);
    const asked = c.requests.map((u) => new URL(u).pathname);
    assert.ok(asked.includes(`/meta-llama/Llama-3.2-3B/raw/${LLAMA.sha}/LICENSE.txt`), asked.join('\n'));
    assert.ok(asked.includes(`/meta-llama/Llama-3.2-3B/raw/${LLAMA.sha}/USE_POLICY.md`), 'the use policy is read with the license');
  } finally {
    await c.close();
  }
});

test('an unreachable API: a plain message that says how to get the text instead; no result, no crash', async () => {
  for (const answer of [
    () => null, // connection refused
    () => ({ body: JSON.stringify(BERT), headers: { 'access-control-allow-origin': 'https://huggingface.co' } }), // CORS refused
  ]) {
    const c = await openChecker({ hub: answer });
    try {
      await c.page.fill('#model', 'google-bert/bert-base-uncased');
      await c.page.click('#model-go');
      await c.page.waitForFunction(() => document.querySelector('#status').dataset.kind === 'error');
      const s = await statusText(c.page);
      assert.match(s, /Could not reach the Hugging Face API/);
      assert.match(s, /paste the text here, or download the file and drop it here/);
      assert.equal(await c.page.$eval('#status a', (a) => a.href), 'https://huggingface.co/google-bert/bert-base-uncased');
      assert.equal(await c.page.getAttribute('[data-fineprint-result]', 'data-state'), 'empty');
      // The page still works with pasted text.
      await c.page.fill('[data-fineprint-input]', corpusText('spdx/MIT.txt'));
      assert.equal((await result(c.page)).license, 'MIT');
      assert.deepEqual(c.errors.map(String).filter((e) => !/Failed to load resource|CORS|Access-Control/i.test(e)), []);
    } finally {
      await c.close();
    }
  }
});

test('a wrong id, an unknown model and a model without any license each get their own message', async () => {
  const bare = { ...BERT, id: 'someone/no-license', cardData: {}, tags: [], siblings: [{ rfilename: 'config.json' }] };
  const c = await openChecker({ hub: hub({ api: { 'someone/no-license': json(bare) } }) });
  try {
    const cases = [
      ['not a model id!', /not a Hugging Face model id/],
      ['https://huggingface.co/datasets/squad', /not a Hugging Face model id/],
      ['someone/missing-model', /There is no model someone\/missing-model on Hugging Face/],
      ['someone/no-license', /has no license file and declares no license/],
    ];
    for (const [input, message] of cases) {
      await c.page.fill('#model', input);
      await c.page.click('#model-go');
      await c.page.waitForFunction((re) => new RegExp(re).test(document.querySelector('#status').textContent), message.source);
      assert.equal(await c.page.$eval('#status', (s) => s.dataset.kind), 'error', input);
      assert.equal(await c.page.getAttribute('[data-fineprint-result]', 'data-state'), 'empty', input);
    }
    assert.equal(await c.page.getAttribute('#model', 'aria-invalid'), null, 'a valid id clears the invalid mark');
  } finally {
    await c.close();
  }
});
