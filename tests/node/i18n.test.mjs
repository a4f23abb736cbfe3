// Localization: the message files (_locales/<locale>/messages.json) are complete in every locale, say
// what the data they mirror says (the clause vocabulary, the profile questions, the core's English
// summaries), and the shipped WASM's report messages render, in English, to exactly its English text.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { ROOT, loadEngine } from './engine.mjs';

const LOCALES = fs.readdirSync(path.join(ROOT, '_locales')).sort();
const files = Object.fromEntries(LOCALES.map((l) => [l, JSON.parse(fs.readFileSync(path.join(ROOT, '_locales', l, 'messages.json'), 'utf8'))]));
const en = files.en;

/** The placeholders a message uses: $1..$9 and $NAME$. */
const holes = (s) => [...new Set(s.replace(/\$\$/g, '').match(/\$(?:[1-9]|[A-Za-z_@][A-Za-z0-9_@]*\$)/g) ?? [])].sort();
/** A message's text as chrome.i18n shows it with no arguments ("$$" is a dollar sign). */
const plain = (s) => s?.replace(/\$\$/g, '$');

test('the locales are English and Simplified Chinese, and the manifest defaults to English', () => {
  assert.ok(LOCALES.includes('en') && LOCALES.includes('zh_CN'), LOCALES.join(' '));
  // The static checker knows which folders exist (it cannot list them): the same list.
  const src = fs.readFileSync(path.join(ROOT, 'extension/shared/i18n.js'), 'utf8');
  assert.deepEqual(JSON.parse(/const AVAILABLE = (\[[^\]]*\])/.exec(src)[1].replace(/'/g, '"')).sort(), LOCALES);
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'manifest.json'), 'utf8'));
  assert.equal(manifest.default_locale, 'en');
  for (const field of [manifest.name, manifest.description, manifest.action.default_title]) {
    const key = /^__MSG_(\w+)__$/.exec(field)?.[1];
    assert.ok(key, `${field} is a message`);
    for (const l of LOCALES) assert.ok(files[l][key]?.message, `${key} in ${l}`);
  }
});

test('every message is in every locale, with the same placeholders, and none is empty', () => {
  for (const l of LOCALES) {
    const missing = Object.keys(en).filter((k) => !(k in files[l]));
    const extra = Object.keys(files[l]).filter((k) => !(k in en));
    assert.deepEqual(missing, [], `missing in ${l}`);
    assert.deepEqual(extra, [], `only in ${l}`);
    for (const [k, v] of Object.entries(files[l])) {
      assert.match(k, /^[A-Za-z0-9_]+$/, `${l}/${k}: a chrome.i18n key`);
      assert.equal(typeof v.message, 'string', `${l}/${k}`);
      assert.ok(v.message.trim() || k === 'list_separator', `${l}/${k} is empty`);
      assert.deepEqual(holes(v.message), holes(en[k].message), `${l}/${k}: placeholders differ from en`);
    }
  }
  // chrome.i18n keys are case-insensitive: two keys differing only in case would collide.
  const lower = Object.keys(en).map((k) => k.toLowerCase());
  assert.equal(new Set(lower).size, lower.length);
});

test('Chinese is translated: a message with English words in en has Chinese in zh_CN', () => {
  // Words that stay as they are in Chinese text: names, file names, units, abbreviations.
  const KEEP = new Set(['Fine', 'Print', 'Hugging', 'Face', 'LICENSE', 'NOTICE', 'MiB', 'KiB', 'API', 'OSI', 'HTTP', 'UTF', 'README',
    'Markdown', 'copyleft', 'meta', 'llama', 'Llama', 'owner', 'model', 'md', 'txt', 'html', 'huggingface', 'co']);
  const untranslated = Object.entries(en).filter(([k, v]) => {
    if (k === 'locale') return false; // the locale's tag, not words
    const words = v.message.replace(/\$[0-9A-Za-z_@]+\$?/g, ' ').match(/[A-Za-z]{2,}/g) ?? [];
    if (!words.some((w) => !KEEP.has(w))) return false;
    return !/[\u4e00-\u9fff]/.test(files.zh_CN[k].message);
  }).map(([k]) => k);
  assert.deepEqual(untranslated, []);
});

