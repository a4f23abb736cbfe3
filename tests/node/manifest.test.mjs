// The manifest's invariants: Manifest V3 for Chrome and Firefox, WASM allowed only in extension pages,
// every referenced file present, the fewest permissions, no remote code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './engine.mjs';

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'manifest.json'), 'utf8'));
// Hubs the extension may touch (issue 5 and 8); anything else in host permissions is a defect.
const ALLOWED_HOSTS = /^https:\/\/([a-z0-9-]+\.)*(huggingface\.co|ollama\.com|ollama\.ai|civitai\.com|modelscope\.cn|kaggle\.com|github\.com|githubusercontent\.com)\/\*$/;

test('Manifest V3 loadable by Chrome and Firefox', () => {
  assert.equal(manifest.manifest_version, 3);
  const bg = manifest.background;
  assert.ok(bg.service_worker, 'Chrome needs background.service_worker');
  assert.deepEqual(bg.scripts, [bg.service_worker], 'Firefox needs background.scripts, the same file');
  assert.equal(bg.type, 'module');
  const gecko = manifest.browser_specific_settings?.gecko;
  assert.match(gecko?.id ?? '', /^[^@\s]+@[^@\s]+$/);
  assert.deepEqual(gecko.data_collection_permissions, { required: ['none'] });
});

test('WASM may compile in extension pages, and nothing else is loosened', () => {
  const csp = manifest.content_security_policy.extension_pages;
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  assert.ok(!csp.includes("'unsafe-eval'"), 'no plain unsafe-eval');
  assert.doesNotMatch(csp, /https?:|\*|'unsafe-inline'/);
});

test('every file the manifest names exists', () => {
  const files = [manifest.background.service_worker];
  for (const cs of manifest.content_scripts ?? []) files.push(...(cs.js ?? []), ...(cs.css ?? []));
  if (manifest.action?.default_popup) files.push(manifest.action.default_popup);
  if (manifest.options_ui?.page) files.push(manifest.options_ui.page);
  for (const icon of Object.values(manifest.icons ?? {})) files.push(icon);
  for (const f of files) assert.ok(fs.existsSync(path.join(ROOT, f)), `${f} is missing`);
});

test('fewest permissions: only storage-like APIs and the hubs', () => {
  const allowedApis = new Set(['storage', 'activeTab']);
  for (const p of manifest.permissions ?? []) assert.ok(allowedApis.has(p), `unexpected permission ${p}`);
  for (const h of manifest.host_permissions ?? []) assert.match(h, ALLOWED_HOSTS, `host permission ${h}`);
  for (const cs of manifest.content_scripts ?? []) {
    for (const m of cs.matches) assert.match(m, ALLOWED_HOSTS, `content script match ${m}`);
  }
  assert.equal(manifest.externally_connectable, undefined);
});

test('the store\'s permission justifications name exactly the manifest\'s hosts', () => {
  // docs/store/permissions.md: one table for the host permissions, one for the content scripts' sites.
  const doc = fs.readFileSync(path.join(ROOT, 'docs/store/permissions.md'), 'utf8');
  const section = (title) => {
    const body = doc.split(/\n## /).find((part) => part.startsWith(title));
    assert.ok(body, `permissions.md has the section "${title}"`);
    const rows = body.split('\n').filter((l) => /^\| `/.test(l));
    for (const r of rows) assert.ok(r.split('|')[2].trim().length > 20, `a reason for ${r.split('|')[1].trim()}`);
    return rows.flatMap((r) => [...r.split('|')[1].matchAll(/`([^`]+)`/g)].map((m) => m[1])).sort();
  };
  assert.deepEqual(section('Host permissions'), [...manifest.host_permissions].sort(), 'host permissions');
  const matches = new Set((manifest.content_scripts ?? []).flatMap((cs) => cs.matches));
  assert.deepEqual(section('Sites the badge runs on'), [...matches].sort(), 'content script sites');
  for (const p of manifest.permissions ?? []) assert.match(doc, new RegExp(`^## \`${p}\`$`, 'm'), `a justification for the permission ${p}`);
});

test('no remote code: extension scripts load nothing from the network', () => {
  const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]);
  const sources = walk(path.join(ROOT, 'extension')).filter((f) => /\.(js|mjs|html)$/.test(f));
  assert.ok(sources.length > 0);
  for (const f of sources) {
    const s = fs.readFileSync(f, 'utf8');
    assert.doesNotMatch(s, /<script[^>]+src=["']https?:/i, `${f} loads a remote script`);
    assert.doesNotMatch(s, /\bimport\s*(\(|[^;]*from\s*)["']https?:/, `${f} imports remote code`);
    assert.doesNotMatch(s, /\beval\s*\(|new\s+Function\s*\(/, `${f} evaluates strings as code`);
  }
});
