// Localization in the browser: no UI string bypasses the message files (_locales/).
//  - The checker with a pseudo-locale (every English message wrapped in ⟦…⟧, served in place of en):
//    any visible word outside the brackets did not come from a message file.
//  - The checker, and the extension's badge, panel, popup and options page, in Chinese (zh-CN): no
//    English word is visible but in the license's own words (quotes, the text, names, ids, links).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, corpusText, extensionCopy } from './harness.mjs';
import { openChecker, result } from './checker-lib.mjs';
import { hfBrowser, visit, inExtensionWorld, tabIdOf, HF } from './hf-site.mjs';
import { hfPage, apiAnswer } from './fixtures/huggingface/pages.mjs';

// Where words are not ours to translate: the license's words, the text itself, names and ids, links.
const DATA = ['blockquote', 'code', 'q', 'del', 'ins', 'textarea', 'input', '.fp-mono', '.fp-license', '.doc-view', '.doc-list',
  '.fp-facts li[data-match] q', 'a[href^="http"]', '#engine-version', '.notes', '.fp-lineage .fp-mono'];
// Words that stay as they are in Chinese: names of things, formats, units, abbreviations.
const KEEP = new Set(['Fine', 'Print', 'Hugging', 'Face', 'API', 'LICENSE', 'NOTICE', 'MiB', 'KiB', 'OSI', 'HTTP', 'UTF', 'Markdown',
  'copyleft', 'owner', 'model', 'meta', 'llama', 'Llama', 'MOF', 'README', 'html', 'txt', 'md']);

/** The visible text of `root`'s elements, outside the DATA elements and outside quoted words (“…”). Runs in the page. */
function visibleWords({ data, selector }) {
  const root = selector ? document.querySelector(selector) : document.body;
  const skip = (el) => data.some((s) => el.closest(s));
  const out = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || skip(el) || !el.checkVisibility?.()) continue;
    if (el.closest('details:not([open])') && !el.closest('summary')) continue;
    out.push(n.textContent);
  }
  for (const el of root.querySelectorAll('[placeholder], [aria-label], [title]')) {
    if (skip(el)) continue;
    for (const a of ['placeholder', 'aria-label', 'title']) if (el.getAttribute(a)) out.push(el.getAttribute(a));
  }
  return out.join('\n');
}

/** The names and values a report takes from the license's text: the license's, the others', the clauses' words. */
const namesOf = (report) => [report.license?.name, report.license?.id, ...(report.also_found ?? []).flatMap((l) => [l.name, l.id]),
  ...(report.clauses ?? []).map((c) => (typeof c.value === 'string' ? c.value : '')),
  // What the core's sentences quote as given (names and ids it read): the text arguments of their messages.
  ...[...(report.warning_messages ?? []), ...(report.verdict?.reason_messages ?? [])].flatMap(function texts(m) {
    return (m?.args ?? []).flatMap((a) => (typeof a === 'string' ? a.split(/,\s*/) : a && typeof a === 'object' && a.id ? texts(a) : []));
  })];

/** English words left in `text` (names in `names`, the KEEP words, and quoted words aside). */
function english(text, names = []) {
  let t = text.replace(/“[^”]*”|"[^"]*"/g, ' ');
  for (const n of names.filter(Boolean).sort((a, b) => b.length - a.length)) t = t.split(n).join(' ');
  return (t.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !KEEP.has(w));
}

