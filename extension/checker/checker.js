// The checker's entry: runs an analysis when the input changes, checks a model on the hub, and wires the page's controls.
// The no-install checker: the same WASM engine and the same breakdown as the extension's panel, on a
// static page (any static host, or the extension page extension/checker/index.html). Nothing is
// uploaded: texts are read in the page; the only network request is to the Hugging Face API, and only
// when the reader asks for a model. Its jobs, one file each: page.js (elements, state, status line),
// engine.js (the WASM core), input.js (paste, files, model id), fetch.js (hub reads), render.js (the
// result), profile.js (the reader's answers).
import { MAX_BYTES, ui, state, say, link, sizeText } from './page.js';
import { engine, loadEngine } from './engine.js';
import { addFiles, currentDocs, pastedText, renderDocList, acceptDrops, parseModelId, modelFromHash } from './input.js';
import { HUB, readModel } from './fetch.js';
import { clearResult, showResult, linkTextToBreakdown } from './render.js';
import { loadProfile, watchProfile } from './profile.js';

export { parseModelId };

const UI = globalThis.FinePrintUI;
const I18N = globalThis.FinePrintI18n;
const t = (key, ...args) => I18N.t(key, ...args);
document.documentElement.dataset.started = 'true'; // boot.js: the module runs
// For tests and for the curious: the last report and the documents it was made from.
globalThis.FinePrintChecker = { get report() { return state.report; }, get docs() { return state.analysed; }, ready: null };

/** Analyse the current documents (and the model's declared license, if any) and show the result. */
async function analyzeNow({ problems = [], focus = false, reveal = false } = {}) {
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
    say(problems.length ? problems.join(' ') : t('checker_nothing'), problems.length ? 'error' : 'info');
    return;
  }
  const total = docs.reduce((n, d) => n + new Blob([d.text]).size, 0);
  if (total > MAX_BYTES) {
    clearResult();
    say(t('checker_too_large', sizeText(total), sizeText(MAX_BYTES)), 'error');
    return;
  }
  try {
    await loadEngine();
  } catch (err) {
    say(t('checker_engine_failed', String(err?.message ?? err)), 'error');
    return;
  }
  let report;
  try {
    report = engine.analyze(docs, opts);
  } catch (err) {
    if (seq !== state.seq) return;
    clearResult();
    say(t('checker_cannot_analyse', String(err?.message ?? err)), 'error');
    return;
  }
  if (seq !== state.seq) return; // a newer analysis started meanwhile
  state.report = report;
  state.analysed = docs;
  await showResult();
  const what = report.license?.name || report.license?.id || t('checker_no_known_license');
  const notes = problems.length ? t('checker_skipped', problems.join(' ')) : '';
  const verdict = I18N.render(report.verdict?.message) || report.verdict?.label || t(`verdict_class_${String(report.verdict?.class ?? 'unknown').replace(/-/g, '_')}`);
  const which = docs.length ? I18N.plural('checker_documents', docs.length) : t('checker_declared_license');
  say(t('checker_analysed', which, what, verdict, notes), problems.length ? 'warn' : 'info');
  if (focus) ui.result.focus({ preventScroll: false });
  else if (reveal) revealResult();
}

/**
 * Bring the result into view after a paste or a drop (on a phone it starts below the fold), without
 * taking the focus from where the reader types; the status line (a live region) announces it.
 */
function revealResult() {
  const top = ui.result.getBoundingClientRect().top;
  if (top >= 0 && top < innerHeight * 0.6) return; // already in view
  const calm = matchMedia('(prefers-reduced-motion: reduce)').matches;
  ui.result.scrollIntoView({ block: 'start', behavior: calm ? 'auto' : 'smooth' });
}

const reanalyze = () => analyzeNow();

async function takeFiles(fileList) {
  const problems = await addFiles(fileList);
  if (!problems) return;
  renderDocList(reanalyze);
  if (state.docs.length || pastedText()) await analyzeNow({ problems, reveal: true });
  else say(problems.join(' '), 'error');
}

// ---- a model on the hub ----------------------------------------------------------------------------------
/** Why a read failed (fetch.js: 'timed out', 'bad answer', 'not UTF-8', 'unreachable'), in words. */
function reasonWords(reason) {
  const key = `fetch_${String(reason ?? '').replace(/[^a-zA-Z0-9]+/g, '_')}`;
  return I18N.has(key) ? t(key) : String(reason ?? '');
}

