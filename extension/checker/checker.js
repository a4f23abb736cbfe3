// The no-install checker: the same WASM engine and the same breakdown as the extension's panel, on a
// static page (any static host, or the extension page extension/checker/index.html). Nothing is
// uploaded: texts are read in the page; the only network request is to the Hugging Face API, and only
// when the reader asks for a model.
import init, * as engine from '../pkg/fineprint.js';

const UI = globalThis.FinePrintUI;
document.documentElement.dataset.started = 'true'; // boot.js: the module runs
const MAX_BYTES = 2 * 1024 * 1024; // the engine's limit for one analysis (crate/src/analyze.rs MAX_INPUT_BYTES)
const HUB = 'https://huggingface.co';
const HUB_TIMEOUT_MS = 10000;
const MAX_HUB_FILES = 4;
const PROFILE_KEY = 'fp:profile';
const HTML_NAME = /\.x?html?$/i;

const $ = (sel) => document.querySelector(sel);
const ui = {
  text: $('#text'), files: $('#files'), drop: $('#drop'), docList: $('#doc-list'), status: $('#status'),
  analyze: $('#analyze'), clear: $('#clear'), modelForm: $('#model-form'), model: $('#model'),
  result: $('#result'), breakdown: $('#breakdown'), docView: $('#doc-view'), version: $('#engine-version'),
  profileBox: $('#profile-box'), profileForm: $('#profile'),
};

// Documents from files and from the hub; the pasted text is read from the text area at analysis time.
const state = { docs: [], hub: null, report: null, analysed: [], answer: null, profile: null, questions: null, seq: 0 };
// For tests and for the curious: the last report and the documents it was made from.
globalThis.FinePrintChecker = { get report() { return state.report; }, get docs() { return state.analysed; }, ready: null };

// ---- status line -------------------------------------------------------------------------------------
function say(message, kind = 'info', ...extra) {
  ui.status.dataset.kind = kind;
  ui.status.replaceChildren(message, ...extra);
  ui.status.setAttribute('role', kind === 'error' ? 'alert' : 'status');
}

function link(href, text) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  a.rel = 'noopener noreferrer';
  a.target = '_blank';
  return a;
}

