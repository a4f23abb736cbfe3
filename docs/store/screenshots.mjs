// The store listing's screenshots, 1280×800 PNG (the size both stores take), made by the e2e harness from
// the committed fixtures (not a test):
//   bash scripts/build-wasm.sh && node docs/store/screenshots.mjs [OUT_DIR]   (default docs/store/screenshots)
// 1-badge-and-panel.png   a Llama 3.1 model page on Hugging Face: the badge and its breakdown
// 2-lineage.png           an apache-labelled fine-tune of a Llama 3 model: the base's license applies
// 3-non-commercial.png    a CC BY-NC model: the badge and the clause quoted
// 4-checker.png           the no-install checker with a license and its use policy dropped in
// 5-your-answer.png       the profile questions of the options page
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusText } from '../../tests/e2e/harness.mjs';
import { hfPage, apiAnswer } from '../../tests/e2e/fixtures/huggingface/pages.mjs';
import { hfBrowser, visit, HF } from '../../tests/e2e/hf-site.mjs';
import { openChecker, result } from '../../tests/e2e/checker-lib.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(process.argv[2] ?? path.join(HERE, 'screenshots'));
fs.mkdirSync(out, { recursive: true });
const SIZE = { width: 1280, height: 800 };
// The fixtures carry no Hugging Face stylesheet: a few rules in its spirit make the header readable.
const PAGE_CSS = `
  body { font: 14px/1.5 system-ui, sans-serif; margin: 0; } a { color: inherit; text-decoration: none; }
  svg { width: 1em; height: 1em; } .container { max-width: 1180px; margin: 0 auto; padding: 0 16px; }
  .flex { display: flex; } .inline-flex { display: inline-flex; } .flex-wrap { flex-wrap: wrap; } .items-center { align-items: center; }
  .contents { display: contents; } .hidden { display: none; } h1 { font-size: 20px; gap: 6px; }
  header { padding: 12px 0; border-bottom: 1px solid #eee; } .mb-3 { margin-bottom: 12px; } .gap-1\\.5 { gap: 6px; }
  .tag { display: inline-flex; align-items: center; gap: 4px; border: 1px solid #e5e7eb; border-radius: 8px; padding: 0 8px; margin: 0 6px 6px 0; font-size: 13px; }
  button { font: inherit; background: none; border: 1px solid #e5e7eb; border-radius: 8px; padding: 2px 8px; }
  .tab-alternate { margin-right: 16px; } .btn { margin-left: 6px; } .text-gray-400 { color: #9ca3af; }
`;
const shot = (page, name) => page.screenshot({ path: path.join(out, name), clip: { x: 0, y: 0, ...SIZE } });

const b = await hfBrowser();
try {
  // A profile, so the breakdown answers for someone: a small company's hosted product in the US.
  const options = await b.context.newPage();
  await options.setViewportSize(SIZE);
  await options.goto(`chrome-extension://${b.extensionId}/extension/options/options.html`);
  await options.waitForSelector('fieldset');
  const answers = { use: 'product', distribution: 'hosted', revenue: 'under_1m', region: 'us', output_training: 'no',
    redistribute: 'no', fields: 'none', attribution: 'yes', contract: 'yes', mau: 'under_1m' };
  for (const [q, a] of Object.entries(answers)) await options.locator(`input[name="${q}"][value="${a}"]`).check().catch(() => {});
  await options.evaluate(() => window.scrollTo(0, 0));
  await options.waitForTimeout(300);
  await shot(options, '5-your-answer.png');
  await options.close();

  async function panel(id, name) {
    const v = await visit(b, `${HF}/${id}`);
    await v.page.setViewportSize(SIZE);
    await v.page.addStyleTag({ content: PAGE_CSS });
    await v.page.locator('[data-fineprint-badge] button').click();
    await v.page.waitForSelector('[data-fineprint-panel]');
    await v.page.waitForTimeout(300);
    await shot(v.page, name);
    await v.page.close();
  }

  const llama = 'meta-llama/Llama-3.1-8B-Instruct';
  b.serve(`/${llama}`, hfPage({ id: llama, cardData: { license: 'llama3.1', license_link: 'LICENSE' } }));
  b.serve(`/${llama}/raw/main/LICENSE`, b.text(corpusText('ai/llama-3.1-community.txt')));
  b.serve(`/${llama}/raw/main/USE_POLICY.md`, b.text(corpusText('ai/llama-3.1-aup.txt')));
  await panel(llama, '1-badge-and-panel.png');

  const base = 'meta-llama/Meta-Llama-3-8B';
  const tune = 'acme-ai/llama3-apache-tune';
  const baseAnswer = apiAnswer('api-meta-llama__Llama-3.2-3B-gated.json');
  b.serve(`/api/models/${base}`, b.json({ ...baseAnswer, id: base, modelId: base,
    cardData: { ...baseAnswer.cardData, license: 'llama3', extra_gated_prompt: corpusText('ai/llama-3-community.txt') } }));
  b.serve(`/${tune}`, hfPage({ id: tune, cardData: { license: 'apache-2.0', base_model: base } }));
  b.serve(`/${tune}/raw/main/LICENSE`, b.text(corpusText('spdx/Apache-2.0.txt')));
  await panel(tune, '2-lineage.png');

  const nc = 'acme-ai/nc-model';
  b.serve(`/${nc}`, hfPage({ id: nc, cardData: { license: 'cc-by-nc-4.0' } }));
  b.serve(`/${nc}/raw/main/LICENSE`, b.text(corpusText('spdx/CC-BY-NC-4.0.txt')));
  await panel(nc, '3-non-commercial.png');
} finally {
  await b.close();
}

const c = await openChecker({ viewport: SIZE });
try {
  // The same answers as the extension's options above (a small company's hosted product in the US),
  // kept where the checker keeps them on a static host.
  await c.page.evaluate(() => localStorage.setItem('fp:profile', JSON.stringify({ version: 1, answers: {
    use: 'product', distribution: 'hosted', mau: 'under_1m', revenue: 'under_1m', region: 'us', output_training: 'no',
    redistribute: 'no', fields: ['none'], attribution: 'yes', contract: 'yes' } })));
  await c.page.reload();
  await c.page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  await c.page.evaluate(({ lic, aup }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([lic], 'LICENSE'));
    dt.items.add(new File([aup], 'USE_POLICY.md'));
    document.querySelector('#drop').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, { lic: corpusText('ai/llama-3.1-community.txt'), aup: corpusText('ai/llama-3.1-aup.txt') });
  await result(c.page);
  await c.page.evaluate(() => window.scrollTo(0, Math.max(0, document.querySelector('#result').offsetTop - 120)));
  await c.page.waitForTimeout(300);
  await shot(c.page, '4-checker.png');
} finally {
  await c.close();
}
console.log(`screenshots in ${out}`);
