#!/usr/bin/env node
// Hand-picked mutations of the core (a bounded stand-in for `cargo mutants`, which takes hours on the
// whole crate with 2 shared cores): each one breaks a rule on purpose, runs the tests that should notice,
// and puts the file back. A mutation the tests do not notice "survives".
//
//   node scripts/mutants.mjs            run every mutation (one cargo build + the named tests each)
//   node scripts/mutants.mjs --list     list them (exit 1 when one no longer matches its file)
//   node scripts/mutants.mjs NAME...    run only these
//
// The list is code: every `from` must occur exactly once in its file, so a refactor that moves the rule
// makes the script fail loudly instead of mutating nothing. Survivors that are accepted say why
// (`accepted`); any other survivor fails the run. Results are written to target/mutants-hand.txt.
// Not part of scripts/test.sh (minutes per mutation on a busy machine); README "Testing" has the last run.
// It edits crate/src in place and puts each file back after its run: start it on a passing tree, and if it
// is killed mid-run, `git checkout crate/src` restores the mutated file (or run it in a copy of the tree).
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TIMEOUT_S = Number(process.env.FINEPRINT_MUTANT_TIMEOUT ?? 900);

// Where the core files are: the flat layout, or the one after the crate/src restructure.
function src(...candidates) {
  for (const c of candidates) if (fs.existsSync(path.join(ROOT, 'crate/src', c))) return `crate/src/${c}`;
  return `crate/src/${candidates[0]}`;
}
const LINEAGE = src('model/lineage.rs', 'lineage.rs');
const VERDICT = src('judge/verdict.rs', 'verdict.rs');
const VALUES = src('clauses/values.rs');

const LINEAGE_TESTS = ['--test', 'lineage_rules', '--test', 'lineage_fixtures', '--test', 'lineage_cli'];
const VERDICT_TESTS = ['--lib', '--test', 'labels', '--test', 'verdict_additions', '--test', 'declared_terms', '--test', 'clauses_spdx', '--test', 'verdict_rules'];
const VALUE_TESTS = ['--lib', '--test', 'clauses_values', '--test', 'labels', '--test', 'clauses_spdx', '--test', 'clauses_data', '--test', 'clauses_variants'];

export const MUTANTS = [
  // ---- lineage: the effective class and the relabel rule
  { name: 'lineage-unknown-floor', file: LINEAGE, tests: LINEAGE_TESTS,
    from: 'Some((r, s)) if (unknown.is_empty() && !own_unknown) || r >= 3 =>',
    to: 'Some((r, s)) if (unknown.is_empty() && !own_unknown) || r >= 4 =>' },
  { name: 'lineage-setter-ties', file: LINEAGE, tests: LINEAGE_TESTS,
    from: 'if known.is_none_or(|(m, _)| r > m) {', to: 'if known.is_none_or(|(m, _)| r >= m) {' },
  { name: 'lineage-relabel-freer', file: LINEAGE, tests: LINEAGE_TESTS,
    from: '(Some(o), Some(a)) if o < a)', to: '(Some(o), Some(a)) if o <= a)' },
  { name: 'lineage-relabel-open-shortcut', file: LINEAGE, tests: LINEAGE_TESTS,
    from: 'own_verdict.class == VerdictClass::Open\n            ||', to: 'false\n            ||' },
  { name: 'lineage-relabel-same-license', file: LINEAGE, tests: LINEAGE_TESTS,
    from: '&& n.license_id.as_deref().map(str::to_ascii_lowercase) != own_id\n', to: '\n' },
  { name: 'lineage-open-base-binds', file: LINEAGE, tests: LINEAGE_TESTS,
    from: 'node.passes_on = inf.verdict.class != VerdictClass::Open;', to: 'node.passes_on = true;' },
  { name: 'lineage-osai-cap', file: LINEAGE, tests: LINEAGE_TESTS,
    from: 'if known.map(|k| k.0) == Some(0) && node.badge != Some(BadgeClass::OpenSourceAi) {',
    to: 'if false && known.map(|k| k.0) == Some(0) && node.badge != Some(BadgeClass::OpenSourceAi) {' },
  { name: 'lineage-depth-bound', file: LINEAGE, tests: LINEAGE_TESTS,
    from: 'if depth > MAX_DEPTH {', to: 'if depth >= MAX_DEPTH {' },
  { name: 'lineage-count-bound', file: LINEAGE, tests: LINEAGE_TESTS,
    from: 'if w.nodes.len() >= MAX_ANCESTORS {', to: 'if w.nodes.len() > MAX_ANCESTORS {' },
  { name: 'lineage-unread-is-known', file: LINEAGE, tests: LINEAGE_TESTS,
    from: '                unread += 1;\n                unknown.push(node.id.clone());', to: '                unread += 1;' },

  // ---- verdict: the class from the license and its clauses
  { name: 'verdict-research-only-ignored', file: VERDICT, tests: VERDICT_TESTS,
    from: 'if let Some(c) = has("research_only") {', to: 'if let Some(c) = has("research_only_mutant") {' },
  { name: 'verdict-noncommercial-ignored', file: VERDICT, tests: VERDICT_TESTS,
    from: 'if let Some(c) = has("noncommercial") {', to: 'if let Some(c) = has("noncommercial_mutant") {' },
  { name: 'verdict-rider-in-other-doc', file: VERDICT, tests: VERDICT_TESTS,
    from: '.filter(|c| !(known_open && as_is) || c.evidence.iter().any(|e| e.doc != license.doc))',
    to: '.filter(|c| !(known_open && as_is))' },
  { name: 'verdict-cc-nc-counts-open', file: VERDICT, tests: VERDICT_TESTS,
    from: 'id_l.strip_prefix(&p_l).map(|rest| rest.starts_with(|c: char| c.is_ascii_digit())).unwrap_or(false)',
    to: 'id_l.starts_with(&p_l)' },
  { name: 'verdict-geo-not-restricting', file: VERDICT, tests: VERDICT_TESTS,
    from: '    "geo_exclusion",\n    "output_training_ban",', to: '    "output_training_ban",' },
  { name: 'verdict-sspl-open', file: VERDICT, tests: VERDICT_TESTS,
    from: 'if found.signal("_service_source") && !known_open {', to: 'if false && found.signal("_service_source") && !known_open {' },
  { name: 'verdict-equivalent-not-as-is', file: VERDICT, tests: VERDICT_TESTS,
    from: 'matches!(license.match_kind, MatchKind::Exact | MatchKind::Equivalent)\n', to: 'matches!(license.match_kind, MatchKind::Exact)\n' },

  // ---- values: numbers, multipliers, units
  { name: 'values-thousand', file: VALUES, tests: VALUE_TESTS,
    from: 'Some("thousand") | Some("k") => 1_000,', to: 'Some("thousand") | Some("k") => 1,' },
  { name: 'values-billion', file: VALUES, tests: VALUE_TESTS,
    from: 'Some("billion") | Some("b") | Some("bn") => 1_000_000_000,', to: 'Some("billion") | Some("b") | Some("bn") => 1_000_000,' },
  { name: 'values-fraction', file: VALUES, tests: VALUE_TESTS,
    from: 'v = v.checked_add(f.checked_mul(m)? / scale)?;', to: 'let _ = (f, scale);' },
  { name: 'values-users-per-month', file: VALUES, tests: VALUE_TESTS,
    from: 'let per = g("per").map(period).unwrap_or("month");', to: 'let per = g("per").map(period).unwrap_or("year");' },
  { name: 'values-euro', file: VALUES, tests: VALUE_TESTS,
    from: '"eur" | "euro" | "euros" | "欧元" => "EUR",', to: '"eur" | "euro" | "euros" | "欧元" => "USD",' },
];

