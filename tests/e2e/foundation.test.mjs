// The foundation's end-to-end path: real Chromium, the unpacked extension, a fixture built from a real
// saved Hugging Face page, the WASM engine in the service worker, a badge on the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, fixture, settledBadge, extensionCopy, foreignScriptedRequests } from './harness.mjs';
import { loadEngine } from '../node/engine.mjs';

const MODEL = 'https://huggingface.co/Qwen/Qwen3-Coder-30B-A3B-Instruct';
const PAGE = `${MODEL}/blob/main/qwen3coder_tool_parser.py`;
const routes = [[PAGE, { body: fixture('huggingface/qwen3-coder-blob.html') }]];

test('a Hugging Face page gets a badge whose license comes from the WASM in the worker', async () => {
  const b = await launch({ routes });
  try {
    const page = await b.context.newPage();
    await page.goto(PAGE);
    const badge = await settledBadge(page);
    // The page declares apache-2.0 and its LICENSE answers 404: the worker's engine maps the
    // Hugging Face id to the SPDX id (the page itself never spells "Apache-2.0").
    assert.equal(badge.state, 'result');
    assert.equal(badge.license, 'Apache-2.0');
    assert.equal(badge.count, 1);
    // The same answer the shipped WASM gives in Node for the same input.
    const engine = await loadEngine();
    const expected = engine.analyze([], { hf_license: 'apache-2.0' });
    assert.equal(badge.license, expected.license.id);
    assert.equal(badge.verdict, expected.badge.class);
    // The badge sits in the header, beside the license chip, not in the fallback corner.
    const inHeader = await page.evaluate(() => !!document.querySelector('header [data-fineprint-badge]'));
    assert.ok(inHeader, 'badge is in the model header');
    // Only huggingface.co was asked for anything.
    assert.deepEqual(foreignScriptedRequests(b.requests), []);
    assert.ok(b.requests.some((r) => r.type === 'fetch' && r.url.endsWith('/raw/main/LICENSE')), 'LICENSE was asked for');
    assert.deepEqual(b.pageErrors.map(String), []);
  } finally {
    await b.close();
  }
});

test('the badge check fails when the content script does not inject the badge', async () => {
  // Negative control: the same page with an extension whose Hugging Face content script is removed.
  const dir = extensionCopy((m) => ({ ...m, content_scripts: [] }));
  const b = await launch({ extensionDir: dir, routes });
  try {
    const page = await b.context.newPage();
    await page.goto(PAGE);
    await assert.rejects(settledBadge(page, { timeout: 3000 }), /Timeout/);
  } finally {
    await b.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
