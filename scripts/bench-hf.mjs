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
// The content scripts' main-thread time is scripts/bench-main.mjs's (no probe runs in its pages).
// Needs the built extension (scripts/build-wasm.sh) and Chromium (scripts/setup.sh --browser).
import { launch } from '../tests/e2e/harness.mjs';
import { cases, routesOf, HF } from './bench-hf-cases.mjs';
import { stopWorker } from '../tests/e2e/hf-site.mjs';

const args = process.argv.slice(2);
const SERVER = args.includes('--server');
const RUNS = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--extension') ?? 7);
const SETTLE_MS = 2000;
// --extension DIR: time another build of the extension (a checkout with its extension/pkg built), for before/after.
const EXT = args.includes('--extension') ? args[args.indexOf('--extension') + 1] : undefined;

// In the page's main world: when the badge settled (ms since navigation start) and when the
// document's DOMContentLoaded ended, told through the console so nothing polls the page.
const PROBE = `
  // Told by the badge's own data-state change (attributeFilter): the probe runs once or twice, not on
  // every node the parser inserts.
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
  return { page, settled, dcl };
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
const fmt = (xs) => `${median(xs).toFixed(0).padStart(5)} ${max(xs).toFixed(0).padStart(5)}`;

console.log(`Fine Print extension bench: ${RUNS} runs per case, ms (median max), fixtures ${SERVER ? 'from a local HTTPS server' : 'by request interception'}`);
console.log(`${'case'.padEnd(34)} ${'cold'.padStart(11)} ${'warm'.padStart(11)} ${'cold-sw'.padStart(11)} ${'page-dcl'.padStart(11)} ${'wasm-init'.padStart(11)} ${'analyze'.padStart(11)}`);
for (const c of cases()) {
  const routes = routesOf(c);
  const url = `${HF}/${c.id}`;
  const cold = [];
  const warm = [];
  const coldSw = [];
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
      dcl.push(first.dcl);
      const st = await workerStats(b);
      engineInit.push(st.initMs ?? 0);
      engineRun.push(st.analyses.reduce((a, x) => a + x, 0));
      const again = await measure(b.context, url);
      warm.push(again.settled);
      await stopWorker(again.page);
      const third = await measure(b.context, url);
      coldSw.push(third.settled);
    } finally {
      await b.close();
    }
  }
  console.log(`${c.name.padEnd(34)} ${fmt(cold)} ${fmt(warm)} ${fmt(coldSw)} ${fmt(dcl)} ${fmt(engineInit)} ${fmt(engineRun)}`);
}
