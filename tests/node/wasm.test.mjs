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

test('the shipped wasm analyses a license text', () => {
  const text = readCorpus('spdx/MIT.txt');
  const r = engine.analyze([{ name: 'LICENSE', text }], {});
  assert.equal(typeof r.license.match, 'string');
  assert.ok(Array.isArray(r.clauses));
  assert.ok(r.engine.kb_licenses >= 781);
});

test('bad input throws a one-line reason instead of crashing', () => {
  assert.throws(() => engine.analyze([{ name: 'x', text: '' }], {}), /empty/);
  assert.throws(() => engine.analyze([{ name: 'x', text: 'a\u0000b' }], {}), /binary/);
  assert.throws(() => engine.analyze('not an array', {}), /bad documents/);
  // The engine still works after errors.
  assert.equal(engine.analyze([], { hf_license: 'mit' }).license.id, 'MIT');
});
