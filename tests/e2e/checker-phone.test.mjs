// The checker on a phone (375 px): paste comes before the file drop, and after a paste the result
// scrolls into view and the status line (a live region) says what was found.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpusText } from './harness.mjs';
import { openChecker, result } from './checker-lib.mjs';

test('375 px: the paste box comes before the file drop, in the page and on the screen', async () => {
  const c = await openChecker({ viewport: { width: 375, height: 740 } });
  try {
    const order = await c.page.evaluate(() => {
      const text = document.querySelector('#text');
      const drop = document.querySelector('#drop');
      return {
        dom: Boolean(text.compareDocumentPosition(drop) & Node.DOCUMENT_POSITION_FOLLOWING),
        screen: text.getBoundingClientRect().bottom <= drop.getBoundingClientRect().top,
      };
    });
    assert.deepEqual(order, { dom: true, screen: true });
  } finally {
    await c.close();
  }
});

test('375 px: after a paste the result comes into view and is announced, the focus stays in the text', async () => {
  const c = await openChecker({ viewport: { width: 375, height: 740 } });
  try {
    await c.page.focus('#text');
    // A paste as the browser reports it: the paste event, then the text arrives (input).
    await c.page.dispatchEvent('#text', 'paste');
    await c.page.fill('#text', corpusText('spdx/Apache-2.0.txt'));
    await result(c.page);
    await c.page.waitForFunction(() => {
      const r = document.querySelector('#result').getBoundingClientRect();
      return r.top >= -1 && r.top < innerHeight / 2;
    }, null, { timeout: 5000 });
    const after = await c.page.evaluate(() => ({
      live: document.querySelector('#status').getAttribute('aria-live'),
      status: document.querySelector('#status').textContent,
      focus: document.activeElement.id,
    }));
    assert.equal(after.live, 'polite');
    assert.match(after.status, /^Analysed 1 document: Apache License 2\.0/);
    assert.equal(after.focus, 'text', 'the reader can keep editing');
  } finally {
    await c.close();
  }
});

test('typing (no paste) does not move the page', async () => {
  const c = await openChecker({ viewport: { width: 375, height: 740 } });
  try {
    await c.page.fill('#text', corpusText('spdx/MIT.txt'));
    await result(c.page);
    await c.page.waitForTimeout(300);
    assert.equal(await c.page.evaluate(() => scrollY), 0);
  } finally {
    await c.close();
  }
});
