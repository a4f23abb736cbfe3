// Hub adapters line up: one adapter file per hub, one manifest entry per adapter (Hugging Face's
// runtime and badge scripts, then hub-common.js, then the adapter), one fixture folder with a README per hub, host permissions only
// for hubs; and each adapter's URL predicate says yes to its own URLs and no to every other hub's.
// The worker's allow-list (background-hubs.js) refuses requests to any hub but the open page's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { ROOT, FIXTURES } from './harness.mjs';

const SITES = path.join(ROOT, 'extension/sites');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'manifest.json'), 'utf8'));
// Hugging Face's adapter and its reader (shared with the worker), and the other hubs' common code.
const HF_ONLY = ['huggingface.js', 'hf-read.js'];
const NOT_ADAPTERS = new Set(['hub-common.js', ...HF_ONLY]);
const hubs = fs.readdirSync(SITES).filter((f) => f.endsWith('.js') && !NOT_ADAPTERS.has(f)).map((f) => f.slice(0, -3)).sort();

// URLs each hub's adapter must accept (model pages); every other hub's adapter must refuse them.
const OWN_URLS = {
  ollama: ['https://ollama.com/library/magistral', 'https://ollama.com/library/gemma:2b', 'https://ollama.com/library/wizard-vicuna-uncensored:latest', 'https://ollama.com/someuser/mymodel:q4'],
  civitai: ['https://civitai.com/models/4201/realistic-vision-v60-b1', 'https://civitai.com/models/133005?modelVersionId=357609', 'https://civitai.com/models/4384'],
  modelscope: ['https://modelscope.cn/models/qwen/Qwen2.5-7B-Instruct', 'https://www.modelscope.cn/models/damo/nlp_structbert_backbone_base_std/summary', 'https://modelscope.cn/models/AI-ModelScope/stable-diffusion-v1-5/files'],
  kaggle: ['https://www.kaggle.com/models/google/gemma', 'https://www.kaggle.com/models/google/gemma/frameworks/pyTorch/variations/2b', 'https://www.kaggle.com/models/metaresearch/llama-3/transformers/8b'],
  github: ['https://github.com/THUDM/ChatGLM-6B', 'https://github.com/apple/ml-starflow', 'https://github.com/Kwai-Kolors/Kolors/tree/master'],
};
// URLs on the hubs' hosts that are not model pages: no adapter takes them.
const NOT_MODEL_PAGES = ['https://ollama.com/search', 'https://ollama.com/library', 'https://ollama.com/blog/some-post', 'https://civitai.com/images/123',
  'https://civitai.com/models', 'https://modelscope.cn/datasets/a/b', 'https://www.kaggle.com/datasets/a/b', 'https://www.kaggle.com/models',
  'https://github.com/settings/profile', 'https://github.com/THUDM', 'https://github.com/THUDM/ChatGLM-6B/issues/12', 'https://huggingface.co/Qwen/Qwen3-Coder-30B-A3B-Instruct'];

/** Load an adapter in a fresh context with a stub FinePrint and return what it registered. */
function loadAdapter(hub) {
  const registered = [];
  const sandbox = { FinePrint: { registerAdapter: (a) => registered.push(a) }, FinePrintHubs: {}, URL, console,
    FinePrintI18n: { t: (key) => key } }; // the words (shared/i18n.js loads before every adapter): keys will do here
  vm.createContext(sandbox);
  vm.runInContext(fs.readFileSync(path.join(SITES, `${hub}.js`), 'utf8'), sandbox, { filename: `${hub}.js` });
  assert.equal(registered.length, 1, `${hub}.js registers one adapter`);
  return registered[0];
}

