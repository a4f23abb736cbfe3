// Ollama in real Chromium: the license layer's text, read from the page's layer list or from the
// registry manifest through the worker, analysed by the WASM engine; the badge beside the pull command.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, corpusText, foreignScriptedRequests } from './harness.mjs';
import { expectedFor, escapeHtml, openHubPage, badgeInfo } from './hubs-common.mjs';

const HOSTS = ['ollama.com', 'registry.ollama.ai'];
const blobPage = (model, text) => ({
  body: fixture('ollama/blob-page.template.html').replaceAll('{{MODEL}}', model).replace('{{TEXT}}', escapeHtml(text)),
});

test('Ollama page without a layer list: license layer found through the registry manifest, text from the blob page', async () => {
  const apache = corpusText('spdx/Apache-2.0.txt');
  const { b, p: page, badge } = await openHubPage('https://ollama.com/library/magistral', [
    ['https://ollama.com/library/magistral', { body: fixture('ollama/magistral.html') }],
    ['https://registry.ollama.ai/v2/library/magistral/manifests/latest', { body: fixture('ollama/registry/magistral-latest.json'), contentType: 'application/vnd.docker.distribution.manifest.v2+json' }],
    ['https://ollama.com/library/magistral:latest/blobs/43070e2d4e53', blobPage('magistral', apache)],
  ], HOSTS);
  try {
    const want = await expectedFor([{ name: 'license', text: apache }]);
    assert.equal(badge.state, 'result', badge.text);
    assert.equal(badge.license, want.license);
    assert.equal(badge.verdict, want.verdict);
    assert.equal(badge.license, 'Apache-2.0'); // identified from the layer's text
    assert.equal(badge.verdict, 'open-weights-permissive');
    assert.equal(badge.count, 1);
    const info = await badgeInfo(page);
    assert.equal(info.anchor, 'pull-command');
    assert.ok(info.parentAttrs.includes('x-test-model-command-bar'), 'badge sits in the pull command bar');
    assert.equal(info.attrs['data-license-source'], 'registry');
    assert.ok(b.requests.some((r) => r.url === 'https://registry.ollama.ai/v2/library/magistral/manifests/latest'), 'manifest asked for');
    assert.ok(b.requests.some((r) => r.url.endsWith('/library/magistral:latest/blobs/43070e2d4e53')), 'license blob page asked for');
    assert.deepEqual(foreignScriptedRequests(b.requests, HOSTS), []);
    assert.deepEqual(b.pageErrors.map(String), []);
  } finally {
    await b.close();
  }
});

test('Ollama page listing a license layer: text read from the page link, no registry request', async () => {
  const gemma = corpusText('ai/gemma-terms-2024-04-01.txt');
  const { b, p: page, badge } = await openHubPage('https://ollama.com/library/gemma:2b', [
    ['https://ollama.com/library/gemma:2b', { body: fixture('ollama/gemma-2b.html') }],
    ['https://ollama.com/library/gemma:2b/blobs/097a36493f71', blobPage('gemma', gemma)],
  ], HOSTS);
  try {
    const want = await expectedFor([{ name: 'license', text: gemma }]);
    assert.equal(badge.state, 'result', badge.text);
    assert.equal(badge.license, want.license);
    assert.equal(badge.verdict, want.verdict);
    assert.equal(badge.license, 'gemma-terms-2024-04-01');
    assert.equal(badge.verdict, 'open-weights-restricted');
    const info = await badgeInfo(page);
    assert.equal(info.anchor, 'pull-command');
    assert.equal(info.attrs['data-license-source'], 'page');
    assert.ok(!b.requests.some((r) => new URL(r.url).hostname === 'registry.ollama.ai'), 'no registry request');
    assert.deepEqual(foreignScriptedRequests(b.requests, HOSTS), []);
    assert.deepEqual(b.pageErrors.map(String), []);
  } finally {
    await b.close();
  }
});

test('Ollama model without a license layer (real page): a clear "no license layer" state, not a verdict', async () => {
  const { b, p: page, badge } = await openHubPage('https://ollama.com/library/wizard-vicuna-uncensored:latest', [
    ['https://ollama.com/library/wizard-vicuna-uncensored:latest', { body: fixture('ollama/wizard-vicuna-uncensored-latest.html') }],
  ], HOSTS);
  try {
    assert.equal(badge.state, 'error');
    assert.equal(badge.verdict, 'unknown');
    assert.equal(badge.license, '');
    assert.equal((await badgeInfo(page)).attrs['data-reason'], 'not-found');
    assert.equal((await badgeInfo(page)).anchor, 'pull-command');
    assert.deepEqual(foreignScriptedRequests(b.requests, HOSTS), []);
    assert.deepEqual(b.pageErrors.map(String), []);
  } finally {
    await b.close();
  }
});

test('Ollama registry down: the badge says so and stays beside the pull command', async () => {
  const { b, p: page, badge } = await openHubPage('https://ollama.com/library/magistral', [
    ['https://ollama.com/library/magistral', { body: fixture('ollama/magistral.html') }],
    ['https://registry.ollama.ai/v2/library/magistral/manifests/latest', { status: 503, body: 'down' }],
  ], HOSTS);
  try {
    assert.equal(badge.state, 'error');
    assert.equal((await badgeInfo(page)).attrs['data-reason'], 'network');
    assert.equal((await badgeInfo(page)).anchor, 'pull-command');
  } finally {
    await b.close();
  }
});
