// Benchmark (not a test): the content scripts' main-thread time on a Hugging Face page, for one or
// more builds of the extension side by side (alternating, one fresh browser per run).
//   node scripts/bench-main.mjs [RUNS] DIR [DIR...]     (DIR: a checkout whose extension/pkg is built)
// Each run: the Llama 3.1 fixture page (LICENSE + USE_POLICY.md) with the worker stopped (cold), then
// again in a new tab (warm: the report cached). The page has no script of its own and nothing else
// runs in it (no probe: the bench waits SETTLE_MS, reads the metrics, then checks that the badge
// settled with a result), so the renderer's ScriptDuration (CDP Performance.getMetrics) is the content
// scripts' alone. Two clocks, each from its own DevTools session:
//   cpu   the main thread's CPU time in script (timeDomain threadTicks): the work the scripts do;
//   wall  the wall-clock time, which adds the time the thread waited for a core (on a 2-core machine
//         the worker's WASM compile and the browser's own processes compete with the page for them).
// Prints per DIR and case the minimum, first quartile, median and maximum.
import { launch, corpusText } from '../tests/e2e/harness.mjs';
import { hfPage } from '../tests/e2e/fixtures/huggingface/pages.mjs';
import { stopWorker } from '../tests/e2e/hf-site.mjs';

const args = process.argv.slice(2);
const RUNS = /^\d+$/.test(args[0] ?? '') ? Number(args.shift()) : 10;
const dirs = args.length ? args : ['.'];
const SETTLE_MS = 1500; // the cold badge settles in ~300 ms here; the rest is margin
const text = (body) => ({ body, contentType: 'text/plain; charset=utf-8' });
const files = {
  '/bench/llama': { body: hfPage({ id: 'bench/llama', cardData: { license: 'llama3.1', license_link: 'LICENSE' } }) },
  '/bench/llama/raw/main/LICENSE': text(corpusText('ai/llama-3.1-community.txt')),
  '/bench/llama/raw/main/USE_POLICY.md': text(corpusText('ai/llama-3.1-aup.txt')),
};
const routes = [[/^https:\/\/huggingface\.co\//, (u) => files[u.pathname]]];
const scriptMs = async (session) => (await session.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration').value * 1000;

const res = Object.fromEntries(dirs.map((d) => [d, { 'cold cpu': [], 'warm cpu': [], 'cold wall': [], 'warm wall': [] }]));
for (let i = 0; i < RUNS; i++) {
  for (const d of dirs) {
    const b = await launch({ routes, server: true, extensionDir: d });
    try {
      const blank = await b.context.newPage();
      await blank.goto('about:blank');
      await new Promise((r) => setTimeout(r, 1500)); // let the browser finish starting
      await stopWorker(blank);
      for (const k of ['cold', 'warm']) {
        const page = await b.context.newPage();
        const wall = await b.context.newCDPSession(page);
        await wall.send('Performance.enable');
        const cpu = await b.context.newCDPSession(page);
        await cpu.send('Performance.enable', { timeDomain: 'threadTicks' });
        await page.goto('https://huggingface.co/bench/llama');
        await new Promise((r) => setTimeout(r, SETTLE_MS));
        res[d][`${k} wall`].push(await scriptMs(wall));
        res[d][`${k} cpu`].push(await scriptMs(cpu));
        // Only now look at the page (this evaluation is script time of its own, after the reading).
        const state = await page.evaluate(() => document.querySelector('[data-fineprint-badge]')?.getAttribute('data-state'));
        if (state !== 'result') throw new Error(`${d} ${k}: the badge did not settle in ${SETTLE_MS} ms (state ${state})`);
        await page.close();
      }
    } finally {
      await b.close();
    }
  }
}
const q = (xs, p) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)];
console.log(`Fine Print main-thread bench: ${RUNS} runs per build, content scripts' ScriptDuration ms (min / q25 / median / max)`);
for (const d of dirs) {
  for (const k of Object.keys(res[d])) {
    const xs = res[d][k];
    console.log(`${d.padEnd(24)} ${k.padEnd(9)}  ${[0, 0.25, 0.5, 1].map((p) => q(xs, p).toFixed(1)).join(' / ')}`);
  }
}
