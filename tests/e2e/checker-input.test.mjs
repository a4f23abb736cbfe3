// The no-install checker served as plain files (tests/e2e/checker-lib.mjs): paste, file drop, file
// choice, several documents at once, a modified license, every quote found in the text view, and bad
// input. The page must never reach any origin but its own.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ROOT, corpusText } from './harness.mjs';
import { openChecker, result } from './checker-lib.mjs';

let c;
before(async () => { c = await openChecker(); });
after(async () => {
  assert.deepEqual(c.requests, [], 'the page made no request to any other origin');
  assert.deepEqual(c.errors.map(String), [], 'no page errors');
  await c?.close();
});
beforeEach(async () => {
  await c.page.click('#clear');
  await c.page.waitForSelector('[data-fineprint-result][data-state="empty"]', { state: 'attached' });
});

/** Drop files on the drop zone the way a browser does: a DataTransfer carrying File objects. */
async function drop(page, files) {
  await page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([f.bytes ? new Uint8Array(f.bytes) : f.text], f.name, { type: f.type ?? 'text/plain' }));
    const target = document.querySelector('#drop');
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
  }, files);
}

async function status(page) {
  return page.$eval('#status', (s) => ({ text: s.textContent, kind: s.dataset.kind }));
}

test('paste: the pasted license is identified, with its verdict on the result element', async () => {
  await c.page.fill('[data-fineprint-input]', corpusText('spdx/MIT.txt'));
  await c.page.click('#analyze');
  const r = await result(c.page);
  assert.equal(r.license, 'MIT');
  assert.equal(r.verdict, 'open');
  assert.equal(r.report.license.id, 'MIT');
  assert.deepEqual(r.docs, ['pasted text']);
  assert.match(r.text, /MIT License/);
  assert.match(r.text, /not legal advice/i);
  // The breakdown is the shared renderer's, and the text view shows the pasted text.
  assert.equal(await c.page.locator('[data-fineprint-result] [data-fineprint-breakdown]').count(), 1);
  assert.match(await c.page.locator('.doc-text').first().textContent(), /Permission is hereby granted/);
  // Typing re-analyses without a click.
  await c.page.fill('[data-fineprint-input]', corpusText('ai/llama-3.1-community.txt'));
  await c.page.waitForSelector('[data-fineprint-result][data-license="llama-3.1-community"]');
  assert.equal(await c.page.getAttribute('[data-fineprint-result]', 'data-verdict'), 'restricted');
});

test('every quote, shown in the text, marks exactly the quoted words (UTF-8 offsets, curly quotes and all)', async () => {
  const text = `Préambule — “license” ✓ 😀\n${corpusText('ai/llama-3.1-community.txt')}`; // multi-byte before every quote
  await c.page.fill('[data-fineprint-input]', text);
  await c.page.click('#analyze');
  const r = await result(c.page);
  const quotes = r.report.clauses.flatMap((cl) => cl.evidence.map((e) => e.quote));
  assert.ok(quotes.length >= 5, `clauses with quotes (${quotes.length})`);
  // Each clause is one line; its quotes open from a disclosure, as a reader would.
  await c.page.$$eval('[data-fineprint-breakdown] details.fp-quotes', (ds) => ds.forEach((d) => { d.open = true; }));
  const buttons = c.page.locator('[data-fineprint-breakdown] .fp-evidence .fp-locate');
  assert.equal(await buttons.count(), quotes.length);
  const shown = [];
  for (let i = 0; i < quotes.length; i++) {
    await buttons.nth(i).click();
    shown.push(await c.page.evaluate(() => ({
      marked: [...document.querySelectorAll('.doc-text mark.active')].map((m) => m.textContent).join(''),
      focused: document.activeElement?.classList.contains('active') ?? false,
    })));
  }
  const figs = await c.page.$$eval('[data-fineprint-breakdown] .fp-evidence .fp-quote', (q) => q.map((b) => b.textContent));
  for (let i = 0; i < quotes.length; i++) {
    // Overlapping quotes share marks; the marks of one quote, together, are exactly its words.
    assert.equal(shown[i].marked, figs[i], `quote ${i}`);
    assert.ok(shown[i].focused, `quote ${i}: focus moves to the marked words`);
  }
  // Clicking marked words in the text goes back to their clause.
  await c.page.locator('.doc-text mark.ev').first().click();
  assert.equal(await c.page.locator('.fp-clause.active').count(), 1);
});

