// Screenshots of the badge and the panel on Hugging Face fixture pages (not a test):
//   node tests/e2e/hf-screenshots.mjs [OUT_DIR]   (default tests/screenshots)
//   node tests/e2e/hf-screenshots.mjs --zh [OUT_DIR]   the browser in Chinese: hf-options-zh.png, hf-badge-zh.png,
//     hf-panel-zh.png, hf-panel-phone-zh.png, hf-popup-zh.png (light only; needs a CJK font, e.g. fonts-wqy-microhei)
// Writes hf-badge.png (header with the badge), hf-panel.png (the open panel, light),
// hf-panel-dark.png (dark page), hf-badge-gated.png (the error state of a gated repository),
// hf-panel-phone.png (the panel at 375 px), hf-panel-relabel.png (an apache-labelled fine-tune of a Llama 3 model), hf-files-tab.png,
// hf-panel-for-you.png (the panel's "For you" before any answer: the three questions asked inline),
// hf-options.png (the profile questions), hf-panel-phone-dark.png, hf-panel-gated.png (what to do about
// a gated license), hf-popup.png and hf-popup-dark.png (the toolbar popup on a model page).
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, corpusText } from './harness.mjs';
import { hfPage, apiAnswer } from './fixtures/huggingface/pages.mjs';
import { hfBrowser, visit, tabIdOf, inExtensionWorld, HF } from './hf-site.mjs';