test('the English messages say what the data they mirror says', () => {
  // Clause summaries and scope notes: crate/data/clauses.txt (the core's English).
  let kind = null;
  let q = 0;
  let n = 0;
  for (const line of fs.readFileSync(path.join(ROOT, 'crate/data/clauses.txt'), 'utf8').split('\n')) {
    if (line.startsWith('kind ')) { kind = line.slice(5).trim(); q = 0; }
    else if (line.startsWith('summary ') && kind !== '*') {
      const t = line.slice(8).trim();
      assert.equal(`${en[`clause_${kind}`]?.message}.`, t.replace('{value}', '$1'), `clause_${kind}`);
      n++;
    } else if (line.startsWith('qualify ') && kind !== '*') {
      q++;
      assert.equal(en[`qualify_${kind}_${q}`]?.message, line.split(' => ')[1].trim(), `qualify_${kind}_${q}`);
    }
  }
  assert.ok(n > 25, `${n} clause summaries`);
  // The clause vocabulary's labels and reasons.
  const kinds = JSON.parse(fs.readFileSync(path.join(ROOT, 'crate/data/clause-kinds.json'), 'utf8')).clause_kinds;
  for (const k of kinds) {
    assert.equal(en[`kind_${k.id}_label`]?.message, k.label, k.id);
    assert.equal(en[`kind_${k.id}_why`]?.message, k.why, k.id);
  }
  // The profile questions and their answers.
  const pq = JSON.parse(fs.readFileSync(path.join(ROOT, 'extension/shared/profile-questions.json'), 'utf8'));
  for (const qn of pq.questions) {
    assert.equal(plain(en[`profile_q_${qn.id}`]?.message), qn.text, qn.id);
    for (const a of qn.answers) assert.equal(plain(en[`profile_a_${qn.id}_${a.id}`]?.message), a.text, `${qn.id}/${a.id}`);
  }
});

test('the static pages: every visible text in their HTML is a message, and says what en says', () => {
  for (const rel of ['extension/checker/index.html', 'extension/popup/popup.html', 'extension/options/options.html']) {
    const html = fs.readFileSync(path.join(ROOT, rel), 'utf8').replace(/<!--[\s\S]*?-->/g, '').replace(/<noscript>[\s\S]*?<\/noscript>/g, '')
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, '');
    // Each element's own text (text between a tag and the next tag).
    const re = /<([a-z0-9]+)([^>]*)>([^<]*)/gi;
    let m;
    let seen = 0;
    while ((m = re.exec(html))) {
      const [, , attrs, raw] = m;
      const text = raw.replace(/\s+/g, ' ').trim();
      for (const a of ['placeholder', 'aria-label', 'title']) {
        const v = new RegExp(`\\s${a}="([^"]*)"`).exec(attrs)?.[1];
        if (!v) continue;
        const key = new RegExp(`data-i18n-attr="[^"]*\\b${a}:(\\w+)`).exec(attrs)?.[1];
        assert.ok(key, `${rel}: ${a}="${v}" is not a message`);
        assert.equal(en[key]?.message, v, `${rel}: ${key}`);
      }
      if (!/[A-Za-z]{2,}/.test(text)) continue;
      const key = /data-i18n="(\w+)"/.exec(attrs)?.[1];
      assert.ok(key, `${rel}: "${text}" is not a message`);
      assert.equal(en[key]?.message, text.replace(/&amp;/g, '&'), `${rel}: ${key}`);
      seen++;
    }
    assert.ok(seen >= 3, `${rel}: ${seen} texts`);
  }
});

