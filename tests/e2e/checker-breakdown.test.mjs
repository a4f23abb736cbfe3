// The shared breakdown renderer (extension/ui/breakdown.js) in Chromium, with a hand-built report that
// uses the whole contract: clauses of every group, a modified license with changes, a personal answer,
// and hostile markup everywhere text can come from a license or a page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openChecker } from './checker-lib.mjs';

const HOSTILE = '<img src=x onerror="globalThis.__pwned=1"><script>globalThis.__pwned=2</script><b>bold</b>';
const report = {
  license: { id: 'llama-3.1-community', name: `Llama 3.1 ${HOSTILE}`, match: 'modified', confidence: 0.93, doc: 0,
    changes: [
      { kind: 'replaced', text: '7 million', original: '700 million', doc: 0, start: 10, end: 19 },
      { kind: 'added', text: `and ${HOSTILE}`, doc: 0, start: 30, end: 60 },
      { kind: 'removed', text: '', original: 'in its sole discretion', doc: 1, start: 5, end: 5 },
    ] },
  verdict: { class: 'restricted', label: 'Restricted', reasons: ['User threshold', HOSTILE] },
  osi_approved: false,
  clauses: [
    { kind: 'trademark_withheld', summary: 'No trademark license.', evidence: [{ doc: 0, quote: 'no trademark licenses', start: 1, end: 22 }] },
    { kind: 'mau_threshold', summary: 'Over 700M MAU you need a license.', value: 700000000, unit: 'users per month', evidence: [{ doc: 0, quote: '700 million monthly active users', start: 100, end: 132 }] },
    { kind: 'geo_exclusion', summary: 'Not licensed in the EU.', value: ['EU', 'GB'], evidence: [{ doc: 1, quote: `EU ${HOSTILE}`, start: 7, end: 40 }] },
    { kind: 'noncommercial', summary: HOSTILE, evidence: [{ doc: 0, quote: 'non-commercial', start: 200, end: 214 }, { doc: 1, quote: 'NonCommercial', start: 300, end: 313 }] },
    { kind: 'attribution_display', summary: 'Show “Built with Llama”.', value: 'Built with Llama', evidence: [{ doc: 0, quote: 'Built with Llama', start: 400, end: 416 }] },
    { kind: 'remote_control_updates', summary: 'May restrict remotely.', evidence: [{ doc: 0, quote: 'restrict (remotely or otherwise)', start: 500, end: 532 }] },
    { kind: 'a_kind_from_a_newer_engine', summary: 'Something new.', evidence: [{ doc: 0, quote: 'new words', start: 600, end: 609 }] },
  ],
  badge: { class: 'open-weights-restricted', text: 'Open weights, restricted' },
  also_found: [{ id: 'llama-3.1-aup', name: 'Llama 3.1 Acceptable Use Policy', match: 'exact', confidence: 1, changes: [], doc: 1 }],
  warnings: [HOSTILE],
  disclaimer: 'Not legal advice (test).',
};
const docs = [{ name: `LICENSE ${HOSTILE}`, text: '' }, { name: 'USE_POLICY.md', text: '' }];
// The shape of the engine's personalAnswer (crate/src/profile.rs).
const answer = {
  overall: 'needs_permission',
  clauses: [
    { kind: 'attribution_display', outcome: 'allowed_with_obligations', reason: 'You can show the credit.', obligations: ['Show “Built with Llama”'] },
    { kind: 'trademark_withheld', outcome: 'allowed', reason: 'Nothing to do.' },
    { kind: 'mau_threshold', outcome: 'needs_permission', reason: `Over 700M users ${HOSTILE}` },
  ],
  obligations: ['Show “Built with Llama”'],
  note: 'About the text read; not legal advice.',
};

let c;
before(async () => { c = await openChecker(); });
after(async () => { await c?.close(); });

