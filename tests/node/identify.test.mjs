// Identification in the shipped WASM (extension/pkg): the same answers as natively, with change
// offsets that are UTF-8 byte offsets into the text as given (JavaScript strings are UTF-16, so a
// caller slices the UTF-8 bytes, not the string).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine, readCorpus } from './engine.mjs';

const engine = await loadEngine();
const utf8 = (s) => Buffer.from(s, 'utf8');

test('every edition of the Llama license is itself, and the policy beside it is found', () => {
  for (const id of ['llama-2-community', 'llama-3-community', 'llama-3.1-community', 'llama-3.2-community', 'llama-3.3-community', 'llama-4-community']) {
    const r = engine.identify([{ name: 'LICENSE', text: readCorpus(`ai/${id}.txt`) }]);
    assert.equal(r.primary.id, id);
    assert.equal(r.primary.match, 'exact');
  }
  const r = engine.identify([
    { name: 'USE_POLICY.md', text: readCorpus('ai/llama-3.2-aup.txt') },
    { name: 'LICENSE', text: readCorpus('ai/llama-3.2-community.txt') },
  ]);
  assert.equal(r.primary.id, 'llama-3.2-community');
  assert.equal(r.primary.doc, 1);
  assert.deepEqual(r.others.map((m) => m.id), ['llama-3.2-aup']);
});

test('a changed threshold is listed at its byte offsets, after non-ASCII text', () => {
  const text = readCorpus('ai/llama-3.1-community.txt').replace('700 million', '7 million');
  const r = engine.identify([{ name: 'LICENSE', text }]);
  assert.equal(r.primary.id, 'llama-3.1-community');
  assert.equal(r.primary.match, 'modified');
  const c = r.primary.changes.find((c) => c.kind === 'replaced' && c.original === '700');
  assert.ok(c, JSON.stringify(r.primary.changes));
  assert.equal(utf8(text).subarray(c.start, c.end).toString('utf8'), '7');
});

test('an unknown text is unknown; empty and markup-only input find nothing', () => {
  for (const text of ['', '<p></p>', 'The quick brown fox jumps over the lazy dog.']) {
    const r = engine.identify([{ name: 'x', text }]);
    assert.equal(r.primary.match, 'unknown');
    assert.equal(r.primary.id, null);
  }
});
