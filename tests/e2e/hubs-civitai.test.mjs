// Civitai in real Chromium: the base model's license (by the version the URL names), the author's
// permissions beside it, a warning where they exceed the base license; the badge by the download button.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, foreignScriptedRequests } from './harness.mjs';
import { expectedFor, openHubPage, badgeInfo } from './hubs-common.mjs';

const HOSTS = ['civitai.com'];
const page = (name, version, base) => ({
  body: fixture('civitai/model-page.template.html').replaceAll('{{NAME}}', name).replaceAll('{{VERSION}}', version).replaceAll('{{BASE}}', base),
});
const api = (id) => [`https://civitai.com/api/v1/models/${id}`, { body: fixture(`civitai/api-model-${id}.json`), contentType: 'application/json' }];

const open = (url, routes) => openHubPage(url, routes, HOSTS);

test('Civitai SD 1.5 version: CreativeML Open RAIL-M beside the download button, no warning for a permissive author', async () => {
  const url = 'https://civitai.com/models/4201/realistic-vision?modelVersionId=130072';
  const { b, p, badge } = await open(url, [['https://civitai.com/models/4201/realistic-vision', page('Realistic Vision', '130072', 'SD 1.5')], api(4201)]);
  try {
    const want = await expectedFor([], { hf_license: 'creativeml-openrail-m' });
    assert.equal(badge.state, 'result', badge.text);
    assert.equal(badge.license, 'creativeml-openrail-m');
    assert.equal(badge.verdict, 'open-weights-restricted'); // labels.json: creativeml-openrail-m is restricted
    assert.equal(badge.license, want.license);
    assert.equal(badge.verdict, want.verdict);
    const info = await badgeInfo(p);
    assert.equal(info.anchor, 'download');
    assert.equal(await p.evaluate(() => document.querySelector('[data-fineprint-badge]').previousElementSibling?.getAttribute('href')), '/api/download/models/130072');
    assert.equal(info.attrs['data-base-model'], 'SD 1.5');
    assert.equal(info.attrs['data-permissions'], 'image rent sell merges different_license no_credit');
    assert.equal(info.attrs['data-permission-warnings'], '');
    assert.equal(info.warning, '');
    assert.deepEqual(foreignScriptedRequests(b.requests, HOSTS), []);
    assert.deepEqual(b.pageErrors.map(String), []);
  } finally {
    await b.close();
  }
});

test('Civitai: the version in the URL decides the base model (first version is SDXL 1.0)', async () => {
  const { b, badge, p } = await open('https://civitai.com/models/4201', [['https://civitai.com/models/4201', page('Realistic Vision', '501240', 'SDXL 1.0')], api(4201)]);
  try {
    assert.equal(badge.state, 'result', badge.text);
    assert.equal((await badgeInfo(p)).attrs['data-base-model'], 'SDXL 1.0');
    assert.equal(badge.license, (await expectedFor([], { hf_license: 'creativeml-openrail++-m-sdxl' })).license);
    assert.equal(badge.license, 'creativeml-openrail++-m-sdxl');
    assert.equal(badge.verdict, 'open-weights-restricted');
    assert.equal(badge.verdict, (await expectedFor([], { hf_license: 'creativeml-openrail++-m-sdxl' })).verdict);
  } finally {
    await b.close();
  }
});

test('Civitai SDXL Turbo base with a selling author: the badge warns that the permissions exceed the base license', async () => {
  const { b, badge, p } = await open('https://civitai.com/models/215418/turbo', [['https://civitai.com/models/215418/turbo', page('Turbo Example', '242738', 'SDXL Turbo')], api(215418)]);
  try {
    assert.equal(badge.state, 'result', badge.text);
    assert.equal(badge.license, 'stability-ai-nc-research-community');
    assert.equal(badge.verdict, 'non-commercial'); // labels.json: non-commercial
    const want = await expectedFor([], { hf_license: 'stability-ai-nc-research-community' });
    assert.equal(badge.verdict, want.verdict);
    const info = await badgeInfo(p);
    assert.equal(info.attrs['data-permission-warnings'], 'image rent sell');
    assert.match(info.warning, /exceed the base license/);
    assert.equal(info.anchor, 'download');
    assert.deepEqual(foreignScriptedRequests(b.requests, HOSTS), []);
    assert.deepEqual(b.pageErrors.map(String), []);
  } finally {
    await b.close();
  }
});

test('Civitai base model without a known license: a "not found" badge, no verdict', async () => {
  const { b, badge, p } = await open('https://civitai.com/models/777', [['https://civitai.com/models/777', page('Other Base', '778', 'Other')], api(777)]);
  try {
    assert.equal(badge.state, 'error');
    assert.equal(badge.verdict, 'unknown');
    const info = await badgeInfo(p);
    assert.equal(info.attrs['data-reason'], 'not-found');
    assert.equal(info.attrs['data-base-model'], 'Other');
    assert.equal(info.attrs['data-permissions'], 'no_credit');
  } finally {
    await b.close();
  }
});

test('Civitai API down: a network state, and the page is left alone', async () => {
  const { b, badge, p } = await open('https://civitai.com/models/4201', [['https://civitai.com/models/4201', page('Realistic Vision', '501240', 'SDXL 1.0')], ['https://civitai.com/api/v1/models/4201', { status: 500, body: 'oops' }]]);
  try {
    assert.equal(badge.state, 'error');
    assert.equal((await badgeInfo(p)).attrs['data-reason'], 'network');
    assert.equal(await p.evaluate(() => document.querySelector('h1').textContent), 'Realistic Vision');
    assert.deepEqual(b.pageErrors.map(String), []);
  } finally {
    await b.close();
  }
});

test('Civitai is a single-page app: moving to another model re-reads its base model and permissions', async () => {
  const { b, p, badge } = await open('https://civitai.com/models/4201', [
    ['https://civitai.com/models/4201', page('Realistic Vision', '501240', 'SDXL 1.0')],
    api(4201), api(215418),
  ]);
  try {
    assert.equal(badge.license, 'creativeml-openrail++-m-sdxl');
    // Client-side navigation as Next.js does it: a pushState, then the page re-renders.
    await p.evaluate(() => {
      history.pushState({}, '', '/models/215418/turbo');
      document.querySelector('h1').textContent = 'Turbo Example';
    });
    await p.waitForSelector('[data-fineprint-badge][data-base-model="SDXL Turbo"][data-state="result"]', { timeout: 10000 });
    const info = await badgeInfo(p);
    assert.equal(info.attrs['data-license'], 'stability-ai-nc-research-community');
    assert.equal(info.attrs['data-verdict'], 'non-commercial');
    assert.equal(info.attrs['data-permission-warnings'], 'image rent sell');
    assert.equal(await p.evaluate(() => document.querySelectorAll('[data-fineprint-badge]').length), 1);
    assert.deepEqual(b.pageErrors.map(String), []);
  } finally {
    await b.close();
  }
});
