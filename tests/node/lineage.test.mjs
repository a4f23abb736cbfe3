// The lineage API of the shipped wasm, driven the way the extension will drive it:
// baseModels / pendingAncestors to decide what to fetch (here from saved /api/models answers),
// then analyze with hf_metadata + ancestors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadEngine, ROOT } from './engine.mjs';

const engine = await loadEngine();
const DIR = path.join(ROOT, 'crate/tests/fixtures/hub-metadata');
const load = (name) => JSON.parse(fs.readFileSync(path.join(DIR, name), 'utf8')).response;
// A fake hub: id -> /api/models answer, from the fixtures.
const HUB = new Map(
  fs.readdirSync(DIR).filter((f) => f.endsWith('.json')).map(load).filter((m) => m && m.id).map((m) => [m.id, m]),
);

// The extension's loop: ask what is pending, fetch it (within a budget), repeat.
function fetchAncestors(meta, budget = 10) {
  const ancestors = [];
  let requests = 0;
  for (;;) {
    const want = engine.pendingAncestors(meta, ancestors);
    if (want.length === 0 || requests >= budget) return { ancestors, requests };
    for (const id of want) {
      if (requests >= budget) break;
      requests++;
      const m = HUB.get(id);
      ancestors.push(m ? { id, metadata: m } : { id, error: 'HTTP 404' });
    }
  }
}

test('baseModels reads the relation from a saved Hub answer', () => {
  const bases = engine.baseModels(load('real_api_models_deepset__roberta-base-squad2.json'));
  assert.deepEqual(bases, [{ id: 'FacebookAI/roberta-base', relation: 'finetune', source: 'tag' }]);
  assert.deepEqual(engine.baseModels(load('real_api_models_google-bert__bert-base-uncased.json')), []);
  assert.deepEqual(engine.lineageLimits(), { maxDepth: 5, maxAncestors: 32 });
});

test('an apache-labelled Llama fine-tune is flagged after fetching its base', () => {
  const meta = load('built_llama3-finetune-labelled-apache.json');
  const { ancestors, requests } = fetchAncestors(meta);
  assert.equal(requests, 1);
  const r = engine.analyze([], { hf_metadata: meta, ancestors });
  assert.equal(r.license.id, 'Apache-2.0');
  assert.equal(r.lineage.chain[0].status, 'gated');
  assert.match(r.lineage.relabel, /^labelled apache-2\.0, based on meta-llama\/Meta-Llama-3-8B — the .*Llama 3.* applies$/);
  assert.notEqual(r.badge.class, 'open-weights-permissive');
  assert.equal(r.recipe.dimensions.length, 8);
});

test('a GGUF quantization of Gemma walks two levels; an unreachable base leaves the badge unclear', () => {
  const meta = load('built_gemma-2-9b-it-GGUF.json');
  const { ancestors, requests } = fetchAncestors(meta);
  assert.equal(requests, 2);
  const r = engine.analyze([], { hf_metadata: meta, ancestors });
  assert.deepEqual(r.lineage.chain.map((n) => [n.id, n.relation, n.depth]), [
    ['google/gemma-2-9b-it', 'quantized', 1],
    ['google/gemma-2-9b', 'finetune', 2],
  ]);
  assert.equal(r.lineage.complete, true);

  const cut = engine.analyze([], { hf_metadata: load('built_llama3-finetune-labelled-apache.json'), ancestors: [{ id: 'meta-llama/Meta-Llama-3-8B', error: 'HTTP 401' }] });
  assert.equal(cut.lineage.chain[0].status, 'unavailable');
  assert.equal(cut.badge.class, 'unknown');
});

test('a fully open release with its card earns open-source-ai; a cycle ends', () => {
  const card = fs.readFileSync(path.join(DIR, 'built_open-release-apache.README.md'), 'utf8');
  const r = engine.analyze([], { hf_metadata: load('built_open-release-apache.json'), model_card: card });
  assert.equal(r.badge.class, 'open-source-ai');
  assert.equal(r.recipe.mof.class, 'I');

  const a = load('built_cycle-a.json');
  const { ancestors } = fetchAncestors(a);
  const c = engine.analyze([], { hf_metadata: a, ancestors });
  assert.deepEqual(c.lineage.chain.map((n) => n.status), ['found', 'cycle']);
});

