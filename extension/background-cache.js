// The worker's storage: the report cache (per repository and revision, least recently used out) and each tab's result.
// Everything lives in storage.session (the worker can be evicted at any time), with a small memory
// copy while the worker lives. Keys are made here from what the worker itself knows (the sender's
// tab URL and the hub's metadata), never taken from a message. A full storage quota drops the older
// half and tries once more; a write that still fails loses only the cache entry, never the answer.
import './shared/i18n.js';
import './shared/messages.js';
import './content/hf-url.js';

const MSG = globalThis.FinePrintMsg;

const CACHE_PREFIX = 'fp:cache:';
const CACHE_INDEX = 'fp:cache-index';
const CACHE_MAX_ENTRIES = 64; // storage.session holds 10 MB; a report with its quotes is 1-60 kB
const TAB_PREFIX = MSG.TAB_KEY;
const TAB_INDEX = 'fp:tab-index';
const TAB_MAX_ENTRIES = 64;
export const ANCESTOR_PREFIX = 'fp:anc:';

// A revision as the hub's metadata gives it (lastModified, an ISO time; or a commit sha).
const REVISION = /^[0-9A-Za-z:.+-]{1,64}$/;

/**
 * The cache key of the Hugging Face repository the sender's tab shows, at `revision` (a string from
 * the hub's metadata), or null when the tab shows none. `page` is FinePrintHF.parseUrl of the tab.
 */
export function cacheKeyFor(page, revision) {
  if (!page) return null;
  const rev = typeof revision === 'string' && REVISION.test(revision) ? revision : '';
  return `${globalThis.FinePrintHF.cacheKeyStem(page)}${rev}`;
}

// The keys the cache holds, read once as the worker starts: a miss is then answered without a
// storage round trip, which the engine's warm-up could otherwise hold up.
const cacheKeys = chrome.storage.session.get(CACHE_INDEX).then((r) => new Set(r[CACHE_INDEX] ?? []), () => null);

/** Whether any cached report's key starts with `stem` (a repository's reports, any revision). */
export async function cachedUnder(stem) {
  const keys = await cacheKeys;
  return Boolean(keys && [...keys].some((k) => k.startsWith(CACHE_PREFIX + stem)));
}

// While the worker lives, recent entries are also kept in memory: a revisit then needs no storage call.
const memCache = new Map();
const MEM_MAX_ENTRIES = 16;

function memPut(k, entry) {
  memCache.delete(k);
  memCache.set(k, entry);
  while (memCache.size > MEM_MAX_ENTRIES) memCache.delete(memCache.keys().next().value);
}

export async function cacheGet(key) {
  if (typeof key !== 'string' || !key) return null;
  const k = CACHE_PREFIX + key;
  if (memCache.has(k)) return memCache.get(k);
  const keys = await cacheKeys;
  if (keys && !keys.has(k)) return null;
  let got = null;
  try {
    got = (await chrome.storage.session.get(k))[k] ?? null;
  } catch {
    got = null; // storage unavailable: a miss
  }
  if (got) memPut(k, got);
  return got;
}

export async function cachePut(key, entry) {
  if (typeof key !== 'string' || !key) return;
  const k = CACHE_PREFIX + key;
  memPut(k, entry);
  const index = await putIndexed(CACHE_INDEX, k, entry, CACHE_MAX_ENTRIES);
  const keys = await cacheKeys;
  if (keys && index) {
    keys.clear();
    for (const x of index) keys.add(x);
  }
}

// Entries kept in storage.session with an index of their keys, oldest first (the report cache, each
// tab's result): past `max` entries the oldest go, and over the session quota the older half. One
// update at a time, so two writes cannot lose each other's index entry. Resolves to the new index
// (null when storage failed altogether).
let indexedWrites = Promise.resolve();