test('file drop: a license and its use policy are analysed together as two documents', async () => {
  await drop(c.page, [
    { name: 'LICENSE', text: corpusText('ai/llama-3.1-community.txt') },
    { name: 'USE_POLICY.md', text: corpusText('ai/llama-3.1-aup.txt') },
  ]);
  const r = await result(c.page);
  assert.deepEqual(r.docs, ['LICENSE', 'USE_POLICY.md']);
  assert.equal(r.license, 'llama-3.1-community');
  assert.ok(r.report.clauses.some((cl) => cl.evidence.some((e) => e.doc === 1)), 'a restriction found in the policy');
  assert.deepEqual(await c.page.$$eval('#doc-list .name', (n) => n.map((x) => x.textContent.split(' (')[0])), ['LICENSE', 'USE_POLICY.md']);
  assert.deepEqual(await c.page.$$eval('.doc-view section.doc h3', (n) => n.map((x) => x.textContent)), ['LICENSE', 'USE_POLICY.md']);
  assert.match(r.text, /from USE_POLICY\.md/);
  // Removing one document re-analyses the other alone.
  await c.page.click('#doc-list button[aria-label="Remove USE_POLICY.md"]');
  await c.page.waitForFunction(() => globalThis.FinePrintChecker.docs.length === 1);
  assert.ok(!(await c.page.evaluate(() => globalThis.FinePrintChecker.report.clauses.some((cl) => cl.evidence.some((e) => e.doc === 1)))));
});

test('choose files: the file input takes several files from disk, and pasted text joins them', async () => {
  await c.page.fill('[data-fineprint-input]', 'Additional term: you may not use the model for any commercial purpose.');
  await c.page.setInputFiles('#files', [path.join(ROOT, 'crate/data/corpus/spdx/Apache-2.0.txt')]);
  const r = await result(c.page);
  assert.deepEqual(r.docs, ['Apache-2.0.txt', 'pasted text']);
  assert.equal(r.license, 'Apache-2.0');
});

test('a modified license: its changes are listed and marked in the text', async () => {
  const text = corpusText('spdx/MIT.txt').replace('without restriction', 'without restriction, except for commercial use,');
  await drop(c.page, [{ name: 'LICENSE.txt', text }]);
  const r = await result(c.page);
  assert.equal(r.report.license.match, 'modified');
  assert.ok(r.report.license.changes.length >= 1);
  const listed = await c.page.$$eval('[data-fineprint-breakdown] [data-change]', (li) => li.map((x) => x.textContent));
  assert.equal(listed.length, r.report.license.changes.length);
  assert.ok(listed.some((t) => /commercial use/.test(t)), listed.join(' | '));
  const marked = await c.page.$$eval('.doc-text mark[class*="ch-"], .doc-text .ch-removed', (m) => m.map((x) => x.textContent).join(' '));
  assert.match(marked, /except for commercial use/);
});

