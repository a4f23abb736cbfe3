// GitHub in real Chromium: a repository holding weights under a model license file gets that file's
// license (raw.githubusercontent.com through the worker) beside the "Code" button, with the code
// license GitHub shows; a plain code repository gets no badge.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, fixture, corpusText, settledBadge, foreignScriptedRequests } from './harness.mjs';
import { expectedFor, openHubPage, badgeInfo } from './hubs-common.mjs';

const HOSTS = ['github.com', 'raw.githubusercontent.com', 'api.github.com'];
function page(owner, repo, files, sidebarLicense) {
  const rows = files.map((f) => `          <tr><td><a class="Link--primary" title="${f}" href="/${owner}/${repo}/blob/main/${f}">${f}</a></td></tr>`).join('\n');
  const side = sidebarLicense ? `<a href="#${sidebarLicense}-1-ov-file" class="Link--muted"><svg></svg> ${sidebarLicense} license</a>` : '';
  return {
    body: fixture('github/repo-page.template.html').replaceAll('{{OWNER}}', owner).replaceAll('{{REPO}}', repo)
      .replace('{{FILES}}', rows).replace('{{SIDEBAR_LICENSE}}', side),
  };
}

const open = (url, routes) => openHubPage(url, routes, HOSTS, { settle: false });

test('GitHub: MODEL_LICENSE read and analysed beside the Code button, the code license named beside it', async () => {
  const chatglm = corpusText('ai/chatglm-6b.txt');
  const url = 'https://github.com/THUDM/ChatGLM-6B';
  const { b, p } = await open(url, [
    [url, page('THUDM', 'ChatGLM-6B', ['LICENSE', 'MODEL_LICENSE', 'README.md', 'cli_demo.py'], 'Apache-2.0')],
    ['https://raw.githubusercontent.com/THUDM/ChatGLM-6B/main/MODEL_LICENSE', { body: chatglm, contentType: 'text/plain; charset=utf-8' }],
  ]);
  try {
    const badge = await settledBadge(p);
    const want = await expectedFor([{ name: 'MODEL_LICENSE', text: chatglm }]);
    assert.equal(badge.state, 'result', badge.text);
    assert.equal(badge.license, want.license);
    assert.equal(badge.verdict, want.verdict);
    assert.equal(badge.license, 'chatglm-6b'); // the model license, not the Apache-2.0 code license
    assert.equal(badge.verdict, 'open-weights-restricted');
    const info = await badgeInfo(p);
    assert.equal(info.anchor, 'code-button');
    assert.equal(info.attrs['data-license-source'], 'MODEL_LICENSE');
    assert.equal(info.attrs['data-code-license'], 'Apache-2.0');
    assert.ok(b.requests.some((r) => r.url === 'https://raw.githubusercontent.com/THUDM/ChatGLM-6B/main/MODEL_LICENSE'), 'model license fetched');
    assert.deepEqual(foreignScriptedRequests(b.requests, HOSTS), []);
    assert.deepEqual(b.pageErrors.map(String), []);
  } finally {
    await b.close();
  }
});

test('GitHub: LICENSE-MODEL and LICENSE_MODEL spellings count, LICENSE alone does not', async () => {
  const text = corpusText('ai/apple-ml-research-model.txt');
  const url = 'https://github.com/apple/ml-starflow';
  const { b, p } = await open(url, [
    [url, page('apple', 'ml-starflow', ['LICENSE', 'LICENSE_MODEL', 'README.md'], null)],
    ['https://raw.githubusercontent.com/apple/ml-starflow/main/LICENSE_MODEL', { body: text, contentType: 'text/plain; charset=utf-8' }],
  ]);
  try {
    const badge = await settledBadge(p);
    const want = await expectedFor([{ name: 'LICENSE_MODEL', text }]);
    assert.equal(badge.license, want.license);
    assert.equal(badge.verdict, want.verdict);
    assert.equal(badge.license, 'apple-ml-research-model');
    assert.equal(badge.verdict, 'research-only');
    assert.equal((await badgeInfo(p)).attrs['data-license-source'], 'LICENSE_MODEL');
  } finally {
    await b.close();
  }
});

test('GitHub: weights without a model license file: the repository license, declared', async () => {
  const url = 'https://github.com/someone/tiny-model';
  const { b, p } = await open(url, [[url, page('someone', 'tiny-model', ['LICENSE', 'model.safetensors', 'README.md'], 'MIT')]]);
  try {
    const badge = await settledBadge(p);
    assert.equal(badge.state, 'result', badge.text);
    assert.equal(badge.license, 'MIT');
    assert.equal(badge.verdict, 'open-weights-permissive');
    assert.equal(badge.verdict, (await expectedFor([], { hf_license: 'MIT' })).verdict);
    assert.equal((await badgeInfo(p)).attrs['data-license-source'], 'repository');
    assert.ok(!b.requests.some((r) => new URL(r.url).hostname === 'raw.githubusercontent.com'), 'nothing fetched');
  } finally {
    await b.close();
  }
});

test('GitHub: a code repository (no weights, no model license) gets no badge and no request; a weights repository in the same tab does', async () => {
  const url = 'https://github.com/someone/webapp';
  const control = page('someone', 'tiny-model', ['LICENSE', 'model.safetensors', 'README.md'], 'MIT').body;
  const { b, p } = await open(url, [[url, page('someone', 'webapp', ['LICENSE', 'package.json', 'index.js'], 'MIT')]]);
  try {
    await p.waitForTimeout(1500);
    assert.equal(await p.evaluate(() => document.querySelectorAll('[data-fineprint-badge]').length), 0);
    assert.deepEqual(b.requests.filter((r) => r.type === 'fetch'), []);
    // Positive control, same page and content script: GitHub moves to a weights repository client-side
    // (the new page's content, then a pushState), and the badge appears. A dead or unloaded extension
    // fails here instead of passing the check above.
    await p.evaluate((html) => {
      document.body.innerHTML = new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
      history.pushState({}, '', '/someone/tiny-model');
    }, control);
    const badge = await settledBadge(p);
    assert.equal(badge.state, 'result', badge.text);
    assert.equal(badge.license, 'MIT');
    assert.equal(badge.verdict, 'open-weights-permissive');
    assert.equal((await badgeInfo(p)).attrs['data-license-source'], 'repository');
  } finally {
    await b.close();
  }
});
