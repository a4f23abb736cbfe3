// A license body over the cap with no Content-Length (chunked, as a server that streams sends it):
// read as a stream and cut at the cap, never held whole; the declared id stands (issue 17). Served by
// a local HTTPS server (the harness's server mode), because request interception always adds a
// Content-Length.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, corpusText } from './harness.mjs';
import { hfPage } from './fixtures/huggingface/pages.mjs';
import { settled, HF } from './hf-site.mjs';

let b;
const table = new Map();
before(async () => {
  b = await launch({ server: true, routes: [[/^https:\/\/huggingface\.co\//, (u) => table.get(u.pathname)]] });
});
after(() => b?.close());

test('a license body over the cap without Content-Length is cut, not read; the declared id stands', async () => {
  for (const [id, priv] of [['acme-ai/streamed-public', false], ['acme-ai/streamed-private', true]]) {
    table.set(`/${id}`, { body: hfPage({ id, priv, cardData: { license: 'apache-2.0' } }) });
    const huge = `${corpusText('spdx/MIT.txt')}\n${'MIT License, once more.\n'.repeat(80000)}`; // ~1.9 MB, over the 1 MB cap
    table.set(`/${id}/raw/main/LICENSE`, { body: huge, contentType: 'text/plain; charset=utf-8', headers: { 'transfer-encoding': 'chunked' } });
    const page = await b.context.newPage();
    await page.goto(`${HF}/${id}`);
    const badge = await settled(page, { timeout: 15000 });
    assert.equal(badge.state, 'result', id);
    assert.equal(badge.license, 'Apache-2.0', `${id}: the declared id, not the oversized MIT text`);
    const asked = b.requests.filter((r) => r.url.endsWith(`/${id}/raw/main/LICENSE`));
    assert.equal(asked.length, 1, `${id}: asked once`);
    await page.close();
  }
});
