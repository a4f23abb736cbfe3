// The store packages of scripts/package.sh: built by the script itself, unpacked here (a small zip
// reader: no unzip tool needed), their file lists checked against what the extension actually loads,
// their sizes against the built files, and each loaded in its browser until a badge shows: the Chrome
// zip unpacked in headless Chromium, the Firefox xpi installed as it is in headless Firefox (the harness
// of tests/firefox/; skipped with FINEPRINT_SKIP_FIREFOX=1 like the other Firefox tests).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { ROOT, launch, corpusText, settledBadge } from './harness.mjs';
import { hfPage } from './fixtures/huggingface/pages.mjs';

const VERSION = fs.readFileSync(path.join(ROOT, 'crate/Cargo.toml'), 'utf8').match(/^\[package\][^[]*?^version\s*=\s*"([^"]+)"/ms)[1];
const CHROME = path.join(ROOT, `dist/fineprint-chrome-${VERSION}.zip`);
const FIREFOX = path.join(ROOT, `dist/fineprint-firefox-${VERSION}.xpi`);
/** Budget for one package: today about 1 MB, nearly all of it the compressed WASM engine. */
const MAX_PACKAGE_BYTES = 4 * 1024 * 1024;

/** The entries of a zip archive: {name, data}, read from its central directory. */
function unzip(file) {
  const buf = fs.readFileSync(file);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, `${file}: not a zip archive`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = [];
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50, 'central directory entry');
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nlen = buf.readUInt16LE(p + 28);
    const xlen = buf.readUInt16LE(p + 30);
    const clen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nlen);
    p += 46 + nlen + xlen + clen;
    if (name.endsWith('/')) continue;
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + csize);
    const data = method === 0 ? raw : method === 8 ? zlib.inflateRawSync(raw) : assert.fail(`${name}: compression method ${method}`);
    assert.equal(data.length, size, `${name}: size in the directory`);
    out.push({ name, data });
  }
  return out;
}

function unpack(entries) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fineprint-pkg-'));
  for (const e of entries) {
    fs.mkdirSync(path.join(dir, path.dirname(e.name)), { recursive: true });
    fs.writeFileSync(path.join(dir, e.name), e.data);
  }
  return dir;
}

/**
 * The files the extension can load, followed from its manifest: the files it names, the scripts and
 * styles of its pages, static imports, `new URL('…', import.meta.url)`, and the extension paths its
 * scripts name (chrome.runtime.getURL('extension/…')).
 */
