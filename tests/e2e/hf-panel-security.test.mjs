// The panel against a hostile page (issue 17, "a panel the page cannot read or open") and the panel's
// keyboard behaviour (issue 16): a page script's synthetic click opens nothing; once a person opened
// it, the page sees an empty host and no shadow root; a planted look-alike badge opens nothing; the
// keyboard opens it (Enter), Tab stays inside, Escape gives the focus back to the badge.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { corpusText } from './harness.mjs';
import { hfPage } from './fixtures/huggingface/pages.mjs';
import { hfBrowser, visit, inExtensionWorld, panelInPage, HF } from './hf-site.mjs';

let b;
before(async () => {
  b = await hfBrowser();
});
after(() => b?.close());

async function apachePage(id) {
  b.serve(`/${id}`, hfPage({ id, cardData: { license: 'apache-2.0' } }));
  b.serve(`/${id}/raw/main/LICENSE`, b.text(corpusText('spdx/Apache-2.0.txt')));
  return visit(b, `${HF}/${id}`);
}

const panels = (page) => page.evaluate(() => document.querySelectorAll('[data-fineprint-panel]').length);
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

test('a page script cannot open the panel, and cannot read it once a person did', async () => {
  const v = await apachePage('acme-ai/hostile-1');
  const { page } = v;
  // The badge is an open shadow root (its words are public anyway): a script can reach its button.
  await page.evaluate(() => {
    const btn = document.querySelector('[data-fineprint-badge]').shadowRoot.querySelector('button');
    btn.click();
    btn.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    btn.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  });
  await pause(800);
  assert.equal(await panels(page), 0, 'no panel from synthetic events');

  await page.locator('[data-fineprint-badge]').locator('button').click(); // a real (trusted) click
  await page.waitForSelector('[data-fineprint-panel]');
  const seen = await page.evaluate(() => {
    const host = document.querySelector('[data-fineprint-panel]');
    return { root: host.shadowRoot, text: host.textContent, inner: host.innerHTML, children: host.children.length };
  });
  assert.deepEqual(seen, { root: null, text: '', inner: '', children: 0 }, 'the page sees an empty host');
  // The extension's own world does see the content (the breakdown with its answers).
  const panel = await inExtensionWorld(page, panelInPage);
  assert.ok(Object.keys(panel.breakdown.answers).length === 5, `five answers: ${JSON.stringify(panel.breakdown.answers)}`);
  assert.deepEqual(v.errors(), []);
  await page.close();
});

test('a planted look-alike badge opens nothing and the real badge stays', async () => {
  const v = await apachePage('acme-ai/hostile-2');
  const { page } = v;
  await page.evaluate(() => {
    const fake = document.createElement('span');
    fake.setAttribute('data-fineprint-badge', '');
    fake.setAttribute('data-verdict', 'open-source-ai');
    fake.id = 'fake';
    const root = fake.attachShadow({ mode: 'open' });
    const btn = document.createElement('button');
    btn.textContent = '✓ Open source AI';
    root.append(btn);
    document.body.prepend(fake);
  });
  await page.locator('#fake').locator('button').click(); // trusted, but not our badge
  await pause(500);
  assert.equal(await panels(page), 0, 'the look-alike opens no panel');
  const own = await inExtensionWorld(page, () => {
    const all = [...document.querySelectorAll('[data-fineprint-badge]')];
    return { all: all.length, own: all.filter((e) => globalThis.FinePrintBadge.isOwn(e)).length,
      placedIsReal: globalThis.FinePrintBadge.placed()?.id !== 'fake' };
  });
  assert.deepEqual(own, { all: 2, own: 1, placedIsReal: true });
  await page.close();
});

test('keyboard: Enter opens the panel after the badge, Tab cycles inside, Escape returns to the badge', async () => {
  const v = await apachePage('acme-ai/keyboard');
  const { page } = v;
  await page.locator('[data-fineprint-badge]').locator('button').focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-fineprint-panel]');
  await page.waitForFunction(() => document.activeElement?.hasAttribute('data-fineprint-panel'));
  const order = await page.evaluate(() => document.querySelector('[data-fineprint-badge]').nextElementSibling?.hasAttribute('data-fineprint-panel'));
  assert.equal(order, true, 'the panel follows the badge in DOM order');
  // Many Tabs never leave the panel.
  for (let i = 0; i < 60; i++) await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.hasAttribute('data-fineprint-panel')), true, 'focus stays in the panel');
  for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.hasAttribute('data-fineprint-panel')), true);
  await page.keyboard.press('Escape');
  const after_ = await page.evaluate(() => {
    const badge = document.querySelector('[data-fineprint-badge]');
    return { panels: document.querySelectorAll('[data-fineprint-panel]').length, focus: document.activeElement === badge,
      expanded: badge.shadowRoot.querySelector('button').getAttribute('aria-expanded') };
  });
  assert.deepEqual(after_, { panels: 0, focus: true, expanded: 'false' });
  await page.close();
});

test('a look-alike badge in the page before the extension runs does not suppress the real one', async () => {
  const id = 'acme-ai/hostile-planted';
  const html = hfPage({ id, cardData: { license: 'apache-2.0' } })
    .replace(/<body([^>]*)>/, '<body$1><span id="fake" data-fineprint-badge data-fp-hub="huggingface" data-fineprint-hub="huggingface">✓ Open source AI</span>');
  assert.ok(html.includes('id="fake"'), 'the fixture carries the planted badge');
  b.serve(`/${id}`, html);
  b.serve(`/${id}/raw/main/LICENSE`, b.text(corpusText('spdx/Apache-2.0.txt')));
  const page = await b.context.newPage();
  await page.goto(`${HF}/${id}`);
  // Ours arrives beside the look-alike, with the engine's answer.
  await page.waitForFunction(() => [...document.querySelectorAll('[data-fineprint-badge]')]
    .some((e) => e.id !== 'fake' && e.getAttribute('data-state') === 'result'), null, { timeout: 15000 });
  const badges = await page.evaluate(() => [...document.querySelectorAll('[data-fineprint-badge]')]
    .map((e) => ({ fake: e.id === 'fake', license: e.getAttribute('data-license') })));
  assert.deepEqual(badges.filter((x) => !x.fake), [{ fake: false, license: 'Apache-2.0' }]);
  await page.close();
});
