// Benchmark (not a test): what the shipped .wasm is made of, per part, raw and gzipped.
//   bash scripts/build-wasm.sh && node scripts/bench-size.mjs [WASM]   (default extension/pkg/fineprint_bg.wasm)
// Reads the module's sections (no wasm-objdump needed): code (the functions), data (every constant the
// engine embeds), the rest (types, imports, exports, tables). The data is then split by the files the
// crate embeds whole (include_str!/include_bytes!): each is looked for in the data section, byte for
// byte, and counted where it is found. What remains of the data is generated tables (the detectors'
// word gates, the knowledge base's facts), the strings of the code and the regex crates' Unicode
// tables. A part is gzipped alone, so the parts' gzip sizes do not add up to the whole file's.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = process.argv[2] ?? path.join(ROOT, 'extension/pkg/fineprint_bg.wasm');
const wasm = fs.readFileSync(file);

function leb(buf, at) {
  let n = 0;
  let shift = 0;
  for (;;) {
    const b = buf[at++];
    n += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [n, at];
  }
}

const NAMES = { 0: 'custom', 1: 'type', 2: 'import', 3: 'function', 4: 'table', 5: 'memory', 6: 'global', 7: 'export', 8: 'start', 9: 'element', 10: 'code', 11: 'data', 12: 'datacount' };
const sections = [];
for (let at = 8; at < wasm.length;) {
  const id = wasm[at];
  const [size, body] = leb(wasm, at + 1);
  sections.push({ id, name: NAMES[id] ?? `id${id}`, start: body, end: body + size });
  at = body + size;
}
const data = sections.find((s) => s.id === 11);
const code = sections.find((s) => s.id === 10);
// The data segments' bytes, joined (an active segment: flags, offset expression, size, bytes).
const segs = [];
if (data) {
  let [count, at] = leb(wasm, data.start);
  for (; count > 0; count--) {
    const [flags, a1] = leb(wasm, at);
    at = a1;
    if (flags === 0 || flags === 2) {
      if (flags === 2) at = leb(wasm, at)[1];
      while (wasm[at] !== 0x0b) at++; // the constant offset expression
      at++;
    }
    const [size, a2] = leb(wasm, at);
    segs.push(wasm.subarray(a2, a2 + size));
    at = a2 + size;
  }
}
const dataBytes = Buffer.concat(segs);

const gz = (b) => zlib.gzipSync(b, { level: 9 }).length;
const row = (name, bytes, note = '') => console.log(`${name.padEnd(44)} ${String(bytes.length).padStart(9)} ${String(gz(bytes)).padStart(9)}  ${note}`);

// The files embedded whole, by part. kb.bin is build.rs's output (the knowledge base's texts).
const outDirs = ['wasm32-unknown-unknown/wasm', 'release'].flatMap((p) => {
  const d = path.join(ROOT, 'target', p, 'build');
  return fs.existsSync(d) ? fs.readdirSync(d).filter((x) => x.startsWith('fineprint-')).map((x) => path.join(d, x, 'out')) : [];
}).filter((d) => fs.existsSync(path.join(d, 'kb.bin'))).sort((a, b) => fs.statSync(path.join(b, 'kb.bin')).mtimeMs - fs.statSync(path.join(a, 'kb.bin')).mtimeMs);
const EMBEDDED = [
  ['knowledge base: kb.bin (build.rs)', outDirs[0] && path.join(outDirs[0], 'kb.bin')],
  ['knowledge base: license-names.tsv', 'crate/data/license-names.tsv'],
  ['knowledge base: equivalent-words.txt', 'crate/data/equivalent-words.txt'],
  ['knowledge base: declared-terms.tsv', 'crate/data/declared-terms.tsv'],
  ['detectors: clauses.txt', 'crate/data/clauses.txt'],
  ['detectors: slots.txt', 'crate/data/slots.txt'],
  ['detectors: known-hits.txt', 'crate/data/known-hits.txt'],
  ['strings: languages.txt', 'crate/data/languages.txt'],
  ['warm-up: MIT.txt', 'crate/data/corpus/spdx/MIT.txt'],
];

console.log(`${path.relative(ROOT, file)}: ${wasm.length} bytes, ${gz(wasm)} gzipped`);
console.log(`${'part'.padEnd(44)} ${'bytes'.padStart(9)} ${'gzip'.padStart(9)}`);
if (code) row('code (functions)', wasm.subarray(code.start, code.end));
const other = sections.filter((s) => s.id !== 10 && s.id !== 11).map((s) => wasm.subarray(s.start, s.end));
row('other sections (types, imports, exports, ...)', Buffer.concat(other));
row('data (all constants)', dataBytes);
let found = 0;
for (const [name, rel] of EMBEDDED) {
  if (!rel) {
    console.log(`${name.padEnd(44)} (not built: run scripts/build-wasm.sh)`);
    continue;
  }
  const bytes = fs.readFileSync(path.isAbsolute(rel) ? rel : path.join(ROOT, rel));
  const inData = dataBytes.indexOf(bytes) >= 0;
  if (inData) found += bytes.length;
  row(`  ${name}`, bytes, inData ? '' : '(not found in the data: not embedded whole)');
}
console.log(`${'  rest of the data (generated tables, strings)'.padEnd(44)} ${String(dataBytes.length - found).padStart(9)}`);
