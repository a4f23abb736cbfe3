// The content-script lists: every hub entry loads the runtime's pieces in the order they depend on
// each other (message names, the bounded fetch, runtime, badge), its hub adapter last; the panel and
// the breakdown are not loaded with the page but imported on the first click, so they are
// web-accessible, to the hubs' pages only, at a per-session URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './harness.mjs';

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'manifest.json'), 'utf8'));
const ORDER = ['extension/shared/messages.js', 'extension/shared/fetch.js', 'extension/content/runtime.js', 'extension/shared/i18n.js', 'extension/ui/badge.js'];
const PANEL = ['extension/ui/breakdown.js', 'extension/ui/panel.js'];

// The one entry that is no hub adapter: at document_start, message names, Hugging Face URLs (read by
// sites/huggingface.js later in the same isolated world), then the wake-up (content/wake.js).
const WAKE = ['extension/shared/messages.js', 'extension/content/hf-url.js', 'extension/content/wake.js'];
const isWake = (cs) => cs.js.includes('extension/content/wake.js');

test('the wake-up entry runs first on Hugging Face and loads nothing else', () => {
  const wake = manifest.content_scripts.filter(isWake);
  assert.equal(wake.length, 1);
  assert.deepEqual(wake[0].js, WAKE);
  assert.equal(wake[0].run_at, 'document_start');
  assert.deepEqual(wake[0].matches, ['https://huggingface.co/*']);
});

test('every content-script entry loads messages, fetch, runtime, i18n, badge in order, then its adapters', () => {
  assert.ok(manifest.content_scripts.length > 0);
  for (const cs of manifest.content_scripts.filter((c) => !isWake(c))) {
    const js = cs.js;
    const shared = js.filter((f) => ORDER.includes(f));
    assert.deepEqual(shared, ORDER, `shared scripts of ${cs.matches}`);
    assert.ok(!js.some((f) => PANEL.includes(f)), `the panel is imported on click, not loaded with ${cs.matches}`);
    assert.deepEqual(js.slice(0, shared.length), shared, 'shared scripts come first');
    const sites = js.slice(shared.length);
    assert.ok(sites.length > 0 && sites.every((f) => /^extension\/sites\/[a-z0-9-]+\.js$/.test(f)), `adapters last: ${sites}`);
  }
});

test('the panel scripts are web-accessible to the hub pages only, at a per-session URL', () => {
  const war = manifest.web_accessible_resources;
  assert.equal(war.length, 1);
  assert.deepEqual(war[0].resources, PANEL);
  assert.equal(war[0].use_dynamic_url, true);
  const pages = new Set(manifest.content_scripts.filter((c) => !isWake(c)).flatMap((c) => c.matches));
  assert.deepEqual(new Set(war[0].matches), pages);
});

test('the Hugging Face entry runs on huggingface.co only, and the popup and options pages exist', () => {
  const hf = manifest.content_scripts.find((cs) => cs.js.includes('extension/sites/huggingface.js'));
  assert.deepEqual(hf.matches, ['https://huggingface.co/*']);
  assert.ok(manifest.host_permissions.includes('https://huggingface.co/*'));
  for (const f of [manifest.action.default_popup, manifest.options_ui.page]) {
    assert.ok(fs.existsSync(path.join(ROOT, f)), f);
  }
});

test('profile questions: data the options page renders, each deciding known clause kinds', () => {
  const q = JSON.parse(fs.readFileSync(path.join(ROOT, 'extension/shared/profile-questions.json'), 'utf8'));
  const kinds = new Set(JSON.parse(fs.readFileSync(path.join(ROOT, 'crate/data/clause-kinds.json'), 'utf8')).clause_kinds.map((k) => k.id));
  // The ten questions of shared/spec/profile.md: the last ("contract", five terms at once) is kept hidden,
  // for stored profiles and policies, and asked as five questions of one term each.
  const shown = q.questions.filter((x) => !x.hidden);
  const hidden = q.questions.filter((x) => x.hidden);
  assert.equal(q.questions.length, 15);
  assert.deepEqual(hidden.map((x) => x.id), ['contract']);
  assert.equal(shown.length, 14);
  const contract = hidden[0];
  const parts = shown.filter((x) => x.decides.every((k) => contract.decides.includes(k)));
  for (const k of contract.decides) {
    assert.equal(parts.filter((x) => x.decides.includes(k)).length, 1, `${k}: asked by exactly one of the five`);
  }
  assert.ok(parts.every((x) => x.decides.length === 1), 'one term per control');
  // The questions the panel asks inline: what you build, where you are, whether you train on outputs.
  assert.deepEqual(q.questions.filter((x) => x.inline).map((x) => x.id), ['use', 'region', 'output_training']);
  const ids = new Set();
  for (const question of q.questions) {
    assert.match(question.id, /^[a-z_]+$/);
    assert.ok(!ids.has(question.id), `duplicate question ${question.id}`);
    ids.add(question.id);
    assert.ok(question.text.endsWith('?'), question.text);
    assert.ok(question.answers.length >= 2);
    const answerIds = question.answers.map((a) => a.id);
    assert.equal(new Set(answerIds).size, answerIds.length, `duplicate answer in ${question.id}`);
    assert.ok(!answerIds.includes('not_sure'), 'not_sure is added by the code, for every question');
    for (const k of question.decides) assert.ok(kinds.has(k), `${question.id} decides unknown clause kind ${k}`);
  }
});
