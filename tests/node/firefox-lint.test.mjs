// Firefox's own linter (Mozilla's web-ext, offline) over the unpacked extension as users load it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './engine.mjs';

test('web-ext lint: the extension has no Firefox errors', () => {
  const bin = path.join(ROOT, 'node_modules/.bin/web-ext');
  const out = execFileSync(bin, ['lint', '--source-dir', ROOT, '--output', 'json', '--no-input',
    '--ignore-files', 'node_modules/**', 'target/**', 'crate/**', 'tests/**', 'scripts/**', '.ci/**', 'docs/**'],
  { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const report = JSON.parse(out);
  assert.deepEqual(report.errors.map((e) => `${e.code} ${e.file}: ${e.message}`), []);
  // The one expected warning: Firefox ignores background.service_worker and uses background.scripts.
  const unexpected = report.warnings.filter((w) => w.code !== 'BACKGROUND_SERVICE_WORKER_IGNORED');
  assert.deepEqual(unexpected.map((w) => `${w.code} ${w.file}: ${w.message}`), []);
});