function cannotReach(id, what) {
  const page = `${HUB}/${id}`;
  return [t('checker_cannot_reach', what), link(page, page), t('checker_cannot_reach_after')];
}

async function checkModel(input, { fromHash = false } = {}) {
  const id = parseModelId(input);
  if (!id) {
    say(t('checker_bad_id'), 'error');
    ui.model.setAttribute('aria-invalid', 'true');
    return;
  }
  ui.model.removeAttribute('aria-invalid');
  ui.model.value = id;
  if (!fromHash) history.replaceState(null, '', `#model=${encodeURIComponent(id).replace(/%2F/g, '/')}`);
  say(t('checker_asking', id));
  const { api, info, declared, got, failed, card, ancestors } = await readModel(id);
  if (!api.ok) {
    if (api.status === 401 || api.status === 403) say(t('checker_private', id), 'error');
    else if (api.status === 404) say(t('checker_no_model', id), 'error');
    else if (api.status) say(t('checker_http_error', String(api.status)), 'error');
    else {
      const [first, ...rest] = cannotReach(id, t('checker_api_unreachable', reasonWords(api.reason)));
      say(first, 'error', ...rest);
    }
    return;
  }
  state.docs = state.docs.filter((d) => d.source !== 'hub').concat(got);
  state.hub = { id, info, license: declared, card, ancestors,
    fileUrl: got.length ? `${HUB}/${id}/blob/main/${got[0].file}` : `${HUB}/${id}`, gated: info.gated };
  renderDocList(reanalyze);
  const notes = [];
  if (failed.some((f) => f.status === 401 || f.status === 403)) {
    notes.push(t('checker_gated', `${HUB}/${id}`));
  } else if (failed.some((f) => f.status === 0 && f.reason === 'unreachable')) {
    notes.push(I18N.plural('checker_files_unreachable', failed.length, failed.map((f) => f.file).join(t('list_separator')), `${HUB}/${id}`));
  } else if (failed.length) {
    notes.push(t('checker_could_not_read', failed.map((f) => f.file).join(t('list_separator'))));
  }
  if (!got.length && !declared && !currentDocs().length) {
    clearResult();
    say(t('checker_no_license', id, notes.join(' ')), 'error');
    return;
  }
  if (!got.length) notes.push(declared ? t('checker_declared_only', declared) : t('checker_declared_only_none'));
  await analyzeNow({ focus: true });
  if (notes.length) say(ui.status.textContent, 'warn', ' ', notes.join(' '));
  showShareLink(id);
}

function showShareLink(id) {
  const url = new URL(location.href);
  url.hash = `model=${id}`;
  ui.status.append(' ', link(url.href, t('checker_share_link')));
  ui.status.lastChild.target = '_self';
}

// ---- wiring ---------------------------------------------------------------------------------------------
linkTextToBreakdown();
watchProfile(async () => { if (state.report) await showResult(); });

let typing = null;
let pasted = false; // the next analysis follows a paste: show its result
ui.text.addEventListener('paste', () => { pasted = true; });
ui.text.addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(() => {
    const reveal = pasted;
    pasted = false;
    analyzeNow({ reveal });
  }, 400);
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
  renderDocList(reanalyze);
  clearResult();
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  say(t('checker_cleared'));
});
ui.files.addEventListener('change', () => { takeFiles(ui.files.files); ui.files.value = ''; });
ui.modelForm.addEventListener('submit', (e) => { e.preventDefault(); checkModel(ui.model.value); });
acceptDrops(takeFiles);

window.addEventListener('hashchange', () => {
  const id = modelFromHash();
  if (id && id !== ui.model.value) checkModel(id, { fromHash: true });
});

UI.attachStyles(document); // a constructed sheet: the page's CSP allows no inline style

globalThis.FinePrintChecker.ready = (async () => {
  ui.result.dataset.state = 'empty';
  // The words first: on a static host the message files are read from _locales/ (extension/shared/i18n.js).
  try {
    await I18N.load();
  } catch (err) {
    say(`Fine Print could not load its message files (_locales/): ${err?.message ?? err}`, 'error');
  }
  I18N.apply(document);
  await Promise.all([loadEngine().catch((err) => say(t('checker_engine_failed', String(err?.message ?? err)), 'error')), loadProfile()]);
  const id = modelFromHash();
  if (id) await checkModel(id, { fromHash: true });
  else if (ui.text.value.trim()) await analyzeNow(); // text kept by the browser on reload
  document.documentElement.dataset.ready = 'true';
})();
