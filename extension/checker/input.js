// Input: what the reader gives the checker (pasted text, dropped or chosen files read as text, a model id or URL).
import { MAX_BYTES, ui, state, sizeText } from './page.js';
import { engine, loadEngine } from './engine.js';

const HTML_NAME = /\.x?html?$/i;
const t = (key, ...args) => globalThis.FinePrintI18n.t(key, ...args);

/** A dropped or chosen file as a document, or an Error with a plain reason. */
async function readFile(file) {
  const name = file.name || t('checker_file');
  if (file.size === 0) throw new Error(t('checker_file_empty', name));
  if (file.size > MAX_BYTES) throw new Error(t('checker_file_too_large', name, sizeText(file.size), sizeText(MAX_BYTES)));
  const bytes = new Uint8Array(await file.arrayBuffer());
  // The core's decoder, as the CLI reads a file: a byte-order mark dropped (offsets match the CLI's),
  // UTF-16 and the old single-byte encodings (Windows-1252, Mac-Roman) read rather than refused.
  await loadEngine();
  let text;
  let encoding;
  try {
    ({ text, encoding } = engine.decodeFile(bytes));
  } catch {
    throw new Error(t('checker_file_binary', name));
  }
  if (HTML_NAME.test(name)) text = htmlToText(text);
  if (!text.trim()) throw new Error(t('checker_file_no_text', name));
  return encoding && encoding !== 'UTF-8' ? { name, text, encoding } : { name, text };
}

const BLOCK_TAGS = 'address|article|aside|blockquote|br|dd|div|dl|dt|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|td|th|tr|ul';
const TAG = /<\/?[a-zA-Z][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>/g;

/**
 * The readable text of an HTML file. The markup is removed as text, without ever building elements
 * from it (even an inert parsed document tries to run an <img onerror>); only the remaining tag-free
 * text goes through DOMParser, to decode entities such as &amp; and &#8220;.
 */
export function htmlToText(html) {
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

/**
 * Read files into the document list (a file with the same name as one listed replaces it). Resolves
 * the plain reasons of the files that could not be read; null when there were no files.
 */
export async function addFiles(fileList) {
  const files = [...(fileList ?? [])];
  if (!files.length) return null;
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
  return problems;
}

export function pastedText() {
  return ui.text.value;
}

/** The documents to analyse: files and hub files, then the pasted text. */
export function currentDocs() {
  const docs = state.docs.map(({ name, text }) => ({ name, text }));
  const pasted = pastedText();
  if (pasted.trim()) docs.push({ name: t('checker_pasted_text'), text: pasted });
  return docs;
}

/** The list of documents, each with a Remove button; `onRemove()` runs after one is removed. */
export function renderDocList(onRemove) {
  ui.docList.replaceChildren(...state.docs.map((d, i) => {
    const li = document.createElement('li');
    const name = document.createElement('span');
    name.className = 'name';
    const facts = [sizeText(new Blob([d.text]).size), d.encoding ? t('checker_read_as', d.encoding) : '', d.source === 'hub' ? t('checker_from_hf') : ''];
    name.textContent = `${d.name}${t('in_parens', facts.filter(Boolean).join(t('list_separator')))}`;
    const rm = document.createElement('button');
    rm.type = 'button';
    rm.textContent = t('checker_remove');
    rm.setAttribute('aria-label', t('checker_remove_name', d.name));
    rm.addEventListener('click', () => {
      state.docs.splice(i, 1);
      if (!state.docs.some((x) => x.source === 'hub')) state.hub = null;
      renderDocList(onRemove);
      onRemove();
    });
    li.append(name, rm);
    return li;
  }));
}

/** Dropping files anywhere on the page calls `onFiles(files)`; a missed drop never navigates away from the page. */
export function acceptDrops(onFiles) {
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
    onFiles(e.dataTransfer.files);
  });
}

// ---- the model id ----------------------------------------------------------------------------------------
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

/** The model named in the page's address (#model=owner/name), or null. */
export function modelFromHash() {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  return params.get('model');
}
