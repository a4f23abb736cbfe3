// Writes the clause vocabulary (crate/data/clause-kinds.json) into extension/ui/breakdown.js, between
// the "BEGIN GENERATED clause-kinds" and "END GENERATED clause-kinds" lines, as kind -> [label, why, severity].
// breakdown.js is a classic script (also a content script): it cannot import JSON, so the data is copied
// in, and tests/node/breakdown.test.mjs fails when the copy is out of date.
//   node scripts/gen-clause-kinds.mjs           rewrite the block
//   node scripts/gen-clause-kinds.mjs --check   exit 1 if the block differs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const VOCAB = path.join(ROOT, 'crate/data/clause-kinds.json');
export const TARGET = path.join(ROOT, 'extension/ui/breakdown.js');
const BEGIN = '// BEGIN GENERATED clause-kinds';
const END = '// END GENERATED clause-kinds';

export function generatedBlock(vocab) {
  const lines = ['  const KINDS = {'];
  for (const k of vocab.clause_kinds) {
    lines.push(`    ${k.id}: ${JSON.stringify([k.label, k.why, k.severity])},`);
  }
  lines.push('  };');
  return lines.join('\n');
}

export function withBlock(source, block) {
  const a = source.indexOf(BEGIN);
  const b = source.indexOf(END);
  if (a < 0 || b < a) throw new Error(`${TARGET}: markers not found`);
  const head = source.slice(0, source.indexOf('\n', a) + 1);
  const tail = source.slice(source.lastIndexOf('\n', b));
  return `${head}${block}${tail}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const vocab = JSON.parse(fs.readFileSync(VOCAB, 'utf8'));
  const source = fs.readFileSync(TARGET, 'utf8');
  const next = withBlock(source, generatedBlock(vocab));
  if (process.argv.includes('--check')) {
    if (next !== source) {
      console.error('extension/ui/breakdown.js is out of date: run node scripts/gen-clause-kinds.mjs');
      process.exit(1);
    }
  } else if (next !== source) {
    fs.writeFileSync(TARGET, next);
    console.log('extension/ui/breakdown.js: clause kinds updated');
  }
}