test('an HTML file is read as text: its markup and scripts never run', async () => {
  const html = `<!doctype html><html><head><title>t</title><script>globalThis.__pwned = 1</script></head><body>
    <h1>MIT License</h1><p>${corpusText('spdx/MIT.txt').replace(/\n\n/g, '</p><p>')}</p>
    <img src="x" onerror="globalThis.__pwned = 2" alt="a > b"><iframe src="https://evil.example/"></iframe><!-- <b>hidden</b> -->
    <pre>  keep   this\n  spacing &amp; “entities” &#8212; ok</pre></body></html>`;
  await drop(c.page, [{ name: 'license.html', text: html, type: 'text/html' }]);
  const r = await result(c.page);
  assert.equal(r.license, 'MIT');
  const doc = await c.page.evaluate(() => globalThis.FinePrintChecker.docs[0].text);
  assert.doesNotMatch(doc, /<p>|<img|onerror|__pwned/);
  assert.match(doc, /Permission is hereby granted/);
  assert.match(doc, /\n {2}keep {3}this\n {2}spacing & “entities” — ok/, 'pre keeps its spacing; entities decoded');
  assert.doesNotMatch(doc, /hidden|a > b|evil/);
  assert.equal(await c.page.evaluate(() => globalThis.__pwned ?? null), null);
});

test('bad input gets a clear message and a safe state, and the page keeps working', async () => {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52];
  const cases = [
    [[{ name: 'empty.txt', text: '' }], /empty\.txt is empty/],
    [[{ name: 'weights.bin', bytes: png }], /weights\.bin is not a text file/],
    [[{ name: 'huge.txt', text: 'x'.repeat(2 * 1024 * 1024 + 1) }], /huge\.txt is too large .* at most 2\.0 MiB/],
  ];
  for (const [files, message] of cases) {
    await drop(c.page, files);
    await c.page.waitForFunction((re) => new RegExp(re).test(document.querySelector('#status').textContent), message.source);
    const s = await status(c.page);
    assert.equal(s.kind, 'error', s.text);
    assert.equal(await c.page.getAttribute('[data-fineprint-result]', 'data-state'), 'empty');
    assert.equal(await c.page.isHidden('[data-fineprint-result]'), true);
  }
  // A file in an old encoding is read, as the CLI reads it, and the list says how.
  await c.page.click('#clear');
  await drop(c.page, [{ name: 'latin1.txt', bytes: [...Buffer.from('MIT License\n\nCopyright (c) Ren'), 0xe9, ...Buffer.from(' Dupont\n')] }]);
  await c.page.waitForFunction(() => globalThis.FinePrintChecker.docs[0]?.name === 'latin1.txt');
  assert.equal(await c.page.evaluate(() => globalThis.FinePrintChecker.docs[0].text), 'MIT License\n\nCopyright (c) Ren\u00e9 Dupont\n');
  assert.match(await c.page.textContent('#doc-list'), /latin1\.txt \(.*read as ISO-8859-1\)/);
  await c.page.click('#clear');
  // Whitespace only is nothing; text with NUL bytes pasted in gets the engine's one-line reason.
  await c.page.fill('[data-fineprint-input]', '   \n\t ');
  await c.page.click('#analyze');
  await c.page.waitForFunction(() => /Nothing to analyse yet/.test(document.querySelector('#status').textContent));
  await c.page.fill('[data-fineprint-input]', 'MIT License\u0000\u0000\u0001 binary');
  await c.page.click('#analyze');
  await c.page.waitForFunction(() => /Cannot analyse this: .*binary/.test(document.querySelector('#status').textContent));
  assert.equal((await status(c.page)).kind, 'error');
  // Several pasted megabytes: refused before the engine sees them.
  await c.page.evaluate(() => {
    const t = document.querySelector('[data-fineprint-input]');
    t.value = 'word '.repeat(600000);
    t.dispatchEvent(new Event('input'));
  });
  await c.page.click('#analyze');
  await c.page.waitForFunction(() => /too large/.test(document.querySelector('#status').textContent));
  // Nothing given at all.
  await c.page.click('#clear');
  await c.page.click('#analyze');
  assert.match((await status(c.page)).text, /Nothing to analyse yet/);
  // And after all that, a good text still works.
  await c.page.fill('[data-fineprint-input]', corpusText('spdx/MIT.txt'));
  await c.page.click('#analyze');
  assert.equal((await result(c.page)).license, 'MIT');
});
