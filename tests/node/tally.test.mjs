// scripts/test-tally.sh, the closing lines of scripts/test.sh, on the real output of both runners: a
// timed-out (cancelled) Node test counts as failed, skipped/todo/ignored tests are shown, a section not
// run is named, and the last line stays the plain "N passed, N failed, N skipped".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './engine.mjs';

const TALLY = path.join(ROOT, 'scripts/test-tally.sh');

function tally(log, env = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-tally-'));
  try {
    fs.writeFileSync(path.join(dir, 'log'), log);
    const r = spawnSync('bash', [TALLY, path.join(dir, 'log')], { encoding: 'utf8', env: { ...process.env, SKIPPED_SECTIONS: '', FAILED_SUITES: '', ...env } });
    const lines = r.stdout.trim().split('\n');
    return { status: r.status, lines, last: lines.at(-1), out: r.stdout };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// A real Node run: one pass, one fail, one timeout (cancelled), one skip, one todo.
function nodeRun() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-tally-run-'));
  try {
    fs.writeFileSync(path.join(dir, 'mixed.test.mjs'), [
      "import { test } from 'node:test';",
      "test('passes', () => {});",
      "test('fails', () => { throw new Error('x'); });",
      "test('times out', { timeout: 50 }, () => new Promise((r) => setTimeout(r, 2000)));",
      "test('skipped', { skip: 'on purpose' }, () => {});",
      "test('todo', { todo: true }, () => {});",
    ].join('\n'));
    // Without the parent runner's NODE_TEST_CONTEXT, or the child refuses to run files.
    const env = { ...process.env };
    delete env.NODE_TEST_CONTEXT;
    const r = spawnSync(process.execPath, ['--test', '--test-reporter=tap', path.join(dir, 'mixed.test.mjs')], { encoding: 'utf8', env });
    return r.stdout + r.stderr;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const CARGO = 'test result: FAILED. 7 passed; 1 failed; 2 ignored; 0 measured; 0 filtered out; finished in 0.10s\n';

test('a cancelled (timed-out) Node test counts as failed; skipped, todo and ignored are shown and counted', () => {
  const log = nodeRun();
  assert.match(log, /^# cancelled 1$/m, 'the runner reports the timeout as cancelled, not as failed');
  const t = tally(log + CARGO);
  assert.equal(t.status, 1);
  assert.equal(t.last, '8 passed, 3 failed, 4 skipped');
  assert.ok(t.lines.includes('tally: 8 passed, 2 failed, 1 cancelled (counted as failed), 1 skipped, 1 todo, 2 ignored (Rust)'), t.out);
});

test('a clean run exits 0 with the plain closing line', () => {
  const t = tally('test result: ok. 5 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out\n# pass 3\n# fail 0\n# cancelled 0\n');
  assert.equal(t.status, 0);
  assert.equal(t.last, '8 passed, 0 failed, 0 skipped');
  assert.match(t.last, /^\d+ passed, \d+ failed, \d+ skipped$/);
});

test('a section skipped on purpose exits 0, is named before and in the closing line, and its tests count as skipped', () => {
  const t = tally('# pass 3\n# fail 0\n', { SKIPPED_SECTIONS: 'Firefox tests|FINEPRINT_SKIP_FIREFOX=1|7' });
  assert.equal(t.status, 0);
  assert.ok(t.lines.includes('NOT RUN on purpose: Firefox tests (7 tests; FINEPRINT_SKIP_FIREFOX=1)'), t.out);
  assert.equal(t.last, 'firefox_skipped: 3 passed, 0 failed, 7 skipped');
  // The CI form: one word with a colon may stand before "N passed, N failed[, N skipped]".
  assert.match(t.last, /^\w+: \d+ passed, \d+ failed, \d+ skipped$/);
});

test('a suite that failed without a counted failure (a crash, a build error) is never "0 failed"', () => {
  const t = tally('# pass 3\n# fail 0\n', { FAILED_SUITES: 'cargo test\n' });
  assert.equal(t.status, 1);
  assert.equal(t.last, '3 passed, 1 failed, 0 skipped');
});
