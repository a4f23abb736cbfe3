// Benchmark: identification in the shipped wasm (extension/pkg), in Node. Prints numbers.
// Run after scripts/build-wasm.sh:  node scripts/bench-identify.mjs
//
// - module instantiation, and the first call (which reads the knowledge base's catalog);
// - the first non-exact call (which decodes the whole embedded index);
// - per text over the whole corpus as published (exact path), over the shared variants,
//   and over every text edited (rewrapped, three words inserted, a number changed: the
//   ranking + alignment path), via `identify` (identification alone) and `analyze`
//   (the whole report, for reference, every 8th text once); each identify timed 3 times, the best kept;
// - the .wasm size raw and gzipped, and the heap the module reached (its memory size).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = path.join(ROOT, 'extension/pkg');
const wasmPath = path.join(pkg, 'fineprint_bg.wasm');
const bytes = fs.readFileSync(wasmPath);
const glue = await import(path.join(pkg, 'fineprint.js'));

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
let t0 = process.hrtime.bigint();
const exports = glue.initSync({ module: bytes });
console.log(`instantiate: ${ms(t0).toFixed(1)} ms`);

const CORPUS = path.join(ROOT, 'crate/data/corpus');
const index = JSON.parse(fs.readFileSync(path.join(CORPUS, 'index.json'), 'utf8'));
const texts = index.map((e) => ({ id: e.id, text: fs.readFileSync(path.join(CORPUS, e.file), 'utf8') }));
const variants = JSON.parse(fs.readFileSync(path.join(CORPUS, 'variants/index.json'), 'utf8')).map((v) => ({
  id: v.license_id,
  text: fs.readFileSync(path.join(CORPUS, v.file), 'utf8'),
}));

function edited(t) {
  let out = '';
  for (const p of t.split('\n\n')) {
    let col = 0;
    for (const w of p.split(/\s+/).filter(Boolean)) {
      if (col > 0 && col + w.length > 60) {
        out += '\n';
        col = 0;
      } else if (col > 0) out += ' ';
      out += w;
      col += w.length + 1;
    }
    out += '\n\n';
  }
  let at = Math.floor(out.length / 2);
  while (at < out.length && out[at] !== ' ') at++;
  out = out.slice(0, at) + ' purple elephant umbrella' + out.slice(at);
  const d = out.search(/[0-9]/);
  if (d >= 0) out = out.slice(0, d) + (out[d] === '7' ? '8' : '7') + out.slice(d + 1);
  return out;
}

t0 = process.hrtime.bigint();
glue.identify([{ name: 'LICENSE', text: texts.find((t) => t.id === 'MIT').text }]);
console.log(`first call (exact, reads the catalog): ${ms(t0).toFixed(1)} ms`);
t0 = process.hrtime.bigint();
glue.identify([{ name: 'LICENSE', text: edited(texts.find((t) => t.id === 'MIT').text) }]);
console.log(`first non-exact call (decodes the whole index): ${ms(t0).toFixed(1)} ms`);

function stats(label, xs) {
  xs.sort((a, b) => a - b);
  const q = (p) => xs[Math.round((xs.length - 1) * p)];
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(
    `${label.padEnd(46)} n=${String(xs.length).padEnd(5)} median ${q(0.5).toFixed(3)} ms  p90 ${q(0.9).toFixed(3)} ms  worst ${xs[xs.length - 1].toFixed(3)} ms  mean ${mean.toFixed(3)} ms`,
  );
}

function bench(label, inputs, f, runs = 3) {
  const times = inputs.map((text) => {
    let best = Infinity;
    for (let k = 0; k < runs; k++) {
      const s = process.hrtime.bigint();
      f([{ name: 'LICENSE', text }]);
      best = Math.min(best, ms(s));
    }
    return best;
  });
  stats(label, times);
}

bench('identify: corpus as published (exact path)', texts.map((t) => t.text), glue.identify);
bench('identify: shared variants', variants.map((t) => t.text), glue.identify);
const edits = texts.map((t) => edited(t.text));
bench('identify: corpus edited (ranking + alignment)', edits, glue.identify);
// The whole report (clauses, verdict) for reference, on every 8th text, once each.
const every8 = (xs) => xs.filter((_, i) => i % 8 === 0);
bench('analyze (whole report): every 8th text as published', every8(texts.map((t) => t.text)), (d) => glue.analyze(d, {}), 1);
bench('analyze (whole report): every 8th text edited', every8(edits), (d) => glue.analyze(d, {}), 1);

const gz = zlib.gzipSync(bytes, { level: 9 }).length;
console.log(`wasm: ${bytes.length} bytes, ${gz} gzipped (gzip -9)`);
console.log(`wasm memory after the run: ${(exports.memory.buffer.byteLength / 1048576).toFixed(1)} MB`);