function sizeText(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.max(1, Math.round(bytes / 1024))} KiB`;
}

// ---- reading input ---------------------------------------------------------------------------------
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }); // keep a BOM: offsets must match the CLI's

/** A dropped or chosen file as a document, or an Error with a plain reason. */
async function readFile(file) {
  const name = file.name || 'file';
  if (file.size === 0) throw new Error(`${name} is empty.`);
  if (file.size > MAX_BYTES) throw new Error(`${name} is too large (${sizeText(file.size)}); one analysis takes at most ${sizeText(MAX_BYTES)}.`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.subarray(0, 8192).includes(0)) throw new Error(`${name} is not a text file (it looks like binary data).`);
  let text;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new Error(`${name} is not UTF-8 text. Open it in an editor, save it as UTF-8, and try again.`);
  }
  if (HTML_NAME.test(name)) text = htmlToText(text);
  if (!text.trim()) throw new Error(`${name} has no text in it.`);
  return { name, text };
}

const BLOCK_TAGS = 'address|article|aside|blockquote|br|dd|div|dl|dt|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|td|th|tr|ul';
const TAG = /<\/?[a-zA-Z][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>/g;

/**
 * The readable text of an HTML file. The markup is removed as text, without ever building elements
 * from it (even an inert parsed document tries to run an <img onerror>); only the remaining tag-free
 * text goes through DOMParser, to decode entities such as &amp; and &#8220;.
 */
function htmlToText(html) {
  const chunks = String(html)
    .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
    .replace(/<[!?][^>]*>/g, ' ') // doctype, CDATA, processing instructions
    .replace(/<(script|style|noscript|template|svg|math|iframe|object|head|title)\b[\s\S]*?(<\/\1\s*>|$)/gi, ' ')
    .split(/(<pre\b[^>]*>[\s\S]*?<\/pre\s*>)/i);
  // (The leading "." keeps leading white space, which the HTML parser drops before the body.)
  const decode = (t) => (new DOMParser().parseFromString(`.${t.replace(/</g, '&lt;')}`, 'text/html').body?.textContent ?? '.').slice(1);
  const text = chunks.map((chunk, i) => {
    const pre = i % 2 === 1;
    const t = decode((pre ? chunk : chunk.replace(/\s+/g, ' '))
      .replace(/<li\b[^>]*>/gi, '\n- ')
      .replace(new RegExp(`</?(?:${BLOCK_TAGS})\\b[^>]*>`, 'gi'), '\n')
      .replace(TAG, ''));
    return pre ? `\n${t.replace(/^\n+|\n+$/g, '')}\n` : t.replace(/[ \t]+\n/g, '\n').replace(/\n[ \t]+/g, '\n');
  }).join('');
  return text.replace(/\n{3,}/g, '\n\n').replace(/^\s+|\s+$/g, '') + '\n';
}

async function addFiles(fileList) {
  const files = [...(fileList ?? [])];
  if (!files.length) return;
  const problems = [];
  for (const f of files) {
    try {
      const doc = await readFile(f);
      state.docs = state.docs.filter((d) => !(d.source === 'file' && d.name === doc.name)); // same name again: replace it
      state.docs.push({ ...doc, source: 'file' });
    } catch (err) {
      problems.push(err.message);
    }
  }
  renderDocList();
  if (state.docs.length || pastedText()) await analyzeNow({ problems });
  else say(problems.join(' '), 'error');
}

function pastedText() {
  return ui.text.value;
}

function currentDocs() {
  const docs = state.docs.map(({ name, text }) => ({ name, text }));
  const pasted = pastedText();
  if (pasted.trim()) docs.push({ name: 'pasted text', text: pasted });
  return docs;
}

function renderDocList() {
  ui.docList.replaceChildren(...state.docs.map((d, i) => {
    const li = document.createElement('li');
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = `${d.name} (${sizeText(new Blob([d.text]).size)}${d.source === 'hub' ? ', from Hugging Face' : ''})`;
    const rm = document.createElement('button');
    rm.type = 'button';
    rm.textContent = 'Remove';
    rm.setAttribute('aria-label', `Remove ${d.name}`);
    rm.addEventListener('click', () => {
      state.docs.splice(i, 1);
      if (!state.docs.some((x) => x.source === 'hub')) state.hub = null;
      renderDocList();
      analyzeNow();
    });
    li.append(name, rm);
    return li;
  }));
}

// ---- the engine --------------------------------------------------------------------------------------
let ready = null;
function loadEngine() {
  ready ??= init().then(() => {
    try { ui.version.textContent = `Engine ${engine.version()}`; } catch { /* optional */ }
  });
  return ready;
}

function clearResult() {
  state.report = null;
  state.analysed = [];
  ui.result.hidden = true;
  ui.result.dataset.license = '';
  ui.result.dataset.verdict = '';
  ui.result.dataset.state = 'empty';
  ui.breakdown.replaceChildren();
  ui.docView.replaceChildren();
}

/** Analyse the current documents (and the model's declared license, if any) and show the result. */
async function analyzeNow({ problems = [], focus = false } = {}) {
  const seq = ++state.seq;
  const docs = currentDocs();
  const opts = {};
  if (state.hub) {
    // The model's metadata gives the declared license, the recipe and the base models.
    opts.hf_metadata = state.hub.info;
    if (state.hub.card) opts.model_card = state.hub.card;
    if (state.hub.ancestors?.length) opts.ancestors = state.hub.ancestors;
  }
  if (!docs.length && !state.hub?.license) {
    clearResult();
    say(problems.length ? problems.join(' ') : 'Nothing to analyse yet: paste a license, drop files or enter a model id.', problems.length ? 'error' : 'info');
    return;
  }
  const total = docs.reduce((n, d) => n + new Blob([d.text]).size, 0);
  if (total > MAX_BYTES) {
    clearResult();
    say(`The text is too large (${sizeText(total)}); one analysis takes at most ${sizeText(MAX_BYTES)}. Remove a document or paste only the license.`, 'error');
    return;
  }
  try {
    await loadEngine();
  } catch (err) {
    say(`The license engine could not load (${err?.message ?? err}). Open this page from a web server, not as a file: see the README.`, 'error');
    return;
  }
  let report;
  try {
    report = engine.analyze(docs, opts);
  } catch (err) {
    if (seq !== state.seq) return;
    clearResult();
    say(`Cannot analyse this: ${String(err?.message ?? err)}.`, 'error');
    return;
  }
  if (seq !== state.seq) return; // a newer analysis started meanwhile
  state.report = report;
  state.analysed = docs;
  await showResult();
  const what = report.license?.name || report.license?.id || 'no known license';
  const notes = problems.length ? ` Skipped: ${problems.join(' ')}` : '';
  say(`Analysed ${docs.length ? `${docs.length} document${docs.length === 1 ? '' : 's'}` : 'the declared license'}: ${what}, ${report.verdict?.label || report.verdict?.class}.${notes}`, problems.length ? 'warn' : 'info');
  if (focus) ui.result.focus({ preventScroll: false });
}

async function showResult() {
  const report = state.report;
  if (!report) return;
  state.answer = personalAnswer(report, state.profile);
  ui.result.dataset.license = report.license?.id ?? '';
  ui.result.dataset.verdict = report.verdict?.class ?? 'unknown';
  ui.result.dataset.badge = report.badge?.class ?? 'unknown';
  ui.result.dataset.state = 'result';
  const breakdown = UI.renderBreakdown(report, {
    profile: state.profile,
    answer: state.answer,
    docs: state.analysed,
    fileUrl: state.hub?.fileUrl ?? null,
    onLocate: locate,
    onEditProfile: editProfile,
  });
  ui.breakdown.replaceChildren(breakdown);
  ui.docView.replaceChildren(...renderDocs(report, state.analysed));
  ui.result.hidden = false;
}

// ---- the personal answer -------------------------------------------------------------------------------
/**
 * The engine's personal answer (personalAnswer(report, profile)) for the report and the profile on
 * this page, in the core's shape (FinePrintProfile.toEngine, as the extension's worker does).
 */
function personalAnswer(report, profile) {
  if (typeof engine.personalAnswer !== 'function' || !profile || !state.questions) return null;
  try {
    return engine.personalAnswer(report, globalThis.FinePrintProfile.toEngine(profile, state.questions)) ?? null;
  } catch (err) {
    console.warn('[Fine Print] personal answer:', err);
    return null;
  }
}

// ---- the text view: quotes and changes marked ---------------------------------------------------------
/** Spans of one document, as UTF-16 ranges: evidence of clauses and changes of a modified license. */
function spansOf(report, docIndex, text) {
  const at = UI.utf8Index(text);
  const spans = [];
  (report.clauses ?? []).forEach((c, ci) => (c.evidence ?? []).forEach((ev, ei) => {
    if (Number(ev.doc ?? 0) !== docIndex) return;
    const a = at(ev.start);
    const b = at(ev.end);
    if (b > a) spans.push({ id: `ev-${ci}-${ei}`, a, b, cls: 'ev', kind: c.kind, start: ev.start, end: ev.end, title: UI.KINDS[c.kind]?.label ?? c.kind });
  }));
  (report.license?.changes ?? []).forEach((ch, i) => {
    if (Number(ch.doc ?? 0) !== docIndex) return;
    const a = at(ch.start);
    const b = at(ch.end);
    const title = ch.kind === 'replaced' && ch.original ? `replaced; the known license says: ${ch.original}` : `${ch.kind}`;
    spans.push({ id: `ch-${i}`, a, b: Math.max(a, b), cls: `ch-${String(ch.kind).replace(/[^a-z]/g, '')}`, kind: ch.kind, start: ch.start, end: ch.end, title, removed: ch.kind === 'removed' || b <= a, original: ch.original ?? ch.text });
  });
  return spans;
}

function renderDocs(report, docs) {
  return docs.map((doc, i) => {
    const section = document.createElement('section');
    section.className = 'doc';
    section.dataset.doc = String(i);
    const h = document.createElement('h3');
    h.textContent = doc.name || `document ${i + 1}`;
    const pre = document.createElement('pre');
    pre.className = 'doc-text';
    pre.tabIndex = 0;
    pre.setAttribute('aria-label', `Text of ${h.textContent}`);
    pre.append(...markedText(doc.text, spansOf(report, i, doc.text)));
    section.append(h, pre);
    return section;
  });
}

/** The text as nodes, with <mark>s where spans cover it (spans may overlap) and markers for removed words. */
function markedText(text, spans) {
  const ranged = spans.filter((s) => !s.removed);
  const points = new Set([0, text.length]);
  for (const s of ranged) { points.add(s.a); points.add(s.b); }
  for (const s of spans) if (s.removed) points.add(s.a);
  const cuts = [...points].sort((x, y) => x - y);
  const removedAt = new Map();
  for (const s of spans) if (s.removed) removedAt.set(s.a, [...(removedAt.get(s.a) ?? []), s]);
  const nodes = [];
  // Sweep: spans sorted by start; the active list changes only at cut points.
  const byStart = [...ranged].sort((x, y) => x.a - y.a);
  let next = 0;
  let active = [];
  for (let k = 0; k < cuts.length; k++) {
    const p = cuts[k];
    for (const s of removedAt.get(p) ?? []) {
      const m = document.createElement('span');
      m.className = 'ch-removed';
      m.dataset.span = s.id;
      m.title = `removed: ${s.original ?? ''}`;
      m.textContent = s.original ? `removed: ${s.original}` : 'removed';
      nodes.push(m);
    }
    if (k === cuts.length - 1) break;
    const q = cuts[k + 1];
    active = active.filter((s) => s.b > p);
    while (next < byStart.length && byStart[next].a <= p) {
      if (byStart[next].b > p) active.push(byStart[next]);
      next++;
    }
    const piece = text.slice(p, q);
    if (!piece) continue;
    if (!active.length) { nodes.push(document.createTextNode(piece)); continue; }
    const m = document.createElement('mark');
    m.className = [...new Set(active.map((s) => s.cls))].join(' ');
    m.dataset.spans = active.map((s) => s.id).join(' ');
    m.title = [...new Set(active.map((s) => s.title))].join('; ');
    m.textContent = piece;
    nodes.push(m);
  }
  return nodes;
}

/** Show a quote or a change in the text view: highlight its marks and scroll to the first. */
function locate(span) {
  const section = ui.docView.querySelector(`section.doc[data-doc="${Number(span.doc)}"]`);
  if (!section) return;
  const wanted = findSpanId(span);
  ui.docView.querySelectorAll('.active').forEach((n) => n.classList.remove('active'));
  const marks = [...section.querySelectorAll('[data-spans], [data-span]')]
    .filter((m) => (m.dataset.spans ?? m.dataset.span).split(' ').includes(wanted));
  if (!marks.length) return;
  marks.forEach((m) => m.classList.add('active'));
  marks[0].tabIndex = -1;
  marks[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
  marks[0].focus({ preventScroll: true });
}

function findSpanId(span) {
  const r = state.report;
  if (span.type === 'change') {
    const i = (r.license?.changes ?? []).findIndex((c) => Number(c.doc ?? 0) === span.doc && c.start === span.start && c.end === span.end && c.kind === span.kind);
    return `ch-${i}`;
  }
  for (const [ci, c] of (r.clauses ?? []).entries()) {
    if (c.kind !== span.kind) continue;
    const ei = (c.evidence ?? []).findIndex((e) => Number(e.doc ?? 0) === span.doc && e.start === span.start && e.end === span.end);
    if (ei >= 0) return `ev-${ci}-${ei}`;
  }
  return '';
}

// Clicking a marked quote in the text goes to its clause in the breakdown.
ui.docView.addEventListener('click', (e) => {
  const mark = e.target.closest?.('mark[data-spans]');
  if (!mark) return;
  const id = mark.dataset.spans.split(' ').find((s) => s.startsWith('ev-'));
  if (!id) return;
  const [, ci, ei] = id.split('-').map(Number);
  const ev = state.report?.clauses?.[ci]?.evidence?.[ei];
  if (!ev) return;
  const fig = ui.breakdown.querySelector(`figure[data-doc="${Number(ev.doc ?? 0)}"][data-start="${Number(ev.start)}"][data-end="${Number(ev.end)}"]`);
  const item = fig?.closest('.fp-clause');
  if (!item) return;
  ui.breakdown.querySelectorAll('.fp-clause.active').forEach((n) => n.classList.remove('active'));
  item.classList.add('active');
  const quotes = fig.closest('details');
  if (quotes) quotes.open = true; // the quote sits behind its clause's disclosure
  item.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
});

// ---- Hugging Face ------------------------------------------------------------------------------------
const ID_PART = /^[A-Za-z0-9][A-Za-z0-9._-]{0,95}$/;

/** A model id from "owner/name", "name", or a huggingface.co / hf.co URL; null when it is none. */
export function parseModelId(input) {
  let s = String(input ?? '').trim();
  if (!s) return null;
  if (/^(https?:\/\/)?(www\.)?(huggingface\.co|hf\.co)(\/|$)/i.test(s)) {
    let u;
    try { u = new URL(/^https?:/i.test(s) ? s : `https://${s}`); } catch { return null; }
    const parts = u.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (['datasets', 'spaces', 'api', 'models', 'docs', 'blog'].includes(parts[0])) return null;
    s = parts.slice(0, 2).join('/');
    if (parts.length === 1 || (parts.length > 1 && ['tree', 'blob', 'resolve', 'raw'].includes(parts[1]))) s = parts[0];
  }
  const parts = s.split('/');
  if (parts.length > 2 || !parts.every((p) => ID_PART.test(p) && !p.includes('..'))) return null;
  return parts.join('/');
}

