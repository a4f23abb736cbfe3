// The panel's "For you" with no profile: no personal verdict, the three most telling questions asked
// right there (what you build, where you are, whether you train on outputs); an answer is stored by the
// worker and the section redraws with a personal answer that never says "you said" for a default. The
// worker takes only those questions, one valid answer at a time, from a content script.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { corpusText } from './harness.mjs';
import { hfPage } from './fixtures/huggingface/pages.mjs';
import { hfBrowser, visit, inExtensionWorld, HF } from './hf-site.mjs';

let b;
before(async () => {
  b = await hfBrowser();
});
after(() => b?.close());

/** The stored profile, read where the extension keeps it. */
async function storedProfile() {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/extension/options/options.html`);
  const v = await page.evaluate(async () => (await chrome.storage.sync.get('fp:profile'))['fp:profile'] ?? null);
  await page.close();
  return v;
}

async function clearProfile() {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/extension/options/options.html`);
  await page.evaluate(() => chrome.storage.sync.remove('fp:profile'));
  await page.close();
}

/** The panel's "For you" section, read in the content script's world (the panel's root is closed). */
function forYou(page) {
  return inExtensionWorld(page, () => {
    const host = document.querySelector('[data-fineprint-panel]');
    const sec = host && globalThis.FinePrintPanel.rootOf(host)?.querySelector('.fp-answer');
    if (!sec) return null;
    return {
      outcome: sec.dataset.outcome,
      text: sec.textContent,
      asked: [...sec.querySelectorAll('.fp-inline-questions fieldset')].map((f) => f.dataset.question),
      items: [...sec.querySelectorAll('.fp-answer-items li')].map((li) => ({
        kind: li.dataset.kind, outcome: li.dataset.outcome, blocker: li.hasAttribute('data-blocker'),
        said: li.querySelector('.fp-item-outcome')?.textContent ?? '',
      })),
    };
  });
}

/** Where an inline answer sits on screen, to click it as a person would (a trusted click). */
function answerBox(page, question, answer) {
  return inExtensionWorld(page, ([q, a]) => {
    const host = document.querySelector('[data-fineprint-panel]');
    const input = globalThis.FinePrintPanel.rootOf(host)?.querySelector(`.fp-inline-questions fieldset[data-question="${q}"] input[value="${a}"]`);
    if (!input) return null;
    input.scrollIntoView({ block: 'center' });
    const r = input.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }, [question, answer]);
}

async function waitFor(fn, what, timeout = 8000) {
  const until = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('no profile: no personal verdict, three questions inline; an answer is stored and the answer follows', async () => {
  await clearProfile();
  const id = 'acme-ai/llama-inline';
  b.serve(`/${id}`, hfPage({ id, cardData: { license: 'llama3.1', license_link: 'LICENSE' } }));
  b.serve(`/${id}/raw/main/LICENSE`, b.text(corpusText('ai/llama-3.1-community.txt')));
  const v = await visit(b, `${HF}/${id}`);
  await v.page.locator('[data-fineprint-badge] button').click();
  await v.page.waitForSelector('[data-fineprint-panel]');
  const first = await waitFor(() => forYou(v.page), 'the For you section');
  assert.equal(first.outcome, 'none', 'no personal verdict before any answer');
  assert.deepEqual(first.asked, ['use', 'region', 'output_training']);
  assert.doesNotMatch(first.text, /Not allowed for you|Allowed for you|you said|you named/i);

  const at = await answerBox(v.page, 'use', 'product');
  assert.ok(at, 'the "product" answer is on screen');
  await v.page.mouse.click(at.x, at.y);
  const after = await waitFor(async () => {
    const s = await forYou(v.page);
    return s && s.outcome !== 'none' ? s : null;
  }, 'the redrawn section');
  assert.deepEqual(after.asked, ['region', 'output_training'], 'the answered question is no longer asked');
  assert.ok(['allowed', 'obligations', 'permission', 'not_allowed'].includes(after.outcome), after.outcome);
  assert.doesNotMatch(after.text, /you said|you named/i, 'defaults are not put in the user\'s mouth');
  // Each item says its own outcome; the worst ones are marked as the blockers.
  assert.ok(after.items.length > 0);
  for (const i of after.items) assert.ok(i.said.length > 0, `${i.kind} shows its outcome`);
  if (after.outcome === 'not_allowed' || after.outcome === 'permission') {
    assert.ok(after.items.some((i) => i.blocker && i.outcome === after.outcome), 'the blocker is shown as the blocker');
  }
  const stored = await storedProfile();
  assert.equal(stored?.answers?.use, 'product', 'stored where the options page keeps it');
  assert.equal(stored?.answers?.region, 'not_sure');
  await v.page.close();
});

test('from a content script, the worker sets only an inline question, one valid answer at a time', async () => {
  await clearProfile();
  const id = 'acme-ai/apache-inline';
  b.serve(`/${id}`, hfPage({ id, cardData: { license: 'apache-2.0' } }));
  b.serve(`/${id}/raw/main/LICENSE`, b.text(corpusText('spdx/Apache-2.0.txt')));
  const v = await visit(b, `${HF}/${id}`);
  const sent = await inExtensionWorld(v.page, async () => {
    const send = (m) => chrome.runtime.sendMessage({ type: 'fp:profile-answer', report: { clauses: [] }, ...m });
    return {
      notInline: await send({ question: 'fields', answer: 'none' }),
      hidden: await send({ question: 'contract', answer: 'yes' }),
      badAnswer: await send({ question: 'use', answer: 'everything' }),
      whole: await chrome.runtime.sendMessage({ type: 'fp:profile-set', profile: { answers: { use: 'personal' } } }),
      good: await send({ question: 'region', answer: 'eu' }),
      read: await chrome.runtime.sendMessage({ type: 'fp:profile-get' }),
    };
  });
  // What a content script reads of the profile: the inline questions' answers and a count, no more.
  assert.deepEqual(Object.keys(sent.read.profile.answers).sort(), ['output_training', 'region', 'use']);
  assert.equal(sent.read.profile.answers.region, 'eu');
  assert.equal(sent.read.profile.answered, 1);
  assert.deepEqual(sent.read.questions.questions.map((q) => q.id), ['use', 'region', 'output_training']);
  assert.equal(sent.notInline.ok, false, JSON.stringify(sent.notInline));
  assert.equal(sent.hidden.ok, false);
  assert.equal(sent.badAnswer.ok, false);
  assert.equal(sent.whole.ok, false, 'the whole profile is set by extension pages only');
  assert.equal(sent.good.ok, true, JSON.stringify(sent.good));
  const stored = await storedProfile();
  assert.equal(stored.answers.region, 'eu');
  assert.deepEqual(stored.answers.fields, ['not_sure']);
  assert.equal(stored.answers.use, 'not_sure');
  await v.page.close();
});