// Survivors that are understood, with the reason (README "Testing" repeats them).
const ACCEPTED = {};

function run(m) {
  const file = path.join(ROOT, m.file);
  const orig = fs.readFileSync(file, 'utf8');
  const n = orig.split(m.from).length - 1;
  if (n !== 1) return { ...m, result: 'stale', detail: `"from" occurs ${n} times in ${m.file}` };
  fs.writeFileSync(file, orig.replace(m.from, m.to));
  const t0 = Date.now();
  try {
    const r = spawnSync('cargo', ['test', '-q', ...m.tests], { cwd: ROOT, encoding: 'utf8', timeout: TIMEOUT_S * 1000, maxBuffer: 64 << 20 });
    const secs = Math.round((Date.now() - t0) / 1000);
    const out = `${r.stdout}\n${r.stderr}`;
    if (r.error?.code === 'ETIMEDOUT') return { ...m, result: 'killed', detail: `timeout after ${secs}s`, secs };
    if (/error(\[E\d+\])?: /.test(r.stderr) && !/test result:/.test(out)) return { ...m, result: 'unviable', detail: 'does not build', secs };
    if (r.status === 0) return { ...m, result: 'survived', secs };
    const failing = [...out.matchAll(/^---- (\S+) stdout ----$/gm)].map((x) => x[1]);
    return { ...m, result: 'killed', detail: failing.slice(0, 4).join(', ') || `exit ${r.status}`, secs };
  } finally {
    fs.writeFileSync(file, orig);
  }
}

/** Mutations whose `from` is not exactly once in its file (the list is out of date). */
export function stale() {
  return MUTANTS.filter((m) => fs.readFileSync(path.join(ROOT, m.file), 'utf8').split(m.from).length !== 2).map((m) => m.name);
}

function main() {
  const args = process.argv.slice(2);
  if (args.includes('--list') || args.includes('--check')) {
    for (const m of MUTANTS) console.log(`${m.name.padEnd(34)} ${m.file}  ${m.from.trim().split('\n')[0]}`);
    const s = stale();
    if (s.length) console.log(`stale (not exactly once in its file): ${s.join(' ')}`);
    process.exit(s.length ? 1 : 0);
  }
  const chosen = args.length ? MUTANTS.filter((m) => args.includes(m.name)) : MUTANTS;
  if (args.length && chosen.length !== args.length) {
    console.error(`unknown mutation: ${args.filter((a) => !MUTANTS.some((m) => m.name === a)).join(' ')}`);
    process.exit(2);
  }
  const results = [];
  for (const m of chosen) {
    const r = run(m);
    results.push(r);
    console.log(`${r.result.padEnd(9)} ${r.name}${r.secs != null ? ` (${r.secs}s)` : ''}${r.detail ? ` — ${r.detail}` : ''}`);
  }
  const count = (k) => results.filter((r) => r.result === k).length;
  const bad = results.filter((r) => (r.result === 'survived' && !ACCEPTED[r.name]) || r.result === 'stale');
  const summary = `${count('killed')} killed, ${count('survived')} survived (${results.filter((r) => r.result === 'survived' && ACCEPTED[r.name]).length} accepted), ${count('unviable')} unviable, ${count('stale')} stale`;
  console.log(summary);
  fs.mkdirSync(path.join(ROOT, 'target'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'target/mutants-hand.txt'), results.map((r) => `${r.result}\t${r.name}\t${r.detail ?? ''}`).join('\n') + `\n${summary}\n`);
  process.exit(bad.length ? 1 : 0);
}

// Run only as a command, never on import (a test imports the list to check it is current).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
