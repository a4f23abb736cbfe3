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
  const { api, info, declared, got, failed, card, ancestors } = await readModel(id);
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
  state.docs = state.docs.filter((d) => d.source !== 'hub').concat(got);
  state.hub = { id, info, license: declared, card, ancestors,
    fileUrl: got.length ? `${HUB}/${id}/blob/main/${got[0].file}` : `${HUB}/${id}`, gated: info.gated };
  renderDocList(reanalyze);
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

function showShareLink(id) {
  const url = new URL(location.href);
  url.hash = `model=${id}`;
  ui.status.append(' ', link(url.href, 'Link to this check'));
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
  say('Cleared.');
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
  await Promise.all([loadEngine().catch((err) => say(`The license engine could not load (${err?.message ?? err}). Open this page from a web server, not as a file: see the README.`, 'error')), loadProfile()]);
  const id = modelFromHash();
  if (id) await checkModel(id, { fromHash: true });
  else if (ui.text.value.trim()) await analyzeNow(); // text kept by the browser on reload
  document.documentElement.dataset.ready = 'true';
})();
