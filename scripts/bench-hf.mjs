// Benchmark (not a test): Hugging Face fixture pages in headless Chromium with the unpacked extension.
//   node scripts/bench-hf.mjs [RUNS] [--server] [--extension DIR]   (default 7 runs per case)
// --server serves the fixtures from a local HTTPS server Chromium reaches for huggingface.co, instead
// of request interception (each intercepted request is a round trip through this Node process).
// Prints, per case, the median and the maximum of:
//   cold      navigation start -> settled badge, with a stopped service worker and an empty cache
//             (the worker starts, initializes the WASM, the content script fetches the texts);
//   warm      the same page again in a new tab: the worker is running and the report is cached;
//   cold-sw   the same page again after the browser stopped the worker (cache in storage.session);
//   page-dcl  navigation start -> the page's own DOMContentLoaded (the floor under every badge time);
//   wasm-init / analyze   in the worker on the cold run: compiling and instantiating the WASM, and the
//             engine's analysis of the texts (the rest of "cold" is worker start, fetches and messages);
//   main      the renderer's main-thread script time on the page (CDP Performance ScriptDuration), which
//             on these script-free fixture pages is the content scripts' work plus this bench's probe;
//             "probe" is main-cpu with the extension's content scripts removed. Two clocks:
//             main-cpu  the main thread's CPU time in those scripts (timeDomain threadTicks): the work;
//             main-wall the wall-clock time they took, which adds the time the thread waited for a core
//                       (on a 2-core machine the worker's WASM compile and the browser compete for them).
// Needs the built extension (scripts/build-wasm.sh) and Chromium (scripts/setup.sh --browser).
import fs from 'node:fs';
import { launch, extensionCopy, corpusText } from '../tests/e2e/harness.mjs';
import { hfPage, fixtureFile, apiAnswer } from '../tests/e2e/fixtures/huggingface/pages.mjs';
import { stopWorker } from '../tests/e2e/hf-site.mjs';

const args = process.argv.slice(2);
const SERVER = args.includes('--server');
const RUNS = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--extension') ?? 7);
const SETTLE_MS = 2000;
// --extension DIR: time another build of the extension (a checkout with its extension/pkg built), for before/after.
const EXT = args.includes('--extension') ? args[args.indexOf('--extension') + 1] : undefined;
const HF = 'https://huggingface.co';

// Each case: the page URL and the files served for it.
function cases() {
  const gatedApi = apiAnswer('api-meta-llama__Llama-3.2-3B-gated.json');
  gatedApi.cardData.extra_gated_prompt = corpusText('ai/llama-3.2-community.txt');
  const text = (body) => ({ body, contentType: 'text/plain; charset=utf-8' });
  return [
    { name: 'apache (LICENSE)', id: 'bench/apache', files: {
      '/bench/apache': { body: hfPage({ id: 'bench/apache', cardData: { license: 'apache-2.0' } }) },
      '/bench/apache/raw/main/LICENSE': text(corpusText('spdx/Apache-2.0.txt')) } },
    { name: 'llama 3.1 (LICENSE + USE_POLICY)', id: 'bench/llama', files: {
      '/bench/llama': { body: hfPage({ id: 'bench/llama', cardData: { license: 'llama3.1', license_link: 'LICENSE' } }) },
      '/bench/llama/raw/main/LICENSE': text(corpusText('ai/llama-3.1-community.txt')),
      '/bench/llama/raw/main/USE_POLICY.md': text(corpusText('ai/llama-3.1-aup.txt')) } },
    { name: 'gated (403 + API prompt)', id: 'meta-llama/Llama-3.2-3B', files: {
      '/meta-llama/Llama-3.2-3B': { body: hfPage({ id: 'meta-llama/Llama-3.2-3B', gated: 'manual', cardData: { license: 'llama3.2' } }) },
      '/api/models/meta-llama/Llama-3.2-3B': { body: JSON.stringify(gatedApi), contentType: 'application/json' },
      '/meta-llama/Llama-3.2-3B/raw/main/LICENSE': { status: 403, body: 'restricted' } } },
    { name: 'custom other (LICENSE.md)', id: 'bench/custom', files: {
      '/bench/custom': { body: hfPage({ id: 'bench/custom', cardData: { license: 'other', license_name: 'acme-1.0', license_link: 'LICENSE.md' } }) },
      '/bench/custom/raw/main/LICENSE.md': text(fixtureFile('acme-model-license.md')) } },
  ];
}

// In the page's main world: when the badge settled (ms since navigation start) and when the
// document's DOMContentLoaded ended, told through the console so nothing polls the page.
const PROBE = `
  // Told by the badge's own data-state change (attributeFilter): the probe runs once or twice, not on
  // every node the parser inserts, so its own script time stays out of the content scripts' number.
  new MutationObserver((records, obs) => {
    const b = records.map((r) => r.target).find((t) => t.hasAttribute?.('data-fineprint-badge'));
    const s = b && b.getAttribute('data-state');
    if (s === 'result' || s === 'error') {
      obs.disconnect();
      const t = performance.now();
      const report = () => console.debug('fp-settled', t, performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd || 0);
      document.readyState === 'loading' ? addEventListener('DOMContentLoaded', () => setTimeout(report)) : setTimeout(report);
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
`;

