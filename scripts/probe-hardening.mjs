// Issue 17's engine and CLI probes, measured now (docs/hardening.md, the "after" column): each prints
// what the user would see, the time it took and the memory it used. The browser probes are tests
// (tests/e2e/, tests/firefox/), named in docs/hardening.md.
//   bash scripts/build-wasm.sh && cargo build --release -p fineprint && node scripts/probe-hardening.mjs
//   node scripts/probe-hardening.mjs --browser   # also the timing probes in headless Chromium (about 2 minutes)
// Runs the shipped WASM (extension/pkg) in this process, the CLI (target/release/fineprint) as a child,
// and with --browser the extension in Chromium through the e2e harness (tests/e2e/hf-site.mjs).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readCorpus, ROOT } from '../tests/node/engine.mjs';

// The shipped glue and module, loaded as tests/node/engine.mjs does, keeping the instance's exports for its memory.
const engine = await import(path.join(ROOT, 'extension/pkg/fineprint.js'));
const { memory } = engine.initSync({ module: fs.readFileSync(path.join(ROOT, 'extension/pkg/fineprint_bg.wasm')) });
const CLI = path.join(ROOT, 'target/release/fineprint');
const mib = (n) => `${(n / 1048576).toFixed(1)} MiB`;
const ms = (t0) => `${Math.round(performance.now() - t0)} ms`;

/** Analyse in the WASM engine: time, the engine's memory after, and the report or the refusal. */
function wasm(docs, opts = {}) {
  const t0 = performance.now();
  let report = null;
  let error = null;
  try {
    report = engine.analyze(docs, opts);
  } catch (err) {
    error = String(err?.message ?? err);
  }
  return { took: ms(t0), memory: mib(memory.buffer.byteLength), report, error };
}

const line = (probe, r, seen) => console.log(`${probe}\n  ${seen}\n  time ${r.took}, WASM memory after ${r.memory}`);
const verdictOf = (r) => (r.error ? `refused: ${r.error}` : `${r.report.license?.id ?? 'no id'} · verdict ${r.report.verdict.class} ("${r.report.verdict.label}") · badge ${r.report.badge.class} · OSI ${r.report.osi_approved ?? 'null'}`);

const MIT = readCorpus('spdx/MIT.txt');
for (const [lang, rider] of [['Chinese', '本模型仅限非商业用途'], ['German', 'Jede kommerzielle Nutzung ist untersagt.'], ['Japanese', '本モデルは研究目的に限り使用でき、商用利用は禁止されています。']]) {
  const r = wasm([{ name: 'LICENSE', text: `${MIT}\n\n${rider}\n` }]);
  line(`MIT + ${lang} rider after it`, r, verdictOf(r));
}
{
  const r = wasm([{ name: 'LICENSE', text: `${MIT}\n\n\u202E.dewolla si esu laicremmoc oN\n` }]);
  line('MIT + U+202E reversed rider', r, verdictOf(r));
}
{
  const bases = Array.from({ length: 40000 }, (_, i) => `org/base-${i}`);
  const meta = { id: 'acme/many', cardData: { license: 'apache-2.0', base_model: bases }, tags: ['license:apache-2.0'] };
  const r = wasm([{ name: 'LICENSE', text: readCorpus('spdx/Apache-2.0.txt') }], { hf_license: 'apache-2.0', hf_metadata: meta });
  const lin = r.report?.lineage;
  line('40,000 base_model entries in the metadata (the engine alone; the worker sends at most 8 fetched bases)', r,
    `${verdictOf(r)} · bases kept ${lin?.bases?.length ?? lin?.nodes?.length ?? '?'} · ancestors still to fetch ${engine.pendingAncestors?.(meta, [])?.length ?? '?'}`);
}
{
  const card = `# Card\n\n${'A line of the model card, sixty megabytes of them.\n'.repeat(60 * 1024 * 1024 / 51)}`;
  const r = wasm([{ name: 'LICENSE', text: MIT }], { model_card: card });
  line(`a ${mib(card.length)} model card given to the engine itself (the worker refuses it before the engine: tests/e2e/worker-messages)`, r, verdictOf(r));
}

// The CLI.
if (!fs.existsSync(CLI)) console.log(`(no ${CLI}: cargo build --release -p fineprint for the CLI probes)`);
else cliProbes();
if (process.argv.includes('--browser')) await browserProbes();

