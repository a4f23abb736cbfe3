// Benchmark of the no-install checker (not a test): the page served as plain files in headless
// Chromium. Prints, in milliseconds: page load to ready (WASM fetched, compiled, questions loaded),
// then for each file of crate/data/corpus/ai the time from choosing the file to the rendered result
// (read, engine analyze, breakdown, text view with every quote marked), split into the engine's share
// and the rendering's, and the number of marks drawn.
//   node scripts/bench-checker.mjs [runs=3]
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../tests/e2e/harness.mjs';
import { openChecker } from '../tests/e2e/checker-lib.mjs';

const runs = Number(process.argv[2] ?? 3);
const corpus = path.join(ROOT, 'crate/data/corpus/ai');
const files = fs.readdirSync(corpus).sort();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const loads = [];
const per = new Map(files.map((f) => [f, { total: [], engine: [], marks: 0, bytes: fs.statSync(path.join(corpus, f)).size }]));
for (let r = 0; r < runs; r++) {
  const t0 = Date.now();
  const c = await openChecker();
  loads.push(Date.now() - t0);
  // Time the engine alone inside the page: wrap analyze() by timing the same call on the same text.
  for (const f of files) {
    const text = fs.readFileSync(path.join(corpus, f), 'utf8');
    await c.page.click('#clear');
    const m = await c.page.evaluate(async ({ f, text }) => {
      const input = document.querySelector('#files');
      const dt = new DataTransfer();
      dt.items.add(new File([text], f));
      const t = performance.now();
      input.files = dt.files;
      input.dispatchEvent(new Event('change'));
      while (globalThis.FinePrintChecker.docs[0]?.name !== f || document.querySelector('[data-fineprint-result]').dataset.state !== 'result') {
        await new Promise((res) => setTimeout(res, 1));
      }
      await new Promise((res) => requestAnimationFrame(() => res()));
      const total = performance.now() - t;
      const { analyze } = await import('../pkg/fineprint.js');
      const e = performance.now();
      analyze([{ name: f, text }], {});
      return { total, engine: performance.now() - e, marks: document.querySelectorAll('.doc-text mark').length };
    }, { f, text });
    const p = per.get(f);
    p.total.push(m.total);
    p.engine.push(m.engine);
    p.marks = m.marks;
  }
  await c.close();
}
console.log(`page load to ready: median ${median(loads)} ms, max ${Math.max(...loads)} ms (${runs} runs, includes starting Chromium)`);
console.log('file | KB | marks | choose->rendered ms (median) | engine ms | rest (read+render) ms');
let sumT = 0;
let sumE = 0;
for (const [f, p] of per) {
  const t = median(p.total);
  const e = median(p.engine);
  sumT += t;
  sumE += e;
  console.log(`${f} | ${(p.bytes / 1024).toFixed(1)} | ${p.marks} | ${t.toFixed(0)} | ${e.toFixed(0)} | ${(t - e).toFixed(0)}`);
}
console.log(`all ${files.length} files: choose->rendered ${sumT.toFixed(0)} ms, engine ${sumE.toFixed(0)} ms, rest ${(sumT - sumE).toFixed(0)} ms; slowest rest ${Math.max(...[...per.values()].map((p) => median(p.total) - median(p.engine))).toFixed(0)} ms`);
