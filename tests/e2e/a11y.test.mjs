// Accessibility: axe-core (a devDependency, read from node_modules and evaluated in the page by the
// test only; it is never shipped) on the checker, the popup, the options page and the open panel, in
// light and dark. Every rule axe runs must pass: 0 violations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, corpusText } from './harness.mjs';
import { openChecker, result } from './checker-lib.mjs';
import { hfPage } from './fixtures/huggingface/pages.mjs';
import { hfBrowser, visit, tabIdOf, inExtensionWorld, HF } from './hf-site.mjs';

const AXE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** Run axe in `page` (DevTools evaluation: the page's CSP does not apply to it); `include`: selectors. */
async function axe(page, include = null) {
  if (!(await page.evaluate(() => typeof globalThis.axe === 'object'))) await page.evaluate(AXE);
  const results = await page.evaluate(async (inc) => {
    const r = await globalThis.axe.run(inc ? { include: inc } : document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 2).join('')}`) }));
  }, include);
  return results;
}

function noViolations(violations, where) {
  assert.deepEqual(violations, [], `${where}: ${violations.map((v) => `${v.id} (${v.help}): ${v.nodes.join(' | ')}`).join('\n')}`);
}

for (const colorScheme of ['light', 'dark']) {
  test(`checker (${colorScheme}): empty, with a result and with an error, at 1280 and 375 px`, async () => {
    for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 740 }]) {
      const c = await openChecker({ viewport });
      try {
        await c.page.emulateMedia({ colorScheme });
        noViolations(await axe(c.page), `empty checker ${viewport.width}`);
        await c.page.fill('[data-fineprint-input]', corpusText('ai/llama-3.1-community.txt'));
        await result(c.page);
        await c.page.locator('details.fp-quotes > summary').first().click(); // a quote shown too
        noViolations(await axe(c.page), `checker with the Llama 3.1 result ${viewport.width}`);
        await c.page.fill('#model', 'not a model id!');
        await c.page.click('#model-go');
        await c.page.waitForSelector('#status[data-kind="error"]');
        noViolations(await axe(c.page), `checker with an error ${viewport.width}`);
      } finally {
        await c.close();
      }
    }
  });
}

let b;
before(async () => {
  b = await hfBrowser();
});
after(() => b?.close());

function llamaModel(id) {
  b.serve(`/${id}`, hfPage({ id, cardData: { license: 'llama3.1', license_link: 'LICENSE' } }));
  b.serve(`/${id}/raw/main/LICENSE`, b.text(corpusText('ai/llama-3.1-community.txt')));
  b.serve(`/${id}/raw/main/USE_POLICY.md`, b.text(corpusText('ai/llama-3.1-aup.txt')));
}

test('popup and options page, light and dark: 0 violations', async () => {
  const id = 'acme-ai/a11y-popup';
  llamaModel(id);
  const v = await visit(b, `${HF}/${id}`);
  const tabId = await tabIdOf(b, v.page);
  for (const colorScheme of ['light', 'dark']) {
    const popup = await b.context.newPage();
    await popup.emulateMedia({ colorScheme });
    await popup.goto(`chrome-extension://${b.extensionId}/extension/popup/popup.html?tab=${tabId}`);
    await popup.waitForSelector('#result[data-state="result"]');
    noViolations(await axe(popup), `popup on a model page (${colorScheme})`);
    // No tab result (a page that is no model page): the empty labels stay hidden.
    await popup.goto(`chrome-extension://${b.extensionId}/extension/popup/popup.html?tab=999999`);
    await popup.waitForLoadState('load');
    noViolations(await axe(popup), `popup on another page (${colorScheme})`);
    await popup.close();

    const options = await b.context.newPage();
    await options.emulateMedia({ colorScheme });
    await options.goto(`chrome-extension://${b.extensionId}/extension/options/options.html`);
    await options.waitForSelector('fieldset');
    await options.locator(`input[name="use"][value="${colorScheme === 'light' ? 'product' : 'research'}"]`).check();
    await options.waitForFunction(() => /Saved/.test(document.querySelector('fieldset[data-question="use"] .saved')?.textContent ?? ''));
    noViolations(await axe(options), `options page (${colorScheme})`);
    await options.close();
  }
  await v.page.close();
});

/**
 * The open panel's content, copied into an open shadow root beside it (run in the extension's world,
 * the only one that holds the closed root): axe reads open roots only. The copy keeps the markup and
 * the style sheets; the real panel stays closed to the page.
 */
function copyPanelForAxe() {
  const host = document.querySelector('[data-fineprint-panel]');
  const root = globalThis.FinePrintPanel.rootOf(host);
  document.getElementById('fp-axe-copy')?.remove();
  const copy = document.createElement('div');
  copy.id = 'fp-axe-copy';
  copy.setAttribute('data-theme', host.getAttribute('data-theme'));
  copy.setAttribute('style', 'all: initial; display: block; position: relative;');
  const open = copy.attachShadow({ mode: 'open' });
  open.adoptedStyleSheets = [...root.adoptedStyleSheets];
  for (const n of root.childNodes) open.append(n.cloneNode(true));
  // The panel's own place: right after the badge.
  host.insertAdjacentElement('afterend', copy);
  return open.querySelectorAll('[role="dialog"] *').length;
}

for (const theme of ['light', 'dark']) {
  test(`the open panel and the badge (${theme} page): a result, a gated error, 0 violations`, async () => {
    const id = `acme-ai/a11y-panel-${theme}`;
    b.serve(`/${id}`, hfPage({ id, theme, cardData: { license: 'llama3.1', license_link: 'LICENSE' } }));
    b.serve(`/${id}/raw/main/LICENSE`, b.text(corpusText('ai/llama-3.1-community.txt')));
    b.serve(`/${id}/raw/main/USE_POLICY.md`, b.text(corpusText('ai/llama-3.1-aup.txt')));
    const v = await visit(b, `${HF}/${id}`);
    noViolations(await axe(v.page, [['[data-fineprint-badge]']]), 'the badge');
    await v.page.locator('[data-fineprint-badge]').locator('button').click();
    await v.page.waitForSelector('[data-fineprint-panel]');
    assert.ok(await inExtensionWorld(v.page, copyPanelForAxe) > 50, 'the panel has content');
    noViolations(await axe(v.page, [['#fp-axe-copy']]), 'the panel with the Llama 3.1 breakdown');
    await v.page.close();

    const gated = `acme-ai/a11y-gated-${theme}`;
    b.serve(`/${gated}`, hfPage({ id: gated, theme, gated: 'auto', cardData: { license: 'other' } }));
    b.serve(`/api/models/${gated}`, b.json({ id: gated, gated: 'auto', cardData: { license: 'other' } }));
    for (const f of ['LICENSE', 'LICENSE.md', 'LICENSE.txt']) b.serve(`/${gated}/raw/main/${f}`, { status: 401, body: 'unauthorized' });
    const g = await visit(b, `${HF}/${gated}`);
    noViolations(await axe(g.page, [['[data-fineprint-badge]']]), 'the error badge');
    await g.page.locator('[data-fineprint-badge]').locator('button').click();
    await g.page.waitForSelector('[data-fineprint-panel]');
    await inExtensionWorld(g.page, copyPanelForAxe);
    noViolations(await axe(g.page, [['#fp-axe-copy']]), 'the panel of a gated model');
    await g.page.close();
  });
}
