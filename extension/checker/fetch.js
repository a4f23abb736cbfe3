// Fetch: reads from the Hugging Face hub (a model's metadata, license files, card and base models), time-limited and size-capped.
import { MAX_BYTES, utf8 } from './page.js';
import { engine, loadEngine } from './engine.js';
import { parseModelId } from './input.js';

export const HUB = 'https://huggingface.co';
const HUB_TIMEOUT_MS = 10000;
const MAX_HUB_FILES = 4;

/** One hub request: {ok: true, json | text}, or {ok: false, status, reason} (status 0: the browser refused or could not reach it). */
export async function hubFetch(url, asJson) {
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

/**
 * What the checker reads of a model: its metadata (or the failed API answer), declared license,
 * license files read and not read, model card and base models.
 */
export async function readModel(id) {
  const api = await hubFetch(`${HUB}/api/models/${id}`, true);
  if (!api.ok) return { api };
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
  return { api, info, declared, got, failed, card: card?.ok ? card.text : null, ancestors };
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