/** Render in an open shadow root, as the panel does, and describe what came out. */
async function render(page, rep, opts) {
  return page.evaluate(({ rep, opts }) => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    FinePrintUI.attachStyles(root);
    const located = [];
    const edited = [];
    const el = FinePrintUI.renderBreakdown(rep, { ...opts, onLocate: (s) => located.push(s), onEditProfile: () => edited.push(1) });
    root.append(el);
    const q = (s) => [...el.querySelectorAll(s)];
    for (const b of q('.fp-locate')) b.click();
    q('.fp-edit-profile')[0]?.click();
    const out = {
      tag: el.tagName, data: { ...el.dataset },
      groups: q('[data-group]').map((g) => ({ id: g.dataset.group, title: g.querySelector('h3').textContent, kinds: [...g.querySelectorAll('[data-kind]')].map((k) => k.dataset.kind) })),
      quotes: q('.fp-quote').map((b) => b.textContent),
      clauseLines: q('.fp-clause > .fp-clause-title').length,
      quotesInDisclosure: q('details.fp-quotes .fp-quote').length,
      changes: q('[data-change]').map((li) => ({ kind: li.dataset.change, del: li.querySelector('del')?.textContent ?? null, ins: li.querySelector('ins')?.textContent ?? null })),
      answer: { outcome: el.querySelector('.fp-answer')?.dataset.outcome, text: el.querySelector('.fp-answer')?.textContent,
        items: [...el.querySelectorAll('.fp-answer-items li')].map((li) => [li.dataset.kind, li.dataset.outcome]),
        obligations: [...el.querySelectorAll('.fp-obligations li')].map((li) => li.textContent) },
      links: q('a').map((a) => a.getAttribute('href')),
      elements: [...new Set(q('*').map((n) => n.tagName.toLowerCase()))].sort(),
      text: el.textContent,
      located, edited: edited.length,
      badgeRadius: el.querySelector('.fp-badge') && getComputedStyle(el.querySelector('.fp-badge')).borderTopLeftRadius,
      pwned: globalThis.__pwned ?? null,
    };
    host.remove();
    return out;
  }, { rep, opts });
}

