// Faults and a hostile page in real headless Firefox (issue 17), as tests/e2e/hf-faults.test.mjs and
// hf-panel-security.test.mjs check them in Chromium: a LICENSE that is missing (404) or refused (403),
// 429 and 500 from the hub, a background that never answers (the page's message timeout), and a page
// whose own script clicks the badge and plants a look-alike.
// Driven as tests/firefox/hf-firefox.test.mjs is (firefox.mjs: geckodriver, a local proxy serving the
// committed fixtures).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchFirefox, HF, EXTENSION_ORIGIN } from './firefox.mjs';
import { corpusText } from '../e2e/harness.mjs';
import { badgeInPage } from '../e2e/hf-site.mjs';
import { hfPage } from '../e2e/fixtures/huggingface/pages.mjs';

let ff;
before(async () => {
  ff = await launchFirefox();
});
after(() => ff?.close());

const APACHE = corpusText('spdx/Apache-2.0.txt');
const MIT = corpusText('spdx/MIT.txt');
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Open a page and wait for the extension's settled badge (a planted look-alike, id "fake", is not
 * one); returns what it shows, the license files the extension asked for, and the add-on's errors.
 */
async function visit(url) {
  const from = ff.hub.requests.length;
  const logFrom = ff.log().length;
  await ff.goto(url);
  const badge = await ff.waitFor(`() => {
    const el = [...document.querySelectorAll('[data-fineprint-badge]')].find((e) => e.id !== 'fake'
      && ['result', 'error'].includes(e.getAttribute('data-state')));
    return el && (${badgeInPage})(el);
  }`, { what: 'a settled Fine Print badge' });
  const reads = () => ff.hub.requests.slice(from).filter((r) => r.dest === 'empty' && /\/raw\/main\/LICEN[CS]E/.test(r.path)).map((r) => r.path);
  const errors = () => ff.log().slice(logFrom).split('\n')
    .filter((l) => /^JavaScript error: (moz-extension:|https:\/\/huggingface\.co)|\[Fine Print\]/.test(l));
  return { badge, reads, errors };
}

test('Firefox, a LICENSE missing (404) or refused (403): the declared id, never a verdict from nothing', async () => {
  const missing = 'acme-ai/ff-license-404';
  ff.serve(`/${missing}`, hfPage({ id: missing, cardData: { license: 'apache-2.0' } }));
  // Every license file 404s (the fake hub's default for an unknown path).
  const a = await visit(`${HF}/${missing}`);
  assert.deepEqual([a.badge.state, a.badge.license, a.badge.verdict], ['result', 'Apache-2.0', 'open-weights-permissive'], 'from the declared id');
  assert.ok(a.reads().includes(`/${missing}/raw/main/LICENSE`), `LICENSE was asked for: ${a.reads()}`);
  assert.deepEqual(a.errors(), [], 'no script error');

  const nothing = 'acme-ai/ff-license-404-other';
  ff.serve(`/${nothing}`, hfPage({ id: nothing, cardData: { license: 'other' } }));
  const b = await visit(`${HF}/${nothing}`);
  assert.deepEqual([b.badge.state, b.badge.reason, b.badge.license, b.badge.verdict], ['error', 'not-found', '', 'unknown'], 'no text and an id nobody knows: none found');

  const gated = 'acme-ai/ff-license-403';
  ff.serve(`/${gated}`, hfPage({ id: gated, gated: 'manual', cardData: { license: 'apache-2.0' } }));
  ff.serve(`/api/models/${gated}`, ff.json({ id: gated, gated: 'manual', cardData: { license: 'apache-2.0' } }));
  for (const f of ['LICENSE', 'LICENSE.md', 'LICENSE.txt']) ff.serve(`/${gated}/raw/main/${f}`, { status: 403, body: 'Access restricted', contentType: 'text/plain' });
  const c = await visit(`${HF}/${gated}`);
  assert.deepEqual([c.badge.state, c.badge.license], ['result', 'Apache-2.0'], 'the declared id while the file is behind the access form');
  assert.ok(c.reads().includes(`/${gated}/raw/main/LICENSE`));
  assert.deepEqual([...b.errors(), ...c.errors()], [], 'no script error');
});