test('what the checker says when it cannot start (boot.js, <noscript>) is its messages, in every locale', () => {
  // boot.js runs where the message files cannot be read (a page opened as a file): it carries the
  // two sentences per locale; they must be the message files' own.
  const ctx = { navigator: { languages: [] }, location: { protocol: 'file:' }, document: { addEventListener() {}, documentElement: { dataset: {} } },
    window: { addEventListener() {} } };
  const src = fs.readFileSync(path.join(ROOT, 'extension/checker/boot.js'), 'utf8');
  const said = vm.runInNewContext(src.replace(/\n  \/\/ The reader[\s\S]*$/, '\n  return SAID;\n})()'), ctx);
  assert.deepEqual(Object.keys(said).sort(), LOCALES);
  for (const l of LOCALES) {
    for (const key of ['checker_boot_file', 'checker_boot_failed']) assert.equal(said[l][key], files[l][key]?.message, `${l}/${key}`);
  }
  // Which one it shows: run it whole, for a Chinese and an English reader, on a page opened as a file.
  for (const [languages, locale] of [[['zh-CN', 'en'], 'zh_CN'], [['en-US'], 'en'], [['fr'], 'en']]) {
    const status = { textContent: '', dataset: {}, setAttribute() {} };
    let ready;
    const page = { navigator: { languages }, location: { protocol: 'file:' }, window: { addEventListener() {} },
      document: { documentElement: { dataset: {} }, getElementById: () => status, addEventListener: (_, f) => { ready = f; } } };
    vm.runInNewContext(src, page);
    ready();
    assert.equal(status.textContent, files[locale].checker_boot_file.message, languages.join());
  }
  // <noscript> (no script runs to pick a language): the sentence in every locale, each marked with its language.
  const html = fs.readFileSync(path.join(ROOT, 'extension/checker/index.html'), 'utf8');
  const noscript = /<noscript>([\s\S]*?)<\/noscript>/.exec(html)[1];
  for (const l of LOCALES) {
    assert.ok(noscript.includes(`lang="${files[l].locale?.message ?? l.replace('_', '-')}">${files[l].checker_noscript.message}<`), `${l} in <noscript>`);
  }
});

/** extension/shared/i18n.js as the static checker runs it: the message files fetched, for `languages`. */
async function i18n(languages) {
  const ctx = {
    Intl, URL, console,
    location: { href: 'http://127.0.0.1/extension/checker/index.html' },
    navigator: { languages },
    fetch: async (url) => {
      const p = path.join(ROOT, new URL(url).pathname);
      if (!fs.existsSync(p)) return { ok: false, status: 404 };
      return { ok: true, status: 200, json: async () => JSON.parse(fs.readFileSync(p, 'utf8')) };
    },
  };
  vm.createContext(ctx);
  vm.runInContext(fs.readFileSync(path.join(ROOT, 'extension/shared/i18n.js'), 'utf8'), ctx);
  await ctx.FinePrintI18n.load();
  return ctx.FinePrintI18n;
}

test('i18n.js picks the reader\'s language, falls back to English, and formats per locale', async () => {
  const zh = await i18n(['zh-CN', 'en']);
  assert.equal(zh.locale(), 'zh-CN');
  assert.equal((await i18n(['fr-FR', 'de'])).locale(), 'en');
  assert.equal((await i18n(['zh-Hans'])).locale(), 'zh-CN');
  const e = await i18n(['en-GB']);
  assert.equal(e.words(700000000), '700 million');
  assert.equal(e.words(1500000), '1.5 million');
  assert.equal(e.words(123456), '123,456');
  assert.equal(zh.words(700000000), '7亿');
  assert.equal(e.plural('checker_documents', 1), '1 document');
  assert.equal(e.plural('checker_documents', 3), '3 documents');
  assert.equal(zh.plural('checker_documents', 3), '3 个文档');
  assert.equal(e.t('changed_in_places_one', 1, 'MIT'), 'MIT was changed in 1 place. The verdict is about the text as given.');
  assert.equal(e.t('no_such_key'), 'no_such_key');
  assert.equal(e.render({ id: 'ans_not_in', args: [{ regions: ['EU', 'GB'] }] }), 'not in EU, GB');
  assert.equal(zh.render({ id: 'ans_not_in', args: [{ regions: ['EU'] }] }), '不得在欧盟');
});

