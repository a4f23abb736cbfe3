// The service worker: the only place the WASM engine runs (a content script would inherit the
// page's CSP). It answers typed messages (extension/shared/messages.js) from content scripts, the
// popup and the options page through one dispatcher.
// It can be evicted at any time: the engine initializes lazily on the first message that needs it,
// and every piece of state (the report cache, each tab's result) lives in storage.session.
import './shared/messages.js';
import './shared/profile.js';
import './content/hf-url.js';
import './sites/hf-read.js';
import * as engineModule from './pkg/fineprint.js';
import { HUB_HANDLERS, hubFetch, senderPage } from './background-hubs.js';

const MSG = globalThis.FinePrintMsg;
const Profile = globalThis.FinePrintProfile;
const HFRead = globalThis.FinePrintHFRead;

const CACHE_PREFIX = 'fp:cache:';
const CACHE_INDEX = 'fp:cache-index';
const CACHE_MAX_ENTRIES = 64; // storage.session holds 10 MB; a report with its quotes is 1-60 kB
const TAB_PREFIX = MSG.TAB_KEY;

// The keys the cache holds, read once as the worker starts: a miss is then answered without a
// storage round trip, which the engine's warm-up could otherwise hold up.
const cacheKeys = chrome.storage.session.get(CACHE_INDEX).then((r) => new Set(r[CACHE_INDEX] ?? []), () => null);

// Timings of this worker's life, for scripts/bench-hf.mjs (MSG.STATS from an extension page).
const stats = { startedAt: performance.now(), initMs: null, warmMs: null, analyses: [] };

