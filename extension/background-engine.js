// The WASM engine in the worker: lazy start, warm-up in steps, one size cap checked before anything is copied into WASM, the personal answer.
// A content script would inherit the page's CSP, so the engine runs only here. It initializes on
// the first message that needs it (no top-level await in a service worker).
import './shared/profile.js';
import * as engineModule from './pkg/fineprint.js';

const Profile = globalThis.FinePrintProfile;

/**
 * One cap for everything an author or a page decides the size of in one analysis: every document,
 * the model card and the metadata (with its base models), counted in UTF-8 bytes here, before
 * anything crosses into WASM. The engine checks the same cap (crate analyze::MAX_INPUT_BYTES).
 */
export const MAX_INPUT_BYTES = 2 * 1024 * 1024;

// Timings of this worker's life, for scripts/bench-hf.mjs (MSG.STATS from an extension page). initMs
// runs from the engine's first use to a usable instance, so it includes whatever of the compile was
// still to do then; compileMs is the compile alone, from the wake-up.
export const stats = { startedAt: performance.now(), compileMs: null, initMs: null, warmMs: null, analyses: [] };

// The module, compiled once per worker life: streamed from the extension's own file as it is read
// (compileStreaming), else from its bytes. Compiling is started as early as the worker knows a page
// may need it (the page's wake-up, content/wake.js), before it has read its storage; instantiating
// and warming wait until the page is known to need the engine (prepareEngine).
const WASM_PATH = 'extension/pkg/fineprint_bg.wasm';
let compiled = null;
export function compileEngine() {
  compiled ??= (async () => {
    const t0 = performance.now();
    const url = chrome.runtime.getURL(WASM_PATH);
    let module = null;
    if (typeof WebAssembly.compileStreaming === 'function') {
      // A browser that does not serve the file as application/wasm refuses the stream: read the bytes.
      module = await WebAssembly.compileStreaming(fetch(url)).catch(() => null);
    }
    module ??= await WebAssembly.compile(await (await fetch(url)).arrayBuffer());
    stats.compileMs = performance.now() - t0;
    return module;
  })().catch((err) => { compiled = null; throw err; });
  return compiled;
}

let ready = null;
export function engine() {
  ready ??= (async () => {
    const t0 = performance.now();
    const module = await compileEngine();
    await engineModule.default({ module_or_path: module });
    stats.initMs = performance.now() - t0;
  })().catch((err) => { ready = null; throw err; });
  return ready;
}

// The engine is compiled and warmed when a page will need it: its repository has no cached report
// (told by the wake-up, content/wake.js, as the page starts loading, or by its cache check). The
// compile and the warm-up then overlap the page's load and its fetches of the texts. V8 compiles
// and optimizes the engine's code on first use, which made the first analysis of a worker's life
// several times slower than the next. A page whose report is cached needs no engine at all.
// Failures surface on first use.
let prepared = false;
export function prepareEngine() {
  if (prepared) return;
  prepared = true;
  engine().then(() => setTimeout(warmEngine, 0)).catch(() => {});
}

// Warming runs in steps (engineModule.warm) with a task boundary between them, so a page's message
// waits at most one step; it stops for good when a page's analysis starts, or after the last step.
let warmStep = 0; // the next step; -1: warming is over
function warmEngine() {
  if (typeof engineModule.warm !== 'function' || warmStep < 0) return;
  const t0 = performance.now();
  let more = false;
  try {
    more = engineModule.warm(warmStep++);
  } catch {
    more = false; // warming is an optimization: an engine that cannot warm up still answers
  }
  stats.warmMs = (stats.warmMs ?? 0) + performance.now() - t0;
  if (more) setTimeout(warmEngine, 0);
  else warmStep = -1;
}

/** A page's analysis is coming: it warms the engine as well as the sample would. */
export function stopWarming() {
  warmStep = -1;
}

/** UTF-8 bytes of a string, counted without copying it (surrogate pairs: 4 bytes). */
export function utf8Length(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The size an analysis's input takes: documents, model card, metadata, ancestors (JSON). */
export function inputBytes(docs, opts) {
  let n = 0;
  for (const d of docs) n += utf8Length(d.text) + utf8Length(d.name);
  if (typeof opts.model_card === 'string') n += utf8Length(opts.model_card);
  for (const k of ['hf_metadata', 'ancestors']) {
    if (opts[k] !== undefined) n += utf8Length(JSON.stringify(opts[k]) ?? '');
  }
  for (const k of ['hf_license', 'license_name']) if (typeof opts[k] === 'string') n += utf8Length(opts[k]);
  return n;
}

/** Analyse with the engine: {ok, report} or {ok: false, error, reason}. The cap is checked first. */
export async function analyse(docs, opts) {
  const size = inputBytes(docs, opts);
  if (size > MAX_INPUT_BYTES) {
    return {
      ok: false, reason: 'unreadable',
      error: `the license files, model card and metadata take ${size} bytes, over the ${MAX_INPUT_BYTES / 1048576} MiB an analysis reads`,
    };
  }
  await engine();
  const t0 = performance.now();
  let report;
  try {
    report = engineModule.analyze(docs, opts);
  } catch (err) {
    return { ok: false, error: String(err?.message ?? err), reason: 'unreadable' };
  }
  stats.analyses.push(performance.now() - t0);
  return { ok: true, report };
}

/** The ids of base models still to fetch (the engine's lineage rules), or [] when none or on error. */
export function pendingAncestors(metadata, ancestors) {
  if (typeof engineModule.pendingAncestors !== 'function') return [];
  try {
    return engineModule.pendingAncestors(metadata, ancestors) ?? [];
  } catch {
    return [];
  }
}

/** The personal answer for the stored profile (the Rust core's personalAnswer), or null. */
export async function answerFor(report) {
  if (typeof engineModule.personalAnswer !== 'function' || !report) return null;
  await engine();
  try {
    return engineModule.personalAnswer(report, await Profile.readForEngine()) ?? null;
  } catch (err) {
    console.warn('[Fine Print] personal answer failed:', err);
    return null;
  }
}

export async function version() {
  await engine();
  return engineModule.version();
}
