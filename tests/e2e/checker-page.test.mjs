// The checker page itself: the profile (kept in the browser, editable on the page), keyboard use,
// labels, a phone-sized screen, and the page opened as an extension page (CSP with wasm-unsafe-eval,
// profile in chrome.storage.sync shared with the extension's options).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, corpusText, launch } from './harness.mjs';
import { openChecker, result } from './checker-lib.mjs';

test('the profile is asked on the page, kept in localStorage, and survives a reload', async () => {
  const c = await openChecker();
  try {
    await c.page.fill('[data-fineprint-input]', corpusText('ai/llama-3.1-community.txt'));
    await result(c.page);
    // Nothing answered yet: no personal verdict, only the offer to answer (a default is not something the user said).
    assert.equal(await c.page.$eval('.fp-answer', (s) => s.dataset.outcome), 'none');
    assert.doesNotMatch(await c.page.textContent('.fp-answer'), /Not allowed for you|you said|Allowed for you/i);
    // The three most telling questions are asked right there.
    assert.deepEqual(await c.page.$$eval('.fp-answer .fp-inline-questions fieldset', (f) => f.map((x) => x.dataset.question)),
      ['use', 'region', 'output_training']);
    // "More questions" opens the rest and moves focus into them.
    await c.page.click('.fp-edit-profile');
    assert.equal(await c.page.$eval('#profile-box', (d) => d.open), true);
    assert.equal(await c.page.evaluate(() => document.activeElement?.closest('#profile') !== null), true);
    const questions = await c.page.$$eval('#profile fieldset legend', (l) => l.map((x) => x.textContent));
    assert.ok(questions.length >= 10, 'every question of profile.md');
    assert.ok(questions.includes('What will you use it for?'));
    await c.page.check('#profile input[name="use"][value="product"]');
    await c.page.check('#profile input[name="mau"][value="over_700m"]');
    await c.page.check('#profile input[name="fields"][value="medical"]');
    await c.page.check('#profile input[name="fields"][value="military"]');
    await c.page.waitForFunction(() => JSON.parse(localStorage.getItem('fp:profile') ?? 'null')?.answers?.fields?.length === 2);
    const stored = await c.page.evaluate(() => JSON.parse(localStorage.getItem('fp:profile')));
    assert.equal(stored.answers.use, 'product');
    assert.equal(stored.answers.mau, 'over_700m');
    assert.deepEqual(stored.answers.fields, ['medical', 'military']);
    assert.equal(stored.answers.region, 'not_sure', 'unanswered counts as not sure');
    // "None of these" excludes the other fields.
    await c.page.check('#profile input[name="fields"][value="none"]');
    await c.page.waitForFunction(() => JSON.parse(localStorage.getItem('fp:profile')).answers.fields.join() === 'none');
    assert.equal(await c.page.isChecked('#profile input[name="fields"][value="medical"]'), false);
    // The result updates with the profile: now a personal answer.
    await c.page.waitForFunction(() => document.querySelector('.fp-answer')?.dataset.outcome !== 'none');
    // An answer given inline is the same answer as on the form, kept in the same place.
    await c.page.click('.fp-answer .fp-inline-questions fieldset[data-question="region"] input[value="us"]');
    await c.page.waitForFunction(() => JSON.parse(localStorage.getItem('fp:profile')).answers.region === 'us');
    assert.equal(await c.page.isChecked('#profile input[name="region"][value="us"]'), true);
    assert.deepEqual(await c.page.$$eval('.fp-answer .fp-inline-questions fieldset', (f) => f.map((x) => x.dataset.question)),
      ['output_training'], 'answered questions are not asked again');
    await c.page.reload();
    await c.page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    assert.equal(await c.page.isChecked('#profile input[name="use"][value="product"]'), true);
    assert.equal(await c.page.isChecked('#profile input[name="fields"][value="none"]'), true);
    assert.deepEqual(c.requests, []);
  } finally {
    await c.close();
  }
});

test('the personal answer follows the profile on the page: over the user threshold needs the licensor, under it does not', async () => {
  const c = await openChecker();
  try {
    await c.page.fill('[data-fineprint-input]', corpusText('ai/llama-3.1-community.txt'));
    await result(c.page);
    await c.page.click('#profile-box summary');
    // A product maker who can meet every other term of the license.
    const answers = { use: 'product', distribution: 'hosted', mau: 'over_700m', revenue: 'under_1m', region: 'us',
      output_training: 'no', redistribute: 'no', fields: 'none', attribution: 'yes', clickwrap: 'yes', foreign_law: 'yes', indemnity: 'yes', remote_updates: 'yes', termination: 'yes' };
    for (const [q, a] of Object.entries(answers)) await c.page.check(`#profile input[name="${q}"][value="${a}"]`);
    const answerOf = () => c.page.$eval('.fp-answer', (s) => ({ outcome: s.dataset.outcome, text: s.textContent,
      kinds: [...s.querySelectorAll('[data-kind]')].map((li) => `${li.dataset.kind}:${li.dataset.outcome}`) }));
    await c.page.waitForFunction(() => document.querySelector('.fp-answer')?.dataset.outcome === 'permission');
    const over = await answerOf();
    assert.ok(over.kinds.includes('mau_threshold:permission'), over.kinds.join(' '));
    assert.match(over.text, /Needs the licensor’s permission/);
    assert.match(over.text, /700,000,000 monthly active users/);
    await c.page.check('#profile input[name="mau"][value="under_1m"]');
    await c.page.waitForFunction(() => document.querySelector('.fp-answer')?.dataset.outcome !== 'permission');
    const under = await answerOf();
    assert.ok(['allowed', 'obligations'].includes(under.outcome), under.outcome);
    assert.ok(!under.kinds.some((k) => k.startsWith('mau_threshold')), under.kinds.join(' '));
    if (under.outcome === 'obligations') assert.match(under.text, /What you must do:/);
    // The license verdict beside it does not change with the profile.
    assert.equal(await c.page.getAttribute('[data-fineprint-result]', 'data-verdict'), 'restricted');
  } finally {
    await c.close();
  }
});