async function measure(context, url) {
  const page = await context.newPage();
  await page.addInitScript(PROBE);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const cpu = await context.newCDPSession(page); // a second session: its own Performance agent and clock
  await cpu.send('Performance.enable', { timeDomain: 'threadTicks' });
  const told = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('fp-settled'), timeout: 20000 });
  await page.goto(url);
  const msg = await told.catch(async (err) => {
    const state = await page.evaluate(() => {
      const b = document.querySelector('[data-fineprint-badge]');
      return b ? `${b.getAttribute('data-state')} ${b.getAttribute('data-reason')} ${b.shadowRoot.textContent}` : 'no badge';
    });
    throw new Error(`no settled badge on ${url} (${state}): ${err.message}`);
  });
  const [settled, dcl] = (await Promise.all(msg.args().slice(1).map((a) => a.jsonValue()))).map(Number);
  await new Promise((r) => setTimeout(r, 100)); // let the last callbacks run
  const { metrics } = await cdp.send('Performance.getMetrics');
  const script = metrics.find((m) => m.name === 'ScriptDuration').value * 1000;
  const scriptCpu = (await cpu.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration').value * 1000;
  return { page, settled, dcl, script, scriptCpu };
}

async function probeOnly(url, routes) {
  // The same page with no content script: what the probe and the page cost by themselves.
  const dir = extensionCopy((m) => ({ ...m, content_scripts: [] }));
  const b = await launch({ extensionDir: dir, routes });
  try {
    const page = await b.context.newPage();
    await page.addInitScript(PROBE);
    const cdp = await b.context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(url);
    await new Promise((r) => setTimeout(r, 300));
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'ScriptDuration').value * 1000;
  } finally {
    await b.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// The worker's engine timings for its current life, asked from an extension page.
async function workerStats(b) {
  const ext = await b.context.newPage();
  try {
    await ext.goto(`chrome-extension://${b.extensionId}/extension/options/options.html`);
    for (let i = 0; i < 5; i++) {
      try {
        const res = await ext.evaluate(() => chrome.runtime.sendMessage({ type: 'fp:stats' }));
        if (res?.stats) return res.stats;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    return { initMs: NaN, analyses: [NaN] };
  } finally {
    await ext.close();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const max = (xs) => Math.max(...xs);
const fmt = (xs, d = 0) => `${median(xs).toFixed(d).padStart(5)} ${max(xs).toFixed(d).padStart(5)}`;

console.log(`Fine Print extension bench: ${RUNS} runs per case, ms (median max), fixtures ${SERVER ? 'from a local HTTPS server' : 'by request interception'}`);
console.log(`${'case'.padEnd(34)} ${'cold'.padStart(11)} ${'warm'.padStart(11)} ${'cold-sw'.padStart(11)} ${'main-cpu'.padStart(11)} ${'main-wall'.padStart(11)} ${'probe'.padStart(6)} ${'page-dcl'.padStart(11)} ${'wasm-init'.padStart(11)} ${'analyze'.padStart(11)}`);
for (const c of cases()) {
  const routes = [[/^https:\/\/huggingface\.co\//, (u) => c.files[u.pathname]]];
  const url = `${HF}/${c.id}`;
  const cold = [];
  const warm = [];
  const coldSw = [];
  const main = [];
  const mainCpu = [];
  const dcl = [];
  const engineInit = [];
  const engineRun = [];
  for (let i = 0; i < RUNS; i++) {
    const b = await launch({ routes, server: SERVER, extensionDir: EXT });
    try {
      const blank = await b.context.newPage();
      await blank.goto('about:blank');
      // A user's browser is already up: let this one finish starting (extension load, first tab)
      // before timing anything, so its start-up work is not counted against the extension.
      await new Promise((r) => setTimeout(r, SETTLE_MS));
      await stopWorker(blank); // the worker as the browser leaves it after 30 s idle: not running
      const first = await measure(b.context, url);
      cold.push(first.settled);
      main.push(first.script);
      mainCpu.push(first.scriptCpu);
      dcl.push(first.dcl);
      const st = await workerStats(b);
      engineInit.push(st.initMs ?? 0);
      engineRun.push(st.analyses.reduce((a, x) => a + x, 0));
      const again = await measure(b.context, url);
      warm.push(again.settled);
      main.push(again.script);
      mainCpu.push(again.scriptCpu);
      await stopWorker(again.page);
      const third = await measure(b.context, url);
      coldSw.push(third.settled);
    } finally {
      await b.close();
    }
  }
  const probe = await probeOnly(url, routes);
  console.log(`${c.name.padEnd(34)} ${fmt(cold)} ${fmt(warm)} ${fmt(coldSw)} ${fmt(mainCpu, 1)} ${fmt(main, 1)} ${probe.toFixed(1).padStart(6)} ${fmt(dcl)} ${fmt(engineInit)} ${fmt(engineRun)}`);
}
