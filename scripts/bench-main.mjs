// Benchmark (not a test): the content scripts' main-thread time on the Hugging Face fixture pages
// (scripts/bench-hf-cases.mjs), for one or more builds of the extension side by side (alternating,
// one fresh browser per run and build).
//   node scripts/bench-main.mjs [RUNS] [--case SUBSTRING] [DIR...]   (DIR: a checkout whose extension/pkg is built; default .)
// Each run and case: the page with the worker stopped (cold), then again in a new tab (warm: the
// report cached). The pages have no script of their own and nothing else runs in them (no probe:
// the bench waits SETTLE_MS, reads the metrics, and only then checks that the badge settled), so the
// renderer's ScriptDuration (CDP Performance.getMetrics) is the content scripts' alone. Two clocks,
// each from its own DevTools session:
//   cpu   the main thread's CPU time in script (timeDomain threadTicks): the work the scripts do;
//   wall  wall-clock time, which adds the time the thread waited for a core (on a 2-core machine the
//         worker's WASM compile and the browser's own processes compete with the page for them).
// Prints per DIR, case and clock the minimum, first quartile, median and maximum.
import { launch } from '../tests/e2e/harness.mjs';
import { stopWorker } from '../tests/e2e/hf-site.mjs';
import { cases, routesOf, HF } from './bench-hf-cases.mjs';

const args = process.argv.slice(2);
const RUNS = /^\d+$/.test(args[0] ?? '') ? Number(args.shift()) : 6;
const only = args.includes('--case') ? args.splice(args.indexOf('--case'), 2)[1] : '';
const dirs = args.length ? args : ['.'];
const SETTLE_MS = 1500; // a cold badge settles in ~300 ms here; the rest is margin
const scriptMs = async (session) => (await session.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration').value * 1000;

const todo = cases().filter((c) => c.name.includes(only));
const res = {}; // `${dir}\t${case}\t${cold|warm} ${cpu|wall}` -> [ms]
const push = (k, v) => (res[k] ??= []).push(v);
for (let i = 0; i < RUNS; i++) {
  for (const c of todo) {
    for (const d of dirs) {
      const b = await launch({ routes: routesOf(c), server: true, extensionDir: d });
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
          await page.goto(`${HF}/${c.id}`);
          await new Promise((r) => setTimeout(r, SETTLE_MS));
          push(`${d}\t${c.name}\t${k} cpu`, await scriptMs(cpu));
          push(`${d}\t${c.name}\t${k} wall`, await scriptMs(wall));
          // Only now look at the page (this evaluation is script time of its own, after the reading).
          const state = await page.evaluate(() => document.querySelector('[data-fineprint-badge]')?.getAttribute('data-state'));
          if (state !== 'result' && state !== 'error') throw new Error(`${d} ${c.name} ${k}: no settled badge after ${SETTLE_MS} ms (state ${state})`);
          await page.close();
        }
      } finally {
        await b.close();
      }
    }
  }
}
const q = (xs, p) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)];
console.log(`Fine Print main-thread bench: ${RUNS} runs per build and case, content scripts' ScriptDuration ms (min / q25 / median / max)`);
for (const [k, xs] of Object.entries(res)) {
  const [d, name, clock] = k.split('\t');
  console.log(`${d.padEnd(14)} ${name.padEnd(34)} ${clock.padEnd(9)} ${[0, 0.25, 0.5, 1].map((p) => q(xs, p).toFixed(1).padStart(4)).join(' / ')}`);
}