let ready = null;
function engine() {
  ready ??= (async () => {
    const t0 = performance.now();
    await engineModule.default({ module_or_path: chrome.runtime.getURL('extension/pkg/fineprint_bg.wasm') });
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
function prepareEngine() {
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

// The personal answer comes from the Rust core (issue 4: personalAnswer(report, profile)); an engine
// built without it gives none.
function personalAnswerFn() {
  return typeof engineModule.personalAnswer === 'function' ? engineModule.personalAnswer : null;
}

async function answerFor(report) {
  const fn = personalAnswerFn();
  if (!fn || !report) return null;
  try {
    return fn(report, await Profile.readForEngine()) ?? null;
  } catch (err) {
    console.warn('[Fine Print] personal answer failed:', err);
    return null;
  }
}

// ---- the report cache: per repository and revision, least recently used first out ----------------

// While the worker lives, recent entries are also kept in memory: a revisit then needs no storage call.
const memCache = new Map();
const MEM_MAX_ENTRIES = 16;

function memPut(k, entry) {
  memCache.delete(k);
  memCache.set(k, entry);
  while (memCache.size > MEM_MAX_ENTRIES) memCache.delete(memCache.keys().next().value);
}

async function cacheGet(key) {
  if (typeof key !== 'string' || !key) return null;
  const k = CACHE_PREFIX + key;
  if (memCache.has(k)) return memCache.get(k);
  const keys = await cacheKeys;
  if (keys && !keys.has(k)) return null;
  const got = (await chrome.storage.session.get(k))[k] ?? null;
  if (got) memPut(k, got);
  return got;
}

async function cachePut(key, entry) {
  if (typeof key !== 'string' || !key) return;
  const k = CACHE_PREFIX + key;
  memPut(k, entry);
  const index = await putIndexed(CACHE_INDEX, k, entry, CACHE_MAX_ENTRIES);
  const keys = await cacheKeys;
  if (keys) {
    keys.clear();
    for (const x of index) keys.add(x);
  }
}

// Entries kept in storage.session with an index of their keys, oldest first (the report cache, each
// tab's result): past `max` entries the oldest go, and over the session quota the older half. One
// update at a time, so two writes cannot lose each other's index entry. Resolves to the new index.
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
  return write;
}

// ---- lineage: the base models' metadata, fetched here (same site as the page, host permission) ------

const ANCESTOR_PREFIX = 'fp:anc:';
const ANCESTOR_FETCHES = 8; // per analysis; cached ancestors are free
const ANCESTOR_TIMEOUT_MS = 8000;
const ANCESTOR_MAX_BYTES = 2 * 1024 * 1024;

async function fetchAncestor(id) {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), ANCESTOR_TIMEOUT_MS);
  try {
    const path = id.split('/').map(encodeURIComponent).join('/');
    const res = await fetch(`${HFRead.ORIGIN}/api/models/${path}`, { signal: ctl.signal, credentials: 'omit' });
    if (!res.ok) return { id, error: res.status === 404 ? 'not found' : `HTTP ${res.status}` };
    const text = await res.text();
    if (text.length > ANCESTOR_MAX_BYTES) return { id, error: 'answer too large' };
    return { id, metadata: HFRead.slim(JSON.parse(text)) }; // the fields the engine reads: the cache stays small
  } catch (err) {
    return { id, error: err?.name === 'AbortError' ? 'timed out' : 'network error' };
  } finally {
    clearTimeout(timer);
  }
}

/** What is known of the model's ancestors, nearest first, within the request budget. */
async function collectAncestors(metadata) {
  if (typeof engineModule.pendingAncestors !== 'function' || !metadata || typeof metadata !== 'object') return [];
  const ancestors = [];
  let budget = ANCESTOR_FETCHES;
  for (let round = 0; round < 16; round++) {
    let ids;
    try {
      ids = engineModule.pendingAncestors(metadata, ancestors);
    } catch {
      return ancestors;
    }
    if (!ids?.length) break;
    let progressed = false;
    for (const id of ids) {
      const k = ANCESTOR_PREFIX + id.toLowerCase();
      let a = (await chrome.storage.session.get(k))[k];
      if (!a) {
        if (budget-- <= 0) return ancestors; // over budget: the rest stays "not fetched"
        a = await fetchAncestor(id);
        // A network failure may pass; everything else holds for this session.
        if (a.error !== 'network error' && a.error !== 'timed out') await chrome.storage.session.set({ [k]: a }).catch(() => {});
      }
      ancestors.push(a);
      progressed = true;
    }
    if (!progressed) break;
  }
  return ancestors;
}

// ---- each tab's result, for the popup and the toolbar badge ---------------------------------------

const ACTION_TEXT = {
  'open-source-ai': 'OSAI', 'open-weights-permissive': 'OPEN', 'open-weights-restricted': 'RSTR',
  'non-commercial': 'NC', 'research-only': 'RES', unknown: '?',
};

// Tabs with a recorded result, in an index like the cache's: the entries of closed tabs go once it is
// full, rather than through a tabs.onRemoved listener, which would start the worker whenever any tab
// of the browser closes.
const TAB_INDEX = 'fp:tab-index';
const TAB_MAX_ENTRIES = 64;

async function setTabResult(tabId, summary) {
  if (typeof tabId !== 'number') return;
  await putIndexed(TAB_INDEX, TAB_PREFIX + tabId, summary, TAB_MAX_ENTRIES);
  const text = summary.state === 'result' ? ACTION_TEXT[summary.verdict] ?? '?' : summary.state === 'error' ? '!' : '…';
  const title = `Fine Print: ${summary.text ?? 'reading the license'}`;
  try {
    await chrome.action.setBadgeText({ tabId, text });
    await chrome.action.setTitle({ tabId, title });
  } catch {
    // the tab closed meanwhile, or no toolbar action in this browser: nothing to show
  }
}

// The tab's result as the badge will show it, recorded from the report the worker hands out, so the
// page need not send it back (one message fewer on the page's main thread). A page whose badge ends
// in another state (an error) sends TAB_RESULT itself.
function recordTab(sender, report, meta) {
  if (typeof sender?.tab?.id !== 'number' || !report) return;
  const summary = {
    state: 'result', license: report.license?.id ?? '', verdict: report.badge?.class ?? 'unknown',
    text: report.badge?.text ?? '', declared: meta?.declared ?? undefined, url: sender.url ?? sender.tab.url,
  };
  setTabResult(sender.tab.id, summary).catch(() => {});
}

/** Analyse a page's documents (with the model's ancestors when it sent Hub metadata) and cache the report. */
async function analyseFor(msg, sender, ancestors = null) {
  await engine();
  let report;
  const opts = { ...(msg.opts ?? {}) };
  if (opts.hf_metadata) opts.ancestors = ancestors ? await ancestors : await collectAncestors(opts.hf_metadata);
  const t0 = performance.now();
  try {
    report = engineModule.analyze(msg.docs ?? [], opts);
  } catch (err) {
    return { ok: false, error: String(err?.message ?? err), reason: 'unreadable' };
  }
  stats.analyses.push(performance.now() - t0);
  // Answer first; the cache and the tab's result are written meanwhile.
  if (msg.key) cachePut(msg.key, { report, meta: msg.meta ?? null, t: Date.now() }).catch(() => {});
  recordTab(sender, report, msg.meta);
  // No personal answer here: the badge does not need it and the panel asks for it when it opens.
  return { ok: true, report, cached: false, tabRecorded: true };
}

/** The Hugging Face repository page a message comes from, or null. */
function hfPageOf(sender) {
  try {
    return globalThis.FinePrintHF.parseUrl(new URL(senderPage(sender)));
  } catch {
    return null;
  }
}

// ---- the dispatcher -------------------------------------------------------------------------------

const HANDLERS = {
  async [MSG.ANALYZE](msg, sender) {
    // A page's analysis warms the engine as well as the sample would: no more warming from now on.
    warmStep = -1;
    return analyseFor(msg, sender);
  },
  async [MSG.HF_READ](msg, sender) {
    // The repository is the one the sending page shows (never one the message names), its files are
    // read from huggingface.co without cookies, and only a public repository is read here. A cached
    // report (per repository and revision) is answered at once.
    const page = hfPageOf(sender);
    if (!page) return { ok: false, error: 'not a Hugging Face repository page', reason: 'unreadable' };
    const repo = msg?.repo && typeof msg.repo === 'object' ? msg.repo : null;
    const m = HFRead.meta(repo);
    if (!repo || !HFRead.readableByWorker(m)) return { ok: false, error: 'read by the page', reason: 'unreadable' };
    const hit = await cacheGet(msg.key);
    if (hit) {
      recordTab(sender, hit.report, hit.meta);
      return { ok: true, report: hit.report, cached: true, tabRecorded: true, details: hit.meta ?? {} };
    }
    warmStep = -1; // the analysis follows: it warms the engine as well as the sample would
    prepareEngine();
    const fetchText = (url, opts = {}) => (new URL(url).origin === HFRead.ORIGIN
      ? hubFetch(url, opts) : Promise.resolve({ ok: false, status: 0, reason: 'network', error: 'refused: not huggingface.co' }));
    // The base models' metadata (a fine-tune's lineage) is fetched while the files are read.
    const ancestors = page.type === 'model'
      ? engine().then(() => collectAncestors(HFRead.slim(repo, page))).catch(() => []) : null;
    const got = await HFRead.collect({ page, repo, m, fetchText });
    if (got.noText) return { ok: false, reason: got.details.failure, error: 'no license text and no declared license', details: got.details };
    const res = await analyseFor({ docs: got.docs, opts: got.opts, ...(got.cacheable ? { key: msg.key, meta: got.details } : {}) }, sender, ancestors);
    return { ...res, details: got.details };
  },
  async [MSG.CACHED](msg, sender) {
    const hit = await cacheGet(msg.key);
    if (!hit) {
      prepareEngine();
      return { ok: false, cached: false };
    }
    recordTab(sender, hit.report, hit.meta);
    return { ok: true, report: hit.report, meta: hit.meta, cached: true, tabRecorded: true };
  },
  async [MSG.WAKE](msg) {
    // Being woken is the point: the worker is up when the page asks. A repository with no cached
    // report will need the engine: it starts compiling and warming now.
    const keys = await cacheKeys;
    const stem = typeof msg.stem === 'string' && msg.stem ? CACHE_PREFIX + msg.stem : null;
    if (stem && !(keys && [...keys].some((k) => k.startsWith(stem)))) prepareEngine();
    return { ok: true };
  },
  async [MSG.ANSWER](msg) {
    await engine();
    return { ok: true, answer: await answerFor(msg.report) };
  },
  async [MSG.TAB_RESULT](msg, sender) {
    await setTabResult(sender.tab?.id, msg.summary ?? {});
    return { ok: true };
  },
  async [MSG.GET_TAB_RESULT](msg) {
    const k = TAB_PREFIX + msg.tabId;
    return { ok: true, summary: (await chrome.storage.session.get(k))[k] ?? null };
  },
  async [MSG.PROFILE_GET]() {
    return { ok: true, profile: await Profile.read() };
  },
  async [MSG.PROFILE_SET](msg) {
    return { ok: true, profile: await Profile.write(msg.profile) };
  },
  async [MSG.OPEN_OPTIONS]() {
    await chrome.runtime.openOptionsPage();
    return { ok: true };
  },
  async [MSG.STATS](msg, sender) {
    if (!sender.url?.startsWith(chrome.runtime.getURL(''))) return { ok: false, error: 'only for extension pages' };
    return { ok: true, stats };
  },
  async [MSG.VERSION]() {
    await engine();
    return { ok: true, version: engineModule.version() };
  },
};
// A feature that needs the worker (a cross-origin fetch for another hub, say) lives in its own module
// exporting an object of handlers keyed by message type, merged here with Object.assign(HANDLERS, …).
Object.assign(HANDLERS, HUB_HANDLERS);

async function onMessage(msg, sender) {
  const handler = Object.hasOwn(HANDLERS, msg?.type) ? HANDLERS[msg.type] : null;
  if (!handler) return { ok: false, error: `unknown message type ${String(msg?.type)}` };
  return handler(msg, sender);
}

chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  onMessage(msg, sender).then(sendResponse, (err) => {
    sendResponse({ ok: false, error: String(err?.message ?? err) });
  });
  return true; // the answer is asynchronous
});

