// The worker decides for itself (issue 17): messages are checked against their sender. A content
// script cannot write another repository's cache entry, read another tab's result, change the
// profile or ask for the bench's timings; another hub's content script cannot ask Hugging Face
// questions; a crafted license_link cannot make the page fetch outside the repository.
// Messages are sent from inside the extension's content-script world (a compromised renderer or
// an adapter's bug can do exactly that), through the DevTools protocol.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, corpusText } from './harness.mjs';
import { hfPage } from './fixtures/huggingface/pages.mjs';
import { visit, fetched, HF } from './hf-site.mjs';

let b;
const table = new Map();
before(async () => {
  // FINEPRINT_EXTENSION_DIR: run the same probes against another build of the extension (the
  // "before" column of issue 17's table was taken this way, from the previous commit's extension).
  b = await launch({
    extensionDir: process.env.FINEPRINT_EXTENSION_DIR || undefined,
    routes: [
      [/^https:\/\/huggingface\.co\//, (u) => table.get(u.pathname)],
      [/^https:\/\/civitai\.com\//, () => ({ body: '<!doctype html><html><head><title>Civitai</title></head><body><main>A page</main></body></html>' })],
      [/^https:\/\/ollama\.com\//, () => ({ body: '<!doctype html><html><head><title>Ollama</title></head><body><main>A page</main></body></html>' })],
    ],
  });
});
after(() => b?.close());

const serve = (path, answer) => table.set(path, typeof answer === 'string' ? { body: answer } : answer);
const text = (body) => ({ body, contentType: 'text/plain; charset=utf-8' });
const REV = '2025-07-31T07:17:24.000Z'; // hfPage's lastModified

/** Evaluate `expression` (an async function's source) in the extension's content-script world of `page`. */
async function inContentScript(page, fn, arg) {
  const s = await page.context().newCDPSession(page);
  const contexts = [];
  s.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await s.send('Runtime.enable');
  let ctx = null;
  for (let i = 0; i < 100 && !ctx; i++) {
    ctx = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin?.startsWith('chrome-extension://'));
    if (!ctx) await new Promise((r) => setTimeout(r, 20));
  }
  assert.ok(ctx, 'the extension\'s content-script world');
  const r = await s.send('Runtime.evaluate', {
    expression: `(${fn})(${JSON.stringify(arg)})`, contextId: ctx.id, awaitPromise: true, returnByValue: true,
  });
  await s.detach();
  if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
  return r.result.value;
}

const send = (page, msg) => inContentScript(page, (m) => chrome.runtime.sendMessage(m), msg);

test('a content script cannot write another repository\'s cache entry', async () => {
  // The victim: a non-commercial license. The attacker's page is another Hugging Face repository.
  serve('/victim/nc-model', hfPage({ id: 'victim/nc-model', cardData: { license: 'cc-by-nc-4.0' } }));
  serve('/victim/nc-model/raw/main/LICENSE', text(corpusText('spdx/CC-BY-NC-4.0.txt')));
  serve('/evil/model', hfPage({ id: 'evil/model', cardData: { license: 'mit' } }));
  serve('/evil/model/raw/main/LICENSE', text(corpusText('spdx/MIT.txt')));
  const evil = await visit(b, `${HF}/evil/model`);
  const victimKey = `hf:model:victim/nc-model@main#${REV}`;
  const mit = corpusText('spdx/MIT.txt');
  // The old message shape named the key; the new one names only a revision.
  const res = await send(evil.page, { type: 'fp:analyze', docs: [{ name: 'LICENSE', text: mit }], opts: {}, key: victimKey, lastModified: REV, meta: { docs: [{ name: 'LICENSE' }] } });
  assert.equal(res.ok, true, 'the analysis itself is answered');
  const keys = await b.worker.evaluate(async () => Object.keys(await chrome.storage.session.get(null)));
  assert.ok(!keys.some((k) => k.includes('victim/nc-model')), `no entry for the victim's repository: ${keys.join(', ')}`);
  const v = await visit(b, `${HF}/victim/nc-model`);
  assert.equal(v.badge.license, 'CC-BY-NC-4.0', 'the victim\'s own license, not the planted MIT');
  assert.equal(v.badge.verdict, 'non-commercial');
  assert.deepEqual(fetched(v.requests()), ['/victim/nc-model/raw/main/LICENSE'], 'read, not answered from a planted entry');
  for (const x of [evil, v]) await x.page.close();
});

test('privileged messages are refused to content scripts', async () => {
  serve('/acme-ai/plain', hfPage({ id: 'acme-ai/plain', cardData: { license: 'mit' } }));
  serve('/acme-ai/plain/raw/main/LICENSE', text(corpusText('spdx/MIT.txt')));
  const v = await visit(b, `${HF}/acme-ai/plain`);
  const before_ = await b.worker.evaluate(async () => (await chrome.storage.sync.get('fp:profile'))['fp:profile'] ?? null);
  for (const msg of [
    { type: 'fp:get-tab-result', tabId: 1 },
    { type: 'fp:profile-set', profile: { answers: { commercial: 'yes' } } },
    { type: 'fp:stats' },
    { type: 'fp:version' },
    { type: 'fp:no-such-message' },
  ]) {
    const res = await send(v.page, msg);
    assert.equal(res.ok, false, `${msg.type} refused`);
    assert.match(res.error, /refused/, msg.type);
  }
  const after_ = await b.worker.evaluate(async () => (await chrome.storage.sync.get('fp:profile'))['fp:profile'] ?? null);
  assert.deepEqual(after_, before_, 'the profile is unchanged');
  // Malformed messages change nothing and get a reason.
  for (const msg of [null, 'fp:analyze', { type: 'fp:analyze', docs: 'not a list' }, { type: 'fp:analyze', docs: Array(20).fill({ text: 'x' }) }]) {
    const res = await send(v.page, msg);
    assert.equal(res.ok, false, JSON.stringify(msg)?.slice(0, 40));
  }
  // Over the one cap (documents + model card + metadata): refused before the engine sees it.
  const big = await send(v.page, { type: 'fp:analyze', docs: [{ name: 'LICENSE', text: 'MIT License\n' }], opts: { model_card: 'x'.repeat(3 * 1024 * 1024) } });
  assert.equal(big.ok, false);
  assert.match(big.error, /MiB/);
  await v.page.close();
});

test('another hub\'s content script cannot ask Hugging Face questions or fill its cache', async () => {
  serve('/victim/public', hfPage({ id: 'victim/public', cardData: { license: 'apache-2.0' } }));
  serve('/victim/public/raw/main/LICENSE', text(corpusText('spdx/Apache-2.0.txt')));
  const page = await b.context.newPage();
  await page.goto('https://civitai.com/models/1/some-model');
  const read = await send(page, { type: 'fp:hf-read', repo: { id: 'victim/public', cardData: { license: 'apache-2.0' }, gated: false, private: false } });
  assert.equal(read.ok, false);
  assert.match(read.error, /not a Hugging Face repository page/);
  const keysBefore = await b.worker.evaluate(async () => Object.keys(await chrome.storage.session.get(null)).filter((k) => k.startsWith('fp:cache:')));
  await send(page, { type: 'fp:analyze', docs: [{ name: 'LICENSE', text: corpusText('spdx/MIT.txt') }], opts: {}, lastModified: REV, key: `hf:model:victim/public@main#${REV}` });
  const keysAfter = await b.worker.evaluate(async () => Object.keys(await chrome.storage.session.get(null)).filter((k) => k.startsWith('fp:cache:')));
  assert.deepEqual(keysAfter.sort(), keysBefore.sort(), 'nothing cached from another hub\'s page');
  const fetchHf = await send(page, { type: 'fp:hub-fetch', url: 'https://huggingface.co/api/whoami-v2' });
  assert.equal(fetchHf.ok, false, 'the worker fetches only from the sender hub\'s own hosts');
  await page.close();
});

test('a crafted license_link never leaves the repository, even on a private page read with the session', async () => {
  await b.context.addCookies([{ name: 'token', value: 'session-1', domain: 'huggingface.co', path: '/', secure: true, sameSite: 'Lax' }]);
  serve('/api/whoami-v2', { body: '{"name":"victim-user","auth":{"accessToken":{"role":"write"}}}', contentType: 'application/json' });
  const links = [
    '%2e%2e%2f%2e%2e%2fapi/whoami-v2',
    '..%2F..%2Fapi%2Fwhoami-v2',
    '%252e%252e%252f%252e%252e%252fapi/whoami-v2',
    // The probe of issue 17: decoded, four `..` climb from /{owner}/{repo}/raw/main/ to /api/whoami-v2.
    'https://huggingface.co/acme-ai/private-linked-3/resolve/main/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fapi/whoami-v2',
    'https://huggingface.co/api/whoami-v2',
  ];
  let n = 0;
  for (const link of links) {
    const id = `acme-ai/private-linked-${n++}`;
    serve(`/${id}`, hfPage({ id, priv: true, cardData: { license: 'other', license_name: 'acme', license_link: link } }));
    serve(`/${id}/raw/main/LICENSE`, text(corpusText('spdx/Apache-2.0.txt')));
    const v = await visit(b, `${HF}/${id}`);
    const paths = v.requests().map((r) => new URL(r.url).pathname);
    assert.ok(!paths.some((p) => p.startsWith('/api/whoami')), `${link}: no request outside the repository (${paths.join(', ')})`);
    assert.equal(v.badge.license, 'Apache-2.0', `${link}: the repository's own LICENSE`);
    await v.page.close();
  }
});

test('every field a content script sends is checked for its shape before it is used', async () => {
  const id = 'acme-ai/shapes';
  serve(`/${id}`, hfPage({ id, cardData: { license: 'mit' } }));
  serve(`/${id}/raw/main/LICENSE`, text(corpusText('spdx/MIT.txt')));
  const v = await visit(b, `${HF}/${id}`);
  const cacheKeys = () => b.worker.evaluate(async () => Object.keys(await chrome.storage.session.get(null)).filter((k) => k.startsWith('fp:cache:') && k !== 'fp:cache-index'));
  const tabResults = () => b.worker.evaluate(async () => Object.entries(await chrome.storage.session.get(null)).filter(([k]) => k.startsWith('fp:tab:') && k !== 'fp:tab-index'));
  const keysBefore = await cacheKeys();
  const tabsBefore = await tabResults();
  const mit = corpusText('spdx/MIT.txt');
  // A revision that is not a short string: refused, nothing analysed or cached (it used to be cached under an empty revision).
  for (const lastModified of [{ toString: 'x' }, ['2025'], 42, 'r'.repeat(65)]) {
    const res = await send(v.page, { type: 'fp:analyze', docs: [{ name: 'LICENSE', text: mit }], opts: {}, lastModified });
    assert.equal(res.ok, false, `ANALYZE lastModified ${JSON.stringify(lastModified).slice(0, 20)}`);
    assert.match(res.error, /bad message: lastModified/);
    const hit = await send(v.page, { type: 'fp:cached', lastModified });
    assert.match(String(hit.error), /bad message: lastModified/, `CACHED lastModified ${JSON.stringify(lastModified).slice(0, 20)}`);
  }
  assert.deepEqual((await cacheKeys()).sort(), keysBefore.sort(), 'nothing cached');
  // A tab result that is not an object: refused, the tab's recorded result unchanged.
  for (const summary of [undefined, 'result', ['result']]) {
    const res = await send(v.page, { type: 'fp:tab-result', summary });
    assert.equal(res.ok, false, `TAB_RESULT ${JSON.stringify(summary)}`);
    assert.match(res.error, /bad message: summary/);
  }
  assert.deepEqual(await tabResults(), tabsBefore, 'the tab\'s result is unchanged');
  await v.page.close();

  // A hub fetch's URL must be a string of a URL's size: a list that would stringify into an allowed URL is refused unfetched.
  const ollama = await b.context.newPage();
  await ollama.goto('https://ollama.com/'); // the hub's home: its content script runs, no adapter reads
  const from = b.requests.length;
  for (const url of [['https://registry.ollama.ai/v2/library/gemma/manifests/latest'], { href: 'https://registry.ollama.ai/' }, `https://registry.ollama.ai/${'a'.repeat(3000)}`]) {
    const res = await send(ollama, { type: 'fp:hub-fetch', url });
    assert.equal(res.ok, false);
    assert.match(res.error, /bad message: url/, JSON.stringify(url).slice(0, 40));
  }
  const data = await send(ollama, { type: 'fp:hub-data', name: ['civitai-base-licenses'] });
  assert.match(String(data.error), /bad message: name/, 'a data file name is a string');
  assert.deepEqual(b.requests.slice(from).filter((r) => r.url.includes('registry.ollama.ai')).map((r) => r.url), [], 'nothing fetched');
  await ollama.close();
});