function reachable(dir) {
  const m = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const seen = new Set(['manifest.json']);
  const queue = [m.background?.service_worker, ...(m.background?.scripts ?? []), m.action?.default_popup, m.options_ui?.page,
    ...(m.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]),
    ...(m.web_accessible_resources ?? []).flatMap((w) => w.resources ?? []),
    ...Object.values(m.icons ?? {}), ...Object.values(m.action?.default_icon ?? {})].filter(Boolean);
  if (m.default_locale) {
    for (const l of fs.readdirSync(path.join(dir, '_locales'))) queue.push(`_locales/${l}/messages.json`);
  }
  while (queue.length) {
    const f = path.posix.normalize(queue.shift());
    if (seen.has(f)) continue;
    seen.add(f);
    const full = path.join(dir, f);
    assert.ok(fs.existsSync(full), `${f} is loaded but not in the package`);
    const text = /\.(js|mjs|html)$/.test(f) ? fs.readFileSync(full, 'utf8') : '';
    const here = path.posix.dirname(f);
    const rel = (r) => queue.push(path.posix.join(here, r));
    if (f.endsWith('.html')) for (const [, r] of text.matchAll(/(?:src|href)="(?!https?:|#|data:)([^"]+)"/g)) rel(r.replace(/[?#].*$/, ''));
    if (/\.m?js$/.test(f)) {
      for (const [, r] of text.matchAll(/(?:^|[;\s])import\s+(?:[^'"]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm)) rel(r);
      for (const [, r] of text.matchAll(/new URL\(['"]([^'"]+)['"],\s*import\.meta\.url\)/g)) rel(r);
      for (const [, r] of text.matchAll(/['"`](extension\/[\w./-]+\.(?:js|json|html|css|wasm))['"`]/g)) queue.push(r);
    }
  }
  return seen;
}

const FORBIDDEN = /(^|\/)(tests?|fixtures|crate|scripts|node_modules|target)\/|\.(rs|map|d\.ts|toml|md|sh|mjs\.map)$|(^|\/)\./;

let packages;
before(() => {
  execFileSync('bash', [path.join(ROOT, 'scripts/package.sh')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], timeout: 20 * 60 * 1000 });
  packages = { chrome: unzip(CHROME), firefox: unzip(FIREFOX) };
});

for (const browser of ['chrome', 'firefox']) {
  test(`${browser} package: exactly what the extension loads, at the built sizes`, () => {
    const file = browser === 'chrome' ? CHROME : FIREFOX;
    const entries = packages[browser];
    const names = entries.map((e) => e.name).sort();
    for (const n of names) assert.doesNotMatch(n, FORBIDDEN, `${n} has no place in a store package`);
    const dir = unpack(entries);
    try {
      assert.deepEqual(names, [...reachable(dir)].sort(), 'the package holds the files the extension loads, and no other');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    // Every file but the manifest is the repository's (the WASM: the one build-wasm.sh just made).
    for (const e of entries.filter((x) => x.name !== 'manifest.json')) {
      assert.ok(fs.readFileSync(path.join(ROOT, e.name)).equals(e.data), `${e.name} differs from the built file`);
    }
    const manifest = JSON.parse(entries.find((e) => e.name === 'manifest.json').data);
    const repo = JSON.parse(fs.readFileSync(path.join(ROOT, 'manifest.json'), 'utf8'));
    assert.equal(manifest.version, VERSION, 'the version is the crate\'s');
    if (browser === 'chrome') {
      assert.equal(manifest.browser_specific_settings, undefined);
      assert.equal(manifest.background.scripts, undefined);
      assert.equal(manifest.background.service_worker, repo.background.service_worker);
    } else {
      assert.deepEqual(manifest, repo, 'Firefox gets the repository\'s manifest as it is');
    }
    const size = fs.statSync(file).size;
    const wasm = entries.find((e) => e.name === 'extension/pkg/fineprint_bg.wasm');
    assert.ok(wasm && wasm.data.length > 100000, 'the engine is in');
    assert.ok(size < MAX_PACKAGE_BYTES, `${path.basename(file)} is ${size} bytes, over the ${MAX_PACKAGE_BYTES} budget`);
    assert.ok(size < entries.reduce((n, e) => n + e.data.length, 0), 'the archive is compressed');
  });
}

test('the checker site: its page and everything it loads', () => {
  const site = path.join(ROOT, 'dist/checker');
  const page = fs.readFileSync(path.join(site, 'checker/index.html'), 'utf8');
  for (const [, r] of page.matchAll(/(?:src|href)="(?!https?:|#)([^"]+)"/g)) {
    assert.ok(fs.existsSync(path.join(site, 'checker', r)), `checker/index.html loads ${r}`);
  }
  // The page's modules import one another (checker.js: input, fetch, render, ...): each import is there too.
  const modules = fs.readdirSync(path.join(site, 'checker')).filter((f) => f.endsWith('.js'));
  assert.ok(modules.length > 1, 'the checker is split into modules');
  for (const m of modules) {
    const src = fs.readFileSync(path.join(site, 'checker', m), 'utf8');
    assert.match(src, /^\/\/ \S/, `checker/${m} opens with a comment that says its job`);
    for (const [, r] of src.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'(\.{1,2}\/[^']+)'/gm)) {
      assert.ok(fs.existsSync(path.join(site, 'checker', r)), `checker/${m} imports ${r}`);
    }
  }
  for (const f of ['pkg/fineprint.js', 'pkg/fineprint_bg.wasm', 'shared/profile-questions.json', 'ui/breakdown.js']) {
    assert.ok(fs.existsSync(path.join(site, f)), f);
  }
  assert.match(fs.readFileSync(path.join(site, 'index.html'), 'utf8'), /url=checker\//);
  const all = fs.readdirSync(site, { recursive: true }).filter((f) => fs.statSync(path.join(site, f)).isFile());
  for (const f of all) assert.doesNotMatch(f, FORBIDDEN, f);
});

/** A Hugging Face model page and its LICENSE, for either browser's fake hub. */
const MODEL = 'acme-ai/packaged-apache';
const PAGE = () => hfPage({ id: MODEL, cardData: { license: 'apache-2.0' } });
const LICENSE = () => corpusText('spdx/Apache-2.0.txt');

test('Chromium runs the unpacked Chrome zip: a badge on a model page', async () => {
  const dir = unpack(packages.chrome);
  const b = await launch({
    extensionDir: dir,
    routes: [
      [`https://huggingface.co/${MODEL}`, { body: PAGE() }],
      [`https://huggingface.co/${MODEL}/raw/main/LICENSE`, { body: LICENSE(), contentType: 'text/plain; charset=utf-8' }],
    ],
  });
  try {
    const page = await b.context.newPage();
    await page.goto(`https://huggingface.co/${MODEL}`);
    const badge = await settledBadge(page, { timeout: 15000 });
    assert.deepEqual([badge.state, badge.license, badge.verdict], ['result', 'Apache-2.0', 'open-weights-permissive']);
    assert.deepEqual(b.pageErrors, []);
  } finally {
    await b.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('Firefox installs the xpi as it is: a badge on a model page',
  { skip: process.env.FINEPRINT_SKIP_FIREFOX === '1' && 'FINEPRINT_SKIP_FIREFOX=1' }, async () => {
    const { launchFirefox } = await import('../firefox/firefox.mjs');
    const ff = await launchFirefox({ extensionDir: FIREFOX });
    try {
      assert.equal(ff.addonId, 'fineprint@fineprint.dev');
      ff.serve(`/${MODEL}`, PAGE());
      ff.serve(`/${MODEL}/raw/main/LICENSE`, ff.text(LICENSE()));
      await ff.goto(`https://huggingface.co/${MODEL}`);
      const badge = await ff.waitFor(`(sel) => { const el = document.querySelector(sel); return el && {state: el.dataset.state, license: el.getAttribute('data-license'), verdict: el.getAttribute('data-verdict')}; }`,
        { what: 'a settled Fine Print badge', timeout: 30000 }, '[data-fineprint-badge]:is([data-state="result"],[data-state="error"])');
      assert.deepEqual([badge.state, badge.license, badge.verdict], ['result', 'Apache-2.0', 'open-weights-permissive']);
    } finally {
      await ff.close();
    }
  });