async function hubFetch(url, asJson) {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), HUB_TIMEOUT_MS);
  try {
    const res = await fetch(url, { signal: ctl.signal, credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-cache' });
    if (!res.ok) return { ok: false, status: res.status };
    const len = Number(res.headers.get('content-length') || 0);
    if (len > MAX_BYTES) return { ok: false, status: res.status, reason: 'too large' };
    const buf = new Uint8Array(await res.arrayBuffer());
    if (buf.byteLength > MAX_BYTES) return { ok: false, status: res.status, reason: 'too large' };
    if (asJson) return { ok: true, json: JSON.parse(new TextDecoder().decode(buf)) };
    if (buf.subarray(0, 8192).includes(0)) return { ok: false, status: res.status, reason: 'not text' };
    return { ok: true, text: utf8.decode(buf) };
  } catch (err) {
    // A CORS refusal, no network, a blocked request and a timeout all end here: the browser does not say which.
    return { ok: false, status: 0, reason: err?.name === 'AbortError' ? 'timed out' : err instanceof SyntaxError ? 'bad answer' : err instanceof TypeError && /decode|encoding/i.test(err.message) ? 'not UTF-8' : 'unreachable' };
  } finally {
    clearTimeout(timer);
  }
}

const LICENSE_FILE = /^(licen[cs]e|copying|use[_-]?policy|acceptable[_-]?use([_-]?policy)?|responsible[_-]?ai[_-]?license|terms[_-]?of[_-]?use)([._-][\w.-]*)?$/i;
const TEXT_EXT = /(^[^.]*$)|\.(md|txt|markdown|rst)$/i;

/** The license files of a model, from the API's file list: top-level LICENSE*, USE_POLICY* and the like. */
function licenseFiles(info) {
  const names = (info?.siblings ?? []).map((s) => s?.rfilename).filter((n) => typeof n === 'string' && !n.includes('/'));
  const link = info?.cardData?.license_link;
  const linked = typeof link === 'string' && !/^[a-z]+:/i.test(link) ? link.replace(/^\.?\//, '') : null;
  const picked = names.filter((n) => LICENSE_FILE.test(n) && TEXT_EXT.test(n));
  if (linked && names.includes(linked) && !picked.includes(linked)) picked.unshift(linked);
  // The license first, then policies; stable otherwise.
  const rank = (n) => (n === linked ? 0 : /^licen[cs]e/i.test(n) ? 1 : 2);
  return picked.sort((a, b) => rank(a) - rank(b)).slice(0, MAX_HUB_FILES);
}

function declaredLicense(info) {
  const l = info?.cardData?.license ?? (info?.tags ?? []).find((t) => typeof t === 'string' && t.startsWith('license:'))?.slice(8);
  const id = Array.isArray(l) ? l.find((x) => typeof x === 'string') : l;
  if (typeof id !== 'string' || !id.trim()) return null;
  if (id === 'other' && typeof info?.cardData?.license_name === 'string') return info.cardData.license_name;
  return id.trim();
}

function cannotReach(id, what) {
  const page = `${HUB}/${id}`;
  return [`${what} Your browser did not let this page read huggingface.co (you may be offline, a network filter may block it, or the site does not allow pages from other sites to read it). To check this model: open `,
    link(page, page), ', open its LICENSE file, and paste the text here, or download the file and drop it here.'];
}

async function checkModel(input, { fromHash = false } = {}) {
  const id = parseModelId(input);
  if (!id) {
    say('That is not a Hugging Face model id. Write it as owner/model (for example meta-llama/Llama-3.1-8B) or paste the model page URL.', 'error');
    ui.model.setAttribute('aria-invalid', 'true');
    return;
  }
  ui.model.removeAttribute('aria-invalid');
  ui.model.value = id;
  if (!fromHash) history.replaceState(null, '', `#model=${encodeURIComponent(id).replace(/%2F/g, '/')}`);
  say(`Asking Hugging Face for ${id}…`);
  const api = await hubFetch(`${HUB}/api/models/${id}`, true);
  if (!api.ok) {
    if (api.status === 401 || api.status === 403) say(`Hugging Face did not show ${id}: it is private or needs you to sign in. Copy its license text from the model page and paste it here.`, 'error');
    else if (api.status === 404) say(`There is no model ${id} on Hugging Face. Check the id (owner/model).`, 'error');
    else if (api.status) say(`Hugging Face answered with an error (HTTP ${api.status}). Try again later, or paste the license text here.`, 'error');
    else {
      const [first, ...rest] = cannotReach(id, `Could not reach the Hugging Face API (${api.reason}).`);
      say(first, 'error', ...rest);
    }
    return;
  }
  const info = api.json ?? {};
  const declared = declaredLicense(info);
  const files = licenseFiles(info);
  const rev = typeof info.sha === 'string' && /^[0-9a-f]{40}$/.test(info.sha) ? info.sha : 'main';
  const got = [];
  const failed = [];
  const raw = (f) => `${HUB}/${id}/raw/${rev}/${f.split('/').map(encodeURIComponent).join('/')}`;
  for (const f of files) {
    const r = await hubFetch(raw(f), false);
    if (r.ok && r.text.trim()) got.push({ name: `${id}/${f}`, text: r.text, source: 'hub', file: f });
    else failed.push({ file: f, status: r.status, reason: r.reason });
  }
  // The model card, for the recipe (training data, code, paper): not a license document.
  const hasCard = (info.siblings ?? []).some((x) => x?.rfilename === 'README.md');
  const card = hasCard ? await hubFetch(raw('README.md'), false) : null;
  const ancestors = await fetchAncestors(info);
  state.docs = state.docs.filter((d) => d.source !== 'hub').concat(got);
  state.hub = { id, info, license: declared, card: card?.ok ? card.text : null, ancestors,
    fileUrl: got.length ? `${HUB}/${id}/blob/main/${got[0].file}` : `${HUB}/${id}`, gated: info.gated };
  renderDocList();
  const notes = [];
  if (failed.some((f) => f.status === 401 || f.status === 403)) {
    notes.push(`This model is gated: its license file can be read only after you sign in on huggingface.co and accept its terms. Open ${HUB}/${id}, accept, then copy the license text here.`);
  } else if (failed.some((f) => f.status === 0 && f.reason === 'unreachable')) {
    notes.push(`The license file${failed.length > 1 ? 's' : ''} (${failed.map((f) => f.file).join(', ')}) could not be read from this page: download ${failed.length > 1 ? 'them' : 'it'} from ${HUB}/${id} and drop ${failed.length > 1 ? 'them' : 'it'} here.`);
  } else if (failed.length) {
    notes.push(`Could not read ${failed.map((f) => f.file).join(', ')}.`);
  }
  if (!got.length && !declared && !currentDocs().length) {
    clearResult();
    say(`${id} has no license file and declares no license. ${notes.join(' ')} Without terms, you have no license to use it.`, 'error');
    return;
  }
  if (!got.length) notes.push(`No license text was read: the result is from the declared license ${declared ? `“${declared}”` : ''} alone.`);
  await analyzeNow({ focus: true });
  if (notes.length) say(ui.status.textContent, 'warn', ' ', notes.join(' '));
  showShareLink(id);
}

/**
 * The base models, as far as the engine's lineage walk wants them (pendingAncestors, within
 * lineageLimits): each {id, metadata} or {id, error}. A model without base_model costs no request.
 */
async function fetchAncestors(info) {
  const ancestors = [];
  try {
    await loadEngine();
    if (typeof engine.pendingAncestors !== 'function') return ancestors;
    const limit = engine.lineageLimits?.()?.maxAncestors ?? 8;
    for (let round = 0; round <= limit && ancestors.length < limit; round++) {
      const pending = engine.pendingAncestors(info, ancestors);
      if (!Array.isArray(pending) || !pending.length) break;
      for (const aid of pending.slice(0, limit - ancestors.length)) {
        const r = parseModelId(aid) ? await hubFetch(`${HUB}/api/models/${parseModelId(aid)}`, true) : { ok: false, status: 0, reason: 'not a model id' };
        ancestors.push(r.ok ? { id: aid, metadata: r.json } : { id: aid, error: r.status ? `HTTP ${r.status}` : r.reason });
      }
    }
  } catch (err) {
    console.warn('[Fine Print] lineage:', err);
  }
  return ancestors;
}

function showShareLink(id) {
  const url = new URL(location.href);
  url.hash = `model=${id}`;
  ui.status.append(' ', link(url.href, 'Link to this check'));
  ui.status.lastChild.target = '_self';
}

function modelFromHash() {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  return params.get('model');
}

// ---- the profile ---------------------------------------------------------------------------------------
// Stored where the extension keeps it (chrome.storage.sync under the same key) when this page is an
// extension page; in localStorage on a static host. Never sent anywhere.
const profileStore = globalThis.chrome?.storage?.sync
  ? {
    async get() { try { return (await chrome.storage.sync.get(PROFILE_KEY))[PROFILE_KEY]; } catch { return undefined; } },
    async set(v) { await chrome.storage.sync.set({ [PROFILE_KEY]: v }); },
  }
  : {
    async get() { try { return JSON.parse(localStorage.getItem(PROFILE_KEY) ?? 'null') ?? undefined; } catch { return undefined; } },
    async set(v) { try { localStorage.setItem(PROFILE_KEY, JSON.stringify(v)); } catch { /* storage off: kept for this visit */ } },
  };

async function loadProfile() {
  try {
    const res = await fetch(new URL('../shared/profile-questions.json', import.meta.url));
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    state.questions = await res.json();
  } catch {
    ui.profileForm.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'The questions could not be loaded.', className: 'help' }));
    return;
  }
  state.profile = normalizeProfile(await profileStore.get());
  buildProfileForm();
}