test('keyboard and labels: every control is labelled, and a quote can be shown in the text without a mouse', async () => {
  const c = await openChecker();
  try {
    const unlabelled = await c.page.evaluate(() => [...document.querySelectorAll('input, textarea, select, button')]
      .filter((e) => !(e.labels?.length || e.getAttribute('aria-label') || (e.tagName === 'BUTTON' && e.textContent.trim())))
      .map((e) => e.outerHTML.slice(0, 80)));
    assert.deepEqual(unlabelled, []);
    assert.equal(await c.page.getAttribute('#status', 'aria-live'), 'polite');
    // Tab from the text area to the Analyse button, press Enter.
    await c.page.fill('[data-fineprint-input]', corpusText('ai/llama-3.1-community.txt'));
    await c.page.focus('[data-fineprint-input]');
    await c.page.keyboard.press('Tab');
    assert.equal(await c.page.evaluate(() => document.activeElement.id), 'analyze');
    await c.page.keyboard.press('Enter');
    await result(c.page);
    assert.equal(await c.page.evaluate(() => document.activeElement.id), 'result', 'focus moves to the result');
    // The quotes sit behind each clause's disclosure: open it from the keyboard, then "Show in the text".
    const disclosure = c.page.locator('details.fp-quotes > summary').first();
    await disclosure.focus();
    await c.page.keyboard.press('Enter');
    const button = c.page.locator('.fp-evidence .fp-locate').first();
    await button.focus();
    await c.page.keyboard.press('Enter');
    const focused = await c.page.evaluate(() => ({ tag: document.activeElement.tagName, active: document.activeElement.classList.contains('active') }));
    assert.deepEqual(focused, { tag: 'MARK', active: true });
  } finally {
    await c.close();
  }
});

test('a phone-sized screen (375 px): nothing is wider than the screen, the text view sits under the breakdown', async () => {
  const c = await openChecker({ viewport: { width: 375, height: 740 } });
  try {
    await c.page.fill('[data-fineprint-input]', corpusText('ai/llama-3.1-community.txt'));
    await result(c.page);
    const layout = await c.page.evaluate(() => {
      const b = document.querySelector('.breakdown-col').getBoundingClientRect();
      const t = document.querySelector('.text-col').getBoundingClientRect();
      return { scroll: document.documentElement.scrollWidth, width: innerWidth, stacked: t.top >= b.bottom - 1,
        wide: [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > innerWidth + 1 && !e.closest('.doc-view'))
          .map((e) => e.tagName + '.' + e.className).slice(0, 5) };
    });
    assert.equal(layout.scroll, 375, `no horizontal scroll (${layout.wide.join(', ')})`);
    assert.deepEqual(layout.wide, []);
    assert.equal(layout.stacked, true);
  } finally {
    await c.close();
  }
});

test('as an extension page: the same WASM under the extension CSP, the profile in chrome.storage.sync', async () => {
  const ext = await launch();
  try {
    const page = await ext.context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e));
    await page.goto(`chrome-extension://${ext.extensionId}/extension/checker/index.html`);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    await page.fill('[data-fineprint-input]', corpusText('spdx/Apache-2.0.txt'));
    await page.click('#analyze');
    const r = await result(page);
    assert.equal(r.license, 'Apache-2.0');
    await page.click('#profile-box summary');
    await page.check('#profile input[name="use"][value="research"]');
    await page.waitForFunction(async () => (await chrome.storage.sync.get('fp:profile'))['fp:profile']?.answers?.use === 'research');
    const fromWorker = await ext.worker.evaluate(async () => (await chrome.storage.sync.get('fp:profile'))['fp:profile']?.answers?.use);
    assert.equal(fromWorker, 'research', 'the extension sees the same profile');
    assert.deepEqual(errors.map(String), []);
  } finally {
    await ext.close();
  }
});

test('published as the README says (five folders copied to a static host), it works, and keeps working offline', async () => {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'fineprint-site-'));
  for (const d of ['checker', 'ui', 'shared', 'pkg']) fs.cpSync(path.join(ROOT, 'extension', d), path.join(site, d), { recursive: true });
  fs.cpSync(path.join(ROOT, '_locales'), path.join(site, '_locales'), { recursive: true }); // the words
  const c = await openChecker({ dir: site });
  try {
    await c.context.setOffline(true);
    await c.page.fill('[data-fineprint-input]', corpusText('ai/llama-3.1-community.txt'));
    await c.page.click('#analyze');
    assert.equal((await result(c.page)).license, 'llama-3.1-community');
    assert.ok(await c.page.$$eval('#profile fieldset', (f) => f.length) >= 10, 'the profile questions came with the site');
    assert.deepEqual(c.requests, []);
    assert.deepEqual(c.errors.map(String), []);
  } finally {
    await c.close();
    fs.rmSync(site, { recursive: true, force: true });
  }
});

test('opened as a file, where browsers refuse its module and WASM, the page says how to open it instead', async () => {
  const { chromium } = await import('playwright-core');
  const { CHROMIUM } = await import('./harness.mjs');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.goto(`file://${path.join(ROOT, 'extension/checker/index.html')}`);
    await page.waitForFunction(() => document.querySelector('#status').dataset.kind === 'error');
    assert.match(await page.textContent('#status'), /cannot run when opened as a file.*static web server/);
    assert.equal(await page.getAttribute('#status', 'role'), 'alert');
  } finally {
    await browser.close();
  }
});