async function checkerWith(page, docs) {
  await page.evaluate((ds) => {
    const dt = new DataTransfer();
    for (const [name, text] of ds) dt.items.add(new File([text], name));
    document.querySelector('#drop').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, docs);
  return result(page);
}

const CASES = [
  [['LICENSE', corpusText('ai/llama-3.1-community.txt')], ['USE_POLICY.md', corpusText('ai/llama-3.1-aup.txt')]],
  [['LICENSE', corpusText('spdx/Apache-2.0.txt')]],
  [['LICENSE', corpusText('spdx/MIT.txt').replace('without restriction', 'without restriction, except for commercial use,')]],
  [['LICENSE', corpusText('ai/creativeml-openrail-m.txt')]],
  [['LICENSE', corpusText('spdx/CC-BY-NC-4.0.txt')]],
  // The core's rarer sentences: a passage in another language, a changed open text, a license named.
  [['LICENSE', `${corpusText('spdx/Apache-2.0.txt')}\n\nDie Nutzung ist nur für die Forschung gestattet und nicht für kommerzielle Zwecke, es sei denn, der Lizenzgeber hat dies schriftlich erlaubt.\n`]],
  [['LICENSE', corpusText('spdx/MIT.txt').replace('sublicense, and/or sell', 'and/or sublicense')]],
  [['README.md', 'The model weights are licensed under CC-BY-NC-4.0, and the code in this repository under the MIT License.']],
];

test('the checker in a pseudo-locale: every visible word comes from the message files', async () => {
  const en = JSON.parse(fs.readFileSync(path.join(ROOT, '_locales/en/messages.json'), 'utf8'));
  const pseudo = Object.fromEntries(Object.entries(en).map(([k, v]) => [k, { message: k === 'locale' ? v.message : `⟦${v.message}⟧` }]));
  const c = await openChecker({ locale: 'en-US' });
  try {
    // The page reads its words again, from the pseudo file.
    await c.context.route('**/_locales/en/messages.json', (route) => route.fulfill({ body: JSON.stringify(pseudo), contentType: 'application/json' }));
    await c.page.reload();
    await c.page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    assert.match(await c.page.locator('#analyze').textContent(), /^⟦.+⟧$/, 'the pseudo file is in use');
    for (const docs of CASES) {
      await c.page.click('#clear');
      const r = await checkerWith(c.page, docs);
      await c.page.locator('details.fp-quotes > summary').first().click().catch(() => {});
      let text = await c.page.evaluate(visibleWords, { data: DATA });
      // Strip the bracketed messages, innermost first: what is left was not said by a message.
      for (let prev = ''; prev !== text;) { prev = text; text = text.replace(/⟦[^⟦⟧]*⟧/g, ' '); }
      const left = english(text, [...namesOf(r.report), ...r.docs]);
      assert.deepEqual(left, [], `${r.report.license?.id}: words outside the message files`);
    }
    assert.deepEqual(c.errors.map(String), []);
  } finally {
    await c.close();
  }
});

test('the checker in Chinese: no English outside the license\'s own words', async () => {
  const c = await openChecker({ locale: 'zh-CN' });
  try {
    assert.equal(await c.page.evaluate(() => document.documentElement.lang), 'zh-CN');
    assert.equal(await c.page.locator('#analyze').textContent(), '分析');
    for (const docs of CASES) {
      await c.page.click('#clear');
      const r = await checkerWith(c.page, docs);
      const text = await c.page.evaluate(visibleWords, { data: DATA });
      const left = english(text, [...namesOf(r.report), ...r.docs]);
      assert.deepEqual(left, [], `${r.report.license?.id}: English left in the Chinese page`);
      assert.match(text, /许可证/);
    }
    // The pasted text is a document too: its name is ours, in Chinese.
    await c.page.click('#clear');
    await c.page.fill('[data-fineprint-input]', corpusText('spdx/MIT.txt'));
    await c.page.click('#analyze');
    assert.deepEqual((await result(c.page)).docs, ['粘贴的文本']);
    // Numbers and plurals per locale: the user threshold in Chinese units.
    await c.page.click('#clear');
    await checkerWith(c.page, CASES[0]);
    const cell = await c.page.locator('[data-question="commercial_use"] .fp-cell-summary').textContent();
    assert.match(cell, /7亿/);
    assert.deepEqual(c.errors.map(String), []);
  } finally {
    await c.close();
  }
});

/** Serve `base` as a gated Llama 3 model whose prompt holds its license (as Meta's do). */
function serveLlamaBase(b, base) {
  const gated = apiAnswer('api-meta-llama__Llama-3.2-3B-gated.json');
  b.serve(`/api/models/${base}`, b.json({ ...gated, id: base, modelId: base,
    cardData: { ...gated.cardData, license: 'llama3', extra_gated_prompt: corpusText('ai/llama-3-community.txt') } }));
}

/**
 * The panel's words (runs in the extension's world: its shadow root is closed): the visible text of
 * `section` (default: the whole dialog) outside the DATA elements and outside closed folds, or with
 * every fold opened first (`open`); with `attrs`, its aria-labels and titles too. Also the title, the
 * documents' names and the number of notes (muted lines and paragraphs).
 */
function panelText({ data, section, open, attrs }) {
  const root = globalThis.FinePrintPanel.rootOf(document.querySelector('[data-fineprint-panel]'));
  const dialog = root.querySelector('[role="dialog"]');
  const box = section ? dialog.querySelector(section) : dialog;
  if (open) for (const d of dialog.querySelectorAll('details')) d.open = true;
  const out = [];
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (data.some((s) => el.closest(s)) || !el.checkVisibility()) continue;
    if (el.closest('details:not([open])') && !el.closest('summary')) continue;
    out.push(n.textContent);
  }
  if (attrs) for (const el of box.querySelectorAll('[aria-label], [title]')) for (const a of ['aria-label', 'title']) if (el.getAttribute(a)) out.push(el.getAttribute(a));
  return { text: out.join('\n'), title: root.querySelector('h2')?.textContent ?? '', docs: [...dialog.querySelectorAll('dl.kv dd')].map((d) => d.textContent),
    notes: box.querySelectorAll('li .fp-muted, p').length };
}

