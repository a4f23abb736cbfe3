// Benchmark (not a test): the engine's first analysis in a fresh WebAssembly instance, with and
// without the worker's warm-up (engine.warm(step)), in Node over the shipped extension/pkg.
//   bash scripts/build-wasm.sh && node scripts/bench-cold.mjs [RUNS]     (default 5)
// Each run is a new Node process (a fresh V8 and a fresh engine), so every number is a cold one.
// FINEPRINT_PKG=DIR times another build's pkg (an engine without warm() runs no warm-up).
// Cases: the Llama 3.1 license with its use policy (as a Hugging Face page sends them), and
// Apache-2.0 with the Hub metadata and a model card (the recipe's readers).
// Prints per case the median and maximum of: the first analysis without warm-up; the warm-up
// steps; the first analysis right after the warm-up.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.argv[2] ?? 5);

if (process.argv[2] === '--child') {
  const [, , , caseName, warm] = process.argv;
  const pkg = process.env.FINEPRINT_PKG || path.join(ROOT, 'extension/pkg');
  const engine = await import(path.join(pkg, 'fineprint.js'));
  engine.initSync({ module: new WebAssembly.Module(fs.readFileSync(path.join(pkg, 'fineprint_bg.wasm'))) });
  const rd = (f) => fs.readFileSync(path.join(ROOT, f), 'utf8');
  const cases = {
    llama: () => [[{ name: 'LICENSE', text: rd('crate/data/corpus/ai/llama-3.1-community.txt') },
      { name: 'USE_POLICY.md', text: rd('crate/data/corpus/ai/llama-3.1-aup.txt') }], { hf_license: 'llama3.1' }],
    'apache+card': () => [[{ name: 'LICENSE', text: rd('crate/data/corpus/spdx/Apache-2.0.txt') }], {
      hf_license: 'apache-2.0',
      hf_metadata: JSON.parse(rd('tests/e2e/fixtures/huggingface/api-google-bert__bert-base-uncased.json')),
      model_card: rd('crate/tests/fixtures/hub-metadata/built_open-release-apache.README.md'),
    }],
  };
  const [docs, opts] = cases[caseName]();
  const steps = [];
  if (warm === 'warm' && typeof engine.warm === 'function') {
    for (let step = 0, more = true; more; step++) {
      const t = performance.now();
      more = engine.warm(step);
      steps.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 0)); // as the worker does: a task boundary per step
    }
  }
  const t = performance.now();
  engine.analyze(docs, opts);
  console.log(JSON.stringify({ steps, analyze: performance.now() - t }));
  process.exit(0);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs) => `${median(xs).toFixed(0).padStart(5)} ${Math.max(...xs).toFixed(0).padStart(5)}`;
const run = (c, w) => JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', c, w], { encoding: 'utf8' }));

console.log(`Fine Print cold engine bench (Node ${process.version}): ${RUNS} fresh processes per cell, ms (median max)`);
console.log(`${'case'.padEnd(12)} ${'no warm-up'.padStart(11)} ${'warm-up steps (each)'.padStart(30)} ${'warm-up total'.padStart(13)} ${'after warm-up'.padStart(13)}`);
for (const c of ['llama', 'apache+card']) {
  const cold = [];
  const after = [];
  const total = [];
  const each = [];
  for (let i = 0; i < RUNS; i++) {
    cold.push(run(c, 'cold').analyze);
    const w = run(c, 'warm');
    after.push(w.analyze);
    total.push(w.steps.reduce((a, b) => a + b, 0));
    w.steps.forEach((s, k) => (each[k] ??= []).push(s));
  }
  const steps = each.map((xs) => median(xs).toFixed(0)).join(' / ');
  console.log(`${c.padEnd(12)} ${fmt(cold)} ${steps.padStart(30)} ${fmt(total).padStart(13)} ${fmt(after).padStart(13)}`);
}