/** Every message id a report message uses, nested ones too. */
function ids(msg, out = []) {
  if (!msg || typeof msg !== 'object') return out;
  if (typeof msg.id === 'string') out.push(msg.id);
  for (const a of msg.args ?? []) {
    if (a && typeof a === 'object') {
      if (Array.isArray(a.list)) a.list.forEach((x) => ids(x, out));
      else ids(a, out);
    }
  }
  return out;
}

test('the core\'s messages say its English summaries exactly, and exist in every locale', async () => {
  const engine = await loadEngine();
  const e = await i18n(['en']);
  const zh = await i18n(['zh-CN']);
  const dir = path.join(ROOT, 'crate/data/corpus');
  const index = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8'));
  const entries = (Array.isArray(index) ? index : index.licenses ?? Object.values(index)).filter((x) => x && typeof x === 'object');
  const texts = entries.map((x) => x.file ?? x.path).filter((f) => typeof f === 'string' && /^ai\//.test(f));
  const declared = ['llama3.1', 'apache-2.0', 'cc-by-nc-4.0', 'gemma', 'openrail', 'mit', 'other'];
  assert.ok(texts.length > 20, `${texts.length} AI license texts`);
  let checked = 0;
  const seenIds = new Set();
  const check = (msg, english, where) => {
    assert.ok(msg, `${where}: no message beside "${english}"`);
    assert.equal(e.render(msg), english, where);
    for (const id of ids(msg)) seenIds.add(id);
    const z = zh.render(msg);
    assert.ok(z && !/\b[a-z]+_[a-z_]+\b/.test(z.replace(/[“"][^”"]*[”"]/g, '')), `${where}: ${z}`);
    checked++;
  };
  // Models with base models (saved /api/models answers): the derived badge's words and the relabel warning.
  const hubDir = path.join(ROOT, 'crate/tests/fixtures/hub-metadata');
  const hub = new Map(fs.readdirSync(hubDir).filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(hubDir, f), 'utf8')).response).filter((m) => m && m.id).map((m) => [m.id, m]));
  const withBases = [...hub.values()].filter((m) => engine.baseModels(m).length).map((meta) => {
    const ancestors = [];
    for (let want = engine.pendingAncestors(meta, ancestors); want.length && ancestors.length < 20; want = engine.pendingAncestors(meta, ancestors)) {
      for (const id of want) ancestors.push(hub.has(id) ? { id, metadata: hub.get(id) } : { id, error: 'HTTP 404' });
    }
    return [meta.id, engine.analyze([], { hf_metadata: meta, ancestors })];
  });
  assert.ok(withBases.length >= 3, `${withBases.length} models with bases`);
  // Texts that make the core say its rarer sentences: passages it cannot read, changed open texts,
  // licenses named rather than given, a declared id that is not the text's.
  const spdx = (id) => fs.readFileSync(path.join(dir, 'spdx', `${id}.txt`), 'utf8');
  const one = (text, opts = {}) => engine.analyze([{ name: 'LICENSE', text }], opts);
  const edges = [
    ['Apache + German', one(`${spdx('Apache-2.0')}\n\nDie Nutzung ist nur für die Forschung gestattet und nicht für kommerzielle Zwecke, es sei denn, der Lizenzgeber hat dies schriftlich erlaubt.\n`)],
    ['MIT + Chinese', one(`${spdx('MIT')}\n\n本软件的中文说明：这是一个示例项目的介绍文字，与许可条款无关，仅供参考阅读。\n`)],
    ['MIT + reversed', one(spdx('MIT').replace('without restriction', 'without \u202Enoitcirtser\u202C restriction'))],
    ['MIT + disguised', one(`${spdx('MIT')}\nY\u043Eu m\u0430y n\u043Et use the S\u043Eftware f\u043Er c\u043Emmercial purp\u043Eses.\n`)],
    ['MIT narrowed', one(spdx('MIT').replace('without restriction', 'without restriction, except for commercial use,'))],
    ['MIT less', one(spdx('MIT').replace('sublicense, and/or sell', 'and/or sublicense'))],
    ['OpenMDW changed', one(spdx('OpenMDW-1.0').replace('infringe any patent,', 'infringe any patent or copyright,'))],
    ['named several', one('The model weights are licensed under CC-BY-NC-4.0, and the code in this repository under the MIT License.')],
    ['named one', one('This model is licensed under the Apache License, Version 2.0.', { hf_license: 'mit' })],
    ['declared mismatch', one(spdx('MIT'), { hf_license: 'apache-2.0' })],
  ];
  const reports = [
    ...edges,
    ...texts.map((f) => [f, engine.analyze([{ name: 'LICENSE', text: fs.readFileSync(path.join(dir, f), 'utf8') }], {})]),
    ...declared.map((id) => [id, engine.analyze([], { hf_license: id })]),
    ...withBases,
  ];
  for (const [name, r] of reports) {
    for (const c of r.clauses) check(c.message, c.summary, `${name}: clause ${c.kind}`);
    for (const a of r.answers) check(a.message, a.summary, `${name}: answer ${a.question}`);
    if (r.in_short) check(r.in_short_message, r.in_short, `${name}: in_short`);
    check(r.badge.message, r.badge.text, `${name}: badge`);
    check(r.verdict.message, r.verdict.label, `${name}: verdict`);
    if (r.lineage?.relabel) check(r.lineage.relabel_message, r.lineage.relabel, `${name}: relabel`);
    // Every reason, warning and ancestry note the core writes has its message (none is left in English only).
    r.verdict.reasons.forEach((reason, i) => check(r.verdict.reason_messages?.[i], reason, `${name}: reason ${i}`));
    (r.warnings ?? []).forEach((w, i) => check(r.warning_messages?.[i], w, `${name}: warning ${i}`));
    (r.lineage?.notes ?? []).forEach((n, i) => check(r.lineage.note_messages?.[i], n, `${name}: lineage note ${i}`));
    for (const n of r.lineage?.chain ?? []) if (n.note) check(n.note_message, n.note, `${name}: note of ${n.id}`);
  }
  // The personal answer, for someone unsure of everything (the riskiest reading) and for a hobbyist.
  const hobby = { purpose: 'personal', distribution: ['only_me'], monthly_users: 'under_1m', revenue: 'under_1m', regions: ['us'],
    output_training: 'no', redistribute_changed: 'no', fields: ['none'], can_credit: 'yes', accept_terms: 'yes' };
  for (const [name, r] of reports) {
    for (const profile of [undefined, hobby]) {
      const a = engine.personalAnswer(r, profile);
      for (const c of a.clauses) {
        check(c.message, c.reason, `${name}: personal ${c.kind}`);
        const obligations = c.obligations ?? []; // absent when none
        assert.equal(c.obligation_messages?.length ?? 0, obligations.length, `${name}: ${c.kind} obligations`);
        obligations.forEach((o, i) => check(c.obligation_messages[i], o, `${name}: obligation of ${c.kind}`));
      }
      a.obligations.forEach((o, i) => check(a.obligation_messages[i], o, `${name}: obligation ${i}`));
      check(a.note_message, a.note, `${name}: note`);
    }
  }
  for (const id of seenIds) for (const l of LOCALES) assert.ok(files[l][id], `${id} in ${l}`);
  // The sweep reaches the core's rarer sentences (else it would check nothing of them).
  for (const id of ['core_unread_language', 'core_unread_chinese', 'core_unread_reordered', 'core_lang_german', 'core_warn_declared_mismatch',
    'core_warn_names_several_weights', 'core_reason_changed_in_substance', 'core_reason_changed_inside_read', 'core_reason_rest_reads_as',
    'core_note_not_hub_id', 'core_node_not_open', 'core_warn_base_unassessed_may']) assert.ok(seenIds.has(id), `${id} reached`);
  assert.ok(checked > 500, `${checked} messages checked`);
});
