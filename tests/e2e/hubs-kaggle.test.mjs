// Kaggle Models in real Chromium: the variation's declared license name mapped to our ids (Kaggle
// serves no license text); the badge beside the Download button.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, foreignScriptedRequests } from './harness.mjs';
import { expectedFor, openHubPage, badgeInfo } from './hubs-common.mjs';

const HOSTS = ['www.kaggle.com'];
const page = (title) => ({ body: fixture('kaggle/model-page.template.html').replaceAll('{{TITLE}}', title) });
const json = (rel) => ({ body: fixture(rel), contentType: 'application/json' });

const open = (url, routes) => openHubPage(url, routes, HOSTS);

test('Kaggle: a variation licensed "Gemma" resolves to the Gemma terms, beside Download', async () => {
  const url = 'https://www.kaggle.com/models/google/gemma/frameworks/pyTorch/variations/2b';
  const { b, p, badge } = await open(url, [[url, page('Gemma')], ['https://www.kaggle.com/api/v1/models/google/gemma/get', json('kaggle/api-model-gemma.json')]]);
  try {
    const want = await expectedFor([], { hf_license: 'Gemma' });
    assert.equal(badge.state, 'result', badge.text);
    assert.equal(badge.license, 'gemma-terms');
    assert.equal(badge.verdict, 'open-weights-restricted'); // labels.json: gemma-terms is restricted
    assert.equal(badge.license, want.license);
    assert.equal(badge.verdict, want.verdict);
    const info = await badgeInfo(p);
    assert.equal(info.anchor, 'download');
    assert.equal(info.attrs['data-declared'], 'Gemma');
    assert.equal(info.warning, '');
    assert.deepEqual(foreignScriptedRequests(b.requests, HOSTS), []);
    assert.deepEqual(b.pageErrors.map(String), []);
  } finally {
    await b.close();
  }
});

test('Kaggle: the URL picks one of two differently licensed variations', async () => {
  const url = 'https://www.kaggle.com/models/someone/mixed/pyTorch/chat';
  const { b, p, badge } = await open(url, [[url, page('Mixed')], ['https://www.kaggle.com/api/v1/models/someone/mixed/get', json('kaggle/api-model-mixed.json')]]);
  try {
    assert.equal(badge.state, 'result', badge.text);
    assert.equal(badge.license, 'CC-BY-NC-SA-4.0');
    assert.equal(badge.verdict, 'non-commercial');
    assert.equal(badge.verdict, (await expectedFor([], { hf_license: 'CC BY-NC-SA 4.0' })).verdict);
    assert.equal((await badgeInfo(p)).attrs['data-declared'], 'CC BY-NC-SA 4.0');
  } finally {
    await b.close();
  }
});

test('Kaggle: on the model page, variations that disagree are said to differ', async () => {
  const url = 'https://www.kaggle.com/models/someone/mixed';
  const { b, p, badge } = await open(url, [[url, page('Mixed')], ['https://www.kaggle.com/api/v1/models/someone/mixed/get', json('kaggle/api-model-mixed.json')]]);
  try {
    assert.equal(badge.state, 'result', badge.text);
    const info = await badgeInfo(p);
    assert.equal(info.attrs['data-declared'], 'Apache 2.0 | CC BY-NC-SA 4.0');
    // The model page answers for the first variation's license, with the warning beside it.
    assert.equal(badge.license, 'Apache-2.0');
    assert.equal(badge.verdict, 'open-weights-permissive');
    assert.match(info.warning, /variations differ/);
  } finally {
    await b.close();
  }
});

test('Kaggle API refusing a signed-out browser: a network state', async () => {
  const url = 'https://www.kaggle.com/models/google/gemma';
  const { b, p, badge } = await open(url, [[url, page('Gemma')], ['https://www.kaggle.com/api/v1/models/google/gemma/get', { status: 401, body: '{"code":401}' }]]);
  try {
    assert.equal(badge.state, 'error');
    assert.equal((await badgeInfo(p)).attrs['data-reason'], 'gated');
  } finally {
    await b.close();
  }
});
