// Benchmark (not a test): where a cold engine's time goes on the four Hugging Face fixture cases of
// scripts/bench-hf.mjs, in Node over the shipped extension/pkg, each run a fresh Node process.
//   bash scripts/build-wasm.sh && node scripts/bench-phases.mjs [RUNS]     (default 5)
// FINEPRINT_PKG=DIR times another build's pkg (for before/after pairs).
// Per case, median and maximum (ms) of:
//   compile      WebAssembly.compile of the .wasm bytes (the worker streams it: compileStreaming)
//   instantiate  instantiating the compiled module (wasm-bindgen's initSync)
//   identify     identification alone of the case's documents, first call of the process
//   analyze      then the whole analysis (clauses, verdict, report), identification now warm
//   cold         in another process: the first analysis with nothing before it (what a badge pays
//                when the worker's warm-up did not run)
//   warm-up      the worker's warm-up steps (engine.warm) in a third process, then
//   after        the first analysis of the case after them (the badge's path when the page is slower
//                than the warm-up)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.argv[2] ?? 5);
const rd = (f) => fs.readFileSync(path.join(ROOT, f), 'utf8');
const fx = (f) => rd(`tests/e2e/fixtures/huggingface/${f}`);

/** The engine's input per case, as the worker passes it for the bench's fixture pages. */
export function phaseCases() {
  const gatedApi = JSON.parse(fx('api-meta-llama__Llama-3.2-3B-gated.json'));
  const meta = (id, cardData) => ({ id, cardData, tags: ['transformers', 'safetensors', `license:${cardData.license}`, 'region:us'] });
  return {
    apache: [[{ name: 'LICENSE', text: rd('crate/data/corpus/spdx/Apache-2.0.txt') }],
      { hf_license: 'apache-2.0', hf_metadata: meta('bench/apache', { license: 'apache-2.0' }) }],
    llama: [[{ name: 'LICENSE', text: rd('crate/data/corpus/ai/llama-3.1-community.txt') },
      { name: 'USE_POLICY.md', text: rd('crate/data/corpus/ai/llama-3.1-aup.txt') }],
    { hf_license: 'llama3.1', hf_metadata: meta('bench/llama', { license: 'llama3.1', license_link: 'LICENSE' }) }],
    gated: [[{ name: 'the model’s access form', text: rd('crate/data/corpus/ai/llama-3.2-community.txt') }],
      { hf_license: 'llama3.2', hf_metadata: { ...meta('meta-llama/Llama-3.2-3B', { license: 'llama3.2' }), gated: (gatedApi.response ?? gatedApi.data)?.gated ?? 'manual' } }],
    custom: [[{ name: 'LICENSE.md', text: fx('acme-model-license.md') }],
      { hf_license: 'other', license_name: 'acme-1.0', hf_metadata: meta('bench/custom', { license: 'other', license_name: 'acme-1.0', license_link: 'LICENSE.md' }) }],
  };
}

if (process.argv[2] === '--child') {
  const [, , , caseName, mode] = process.argv;
  const pkg = process.env.FINEPRINT_PKG || path.join(ROOT, 'extension/pkg');
  const engine = await import(path.join(pkg, 'fineprint.js'));
  const bytes = fs.readFileSync(path.join(pkg, 'fineprint_bg.wasm'));
  const out = {};
  let t = performance.now();
  const module = await WebAssembly.compile(bytes);
  out.compile = performance.now() - t;
  t = performance.now();
  engine.initSync({ module });
  out.instantiate = performance.now() - t;
  const [docs, opts] = phaseCases()[caseName];
  if (mode === 'split') {
    t = performance.now();
    engine.identify(docs);
    out.identify = performance.now() - t;
    t = performance.now();
    engine.analyze(docs, opts);
    out.analyze = performance.now() - t;
  } else if (mode === 'cold') {
    t = performance.now();
    engine.analyze(docs, opts);
    out.cold = performance.now() - t;
  } else {
    t = performance.now();
    for (let step = 0, more = true; more; step++) {
      more = engine.warm(step);
      await new Promise((r) => setTimeout(r, 0));
    }
    out.warmup = performance.now() - t;
    t = performance.now();
    engine.analyze(docs, opts);
    out.after = performance.now() - t;
  }
  console.log(JSON.stringify(out));
  process.exit(0);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs) => (xs.length ? `${median(xs).toFixed(0).padStart(5)} ${Math.max(...xs).toFixed(0).padStart(5)}` : '    -     -');
const run = (c, m) => JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', c, m], { encoding: 'utf8' }));
const COLS = ['compile', 'instantiate', 'identify', 'analyze', 'cold', 'warmup', 'after'];

console.log(`Fine Print engine phases (Node ${process.version}, ${fs.statSync(path.join(process.env.FINEPRINT_PKG || path.join(ROOT, 'extension/pkg'), 'fineprint_bg.wasm')).size} bytes): ${RUNS} fresh processes per cell, ms (median max)`);
console.log(`${'case'.padEnd(8)} ${COLS.map((c) => c.padStart(11)).join(' ')}`);
for (const c of Object.keys(phaseCases())) {
  const got = Object.fromEntries(COLS.map((k) => [k, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const m of ['split', 'cold', 'warm']) {
      for (const [k, v] of Object.entries(run(c, m))) got[k].push(v);
    }
  }
  console.log(`${c.padEnd(8)} ${COLS.map((k) => fmt(got[k]).padStart(11)).join(' ')}`);
}