test('Firefox, 429 and 500 from the hub on the license: the declared id for now, and the next visit reads again', async () => {
  for (const status of [429, 500]) {
    const id = `acme-ai/ff-http-${status}`;
    ff.serve(`/${id}`, hfPage({ id, cardData: { license: 'apache-2.0' } }));
    ff.serve(`/${id}/raw/main/LICENSE`, { status, body: 'busy', contentType: 'text/plain' });
    const first = await visit(`${HF}/${id}`);
    assert.deepEqual([first.badge.state, first.badge.license], ['result', 'Apache-2.0'], `${status}: from the declared id`);
    // A passing failure is not cached: once the hub answers, the text is read and decides.
    ff.serve(`/${id}/raw/main/LICENSE`, ff.text(MIT));
    const again = await visit(`${HF}/${id}`);
    assert.deepEqual(again.reads(), [`/${id}/raw/main/LICENSE`], `${status}: read again`);
    assert.deepEqual([again.badge.license, again.badge.verdict], ['MIT', 'open-weights-permissive'], `${status}: the text, once it could be read`);
    assert.deepEqual([...first.errors(), ...again.errors()], [], 'no script error');
  }
});

test('Firefox, a hostile page: its script\'s clicks open no panel, and a planted badge neither suppresses nor replaces the real one', async () => {
  const id = 'acme-ai/ff-hostile';
  // The page's own script (the page's world, not WebDriver's): it clicks every badge's button as soon
  // as it is there, in every way a script can, and notes what it could open and read.
  const script = `<script>
    const seen = { clicks: 0, panels: 0, panelText: '', panelRoot: false };
    setInterval(() => {
      for (const badge of document.querySelectorAll('[data-fineprint-badge]')) {
        const btn = badge.shadowRoot && badge.shadowRoot.querySelector('button');
        if (!btn) continue;
        btn.click();
        btn.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        btn.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
        seen.clicks++;
      }
      const panel = document.querySelector('[data-fineprint-panel]');
      if (panel) { seen.panels++; seen.panelText += panel.textContent; seen.panelRoot ||= !!panel.shadowRoot; }
      document.documentElement.setAttribute('data-hostile', JSON.stringify(seen));
    }, 50);
  </script>`;
  const planted = '<span id="fake" data-fineprint-badge data-fp-hub="huggingface" data-state="result" data-license="MIT" data-verdict="open-source-ai">✓ Open source AI</span>';
  const html = hfPage({ id, cardData: { license: 'apache-2.0' } }).replace(/<body([^>]*)>/, `<body$1>${planted}`).replace('</body>', `${script}</body>`);
  assert.ok(html.includes('id="fake"') && html.includes('data-hostile'), 'the fixture carries the planted badge and the script');
  ff.serve(`/${id}`, html);
  ff.serve(`/${id}/raw/main/LICENSE`, ff.text(APACHE));
  const v = await visit(`${HF}/${id}`);
  // Not suppressed: the extension's own badge is there, with the engine's answer for the real text.
  assert.deepEqual([v.badge.state, v.badge.license, v.badge.verdict], ['result', 'Apache-2.0', 'open-weights-permissive']);
  // Not replaced: the look-alike is left as the page made it, and only one badge is the extension's.
  const badges = await ff.run(() => [...document.querySelectorAll('[data-fineprint-badge]')].map((e) => ({
    fake: e.id === 'fake', license: e.getAttribute('data-license'), verdict: e.getAttribute('data-verdict'), shadow: !!e.shadowRoot,
  })));
  assert.deepEqual(badges.filter((x) => x.fake), [{ fake: true, license: 'MIT', verdict: 'open-source-ai', shadow: false }], 'the look-alike untouched');
  assert.deepEqual(badges.filter((x) => !x.fake).map((x) => x.license), ['Apache-2.0'], 'one real badge');

  // The page's script has clicked the real badge many times by now: no panel opened.
  await pause(1000);
  const seen = JSON.parse(await ff.run(() => document.documentElement.getAttribute('data-hostile')));
  assert.ok(seen.clicks >= 5, `the page's script clicked the badge (${seen.clicks} times)`);
  assert.deepEqual([seen.panels, seen.panelText, seen.panelRoot], [0, '', false], 'no panel from a page script\'s clicks');
  // A person's click (WebDriver's, trusted) on the look-alike opens nothing either.
  await ff.click(await ff.run(() => document.getElementById('fake')));
  await pause(500);
  assert.equal(await ff.run(() => document.querySelectorAll('[data-fineprint-panel]').length), 0, 'the look-alike opens no panel');
  // A person's click on the real badge opens it; the page's script, still clicking, sees an empty host.
  await ff.click(await ff.run(() => [...document.querySelectorAll('[data-fineprint-badge]')].find((e) => e.id !== 'fake').shadowRoot.querySelector('button')));
  await ff.waitFor(() => !!document.querySelector('[data-fineprint-panel]'), { timeout: 5000, what: 'the panel' });
  await pause(300);
  const after_ = JSON.parse(await ff.run(() => document.documentElement.getAttribute('data-hostile')));
  assert.ok(after_.panels > 0, 'the page\'s script saw the panel\'s host');
  assert.deepEqual([after_.panelText, after_.panelRoot], ['', false], 'and could read nothing in it');
  assert.deepEqual(v.errors(), [], 'no script error');
});

