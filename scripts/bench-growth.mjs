// Benchmark (not a test): how an analysis's time and memory grow with its input, in Node over the
// shipped extension/pkg.   bash scripts/build-wasm.sh && node scripts/bench-growth.mjs [RUNS]   (default 3)
// FINEPRINT_PKG=DIR times another build's pkg.
// Four series, each row in a fresh Node process (a fresh engine, so memory is this input's own):
//   size      one document of N bytes (1 KB to the 2 MiB cap), made of the corpus's texts in turn
//   docs      N documents of 16 KB each (the worker passes at most 8)
//   bases     a model with N declared base models, each with its metadata (a merge)
//   clauses   one document of the detector file's first N `yes` examples, one per kind in turn
// Per row: the median of RUNS analyses of the same input after one (ms; the first, cold, is printed
// apart), ms per KB or per item (linear growth keeps it flat), the clauses found, and the engine's
// linear memory after the analyses (WebAssembly memory never shrinks: this is its peak), in MiB.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHILD = process.argv[2] === '--child';
const RUNS = Number((CHILD ? process.argv[5] : process.argv[2]) ?? 3);
const PKG = process.env.FINEPRINT_PKG || path.join(ROOT, 'extension/pkg');
const CAP = 2 * 1024 * 1024;

function corpusMix(bytes) {
  const dir = path.join(ROOT, 'crate/data/corpus');
  const texts = ['ai', 'spdx'].flatMap((d) => fs.readdirSync(path.join(dir, d)).sort().map((f) => path.join(dir, d, f)));
  let out = '';
  // Every 7th text, so the mix holds licenses of every kind, not the alphabet's first.
  for (let i = 0; out.length < bytes; i = (i + 7) % texts.length) out += `${fs.readFileSync(texts[i], 'utf8')}\n\n`;
  return Buffer.from(out).subarray(0, bytes).toString().replace(/\uFFFD+$/, ''); // N bytes of UTF-8, cut at a character
}

function yesExamples(n) {
  const lines = fs.readFileSync(path.join(ROOT, 'crate/data/clauses.txt'), 'utf8').split('\n');
  const byKind = [];
  let cur = null;
  for (const l of lines) {
    if (l.startsWith('kind ')) byKind.push((cur = []));
    else if (l.startsWith('yes ') && cur) cur.push(l.slice(4).trim());
  }
  const out = [];
  for (let round = 0; out.length < n && byKind.some((k) => k.length > round); round++) {
    for (const k of byKind) if (k[round] && out.length < n) out.push(k[round]);
  }
  return out;
}

function input(series, n) {
  if (series === 'size') return [[{ name: 'LICENSE', text: corpusMix(n) }], {}];
  if (series === 'docs') return [Array.from({ length: n }, (_, i) => ({ name: `LICENSE-${i}`, text: corpusMix(16384 * (i + 1)).slice(16384 * i) })), {}];
  if (series === 'bases') {
    const parts = Array.from({ length: n }, (_, i) => ({ id: `org/p${i}`, metadata: { id: `org/p${i}`, cardData: { license: ['mit', 'apache-2.0', 'llama3.1', 'cc-by-nc-4.0'][i % 4] } } }));
    return [[], { hf_metadata: { id: 'org/merge', cardData: { license: 'mit', base_model: parts.map((p) => p.id) } }, ancestors: parts }];
  }
  return [[{ name: 'LICENSE', text: yesExamples(n).join('\n\n') }], {}];
}

if (CHILD) {
  const [, , , series, nRaw] = process.argv;
  const engine = await import(path.join(PKG, 'fineprint.js'));
  const wasm = engine.initSync({ module: new WebAssembly.Module(fs.readFileSync(path.join(PKG, 'fineprint_bg.wasm'))) });
  const [docs, opts] = input(series, Number(nRaw));
  const bytes = docs.reduce((a, d) => a + Buffer.byteLength(d.text), 0);
  let t = performance.now();
  let report = engine.analyze(docs, opts);
  const cold = performance.now() - t;
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    t = performance.now();
    report = engine.analyze(docs, opts);
    times.push(performance.now() - t);
  }
  const clauses = report.clauses?.length ?? 0;
  const quotes = (report.clauses ?? []).reduce((a, c) => a + c.evidence.length, 0);
  console.log(JSON.stringify({ bytes, cold, warm: times.sort((a, b) => a - b)[times.length >> 1], clauses, quotes, mem: wasm.memory.buffer.byteLength }));
  process.exit(0);
}

const run = (s, n) => JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', s, String(n), String(RUNS)], { encoding: 'utf8', maxBuffer: 1 << 26 }));
const SERIES = {
  size: [1024, 4096, 16384, 65536, 262144, 1048576, CAP - 4096],
  docs: [1, 2, 4, 8],
  bases: [1, 4, 16, 64],
  clauses: [4, 16, 64, 256],
};
console.log(`Fine Print growth bench (Node ${process.version}): median of ${RUNS} analyses after one, each row a fresh engine`);
console.log(`${'series'.padEnd(8)} ${'n'.padStart(8)} ${'bytes'.padStart(9)} ${'cold ms'.padStart(8)} ${'warm ms'.padStart(8)} ${'ms/unit'.padStart(9)} ${'clauses'.padStart(7)} ${'quotes'.padStart(6)} ${'mem MiB'.padStart(8)}`);
for (const [s, ns] of Object.entries(SERIES)) {
  for (const n of ns) {
    const r = run(s, n);
    // The unit: a KB of text for size and docs, one base model, one example sentence.
    const units = s === 'size' || s === 'docs' ? r.bytes / 1024 : n;
    console.log(`${s.padEnd(8)} ${String(n).padStart(8)} ${String(r.bytes).padStart(9)} ${r.cold.toFixed(1).padStart(8)} ${r.warm.toFixed(1).padStart(8)} ${(r.warm / units).toFixed(3).padStart(9)} ${String(r.clauses).padStart(7)} ${String(r.quotes).padStart(6)} ${(r.mem / 1048576).toFixed(1).padStart(8)}`);
  }
}