test('clauses are grouped Can\'t / Only if / Must / Licensor’s powers / Legal, with summaries, values and verbatim quotes', async () => {
  const r = await render(c.page, report, { docs, answer, fileUrl: 'https://huggingface.co/meta-llama/Llama-3.1-8B/blob/main/LICENSE' });
  assert.equal(r.tag, 'ARTICLE');
  assert.deepEqual(r.data, { fineprintBreakdown: '', license: 'llama-3.1-community', verdict: 'restricted', badge: 'open-weights-restricted' });
  assert.deepEqual(r.groups.map((g) => g.id), ['cant', 'only_if', 'must', 'vendor', 'legal', 'other']);
  assert.deepEqual(r.groups.map((g) => g.kinds), [['geo_exclusion', 'noncommercial'], ['mau_threshold'], ['attribution_display'],
    ['remote_control_updates'], ['trademark_withheld'], ['a_kind_from_a_newer_engine']]);
  assert.match(r.groups[0].title, /^Can't \(2\)$/);
  assert.ok(r.quotes.includes('700 million monthly active users'));
  assert.equal(r.quotes.length, 8, 'one blockquote per evidence');
  // One line per clause (its reading); the quotes behind a disclosure.
  assert.equal(r.clauseLines, report.clauses.length);
  assert.equal(r.quotesInDisclosure, 8);
  assert.match(r.text, /Open weights, restricted/);
  assert.match(r.text, /Restricted/);
  assert.match(r.text, /MODIFIED/);
  assert.match(r.text, /93% confidence/);
  assert.match(r.text, /Not an OSI-approved/);
  assert.match(r.text, /from USE_POLICY\.md/);
  assert.match(r.text, /Also in the input: Llama 3.1 Acceptable Use Policy/);
  // The disclaimer in the reader's language (the message files), not the report's English one.
  assert.match(r.text, /It is not legal advice: read the license itself, and ask a lawyer before you rely on it\.$/);
  assert.deepEqual(r.links, ['https://huggingface.co/meta-llama/Llama-3.1-8B/blob/main/LICENSE']);
  assert.equal(r.badgeRadius, '999px', 'the CSS string styles the breakdown inside a shadow root');
});

test('a modified license lists its changes, and the personal answer sits beside the verdict', async () => {
  const r = await render(c.page, report, { docs, answer, profile: { answered: 4 } });
  assert.deepEqual(r.changes, [
    { kind: 'replaced', del: '700 million', ins: '7 million' },
    { kind: 'added', del: null, ins: `and ${HOSTILE}` },
    { kind: 'removed', del: 'in its sole discretion', ins: null },
  ]);
  assert.equal(r.answer.outcome, 'permission');
  assert.match(r.answer.text, /Needs the licensor’s permission/);
  // Each item says its own outcome, then its clause; the worst is marked as the blocker.
  assert.match(r.answer.text, /Blocker · Needs permission: User-count threshold \(monthly active users\)\. Over 700M users/);
  assert.match(r.answer.text, /With obligations: Visible attribution/);
  // Worst first; an "allowed" clause adds nothing to read.
  assert.deepEqual(r.answer.items, [['mau_threshold', 'permission'], ['attribution_display', 'obligations']]);
  assert.deepEqual(r.answer.obligations, ['Show “Built with Llama”']);
  assert.match(r.answer.text, /About the text read; not legal advice\./);
  // "Show in the text" for each quote and each change, with the span in UTF-8 byte offsets as given.
  assert.equal(r.located.length, 8 + 3);
  assert.deepEqual(r.located[0], { type: 'change', kind: 'replaced', doc: 0, start: 10, end: 19 });
  assert.ok(r.located.some((s) => s.type === 'evidence' && s.kind === 'mau_threshold' && s.start === 100 && s.end === 132));
  assert.equal(r.edited, 1);
});

test('hostile markup from a license or a page is shown as text, never parsed', async () => {
  const r = await render(c.page, report, { docs, answer, profile: { answered: 4 }, fileUrl: 'javascript:globalThis.__pwned=3' });
  assert.equal(r.pwned, null, 'no script ran');
  for (const tag of ['img', 'script', 'b', 'iframe']) assert.ok(!r.elements.includes(tag), `no <${tag}> element`);
  assert.ok(r.quotes.includes(`EU ${HOSTILE}`), 'the quote is verbatim, markup included');
  assert.ok(r.text.split(HOSTILE).length - 1 >= 7, 'name, reason, quote, summary, change, answer and warning keep the literal markup');
  assert.deepEqual(r.links, [], 'a javascript: URL never becomes a link');
  // Let any injected handler fire before checking again.
  await c.page.waitForTimeout(100);
  assert.equal(await c.page.evaluate(() => globalThis.__pwned ?? null), null);
});

test('an unknown-license report, a report without answer, and no report at all', async () => {
  const unknown = { license: { id: null, name: null, match: 'unknown', confidence: 0, changes: [] },
    verdict: { class: 'unknown', label: 'Unknown', reasons: [] }, osi_approved: null, clauses: [], badge: { class: 'unknown', text: 'License unclear' } };
  const r = await render(c.page, unknown, {});
  assert.deepEqual(r.groups, []);
  assert.deepEqual(r.changes, []);
  assert.equal(r.data.license, '');
  assert.equal(r.data.verdict, 'unknown');
  assert.match(r.text, /License not identified/);
  assert.match(r.text, /No use restrictions, conditions or obligations were found/);
  assert.match(r.text, /not legal advice/i, 'the default disclaimer when the report has none');
  assert.equal(r.answer.outcome, 'none');
  const none = await render(c.page, null, {});
  assert.match(none.text, /No report to show/);
  assert.match(none.text, /not legal advice/i);
  // A license the text only names: the naming sentence is shown, as text, and the terms were not read.
  const named = await render(c.page, { ...unknown, license: { id: 'Apache-2.0', name: 'Apache License 2.0', match: 'declared', confidence: 0.5, changes: [],
    named: { doc: 0, quote: `This model is licensed under the Apache License, Version 2.0 ${HOSTILE}`, start: 0, end: 60 } } }, {});
  assert.match(named.text, /only names this license, its terms were not read: This model is licensed under the Apache License, Version 2\.0 </);
  assert.ok(named.text.includes(HOSTILE) && !named.elements.includes('img'), 'the naming sentence is text');
  const declared = await render(c.page, { ...unknown, license: { id: 'Apache-2.0', match: 'declared', confidence: 0.5, changes: [] } }, {});
  assert.match(declared.text, /declared by the page; no license text was read/);
  // A modified license without located changes says so instead of staying silent.
  const mod = await render(c.page, { ...unknown, license: { ...unknown.license, id: 'MIT', match: 'modified', changes: [] } }, {});
  assert.match(mod.text, /changes could not be pinned down/);
});