/** Open the badge's panel and read it ({@link panelText}). */
async function openAndRead(page, opts = {}) {
  await page.locator('[data-fineprint-badge] button').click();
  await page.waitForSelector('[data-fineprint-panel]');
  await page.waitForTimeout(400);
  return inExtensionWorld(page, panelText, { data: DATA, ...opts });
}

test('the extension in Chinese: badge, panel, popup and options speak it (chrome.i18n)', async () => {
  const b = await hfBrowser({ lang: 'zh-CN' });
  try {
    const id = 'meta-llama/Llama-3.1-8B-Instruct';
    b.serve(`/${id}`, hfPage({ id, cardData: { license: 'llama3.1', license_link: 'LICENSE' } }));
    b.serve(`/${id}/raw/main/LICENSE`, b.text(corpusText('ai/llama-3.1-community.txt')));
    b.serve(`/${id}/raw/main/USE_POLICY.md`, b.text(corpusText('ai/llama-3.1-aup.txt')));
    const v = await visit(b, `${HF}/${id}`);
    const badgeText = await v.page.evaluate(() => document.querySelector('[data-fineprint-badge]').shadowRoot.querySelector('.text').textContent);
    assert.equal(badgeText, '可商用 · 有条件');
    const panel = await openAndRead(v.page);
    assert.equal(panel.title, 'Fine Print：此许可证允许你做什么');
    const names = ['Llama 3.1 Community License Agreement', 'Llama 3.1 Acceptable Use Policy', 'llama-3.1-community', 'State of California', 'LICENSE', 'USE_POLICY.md', ...panel.docs];
    assert.deepEqual(english(panel.text, names), [], panel.text);
    assert.match(panel.text, /月活跃用户少于 7亿/);

    const tabId = await tabIdOf(b, v.page);
    const popup = await b.context.newPage();
    await popup.goto(`chrome-extension://${b.extensionId}/extension/popup/popup.html?tab=${tabId}`);
    await popup.waitForFunction(() => document.querySelector('#result').dataset.state === 'result');
    const popupText = await popup.evaluate(visibleWords, { data: ['#page', '#license'] });
    assert.deepEqual(english(popupText), [], popupText);
    assert.equal(await popup.title(), 'Fine Print');
    assert.match(popupText, /打开完整解读|检查许可证文本/);

    const options = await b.context.newPage();
    await options.goto(`chrome-extension://${b.extensionId}/extension/options/options.html`);
    await options.waitForSelector('fieldset');
    await options.locator('input[name="use"][value="product"]').check();
    await options.waitForFunction(() => document.querySelector('#status').textContent);
    const optionsText = await options.evaluate(visibleWords, { data: [] });
    assert.deepEqual(english(optionsText), [], optionsText);
    assert.match(optionsText, /已保存/);

    // A fine-tune labelled Apache of a gated Llama base: the ancestry's warning, the base's note and
    // the relabel, all written by the core, in Chinese too.
    const base = 'meta-llama/Meta-Llama-3-8B';
    const tune = 'acme-ai/llama3-apache-tune';
    serveLlamaBase(b, base);
    b.serve(`/${tune}`, hfPage({ id: tune, cardData: { license: 'apache-2.0', base_model: base } }));
    b.serve(`/${tune}/raw/main/LICENSE`, b.text(corpusText('spdx/Apache-2.0.txt')));
    const d = await visit(b, `${HF}/${tune}`);
    assert.equal(d.badge.verdict, 'open-weights-restricted');
    const lineage = await openAndRead(d.page, { section: '[data-fineprint-lineage]' });
    assert.ok(lineage.notes >= 2, lineage.text);
    assert.deepEqual(english(lineage.text, [base, tune, 'apache-2.0', 'Apache-2.0', 'Meta Llama 3 Community License Agreement (with appended AUP)', 'Meta Llama 3 Community License Agreement', 'Llama 3 Community License']), [], lineage.text);
    assert.match(lineage.text, /基于/);
    assert.deepEqual(b.pageErrors?.map(String) ?? [], []);
  } finally {
    await b.close();
  }
});

