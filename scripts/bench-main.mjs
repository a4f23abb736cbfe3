// Benchmark (not a test): the content scripts' main-thread time on a Hugging Face page, for one or
// more builds of the extension side by side (alternating, one fresh browser per run).
//   node scripts/bench-main.mjs [RUNS] DIR [DIR...]     (DIR: a checkout whose extension/pkg is built)
// Each run: the Llama 3.1 fixture page (LICENSE + USE_POLICY.md) with the worker stopped (cold), then
// again in a new tab (warm: the report cached). Prints per DIR the minimum, first quartile and median
// of the renderer's ScriptDuration (CDP Performance.getMetrics), which on these script-free pages is
// the content scripts' work plus the probe that sees the badge settle (told only by the badge's
// data-state change, so it runs once). Two clocks: cpu, the main thread's CPU time in scripts
// (timeDomain threadTicks), which is the work; wall, which adds the time the thread waited for a core.
import { launch, corpusText } from '../tests/e2e/harness.mjs';
import { hfPage } from '../tests/e2e/fixtures/huggingface/pages.mjs';
import { stopWorker } from '../tests/e2e/hf-site.mjs';

const args = process.argv.slice(2);
const RUNS = /^\d+$/.test(args[0] ?? '') ? Number(args.shift()) : 10;
const dirs = args.length ? args : ['.'];
const text = (body) => ({ body, contentType: 'text/plain; charset=utf-8' });
const files = {
  '/bench/llama': { body: hfPage({ id: 'bench/llama', cardData: { license: 'llama3.1', license_link: 'LICENSE' } }) },
  '/bench/llama/raw/main/LICENSE': text(corpusText('ai/llama-3.1-community.txt')),
  '/bench/llama/raw/main/USE_POLICY.md': text(corpusText('ai/llama-3.1-aup.txt')),
};
const routes = [[/^https:\/\/huggingface\.co\//, (u) => files[u.pathname]]];
const PROBE = `new MutationObserver((records, obs) => {
  const b = records.map((r) => r.target).find((t) => t.hasAttribute?.('data-fineprint-badge'));
  if (b && b.getAttribute('data-state') === 'result') { obs.disconnect(); setTimeout(() => console.debug('fp-settled')); }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });`;

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
        await page.addInitScript(PROBE);
        const cdp = await b.context.newCDPSession(page);
        await cdp.send('Performance.enable');
        const cpu = await b.context.newCDPSession(page);
        await cpu.send('Performance.enable', { timeDomain: 'threadTicks' });
        const told = page.waitForEvent('console', { predicate: (m) => m.text() === 'fp-settled', timeout: 20000 });
        await page.goto('https://huggingface.co/bench/llama');
        await told;
        await new Promise((r) => setTimeout(r, 100));
        const script = async (s) => (await s.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration').value * 1000;
        res[d][`${k} wall`].push(await script(cdp));
        res[d][`${k} cpu`].push(await script(cpu));
        await page.close();
      }
    } finally {
      await b.close();
    }
  }
}
const q = (xs, p) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)];
console.log(`Fine Print main-thread bench: ${RUNS} runs per build, ScriptDuration ms (min / q25 / median / max)`);
for (const d of dirs) {
  for (const k of Object.keys(res[d])) {
    const xs = res[d][k];
    console.log(`${d.padEnd(24)} ${k.padEnd(9)}  ${[0, 0.25, 0.5, 1].map((p) => q(xs, p).toFixed(1)).join(' / ')}`);
  }
}
