// ModelScope in real Chromium: the declared license name mapped to our ids, the LICENSE text when
// the repository has one; the badge beside the download button.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, corpusText, foreignScriptedRequests } from './harness.mjs';
import { expectedFor, openHubPage, badgeInfo } from './hubs-common.mjs';

const HOSTS = ['modelscope.cn', 'www.modelscope.cn'];
const page = (owner, name) => ({ body: fixture('modelscope/model-page.template.html').replaceAll('{{OWNER}}', owner).replaceAll('{{NAME}}', name) });
const json = (rel) => ({ body: fixture(rel), contentType: 'application/json' });
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const repoFile = (owner, name, file, text) => [
  new RegExp(`^https://(www\\.)?modelscope\\.cn/api/v1/models/${esc(owner)}/${esc(name)}/repo\\?Revision=master&FilePath=${esc(encodeURIComponent(file))}$`),
  { body: text, contentType: 'text/plain; charset=utf-8' },
];

const open = (url, routes) => openHubPage(url, routes, HOSTS);

test('ModelScope: "Apache License 2.0" with the repository LICENSE text, beside 下载模型', async () => {
  const apache = corpusText('spdx/Apache-2.0.txt');
  const url = 'https://modelscope.cn/models/qwen/Qwen2.5-7B-Instruct';
  const { b, p, badge } = await open(url, [
    [url, page('qwen', 'Qwen2.5-7B-Instruct')],
    ['https://modelscope.cn/api/v1/models/qwen/Qwen2.5-7B-Instruct', json('modelscope/api-model-qwen.json')],
    repoFile('qwen', 'Qwen2.5-7B-Instruct', 'LICENSE', apache),
  ]);
  try {
    const want = await expectedFor([{ name: 'LICENSE', text: apache }], { hf_license: 'Apache License 2.0' });
    assert.equal(badge.state, 'result', badge.text);
    assert.equal(badge.license, want.license);
    assert.equal(badge.license, 'Apache-2.0'); // from the name now; from the text too once identified
    assert.equal(badge.verdict, 'open-weights-permissive');
    assert.equal(badge.verdict, want.verdict);
    const info = await badgeInfo(p);
    assert.equal(info.anchor, 'download');
    assert.equal(info.attrs['data-declared'], 'Apache License 2.0');
    assert.equal(await p.evaluate(() => document.querySelector('[data-fineprint-badge]').previousElementSibling?.textContent.trim()), '下载模型');
    assert.deepEqual(foreignScriptedRequests(b.requests, HOSTS), []);
    assert.deepEqual(b.pageErrors.map(String), []);
  } finally {
    await b.close();
  }
});

test('ModelScope: the declared name alone when the repository has no LICENSE file', async () => {
  const url = 'https://www.modelscope.cn/models/qwen/Qwen2.5-7B-Instruct/summary';
  const { b, badge } = await open(url, [
    [url, page('qwen', 'Qwen2.5-7B-Instruct')],
    ['https://www.modelscope.cn/api/v1/models/qwen/Qwen2.5-7B-Instruct', json('modelscope/api-model-qwen.json')],
  ]);
  try {
    const want = await expectedFor([], { hf_license: 'Apache License 2.0' });
    assert.equal(badge.state, 'result', badge.text);
    assert.equal(badge.license, 'Apache-2.0');
    assert.equal(badge.verdict, 'open-weights-permissive');
    assert.equal(badge.verdict, want.verdict);
    assert.ok(b.requests.some((r) => r.url.includes('FilePath=LICENSE')), 'LICENSE was asked for');
  } finally {
    await b.close();
  }
});

test('ModelScope: no declared name, a LICENSE text only: the text decides', async () => {
  const mit = corpusText('spdx/MIT.txt');
  const url = 'https://modelscope.cn/models/someone/example-model';
  const { b, badge } = await open(url, [
    [url, page('someone', 'example-model')],
    ['https://modelscope.cn/api/v1/models/someone/example-model', json('modelscope/api-model-custom.json')],
    repoFile('someone', 'example-model', 'LICENSE.txt', mit),
  ]);
  try {
    const want = await expectedFor([{ name: 'LICENSE.txt', text: mit }]);
    assert.equal(badge.state, 'result', badge.text);
    assert.equal(badge.license, want.license);
    assert.equal(badge.license, 'MIT');
    assert.equal(badge.verdict, 'open-weights-permissive');
    assert.equal(badge.verdict, want.verdict);
  } finally {
    await b.close();
  }
});

test('ModelScope: neither a name nor a file: "not found", no verdict', async () => {
  const url = 'https://modelscope.cn/models/someone/example-model';
  const { b, badge, p } = await open(url, [
    [url, page('someone', 'example-model')],
    ['https://modelscope.cn/api/v1/models/someone/example-model', json('modelscope/api-model-custom.json')],
  ]);
  try {
    assert.equal(badge.state, 'error');
    assert.equal(badge.verdict, 'unknown');
    assert.equal((await badgeInfo(p)).attrs['data-reason'], 'not-found');
  } finally {
    await b.close();
  }
});