test('the extension in a pseudo-locale: every word of the badge and the panel comes from the message files', async () => {
  // A copy of the extension whose English messages are each wrapped in ⟦…⟧ (the browser speaks English).
  const dir = extensionCopy((m) => m);
  const en = JSON.parse(fs.readFileSync(path.join(ROOT, '_locales/en/messages.json'), 'utf8'));
  const pseudo = Object.fromEntries(Object.entries(en).map(([k, v]) => [k, { ...v, message: ['locale', 'list_separator', 'ext_name'].includes(k) ? v.message : `⟦${v.message}⟧` }]));
  fs.writeFileSync(path.join(dir, '_locales/en/messages.json'), JSON.stringify(pseudo));
  const b = await hfBrowser({ lang: 'en-US', extensionDir: dir });
  try {
    const base = 'meta-llama/Meta-Llama-3-8B';
    serveLlamaBase(b, base);
    const cases = [
      ['meta-llama/Llama-3.1-8B-Instruct', { license: 'llama3.1', license_link: 'LICENSE' },
        { LICENSE: corpusText('ai/llama-3.1-community.txt'), 'USE_POLICY.md': corpusText('ai/llama-3.1-aup.txt') }],
      ['acme-ai/llama3-apache-tune', { license: 'apache-2.0', base_model: base }, { LICENSE: corpusText('spdx/Apache-2.0.txt') }],
      ['acme-ai/changed-mit', { license: 'mit' }, { LICENSE: corpusText('spdx/MIT.txt').replace('sublicense, and/or sell', 'and/or sublicense') }],
    ];
    for (const [id, cardData, files] of cases) {
      b.serve(`/${id}`, hfPage({ id, cardData }));
      for (const [name, text] of Object.entries(files)) b.serve(`/${id}/raw/main/${name}`, b.text(text));
      const v = await visit(b, `${HF}/${id}`);
      assert.equal(v.badge.state, 'result', id);
      assert.match(v.badge.text, /⟦.*⟧/s, `${id}: the badge says a message: ${v.badge.text}`);
      // Every fold open, so that the clause quotes' neighbours and the recipe are read too.
      const got = await openAndRead(v.page, { open: true, attrs: true });
      let text = got.text;
      for (let prev = ''; prev !== text;) { prev = text; text = text.replace(/⟦[^⟦⟧]*⟧/g, ' '); }
      const names = [id, base, ...Object.keys(files), ...got.docs, 'Llama 3.1 Community License Agreement', 'Llama 3.1 Acceptable Use Policy',
        'Meta Llama 3 Community License Agreement (with appended AUP)', 'Apache License 2.0', 'Apache-2.0', 'apache-2.0', 'MIT License', 'MIT',
        'llama-3.1-community', 'llama3.1', 'State of California'];
      assert.deepEqual(english(text, names), [], `${id}: words outside the message files:\n${text}`);
      await v.page.close();
    }
    assert.deepEqual(b.pageErrors?.map(String) ?? [], []);
  } finally {
    await b.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