// The fixtures carry no Hugging Face stylesheet: a few rules in its spirit make the header readable.
const PAGE_CSS = `
  body { font: 14px/1.5 system-ui, sans-serif; margin: 0; } a { color: inherit; text-decoration: none; }
  svg { width: 1em; height: 1em; } .container { max-width: 1180px; margin: 0 auto; padding: 0 16px; }
  .flex { display: flex; } .inline-flex { display: inline-flex; } .flex-wrap { flex-wrap: wrap; } .items-center { align-items: center; }
  .contents { display: contents; } .hidden { display: none; } h1 { font-size: 20px; gap: 6px; }
  header { padding: 12px 0; border-bottom: 1px solid #eee; } .mb-3 { margin-bottom: 12px; } .gap-1\\.5 { gap: 6px; }
  .tag { display: inline-flex; align-items: center; gap: 4px; border: 1px solid #e5e7eb; border-radius: 8px; padding: 0 8px; margin: 0 6px 6px 0; font-size: 13px; }
  button { font: inherit; background: none; border: 1px solid #e5e7eb; border-radius: 8px; padding: 2px 8px; }
  .tab-alternate { margin-right: 16px; } .btn { margin-left: 6px; } .lg\\:justify-between { justify-content: space-between; }
  html.dark body { background: #0b0f19; color: #e5e7eb; } html.dark .tag, html.dark button { border-color: #374151; }
  .text-gray-400 { color: #9ca3af; }
`;
const zh = process.argv.includes('--zh');
const shot = (name) => path.join(out, `${name}${zh ? '-zh' : ''}.png`);
const out = path.resolve(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? path.join(ROOT, 'tests/screenshots'));
fs.mkdirSync(out, { recursive: true });
const b = await hfBrowser({ lang: zh ? 'zh-CN' : null });
try {
  {
    // No profile yet: "For you" gives no verdict and asks the three most telling questions inline.
    const id = 'meta-llama/Llama-3.1-8B';
    b.serve(`/${id}`, hfPage({ id, cardData: { license: 'llama3.1', license_link: 'LICENSE' } }));
    b.serve(`/${id}/raw/main/LICENSE`, b.text(corpusText('ai/llama-3.1-community.txt')));
    const v = await visit(b, `${HF}/${id}`);
    await v.page.setViewportSize({ width: 1280, height: 900 });
    await v.page.addStyleTag({ content: PAGE_CSS });
    await v.page.locator('[data-fineprint-badge] button').click();
    await v.page.waitForSelector('[data-fineprint-panel]');
    await v.page.waitForTimeout(400);
    await inExtensionWorld(v.page, () => {
      const host = document.querySelector('[data-fineprint-panel]');
      globalThis.FinePrintPanel.rootOf(host)?.querySelector('.fp-answer')?.scrollIntoView({ block: 'start' });
    });
    await v.page.locator('[data-fineprint-panel]').screenshot({ path: shot('hf-panel-for-you') });
    await v.page.close();
  }
  // A profile, so the panel's "For you" answers for someone: a small company's hosted product in the US.
  const options = await b.context.newPage();
  await options.goto(`chrome-extension://${b.extensionId}/extension/options/options.html`);
  await options.waitForSelector('fieldset');
  const answers = { use: 'product', distribution: 'hosted', revenue: 'under_1m', region: 'us', output_training: 'no',
    redistribute: 'no', fields: 'none', attribution: 'yes', clickwrap: 'yes', foreign_law: 'yes', indemnity: 'yes', remote_updates: 'yes', termination: 'yes', mau: 'under_1m' };
  for (const [q, a] of Object.entries(answers)) await options.locator(`input[name="${q}"][value="${a}"]`).check();
  await options.waitForTimeout(300);
  await options.screenshot({ path: shot('hf-options'), fullPage: true });
  await options.close();

  const id = 'meta-llama/Llama-3.1-8B-Instruct';
  for (const theme of zh ? ['light'] : ['light', 'dark']) {
    b.serve(`/${id}`, hfPage({ id, theme, cardData: { license: 'llama3.1', license_link: 'LICENSE' } }));
    b.serve(`/${id}/raw/main/LICENSE`, b.text(corpusText('ai/llama-3.1-community.txt')));
    b.serve(`/${id}/raw/main/USE_POLICY.md`, b.text(corpusText('ai/llama-3.1-aup.txt')));
    const v = await visit(b, `${HF}/${id}`);
    await v.page.setViewportSize({ width: 1280, height: 900 });
    await v.page.addStyleTag({ content: PAGE_CSS });
    if (theme === 'light') {
      await v.page.locator('[data-target="ModelHeader"] header').screenshot({ path: shot('hf-badge') });
    }
    await v.page.locator('[data-fineprint-badge] button').click();
    await v.page.waitForSelector('[data-fineprint-panel]');
    await v.page.waitForTimeout(400); // the panel's content comes after the profile and the answer
    await v.page.screenshot({ path: shot(theme === 'light' ? 'hf-panel' : 'hf-panel-dark'), clip: { x: 0, y: 0, width: 1280, height: 900 } });
    await v.page.close();
  }
  for (const theme of zh ? ['light'] : ['light', 'dark']) {
    // A phone: the badge never overflows, the panel fits the screen.
    b.serve(`/${id}`, hfPage({ id, theme, cardData: { license: 'llama3.1', license_link: 'LICENSE' } }));
    const v = await visit(b, `${HF}/${id}`);
    await v.page.setViewportSize({ width: 375, height: 740 });
    await v.page.addStyleTag({ content: PAGE_CSS });
    await v.page.locator('[data-fineprint-badge] button').click();
    await v.page.waitForSelector('[data-fineprint-panel]');
    await v.page.waitForTimeout(400);
    await v.page.screenshot({ path: shot(theme === 'light' ? 'hf-panel-phone' : 'hf-panel-phone-dark') });
    if (theme === 'light') {
      // The toolbar popup for this tab (opened as a page, at a popup's size), light and dark.
      const tab = await tabIdOf(b, v.page);
      for (const scheme of zh ? ['light'] : ['light', 'dark']) {
        const popup = await b.context.newPage();
        await popup.setViewportSize({ width: 360, height: 440 });
        await popup.emulateMedia({ colorScheme: scheme });
        await popup.goto(`chrome-extension://${b.extensionId}/extension/popup/popup.html?tab=${tab}`);
        await popup.waitForSelector('#result[data-state="result"]');
        await popup.screenshot({ path: shot(scheme === 'light' ? 'hf-popup' : 'hf-popup-dark') });
        await popup.close();
      }
    }
    await v.page.close();
  }
  if (zh) {
    console.log(`screenshots in ${out}`);
    process.exitCode = 0;
  } else {
  const gated = 'acme-ai/gated-model';
  b.serve(`/${gated}`, hfPage({ id: gated, gated: 'manual', cardData: { license: 'other' } }));
  b.serve(`/api/models/${gated}`, b.json({ id: gated, gated: 'manual', cardData: { license: 'other' } }));
  b.serve(`/${gated}/raw/main/LICENSE`, { status: 403, body: 'restricted' });
  const v = await visit(b, `${HF}/${gated}`);
  await v.page.setViewportSize({ width: 1280, height: 900 });
  await v.page.addStyleTag({ content: PAGE_CSS });
  await v.page.locator('[data-target="ModelHeader"] header').screenshot({ path: path.join(out, 'hf-badge-gated.png') });
  await v.page.locator('[data-fineprint-badge] button').click();
  await v.page.waitForSelector('[data-fineprint-panel]');
  await v.page.waitForTimeout(300);
  await v.page.screenshot({ path: path.join(out, 'hf-panel-gated.png'), clip: { x: 0, y: 0, width: 1280, height: 700 } });
  await v.page.close();

  // A relabelled fine-tune: the base's license applies, and the panel says why.
  const base = 'meta-llama/Meta-Llama-3-8B';
  const tune = 'acme-ai/llama3-apache-tune';
  const baseAnswer = apiAnswer('api-meta-llama__Llama-3.2-3B-gated.json');
  b.serve(`/api/models/${base}`, b.json({ ...baseAnswer, id: base, modelId: base, cardData: { ...baseAnswer.cardData, license: 'llama3', extra_gated_prompt: corpusText('ai/llama-3-community.txt') } }));
  b.serve(`/${tune}`, hfPage({ id: tune, cardData: { license: 'apache-2.0', base_model: base } }));
  b.serve(`/${tune}/raw/main/LICENSE`, b.text(corpusText('spdx/Apache-2.0.txt')));
  const r = await visit(b, `${HF}/${tune}`);
  await r.page.setViewportSize({ width: 1280, height: 900 });
  await r.page.addStyleTag({ content: PAGE_CSS });
  await r.page.locator('[data-fineprint-badge] button').click();
  await r.page.waitForSelector('[data-fineprint-panel]');
  await r.page.screenshot({ path: path.join(out, 'hf-panel-relabel.png'), clip: { x: 0, y: 0, width: 1280, height: 900 } });
  await r.page.close();

  // The files tab: one badge above the list.
  const files = 'Qwen/Qwen3-Coder-30B-A3B-Instruct';
  b.serve(`/${files}/tree/main`, hfPage({ id: files, view: 'tree', cardData: { license: 'apache-2.0' } }));
  b.serve(`/${files}/raw/main/LICENSE`, b.text(corpusText('spdx/Apache-2.0.txt')));
  const f = await visit(b, `${HF}/${files}/tree/main`);
  await f.page.setViewportSize({ width: 1280, height: 700 });
  await f.page.addStyleTag({ content: PAGE_CSS });
  await f.page.screenshot({ path: path.join(out, 'hf-files-tab.png') });
  await f.page.close();
  console.log(`screenshots in ${out}`);
  }
} finally {
  await b.close();
}