/** Known questions and answers only; a missing or unknown answer is "not_sure" (extension/shared/profile.js). */
function normalizeProfile(raw) {
  return globalThis.FinePrintProfile.normalize(raw, state.questions);
}

function buildProfileForm() {
  const form = ui.profileForm;
  form.replaceChildren();
  for (const q of state.questions.questions) {
    const fs = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = q.text;
    const choices = document.createElement('div');
    choices.className = 'choices';
    const current = state.profile.answers[q.id];
    const options = q.answers.concat([{ id: 'not_sure', text: 'Not sure' }]);
    for (const a of options) {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = q.multiple ? 'checkbox' : 'radio';
      input.name = q.id;
      input.value = a.id;
      input.checked = Array.isArray(current) ? current.includes(a.id) : current === a.id;
      label.append(input, a.text);
      choices.append(label);
    }
    fs.append(legend, choices);
    form.append(fs);
  }
}

ui.profileForm.addEventListener('change', async (e) => {
  if (!state.questions) return;
  const q = state.questions.questions.find((x) => x.id === e.target.name);
  const raw = {};
  for (const question of state.questions.questions) {
    const checked = [...ui.profileForm.querySelectorAll(`input[name="${question.id}"]:checked`)].map((i) => i.value);
    raw[question.id] = question.multiple ? checked : checked[0];
  }
  // "Not sure" and "None of these" exclude the other choices of a multiple-choice question.
  if (q?.multiple && e.target.checked) {
    const exclusive = ['not_sure', 'none'];
    raw[q.id] = exclusive.includes(e.target.value) ? [e.target.value] : raw[q.id].filter((v) => !exclusive.includes(v));
  }
  state.profile = normalizeProfile(raw);
  if (q?.multiple) buildProfileForm();
  await profileStore.set({ version: state.profile.version, answers: state.profile.answers });
  if (state.report) await showResult();
});