test('every hub adapter has its manifest entry, its fixtures and its host permissions', () => {
  assert.ok(hubs.length >= 1);
  for (const hub of hubs) {
    const entries = manifest.content_scripts.filter((cs) => cs.js.includes(`extension/sites/${hub}.js`));
    assert.equal(entries.length, 1, `${hub}: one content_scripts entry`);
    // The same badge and panel as Hugging Face: its scripts, then hub-common.js, then the adapter.
    const hf = manifest.content_scripts.find((cs) => cs.js.includes('extension/sites/huggingface.js'));
    const shared = hf.js.filter((f) => !HF_ONLY.includes(path.basename(f)));
    assert.deepEqual(entries[0].js, [...shared, 'extension/sites/hub-common.js', `extension/sites/${hub}.js`], `${hub}: script order`);
    const dir = path.join(FIXTURES, hub);
    assert.ok(fs.existsSync(path.join(dir, 'README.md')), `${hub}: fixture folder with a README saying what is real and what is built`);
    const readme = fs.readFileSync(path.join(dir, 'README.md'), 'utf8');
    assert.match(readme, /real|BUILT/);
    for (const m of entries[0].matches) {
      // A content script's own page needs no host permission (its reads are same-origin): the hub's
      // page hosts are no host permissions (issue 17), only the hosts the worker fetches from are.
      assert.ok(!manifest.host_permissions.includes(m), `${hub}: ${m} is a content-script match, not a host permission`);
      // Each match pattern's host is the host of one of the adapter's own URLs.
      const host = new URL(m.replace('/*', '/')).hostname;
      assert.ok(OWN_URLS[hub].some((u) => new URL(u).hostname === host), `${hub}: ${host} is one of its hosts`);
    }
    assert.ok(fs.existsSync(path.join(ROOT, 'tests/e2e', `hubs-${hub}.test.mjs`)), `${hub}: a browser test`);
  }
  // The other way round: every manifest entry that loads hub-common.js names an adapter file that exists.
  for (const cs of manifest.content_scripts.filter((c) => c.js.includes('extension/sites/hub-common.js'))) {
    const adapter = cs.js[cs.js.length - 1];
    assert.ok(hubs.includes(path.basename(adapter, '.js')), `${adapter} has an adapter file`);
  }
  // Every hub this test knows has its adapter file and fixture folder, and every adapter is known here.
  assert.deepEqual(hubs, Object.keys(OWN_URLS).sort());
  for (const hub of Object.keys(OWN_URLS)) assert.ok(fs.existsSync(path.join(FIXTURES, hub)), `fixtures/${hub}`);
});

test('each adapter takes its own model pages and no other hub\'s', () => {
  const adapters = Object.fromEntries(hubs.map((h) => [h, loadAdapter(h)]));
  for (const [hub, adapter] of Object.entries(adapters)) {
    assert.equal(adapter.id, hub);
    assert.equal(typeof adapter.pageMatch, 'function', `${hub}: pageMatch`);
    for (const u of OWN_URLS[hub]) {
      assert.equal(adapter.pageMatch(new URL(u)), true, `${hub} takes ${u}`);
      assert.equal(adapter.detect(new URL(u)), true, `${hub} runs on ${u}`);
    }
    for (const [other, urls] of Object.entries(OWN_URLS)) {
      if (other === hub) continue;
      for (const u of urls) {
        assert.equal(adapter.pageMatch(new URL(u)), false, `${hub} refuses ${other}'s ${u}`);
        assert.equal(adapter.detect(new URL(u)), false, `${hub} does not run on ${other}'s ${u}`);
      }
    }
    for (const u of NOT_MODEL_PAGES) assert.equal(adapter.pageMatch(new URL(u)), false, `${hub} refuses ${u}`);
  }
});

