// Hugging Face reads done by the worker: a public repository's files (sites/hf-read.js rules) and its base models' metadata, bounded in size, count and time.
// Requests carry no cookies, go only to https://huggingface.co, follow redirects only while they
// stay there, and read bodies as streams cut at their cap (shared/fetch.js). The base models are
// fetched in parallel under one deadline, shorter than the page's wait for the worker, so the page
// never gives up and reads the files itself.
import './shared/i18n.js'; // the notes hf-read.js writes are in the reader's language
import './shared/fetch.js';
import './sites/hf-read.js';
import { ancestorGet, ancestorPut } from './background-cache.js';
import { MAX_INPUT_BYTES, engine, pendingAncestors, utf8Length } from './background-engine.js';

const HFRead = globalThis.FinePrintHFRead;

const ANCESTOR_FETCHES = 8; // per analysis; cached ancestors are free
const ANCESTOR_ROUNDS = 4; // levels of the walk (the engine's maxDepth bounds it too)
/** All base models of one analysis are fetched within this (the page waits 30 s for the whole answer). */
export const ANCESTORS_DEADLINE_MS = 12000;
const ANCESTOR_TIMEOUT_MS = 8000;
const ANCESTOR_MAX_BYTES = 512 * 1024; // an /api/models answer is a few kB; a huge one is refused unread

/** A GET on huggingface.co: no cookies, same-origin redirects only, no stale copy. */
export function hfFetch(url, { maxBytes, timeoutMs, signal } = {}) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return Promise.resolve({ ok: false, status: 0, reason: 'network', error: 'refused: not a URL' });
  }
  if (u.origin !== HFRead.ORIGIN) {
    return Promise.resolve({ ok: false, status: 0, reason: 'unreadable', error: `refused: ${u.host} is not huggingface.co` });
  }
  return globalThis.FinePrintFetch.fetchText(u.href, {
    maxBytes, timeoutMs, signal, credentials: 'omit', redirect: 'follow', cache: 'no-cache',
  });
}

async function fetchAncestor(id, signal) {
  const path = id.split('/').map(encodeURIComponent).join('/');
  const res = await hfFetch(`${HFRead.ORIGIN}/api/models/${path}`, { maxBytes: ANCESTOR_MAX_BYTES, timeoutMs: ANCESTOR_TIMEOUT_MS, signal });
  if (!res.ok) {
    if (res.status === 404) return { id, error: 'not found' };
    if (res.status) return { id, error: `HTTP ${res.status}` };
    return { id, error: res.error === 'timed out' || res.error === 'cancelled' ? 'timed out' : res.reason === 'network' ? 'network error' : res.error };
  }
  try {
    return { id, metadata: HFRead.slim(JSON.parse(res.text)) }; // the fields the engine reads: the cache stays small
  } catch {
    return { id, error: 'unreadable answer' };
  }
}

// Errors that may pass (the next page asks again); everything else holds for this session.
const PASSING = new Set(['network error', 'timed out', 'HTTP 429', 'HTTP 500', 'HTTP 502', 'HTTP 503', 'HTTP 504']);

/**
 * What is known of the model's ancestors, nearest first: each level's ids fetched in parallel, at
 * most ANCESTOR_FETCHES fetches, all within ANCESTORS_DEADLINE_MS; what is left is "not fetched".
 */
export async function collectAncestors(metadata) {
  if (!metadata || typeof metadata !== 'object') return [];
  if (utf8Length(JSON.stringify(metadata)) > MAX_INPUT_BYTES) return [];
  await engine();
  const ancestors = [];
  const seen = new Set();
  let budget = ANCESTOR_FETCHES;
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), ANCESTORS_DEADLINE_MS);
  try {
    for (let round = 0; round < ANCESTOR_ROUNDS && !deadline.signal.aborted; round++) {
      const ids = [...new Set(pendingAncestors(metadata, ancestors).filter((id) => typeof id === 'string'))]
        .filter((id) => !seen.has(id.toLowerCase()));
      if (!ids.length) break;
      for (const id of ids) seen.add(id.toLowerCase());
      const got = await Promise.all(ids.map(async (id) => {
        const cached = await ancestorGet(id);
        if (cached) return cached;
        if (budget <= 0) return null; // over budget: stays "not fetched"
        budget--;
        const a = await fetchAncestor(id, deadline.signal);
        if (!PASSING.has(a.error)) ancestorPut(id, a);
        return a;
      }));
      const known = got.filter(Boolean);
      ancestors.push(...known);
      if (known.length < ids.length) break;
    }
  } finally {
    clearTimeout(timer);
  }
  return ancestors;
}