test('an ancestor report made earlier crosses sendMessage (JSON) and sets the class', () => {
  const llama = engine.analyze(
    [{ name: 'LICENSE', text: fs.readFileSync(path.join(ROOT, 'crate/data/corpus/ai/llama-3-community.txt'), 'utf8') }],
    { hf_license: 'llama3' },
  );
  const report = JSON.parse(JSON.stringify(llama));
  const meta = load('built_llama3-finetune-labelled-apache.json');
  const ancestors = [{ id: 'meta-llama/Meta-Llama-3-8B', metadata: HUB.get('meta-llama/Meta-Llama-3-8B'), report }];
  const r = engine.analyze([], { hf_metadata: meta, ancestors });
  assert.equal(llama.verdict.class, 'restricted');
  assert.equal(r.lineage.chain[0].verdict, 'restricted');
  assert.equal(r.badge.class, 'open-weights-restricted');
  assert.equal(r.lineage.effective.from, 'meta-llama/Meta-Llama-3-8B');
  assert.match(r.badge.text, /^Commercial OK · conditions: labelled apache-2\.0/);
});

test('odd metadata shapes are read; a non-object is refused with a reason', () => {
  const r = engine.analyze([], { hf_metadata: load('built_odd-shapes.json') });
  assert.equal(r.license.id, 'MIT');
  assert.throws(() => engine.baseModels('meta-llama/Llama-3-8B'), /bad metadata/);
  assert.throws(() => engine.pendingAncestors({}, 'nope'), /bad ancestors/);
  assert.deepEqual(engine.baseModels({}), []);
  // Absent values as the extension may send them: null and undefined mean "not given".
  assert.equal(engine.analyze([], { hf_license: 'mit', hf_metadata: null, ancestors: undefined }).license.id, 'MIT');
  assert.equal(engine.analyze([], { hf_license: 'mit', ancestors: null, model_card: null }).license.id, 'MIT');
  const r2 = engine.analyze([], {
    hf_metadata: { id: 'a/b', cardData: { license: 'mit', base_model: 'c/d' } },
    ancestors: [{ id: 'c/d', metadata: null, report: undefined, error: undefined }],
  });
  assert.equal(r2.lineage.chain[0].status, 'unavailable');
});

test('the personal answer of a whole report judges its binding base models\' clauses too', () => {
  // An Apache-labelled fine-tune of a Llama 3 base whose gated prompt holds its license (as Meta's does).
  const base = 'meta-llama/Meta-Llama-3-8B';
  const llama = fs.readFileSync(path.join(ROOT, 'crate/data/corpus/ai/llama-3-community.txt'), 'utf8');
  const meta = { id: 'acme/apache-tune', modelId: 'acme/apache-tune', cardData: { license: 'apache-2.0', base_model: base }, tags: [`base_model:${base}`] };
  const ancestors = [{ id: base, metadata: { id: base, modelId: base, gated: 'manual', cardData: { license: 'llama3', extra_gated_prompt: llama } } }];
  const report = engine.analyze([{ name: 'LICENSE', text: fs.readFileSync(path.join(ROOT, 'crate/data/corpus/spdx/Apache-2.0.txt'), 'utf8') }], { hf_metadata: meta, ancestors });
  assert.equal(report.lineage.inherited[0].from, base);
  const profile = { purpose: 'product', monthly_users: 'over_700m' };
  const own = engine.personalAnswer(report.clauses, profile);
  const all = engine.personalAnswer(report, profile);
  const mau = all.clauses.find((c) => c.kind === 'mau_threshold');
  assert.ok(mau, JSON.stringify(all.clauses.map((c) => c.kind)));
  assert.equal(mau.from_base, base);
  assert.equal(mau.outcome, 'needs_permission');
  assert.ok(!own.clauses.some((c) => c.kind === 'mau_threshold'), 'the Apache text alone has no threshold');
  assert.notEqual(all.overall, own.overall);
  // The five answers say the same: commercial use has the base's conditions.
  const com = report.answers.find((a) => a.question === 'commercial_use');
  assert.equal(com.answer, 'allowed-with-conditions');
  assert.equal(com.from_base, base);
});
