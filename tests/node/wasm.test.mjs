// Loads the shipped, optimized extension/pkg/fineprint_bg.wasm in Node and calls it:
// exactly the file the extension and the checker page load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine, readCorpus } from './engine.mjs';

const engine = await loadEngine();

test('the shipped wasm answers with a report in the contract shape', () => {
  const r = engine.analyze([], { hf_license: 'apache-2.0' });
  assert.equal(r.license.id, 'Apache-2.0');
  assert.equal(r.license.match, 'declared');
  for (const key of ['license', 'verdict', 'osi_approved', 'clauses', 'badge']) assert.ok(key in r, key);
  assert.ok(['open', 'restricted', 'non-commercial', 'research-only', 'unknown'].includes(r.verdict.class));
  assert.equal(typeof r.disclaimer, 'string');
});

test('the shipped wasm analyses a license text: MIT is itself, exact, open', () => {
  const text = readCorpus('spdx/MIT.txt');
  const r = engine.analyze([{ name: 'LICENSE', text }], {});
  assert.equal(r.license.id, 'MIT');
  assert.equal(r.license.match, 'exact');
  assert.equal(r.verdict.class, 'open');
  assert.equal(r.badge.class, 'open-weights-permissive');
  assert.equal(r.osi_approved, true);
  assert.ok(Array.isArray(r.clauses));
  // No restriction is read into the MIT text.
  for (const k of ['noncommercial', 'research_only', 'mau_threshold', 'use_restrictions', 'output_training_ban']) {
    assert.ok(!r.clauses.some((c) => c.kind === k), k);
  }
  assert.ok(r.engine.kb_licenses >= 781);
});

test('the shipped wasm reads the Llama 3.1 license: its id, restricted, and the 700,000,000 monthly users threshold quoted', () => {
  const text = readCorpus('ai/llama-3.1-community.txt');
  const r = engine.analyze([{ name: 'LICENSE', text }], {});
  assert.equal(r.license.id, 'llama-3.1-community');
  assert.equal(r.license.match, 'exact');
  assert.equal(r.verdict.class, 'restricted');
  assert.equal(r.badge.class, 'open-weights-restricted');
  const mau = r.clauses.find((c) => c.kind === 'mau_threshold');
  assert.ok(mau, 'an MAU threshold clause');
  assert.equal(mau.value, 700000000);
  const q = mau.evidence[0];
  // Offsets are UTF-8 byte offsets (the contract), and the text has curly quotes before the clause.
  assert.equal(Buffer.from(text, 'utf8').subarray(q.start, q.end).toString('utf8'), q.quote);
  assert.match(q.quote, /700 million monthly active users/);
  // The declared id alone gives the same license and class, without clauses read from a text.
  const d = engine.analyze([], { hf_license: 'llama3.1' });
  assert.equal(d.license.id, 'llama-3.1-community');
  assert.equal(d.license.match, 'declared');
  assert.equal(d.verdict.class, 'restricted');
});

test('bad input throws a one-line reason instead of crashing', () => {
  assert.throws(() => engine.analyze([{ name: 'x', text: '' }], {}), /empty/);
  assert.throws(() => engine.analyze([{ name: 'x', text: 'a\u0000b' }], {}), /binary/);
  assert.throws(() => engine.analyze('not an array', {}), /bad documents/);
  // The engine still works after errors.
  assert.equal(engine.analyze([], { hf_license: 'mit' }).license.id, 'MIT');
});
