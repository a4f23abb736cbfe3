// Faults that need a real HTTP server (issue 17), served by a local HTTPS server (the harness's
// server mode): request interception always adds a Content-Length and does not redirect fetches.
// - A license body over the cap with no Content-Length (chunked): read as a stream and cut at the
//   cap, never held whole; the declared id stands.
// - A redirect on LICENSE: followed while it stays on huggingface.co, and the result cached;
//   refused with its reason when it leaves, and the declared result cached for the revision.
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

test('a redirect on LICENSE: followed on huggingface.co and cached; off the site refused, the declared result cached', async () => {
  const id = 'acme-ai/renamed-model';
  table.set(`/${id}`, { body: hfPage({ id, cardData: { license: 'apache-2.0' } }) }); // declared Apache, the text MIT
  table.set(`/${id}/raw/main/LICENSE`, { status: 302, headers: { location: `${HF}/acme-ai/new-name/raw/main/LICENSE` }, body: '' });
  table.set('/acme-ai/new-name/raw/main/LICENSE', { body: corpusText('spdx/MIT.txt'), contentType: 'text/plain; charset=utf-8' });
  const visitBadge = async (pageId) => {
    const page = await b.context.newPage();
    await page.goto(`${HF}/${pageId}`);
    const badge = await settled(page, { timeout: 15000 });
    await page.close();
    return badge;
  };
  const reads = (path) => b.requests.filter((r) => new URL(r.url).pathname === path).length;
  assert.equal((await visitBadge(id)).license, 'MIT', 'the text at the end of the same-origin redirect was read');
  assert.equal(reads('/acme-ai/new-name/raw/main/LICENSE'), 1);
  assert.equal((await visitBadge(id)).license, 'MIT');
  assert.equal(reads(`/${id}/raw/main/LICENSE`), 1, 'cached: a revisit reads nothing');

  const off = 'acme-ai/redirected-away';
  table.set(`/${off}`, { body: hfPage({ id: off, cardData: { license: 'apache-2.0' } }) });
  table.set(`/${off}/raw/main/LICENSE`, { status: 302, headers: { location: 'https://cdn.example.org/LICENSE' }, body: '' });
  const first = await visitBadge(off);
  assert.deepEqual([first.state, first.license], ['result', 'Apache-2.0'], 'the declared id');
  const asked = reads(`/${off}/raw/main/LICENSE`); // the read, and the check that it redirects
  assert.equal((await visitBadge(off)).license, 'Apache-2.0');
  assert.equal(reads(`/${off}/raw/main/LICENSE`), asked, 'a refusal holds for the revision: cached, not asked again');
});