test('the worker fetches only from the hub whose page is open', async () => {
  const { refusal, hubOfPage, senderPage, HUBS } = await import(path.join(ROOT, 'extension/background-hubs.js'));
  // The page is the sender's tab; a frame of another hub inside it gets no page at all.
  assert.equal(senderPage({ tab: { url: 'https://ollama.com/library/x' }, url: 'https://ollama.com/library/x' }), 'https://ollama.com/library/x');
  assert.equal(senderPage({ tab: { url: 'https://ollama.com/library/x' }, url: 'https://github.com/a/b' }), '');
  assert.equal(senderPage({}), '');
  for (const hub of hubs) assert.ok(HUBS[hub], `${hub} has an allow-list in background-hubs.js`);
  assert.equal(hubOfPage('https://ollama.com/library/gemma'), 'ollama');
  assert.equal(hubOfPage('https://evil.example/ollama.com'), null);
  assert.equal(refusal('https://ollama.com/library/gemma', 'https://registry.ollama.ai/v2/library/gemma/manifests/latest'), null);
  assert.match(refusal('https://ollama.com/library/gemma', 'https://raw.githubusercontent.com/a/b/HEAD/LICENSE'), /not a host of ollama/);
  assert.match(refusal('https://github.com/a/b', 'https://registry.ollama.ai/v2/library/gemma/manifests/latest'), /not a host of github/);
  assert.match(refusal('https://example.com/', 'https://registry.ollama.ai/v2/x/y/manifests/z'), /not a supported hub/);
  assert.match(refusal('https://ollama.com/library/gemma', 'http://registry.ollama.ai/v2/x'), /only https/);
  assert.match(refusal('https://ollama.com/library/gemma', 'https://user:pw@registry.ollama.ai/v2/x'), /credentials/);
  assert.match(refusal('https://ollama.com/library/gemma', 'https://registry.ollama.ai.evil.example/v2/x'), /not a host/);
  assert.match(refusal('', 'https://registry.ollama.ai/v2/x'), /not a supported hub/);
  // Every host the worker may fetch from is covered by a host permission, and no other host is:
  // huggingface.co (the worker reads public repositories' files and base models' metadata), and each
  // hub's `fetch` hosts (Ollama's registry, GitHub's raw file host).
  const needed = new Set(['https://huggingface.co/*']);
  for (const [hub, h] of Object.entries(HUBS)) {
    if (!hubs.includes(hub)) continue;
    for (const host of h.fetch) needed.add(`https://${host}/*`);
  }
  assert.deepEqual([...manifest.host_permissions].sort(), [...needed].sort());
});

test('Civitai base-model licenses: data that names known licenses and quotes their own words', () => {
  const table = JSON.parse(fs.readFileSync(path.join(SITES, 'civitai-base-licenses.json'), 'utf8'));
  const index = JSON.parse(fs.readFileSync(path.join(ROOT, 'crate/data/corpus/index.json'), 'utf8'));
  const files = new Map(index.map((e) => [e.id, e.file]));
  const squash = (s) => s.replace(/\s+/g, ' ').trim();
  const KEYS = ['image', 'rent', 'sell', 'merges', 'different_license'];
  assert.ok(Object.keys(table.base_models).length >= 40);
  for (const [base, key] of Object.entries(table.base_models)) assert.ok(table.licenses[key], `${base} -> ${key} has an entry`);
  let quotes = 0;
  for (const [key, lic] of Object.entries(table.licenses)) {
    assert.equal(typeof lic.name, 'string', key);
    if (lic.id === null) {
      assert.equal(lic.allows, undefined, `${key}: no text, so no claims about what it allows`);
      continue;
    }
    assert.ok(files.has(lic.id), `${key}: ${lic.id} is in the corpus`);
    const text = squash(fs.readFileSync(path.join(ROOT, 'crate/data/corpus', files.get(lic.id)), 'utf8'));
    assert.deepEqual(Object.keys(lic.allows).sort(), [...KEYS].sort(), `${key}: every permission answered`);
    for (const k of KEYS) {
      const v = lic.allows[k];
      assert.ok(['yes', 'no', 'conditional', 'unknown'].includes(v), `${key}.${k}: ${v}`);
      if (v === 'no' || v === 'conditional') {
        const quote = lic.evidence?.[k];
        assert.ok(quote, `${key}.${k} is "${v}" and must quote the license`);
        assert.ok(text.includes(squash(quote)), `${key}.${k}: quote not in ${files.get(lic.id)}: ${quote}`);
        quotes++;
      }
    }
  }
  assert.ok(quotes >= 20, `quotes checked: ${quotes}`);
});