/** Run `fn` (async, self-contained) in one of the add-on's own pages, in a second tab, then come back. */
async function inAddonPage(fn) {
  const home = await ff.tab();
  await ff.switchTo(await ff.newTab());
  try {
    await ff.goto(`${EXTENSION_ORIGIN}/extension/options/options.html`);
    return await ff.runAsync(fn);
  } finally {
    await ff.closeTab();
    await ff.switchTo(home);
  }
}

test('Firefox, a background that never answers: after the page\'s message bound, an error badge with a retry', async () => {
  // The bound (30 s) shortened through the add-on's storage.local, which no page can write; the
  // background's reads of the hub then hang, so it never answers.
  await inAddonPage(async () => {
    await browser.storage.local.set({ 'fp:message-timeout-ms': 1500 });
    const bg = await browser.runtime.getBackgroundPage();
    bg.fpRealFetch ??= bg.fetch;
    // Its reads of the hub hang (its own files, the engine's module among them, still load).
    bg.fetch = (url, init) => (String(url).startsWith('https://huggingface.co/') ? new Promise(() => {}) : bg.fpRealFetch(url, init));
    return true;
  });
  const id = 'acme-ai/ff-background-hangs';
  ff.serve(`/${id}`, hfPage({ id, cardData: { license: 'apache-2.0' } }));
  ff.serve(`/${id}/raw/main/LICENSE`, ff.text(APACHE));
  try {
    const v = await visit(`${HF}/${id}`);
    assert.deepEqual([v.badge.state, v.badge.reason, v.badge.license], ['error', 'timeout', '']);
    assert.match(v.badge.text, /did not answer/);
    assert.deepEqual(v.reads(), [], 'the page read nothing itself, with or without the session');
    // The background answers again; a person opens the panel and clicks Try again.
    await inAddonPage(async () => {
      const bg = await browser.runtime.getBackgroundPage();
      bg.fetch = bg.fpRealFetch;
      return true;
    });
    await ff.click(await ff.run(() => document.querySelector('[data-fineprint-badge]').shadowRoot.querySelector('button')));
    await ff.waitFor(() => !!document.querySelector('[data-fineprint-panel]'), { timeout: 5000, what: 'the panel' });
    const root = await ff.shadowRoot(await ff.run(() => document.querySelector('[data-fineprint-panel]')));
    // The button may sit below the fold of the headless window: focused, then Enter (a person's key, trusted).
    assert.equal(await ff.run((r) => { const b = r.querySelector('[data-fineprint-help="timeout"] button.retry'); b?.focus(); return b?.textContent; }, root), 'Try again');
    await ff.press('\uE007');
    assert.equal(await ff.run(() => document.activeElement?.hasAttribute('data-fineprint-badge')), true, 'the focus moves to the new badge');
    const again = await ff.waitFor(`() => { const el = document.querySelector('[data-fineprint-badge][data-state="result"]'); return el && (${badgeInPage})(el); }`,
      { what: 'the badge after Try again' });
    assert.deepEqual([again.license, again.verdict, again.count], ['Apache-2.0', 'open-weights-permissive', 1]);
    assert.deepEqual(v.errors(), [], 'no script error');
  } finally {
    await inAddonPage(async () => {
      await browser.storage.local.remove('fp:message-timeout-ms');
      const bg = await browser.runtime.getBackgroundPage();
      if (bg.fpRealFetch) bg.fetch = bg.fpRealFetch;
      return true;
    });
  }
});
