// Test helper: the shipped WASM engine, loaded the way the extension loads it (--target web glue, initSync).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function loadEngine() {
  const pkg = path.join(ROOT, 'extension/pkg');
  const glue = await import(path.join(pkg, 'fineprint.js'));
  glue.initSync({ module: fs.readFileSync(path.join(pkg, 'fineprint_bg.wasm')) });
  return glue;
}

export function readCorpus(rel) {
  return fs.readFileSync(path.join(ROOT, 'crate/data/corpus', rel), 'utf8');
}
