// Screenshots of the checker (not a test): `node tests/e2e/checker-screenshots.mjs` writes
// tests/screenshots/checker-desktop.png (1280 px) and checker-phone.png (375 px), and -dark.png of each;
// with --zh, the page in Chinese: checker-desktop-zh.png and checker-phone-zh.png (light; needs a CJK font,
// e.g. Debian's fonts-wqy-microhei, or the characters render as boxes):
// a Llama 3.1 license and its use policy, a clause shown in the text, the personal answer of a product
// maker over 700M users.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, corpusText } from './harness.mjs';
import { openChecker, result } from './checker-lib.mjs';

const OUT = path.join(ROOT, 'tests/screenshots');
fs.mkdirSync(OUT, { recursive: true });
const zh = process.argv.includes('--zh');
const SHOTS = [['checker-desktop', { width: 1280, height: 1000 }], ['checker-phone', { width: 375, height: 812 }]];
const all = zh ? SHOTS.map(([n, v]) => [`${n}-zh`, v, 'light']) : SHOTS.flatMap(([n, v]) => [[n, v, 'light'], [`${n}-dark`, v, 'dark']]);
for (const [name, viewport, colorScheme] of all) {
  const c = await openChecker({ viewport, locale: zh ? 'zh-CN' : 'en-US' });
  try {
    await c.page.emulateMedia({ colorScheme });
    await c.page.evaluate(() => localStorage.setItem('fp:profile', JSON.stringify({ version: 1, answers: {
      use: 'product', distribution: 'hosted', mau: 'over_700m', revenue: 'over_10m', region: 'us', output_training: 'no',
      redistribute: 'no', fields: ['none'], attribution: 'yes', clickwrap: 'yes', foreign_law: 'yes', indemnity: 'yes', remote_updates: 'yes', termination: 'yes' } })));
    await c.page.reload();
    await c.page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    await c.page.evaluate(({ lic, aup }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([lic], 'LICENSE'));
      dt.items.add(new File([aup], 'USE_POLICY.md'));
      document.querySelector('#drop').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, { lic: corpusText('ai/llama-3.1-community.txt'), aup: corpusText('ai/llama-3.1-aup.txt') });
    await result(c.page);
    await c.page.locator('[data-kind="mau_threshold"] details.fp-quotes > summary').first().click(); // open its quotes
    await c.page.locator('[data-kind="mau_threshold"] .fp-locate').first().click();
    await c.page.waitForTimeout(600); // smooth scroll
    await c.page.evaluate(() => window.scrollTo(0, document.querySelector('#result').offsetTop - 8));
    await c.page.waitForTimeout(300);
    const file = path.join(OUT, `${name}.png`);
    await c.page.screenshot({ path: file });
    console.log(file);
  } finally {
    await c.close();
  }
}