function editProfile() {
  ui.profileBox.open = true;
  ui.profileBox.scrollIntoView({ block: 'start', behavior: 'smooth' });
  ui.profileForm.querySelector('input')?.focus({ preventScroll: true });
}

// ---- wiring ---------------------------------------------------------------------------------------------
let typing = null;
ui.text.addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(() => analyzeNow(), 400);
});
ui.analyze.addEventListener('click', () => { clearTimeout(typing); analyzeNow({ focus: true }); });
ui.clear.addEventListener('click', () => {
  clearTimeout(typing); // an analysis the typing had scheduled would undo the clearing
  state.seq++; // and one under way is dropped when it ends
  state.docs = [];
  state.hub = null;
  ui.text.value = '';
  ui.model.value = '';
  ui.files.value = '';
  renderDocList();
  clearResult();
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  say('Cleared.');
});
ui.files.addEventListener('change', () => { addFiles(ui.files.files); ui.files.value = ''; });
ui.modelForm.addEventListener('submit', (e) => { e.preventDefault(); checkModel(ui.model.value); });

// Dropping anywhere on the page adds the files; a missed drop never navigates away from the page.
for (const type of ['dragenter', 'dragover']) {
  document.addEventListener(type, (e) => {
    if (![...(e.dataTransfer?.types ?? [])].includes('Files')) return;
    e.preventDefault();
    ui.drop.classList.add('over');
  });
}
document.addEventListener('dragleave', (e) => { if (!e.relatedTarget) ui.drop.classList.remove('over'); });
document.addEventListener('drop', (e) => {
  if (![...(e.dataTransfer?.types ?? [])].includes('Files')) return;
  e.preventDefault();
  ui.drop.classList.remove('over');
  addFiles(e.dataTransfer.files);
});

window.addEventListener('hashchange', () => {
  const id = modelFromHash();
  if (id && id !== ui.model.value) checkModel(id, { fromHash: true });
});

UI.attachStyles(document); // a constructed sheet: the page's CSP allows no inline style

globalThis.FinePrintChecker.ready = (async () => {
  ui.result.dataset.state = 'empty';
  await Promise.all([loadEngine().catch((err) => say(`The license engine could not load (${err?.message ?? err}). Open this page from a web server, not as a file: see the README.`, 'error')), loadProfile()]);
  const id = modelFromHash();
  if (id) await checkModel(id, { fromHash: true });
  else if (ui.text.value.trim()) await analyzeNow(); // text kept by the browser on reload
  document.documentElement.dataset.ready = 'true';
})();