function putIndexed(indexKey, k, value, max) {
  const write = indexedWrites.then(async () => {
    const index = ((await chrome.storage.session.get(indexKey))[indexKey] ?? []).filter((x) => x !== k);
    index.push(k);
    const gone = index.splice(0, Math.max(0, index.length - max));
    if (gone.length) await chrome.storage.session.remove(gone);
    try {
      await chrome.storage.session.set({ [k]: value, [indexKey]: index });
    } catch {
      // Over the session quota: drop the older half and try once more; a missing entry is harmless.
      const drop = index.splice(0, Math.ceil(index.length / 2)).filter((x) => x !== k);
      await chrome.storage.session.remove(drop);
      await chrome.storage.session.set({ [k]: value, [indexKey]: index }).catch(() => {});
    }
    return index;
  });
  indexedWrites = write.catch(() => {});
  return write.catch(() => null);
}

/** A base model's metadata or error, cached for the session (lower-cased id). */
export async function ancestorGet(id) {
  const k = ANCESTOR_PREFIX + id.toLowerCase();
  try {
    return (await chrome.storage.session.get(k))[k] ?? null;
  } catch {
    return null;
  }
}

export function ancestorPut(id, value) {
  const k = ANCESTOR_PREFIX + id.toLowerCase();
  return chrome.storage.session.set({ [k]: value }).catch(() => {});
}

// ---- each tab's result, for the popup and the toolbar badge ---------------------------------------

const ACTION_TEXT = {
  'open-source-ai': 'OSAI', 'open-weights-permissive': 'OPEN', 'open-weights-restricted': 'RSTR',
  'non-commercial': 'NC', 'research-only': 'RES', unknown: '?',
};

// Tabs with a recorded result, in an index like the cache's: the entries of closed tabs go once it is
// full, rather than through a tabs.onRemoved listener, which would start the worker whenever any tab
// of the browser closes.
export async function setTabResult(tabId, summary) {
  if (typeof tabId !== 'number') return;
  await putIndexed(TAB_INDEX, TAB_PREFIX + tabId, summary, TAB_MAX_ENTRIES);
  const text = summary.state === 'result' ? ACTION_TEXT[summary.verdict] ?? '?' : summary.state === 'error' ? '!' : '…';
  const I18N = globalThis.FinePrintI18n;
  const words = I18N.render(summary.message) || summary.text;
  const title = words ? I18N.t('action_title_result', words) : I18N.t('action_title_reading');
  try {
    await chrome.action.setBadgeText({ tabId, text });
    await chrome.action.setTitle({ tabId, title });
  } catch {
    // the tab closed meanwhile, or no toolbar action in this browser: nothing to show
  }
}

export async function getTabResult(tabId) {
  const k = TAB_PREFIX + tabId;
  try {
    return (await chrome.storage.session.get(k))[k] ?? null;
  } catch {
    return null;
  }
}

// The tab's result as the badge will show it, recorded from the report the worker hands out, so the
// page need not send it back (one message fewer on the page's main thread). A page whose badge ends
// in another state (an error) sends TAB_RESULT itself.
export function recordTab(sender, report, meta) {
  if (typeof sender?.tab?.id !== 'number' || !report) return;
  const summary = {
    state: 'result', license: report.license?.id ?? '', verdict: report.badge?.class ?? 'unknown',
    text: report.badge?.text ?? '', declared: meta?.declared ?? undefined, url: sender.tab.url ?? sender.url,
    message: report.badge?.message ?? undefined, // the words in the reader's language (shared/i18n.js)
    // The popup's condensed answer: the one sentence and the five answers (question and answer only).
    in_short: typeof report.in_short === 'string' ? report.in_short : undefined,
    in_short_message: report.in_short_message ?? undefined,
    answers: Array.isArray(report.answers)
      ? report.answers.filter((a) => a && typeof a.question === 'string' && typeof a.answer === 'string').slice(0, 5)
        .map((a) => ({ question: a.question, answer: a.answer }))
      : undefined,
  };
  setTabResult(sender.tab.id, summary).catch(() => {});
}
