// Benchmark: what lineage and recipe cost in the shipped wasm (extension/pkg), per model page.
// Prints milliseconds per call. Run after scripts/build-wasm.sh:  node scripts/bench-lineage.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = path.join(ROOT, 'extension/pkg');
const glue = await import(path.join(pkg, 'fineprint.js'));
glue.initSync({ module: fs.readFileSync(path.join(pkg, 'fineprint_bg.wasm')) });
const DIR = path.join(ROOT, 'crate/tests/fixtures/hub-metadata');
const load = (n) => JSON.parse(fs.readFileSync(path.join(DIR, n), 'utf8')).response;
const llamaText = fs.readFileSync(path.join(ROOT, 'crate/data/corpus/ai/llama-3-community.txt'), 'utf8');
const card = fs.readFileSync(path.join(DIR, 'built_open-release-apache.README.md'), 'utf8');

function time(label, n, f) {
  f();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) f();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6 / n;
  console.log(`${label.padEnd(70)} ${ms.toFixed(3)} ms`);
}

// 1. Declared ids only: a fine-tune and its gated base (the common case).
const ft = load('built_llama3-finetune-labelled-apache.json');
const base = load('built_meta-llama__Meta-Llama-3-8B.json');
time('analyze: fine-tune + 1 ancestor (base prompt = 1.2 KB of license)', 50, () =>
  glue.analyze([], { hf_metadata: ft, ancestors: [{ id: base.id, metadata: base }] }));

// 2. Worst case the walk allows: 5 levels, each ancestor's gated prompt the full Llama 3 license.
const chain = [];
for (let i = 1; i <= 5; i++) {
  chain.push({ id: `org/m${i}`, metadata: { id: `org/m${i}`, gated: 'manual', cardData: { license: 'llama3', base_model: i < 5 ? `org/m${i + 1}` : undefined, extra_gated_prompt: llamaText } } });
}
const top = { id: 'org/m0', cardData: { license: 'apache-2.0', base_model: 'org/m1' }, siblings: [{ rfilename: 'model.safetensors' }] };
time('analyze: 5 levels, each prompt the full Llama 3 license (~9 KB)', 5, () => glue.analyze([], { hf_metadata: top, ancestors: chain }));

// 3. A merge of 32 declared-only bases.
const parts = Array.from({ length: 32 }, (_, i) => ({ id: `org/p${i}`, metadata: { id: `org/p${i}`, cardData: { license: 'mit' } } }));
const merge = { id: 'org/merge', cardData: { license: 'mit', base_model: parts.map((p) => p.id) } };
time('analyze: merge of 32 declared-only bases', 20, () => glue.analyze([], { hf_metadata: merge, ancestors: parts }));

// 4. The fetch planner and the recipe alone.
time('pendingAncestors: 5-level chain, all given', 200, () => glue.pendingAncestors(top, chain));
time('analyze: open release with its model card (recipe from 2 KB card)', 50, () =>
  glue.analyze([], { hf_metadata: load('built_open-release-apache.json'), model_card: card }));