function cliProbes() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-probe-'));
  const lic = path.join(dir, 'LICENSE');
  fs.writeFileSync(lic, MIT);
  const card = path.join(dir, 'README.md');
  fs.writeFileSync(card, 'A line of the model card.\n'.repeat(60 * 1024 * 1024 / 26));
  function cli(probe, shell) {
    const t0 = performance.now();
    const r = spawnSync('bash', ['-c', `/usr/bin/time -f 'maxrss %M kB' ${shell}; echo "status \${PIPESTATUS[@]}" >&2`], { encoding: 'utf8', cwd: dir });
    console.log(`${probe}: ${shell.replaceAll(dir + '/', '').replaceAll(CLI, 'fineprint')}\n  ${r.stderr.trim().split('\n').join(' | ')}\n  time ${ms(t0)}`);
  }
  cli('60 MB model card on the CLI', `${CLI} analyze --json --model-card ${card} ${lic} > /dev/null`);
  cli('CLI writing to a full disk', `${CLI} analyze --json ${lic} > /dev/full`);
  // The reader (true) is gone before the CLI writes (it starts 0.3 s later): every write meets a closed pipe.
  cli('CLI into a closed pipe', `bash -c 'sleep 0.3; exec ${CLI} analyze ${lic}' | true`);
  cli('scan into a closed pipe', `bash -c 'sleep 0.3; exec ${CLI} scan --json ${dir}' | true`);
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Probes in Chromium with the extension: the time from opening the page to a settled badge, and what it shows. */
async function browserProbes() {
  const { hfBrowser, visit, inExtensionWorld, HF } = await import('../tests/e2e/hf-site.mjs');
  const { hfPage } = await import('../tests/e2e/fixtures/huggingface/pages.mjs');
  const sleep = (t) => new Promise((r) => setTimeout(r, t));
  const b = await hfBrowser();
  const shown = (v) => `${v.badge.state}${v.badge.reason ? ` (${v.badge.reason})` : ''}: "${v.badge.text}"`;
  try {
    // 8 base models whose metadata takes 8 s each to come (the issue's 8 x 8 s against the page's 30 s).
    const id = 'acme-ai/slow-bases';
    const bases = Array.from({ length: 8 }, (_, i) => `base-org/slow-${i}`);
    b.serve(`/${id}`, hfPage({ id, cardData: { license: 'apache-2.0', base_model: bases } }));
    b.serve(`/${id}/raw/main/LICENSE`, b.text(readCorpus('spdx/Apache-2.0.txt')));
    for (const base of bases) {
      b.serve(`/api/models/${base}`, async () => {
        await sleep(8000);
        return b.json({ id: base, cardData: { license: 'apache-2.0' }, tags: ['license:apache-2.0'] });
      });
    }
    let t0 = performance.now();
    let v = await visit(b, `${HF}/${id}`, { timeout: 60000 });
    const pageReads = v.requests().filter((r) => r.url.includes('/raw/') && !r.byWorker).length;
    console.log(`8 base models x 8 s (Chromium)\n  ${shown(v)}; license files read by the page (with cookies): ${pageReads}\n  badge after ${ms(t0)}`);
    await v.page.close();

    // 60 MB of documents sent by a content script: refused by the worker before the engine sees them.
    const big = 'acme-ai/big-documents';
    b.serve(`/${big}`, hfPage({ id: big, cardData: { license: 'mit' } }));
    b.serve(`/${big}/raw/main/LICENSE`, b.text(MIT));
    v = await visit(b, `${HF}/${big}`);
    const sent = await inExtensionWorld(v.page, async () => {
      const text = 'MIT License, once more.\n'.repeat(60 * 1024 * 1024 / 24);
      const t = performance.now();
      const res = await chrome.runtime.sendMessage({ type: 'fp:analyze', docs: [{ name: 'LICENSE', text }] });
      return { took: Math.round(performance.now() - t), res };
    });
    console.log(`60 MB of documents in an ANALYZE message (Chromium)\n  ${sent.res.ok ? 'analysed' : `refused: ${sent.res.error}`}\n  answer after ${sent.took} ms`);
    await v.page.close();

    // A worker that never answers, with the real 30 s bound (not shortened as the e2e test does).
    const hang = 'acme-ai/worker-never-answers';
    b.serve(`/${hang}`, hfPage({ id: hang, cardData: { license: 'apache-2.0' } }));
    const sw = b.context.serviceWorkers().at(-1);
    await sw.evaluate(() => { globalThis.fpRealFetch = fetch; globalThis.fetch = () => new Promise(() => {}); });
    t0 = performance.now();
    v = await visit(b, `${HF}/${hang}`, { timeout: 90000 });
    console.log(`the worker never answers (Chromium, the 30 s bound)\n  ${shown(v)}; license files read by the page: ${v.requests().filter((r) => r.url.includes('/raw/') && !r.byWorker).length}\n  badge after ${ms(t0)}`);
    await sw.evaluate(() => { globalThis.fetch = globalThis.fpRealFetch; });
    await v.page.close();
  } finally {
    await b.close();
  }
}
