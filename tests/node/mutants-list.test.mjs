// scripts/mutants.mjs mutates the core by exact text: every mutation must still find its text, exactly
// once, or the mutation run would silently test nothing for it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MUTANTS, stale } from '../../scripts/mutants.mjs';

test('every hand-picked mutation still matches its source exactly once', () => {
  assert.ok(MUTANTS.length >= 20);
  assert.deepEqual(stale(), []);
  for (const m of MUTANTS) assert.notEqual(m.from, m.to, m.name);
  assert.equal(new Set(MUTANTS.map((m) => m.name)).size, MUTANTS.length, 'names are unique');
});
