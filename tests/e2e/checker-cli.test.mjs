// Issue 6, "done when": for every file of crate/data/corpus/ai/ (the repository's copy of
// shared/corpus/ai/), the checker page gives the same report as the CLI, field by field.
// The page reads the file through its file input, as a person choosing it would; the CLI is the debug
// build of this checkout (built here if needed; cargo makes it a no-op when it is fresh).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { ROOT } from './harness.mjs';
import { openChecker, result } from './checker-lib.mjs';

const CORPUS = path.join(ROOT, 'crate/data/corpus/ai');
const FILES = fs.readdirSync(CORPUS).filter((f) => fs.statSync(path.join(CORPUS, f)).isFile()).sort();
const CLI = path.join(ROOT, 'target/debug/fineprint');
const run = promisify(execFile);

let c;
let cli;
before(async () => {
  execFileSync('cargo', ['build', '-q', '-p', 'fineprint', '--bin', 'fineprint'], { cwd: ROOT, stdio: 'inherit' });
  // The CLI runs from the corpus folder with bare file names: the names the page sees.
  const reports = new Map();
  const queue = [...FILES];
  await Promise.all([0, 1].map(async () => {
    for (let f = queue.shift(); f; f = queue.shift()) {
      const { stdout } = await run(CLI, ['analyze', '--json', f], { cwd: CORPUS, maxBuffer: 64 << 20 });
      reports.set(f, JSON.parse(stdout));
    }
  }));
  cli = reports;
  c = await openChecker();
});
after(async () => { await c?.close(); });

/** Field-by-field comparison with a message naming the first field that differs. */
function sameReport(page, cliReport, file) {
  assert.deepEqual(Object.keys(page).sort(), Object.keys(cliReport).sort(), `${file}: report fields`);
  for (const key of Object.keys(cliReport)) {
    if (key === 'clauses') {
      assert.equal(page.clauses.length, cliReport.clauses.length, `${file}: number of clauses`);
      cliReport.clauses.forEach((cl, i) => assert.deepEqual(page.clauses[i], cl, `${file}: clauses[${i}] (${cl.kind})`));
    } else if (cliReport[key] && typeof cliReport[key] === 'object' && !Array.isArray(cliReport[key])) {
      for (const sub of new Set([...Object.keys(cliReport[key]), ...Object.keys(page[key] ?? {})])) {
        assert.deepEqual(page[key]?.[sub], cliReport[key][sub], `${file}: ${key}.${sub}`);
      }
    } else {
      assert.deepEqual(page[key], cliReport[key], `${file}: ${key}`);
    }
  }
}

test(`the page and the CLI give the same report for each of the ${FILES.length} files of corpus/ai`, async () => {
  assert.ok(FILES.length >= 40, 'the corpus is there');
  const seen = new Set();
  for (const f of FILES) {
    await c.page.click('#clear');
    await c.page.setInputFiles('#files', path.join(CORPUS, f));
    await c.page.waitForFunction((name) => globalThis.FinePrintChecker.docs[0]?.name === name
      && document.querySelector('[data-fineprint-result]').dataset.state === 'result', f);
    const r = await result(c.page);
    sameReport(r.report, cli.get(f), f);
    assert.equal(r.license, cli.get(f).license.id ?? '', `${f}: data-license`);
    assert.equal(r.verdict, cli.get(f).verdict.class, `${f}: data-verdict`);
    seen.add(cli.get(f).license.id);
  }
  // A comparison of many identical "unknown" reports would prove little: the corpus identifies.
  assert.ok(seen.size >= FILES.length / 2, `distinct licenses identified: ${seen.size}`);
});
