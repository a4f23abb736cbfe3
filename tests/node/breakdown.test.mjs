// The shared breakdown renderer's data and pure helpers, loaded the way a content script loads it
// (a classic script run for its side effect on globalThis). Rendering itself is tested in Chromium:
// tests/e2e/checker-breakdown.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { execFileSync } from 'node:child_process';
import { ROOT } from './engine.mjs';

// The breakdown takes its words from the message files (extension/shared/i18n.js, loaded first on every
// page): here the English ones, read as the static checker reads them.
async function loadUI() {
  const fetch = async (url) => ({ ok: true, json: async () => JSON.parse(fs.readFileSync(path.join(ROOT, new URL(url).pathname), 'utf8')) });
  const sandbox = { Intl, URL, fetch, location: { href: 'http://127.0.0.1/extension/checker/index.html', pathname: '/extension/checker/index.html' }, navigator: { languages: ['en'] } };
  sandbox.globalThis = sandbox;
  vm.runInNewContext(fs.readFileSync(path.join(ROOT, 'extension/shared/i18n.js'), 'utf8'), sandbox);
  await sandbox.FinePrintI18n.load();
  vm.runInNewContext(fs.readFileSync(path.join(ROOT, 'extension/ui/breakdown.js'), 'utf8'), sandbox);
  return sandbox.FinePrintUI;
}
const UI = await loadUI();
const vocab = JSON.parse(fs.readFileSync(path.join(ROOT, 'crate/data/clause-kinds.json'), 'utf8')).clause_kinds;

test('the clause kinds in breakdown.js are generated from crate/data/clause-kinds.json and up to date', () => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/gen-clause-kinds.mjs'), '--check'], { stdio: 'pipe' });
  assert.deepEqual(Object.keys(UI.KINDS), vocab.map((k) => k.id));
  for (const k of vocab) {
    assert.deepEqual({ ...UI.KINDS[k.id] }, { label: k.label, why: k.why, severity: k.severity }, k.id);
  }
});

test('every clause kind of the vocabulary has exactly one breakdown group, and no group is invented', () => {
  const groupIds = new Set(UI.GROUPS.map((g) => g.id));
  assert.deepEqual([...groupIds], ['cant', 'only_if', 'must', 'vendor', 'legal', 'other']);
  const ids = vocab.map((k) => k.id);
  assert.deepEqual(Object.keys(UI.GROUP_OF_KIND).sort(), [...ids].sort(), 'kinds mapped = kinds in the vocabulary');
  for (const id of ids) {
    const g = UI.groupOf(id);
    assert.ok(groupIds.has(g) && g !== 'other', `${id} -> ${g}`);
  }
  // Blockers are things you can't do; a kind the page does not know is still shown, under "other".
  for (const k of vocab.filter((k) => k.severity === 'blocker')) assert.equal(UI.groupOf(k.id), 'cant', k.id);
  assert.equal(UI.groupOf('a_kind_from_a_newer_engine'), 'other');
  assert.equal(UI.groupOf('__proto__'), 'other');
  assert.equal(UI.groupOf('toString'), 'other');
});

test('utf8Index maps UTF-8 byte offsets to JS string indices, for every boundary of mixed text', () => {
  const texts = ['', 'plain ASCII', 'café “quoted” – ok', 'emoji 😀 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ok', '中文许可证：禁止商用。', 'a\u0301\r\n\t'];
  for (const s of texts) {
    const at = UI.utf8Index(s);
    let idx = 0;
    for (const ch of s) { // each code point's start
      const bytes = Buffer.byteLength(s.slice(0, idx), 'utf8');
      assert.equal(at(bytes), idx, `${JSON.stringify(s)} byte ${bytes}`);
      // an offset inside a multi-byte character maps to the character's start
      const len = Buffer.byteLength(ch, 'utf8');
      for (let k = 1; k < len; k++) assert.equal(at(bytes + k), idx, `${JSON.stringify(s)} inside ${ch}`);
      idx += ch.length;
    }
    assert.equal(at(Buffer.byteLength(s, 'utf8')), s.length);
    assert.equal(at(1e12), s.length);
    assert.equal(at(-5), 0);
    assert.equal(at(NaN), 0);
  }
});

test('utf8Index: a byte slice of the text equals the string slice it maps to', () => {
  const s = 'Licensee shall not use the Model in the EU — für “research” only 😀 (研究).';
  const buf = Buffer.from(s, 'utf8');
  const at = UI.utf8Index(s);
  const starts = [];
  for (let i = 0, b = 0; i < s.length;) {
    starts.push(b);
    const cp = s.codePointAt(i);
    const ch = String.fromCodePoint(cp);
    b += Buffer.byteLength(ch);
    i += ch.length;
  }
  for (const a of starts) for (const b of starts) {
    if (b < a) continue;
    assert.equal(s.slice(at(a), at(b)), buf.subarray(a, b).toString('utf8'));
  }
});

test('values are put in words: counts, dollars and regions', () => {
  assert.equal(UI.formatValue('mau_threshold', 700000000, 'users per month'), '700,000,000 users per month');
  assert.equal(UI.formatValue('mau_threshold', 700000000), '700,000,000 users');
  assert.equal(UI.formatValue('revenue_threshold', 1000000, 'USD per year'), '1,000,000 USD per year');
  assert.equal(UI.formatValue('revenue_threshold', 1000000, 'EUR per year'), '1,000,000 EUR per year', 'amounts keep their currency');
  assert.equal(UI.formatValue('revenue_threshold', 1000000), '1,000,000', 'no currency is assumed');
  assert.match(UI.formatValue('geo_exclusion', ['EU', 'GB']), /^European Union, .*\(GB\)$/);
  assert.equal(UI.formatValue('governing_law', 'California'), 'California');
  assert.equal(UI.formatValue('governing_law', null), '');
});
