// The worker's messages: who sent it (sender checks), what it may ask (unprivileged content scripts vs privileged extension pages), whether it is well formed, and the handlers.
// As in uBlock Origin, the worker decides for itself: every message's sender is checked before
// anything in it is read (sender.id, sender.tab, sender.url, sender.origin, the frame); a content
// script may only ask about the page its own tab shows, and cache keys are derived here from that
// tab's URL and the hub's metadata, never taken from the message. Shapes and sizes are validated
// before use; a message that fails gets {ok: false, error} and changes nothing.
import './shared/messages.js';
import './shared/profile.js';
import './content/hf-url.js';
import './sites/hf-read.js';
import {
  cacheGet, cacheKeyFor, cachePut, cachedUnder, getTabResult, recordTab, setTabResult,
} from './background-cache.js';
import {
  MAX_INPUT_BYTES, analyse, answerFor, compileEngine, inputBytes, prepareEngine, stats, stopWarming, version,
} from './background-engine.js';
import { collectAncestors, hfFetch } from './background-hf.js';
import { HUB_HANDLERS, hubOfPage } from './background-hubs.js';

const MSG = globalThis.FinePrintMsg;
const ACCESS = globalThis.FinePrintMsgAccess;
const Profile = globalThis.FinePrintProfile;
const HFRead = globalThis.FinePrintHFRead;

const MAX_DOCS = 8;
const MAX_NAME = 256;
const MAX_SHORT = 512; // ids, names, revisions, summary fields

// ---- who sent it ----------------------------------------------------------------------------------

const EXTENSION_BASE = chrome.runtime.getURL('');
const EXTENSION_ORIGIN = new URL(EXTENSION_BASE).origin;

/** 'extension' for one of this extension's own pages, 'content' for its content script on a hub's page, else null. */
export function senderKind(sender) {
  if (!sender || sender.id !== chrome.runtime.id) return null;
  const url = typeof sender.url === 'string' ? sender.url : '';
  if (url.startsWith(EXTENSION_BASE)) {
    // Firefox gives no sender.origin; Chrome gives the extension's origin for its pages.
    if (sender.origin !== undefined && sender.origin !== EXTENSION_ORIGIN) return null;
    return 'extension';
  }
  // A content script: in a tab, in its top frame (the manifest injects no other), on an https page
  // of a supported hub, the frame's URL and origin agreeing with the tab's hub.
  const tab = sender.tab;
  if (!tab || typeof tab.id !== 'number' || tab.id < 0) return null;
  if (sender.frameId !== undefined && sender.frameId !== 0) return null;
  let u;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || !hubOfSender(u.href)) return null;
  if (sender.origin !== undefined && sender.origin !== u.origin) return null;
  if (tab.url && hubOfSender(tab.url) !== hubOfSender(u.href)) return null;
  return 'content';
}

/** The hub a page URL belongs to: 'huggingface', one of background-hubs.js HUBS, or null. */
function hubOfSender(url) {
  try {
    if (new URL(url).hostname === 'huggingface.co') return 'huggingface';
  } catch {
    return null;
  }
  return hubOfPage(url);
}

/** The page a content script's message is about: its frame's URL (the tab's when it has none). */
function senderPage(sender) {
  return sender.url || sender.tab?.url || '';
}

/** The Hugging Face repository page a message comes from, or null. */
function hfPageOf(sender) {
  try {
    return globalThis.FinePrintHF.parseUrl(new URL(senderPage(sender)));
  } catch {
    return null;
  }
}

// ---- shapes ---------------------------------------------------------------------------------------

const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const shortStr = (v, max = MAX_SHORT) => (typeof v === 'string' && v.length <= max ? v : undefined);

/** The documents of an ANALYZE message, or a string saying what is wrong with them. */
function docsOf(raw) {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || raw.length > MAX_DOCS) return `docs must be a list of at most ${MAX_DOCS}`;
  const docs = [];
  for (const d of raw) {
    if (!isObj(d) || typeof d.text !== 'string') return 'each document needs a text';
    docs.push({ name: shortStr(d.name, MAX_NAME) ?? 'document', text: d.text });
  }
  return docs;
}

/** The engine's options from a message: only the known fields, each of its type. */
function optsOf(raw) {
  const o = isObj(raw) ? raw : {};
  const out = {};
  if (shortStr(o.hf_license)) out.hf_license = o.hf_license;
  if (shortStr(o.license_name)) out.license_name = o.license_name;
  if (isObj(o.hf_metadata)) out.hf_metadata = o.hf_metadata;
  if (typeof o.model_card === 'string') out.model_card = o.model_card;
  return out;
}

/** A meta object (details the badge shows) kept only when small and plain. */
function metaOf(raw) {
  if (!isObj(raw)) return null;
  try {
    const s = JSON.stringify(raw);
    return s.length <= 64 * 1024 ? JSON.parse(s) : null;
  } catch {
    return null;
  }
}

/**
 * A revision a content script names (the hub metadata's lastModified or sha): absent, or a short
 * string (cacheKeyFor keeps it only in a revision's shape); anything else is a malformed message.
 */
const revisionOk = (v) => v === undefined || shortStr(v, 64) !== undefined;

/** A URL a content script asks the worker to fetch: a string of a URL's size, or undefined. */
const MAX_URL = 2048;
const urlOf = (v) => shortStr(v, MAX_URL);

const SUMMARY_FIELDS = ['state', 'license', 'verdict', 'text', 'reason', 'declared'];

/** A tab summary from a content script: known string fields only; the URL is the sender's own. */
function summaryOf(raw, sender) {
  const s = isObj(raw) ? raw : {};
  const out = {};
  for (const k of SUMMARY_FIELDS) if (shortStr(s[k])) out[k] = s[k];
  if (!['result', 'error', 'loading'].includes(out.state)) out.state = 'error';
  out.url = sender.tab?.url ?? sender.url;
  return out;
}

// ---- analyses --------------------------------------------------------------------------------------

/** Analyse documents (with the model's ancestors when there is Hub metadata), cache under `key`. */
async function analyseFor({ docs, opts, key, meta, by }, sender, ancestors = null) {
  stopWarming();
  if (inputBytes(docs, opts) > MAX_INPUT_BYTES) return analyse(docs, opts); // refused with its reason, before any fetch
  if (opts.hf_metadata) opts.ancestors = ancestors ? await ancestors : await collectAncestors(opts.hf_metadata);
  // The base models' metadata counts against the same cap: the farthest go first (they stay "not fetched").
  while (opts.ancestors?.length && inputBytes(docs, opts) > MAX_INPUT_BYTES) opts.ancestors = opts.ancestors.slice(0, -1);
  const res = await analyse(docs, opts);
  if (!res.ok) return res;
  // Answer first; the cache and the tab's result are written meanwhile.
  if (key) cachePut(key, { report: res.report, meta: meta ?? null, by, t: Date.now() }).catch(() => {});
  recordTab(sender, res.report, meta);
  // No personal answer here: the badge does not need it and the panel asks for it when it opens.
  return { ok: true, report: res.report, cached: false, tabRecorded: true };
}

// ---- handlers: content scripts (unprivileged) -----------------------------------------------------

const CONTENT = {
  async [MSG.ANALYZE](msg, sender) {
    const docs = docsOf(msg.docs);
    if (typeof docs === 'string') return { ok: false, error: `bad message: ${docs}`, reason: 'unreadable' };
    if (!revisionOk(msg.lastModified)) return { ok: false, error: 'bad message: lastModified', reason: 'unreadable' };
    const opts = optsOf(msg.opts);
    // Cached only for the Hugging Face repository the sender's tab shows, at the revision it names.
    const key = cacheKeyFor(hfPageOf(sender), msg.lastModified);
    const cache = key && msg.lastModified !== undefined ? { key, meta: metaOf(msg.meta), by: 'page' } : {};
    return analyseFor({ docs, opts, ...cache }, sender);
  },
  async [MSG.HF_READ](msg, sender) {
    // The repository is the one the sending page shows (never one the message names), its files are
    // read from huggingface.co without cookies, and only a public repository is read here. A cached
    // report the worker read itself (per repository and revision) is answered at once.
    const page = hfPageOf(sender);
    if (!page) return { ok: false, error: 'not a Hugging Face repository page', reason: 'unreadable' };
    const repo = isObj(msg.repo) ? msg.repo : null;
    if (repo && JSON.stringify(repo).length > MAX_INPUT_BYTES) {
      return { ok: false, error: 'the repository metadata is over the size an analysis reads', reason: 'unreadable', details: {} };
    }
    const m = HFRead.meta(repo);
    if (!repo || !HFRead.readableByWorker(m)) return { ok: false, error: 'read by the page', reason: 'unreadable' };
    const key = cacheKeyFor(page, m.lastModified);
    const hit = await cacheGet(key);
    if (hit && hit.by !== 'page') {
      recordTab(sender, hit.report, hit.meta);
      return { ok: true, report: hit.report, cached: true, tabRecorded: true, details: hit.meta ?? {} };
    }
    stopWarming(); // the analysis follows: it warms the engine as well as the sample would
    prepareEngine();
    // The base models' metadata (a fine-tune's lineage) is fetched while the files are read.
    const slim = HFRead.slim(repo, page);
    const ancestors = page.type === 'model' ? collectAncestors(slim).catch(() => []) : null;
    const got = await HFRead.collect({ page, repo, m, fetchText: hfFetch });
    if (got.noText) return { ok: false, reason: got.details.failure, error: 'no license text and no declared license', details: got.details };
    const cache = got.cacheable ? { key, meta: got.details, by: 'worker' } : {};
    const res = await analyseFor({ docs: got.docs, opts: got.opts, ...cache }, sender, ancestors);
    return { ...res, details: got.details };
  },
  async [MSG.CACHED](msg, sender) {
    if (!revisionOk(msg.lastModified)) return { ok: false, cached: false, error: 'bad message: lastModified' };
    const hit = await cacheGet(cacheKeyFor(hfPageOf(sender), msg.lastModified));
    if (!hit) {
      prepareEngine();
      return { ok: false, cached: false };
    }
    recordTab(sender, hit.report, hit.meta);
    return { ok: true, report: hit.report, meta: hit.meta, cached: true, tabRecorded: true };
  },
  async [MSG.WAKE](msg, sender) {
    // Being woken is the point: the worker is up when the page asks. A repository with no cached
    // report will need the engine: it starts compiling and warming now.
    // The module compiles meanwhile (no instance yet), so the storage read overlaps it; a page
    // whose report turns out to be cached has cost one compile, in the background.
    const page = hfPageOf(sender);
    if (!page) return { ok: true };
    compileEngine().catch(() => {});
    if (!(await cachedUnder(globalThis.FinePrintHF.cacheKeyStem(page)))) prepareEngine();
    return { ok: true };
  },
  async [MSG.TAB_RESULT](msg, sender) {
    if (!isObj(msg.summary)) return { ok: false, error: 'bad message: summary' };
    await setTabResult(sender.tab.id, summaryOf(msg.summary, sender));
    return { ok: true };
  },
};

// ---- handlers: extension pages (privileged), and the few both may ask -----------------------------

const SHARED = {
  async [MSG.PROFILE_GET](msg, sender) {
    const questions = await Profile.loadQuestions();
    const profile = await Profile.read();
    if (senderKind(sender) === 'extension') return { ok: true, profile, questions };
    // A content script (the panel) gets what it asks inline and how many answers there are; the
    // rest of the profile stays with the extension's pages.
    const inline = Profile.shown(questions).filter((q) => q.inline);
    return {
      ok: true,
      profile: { version: profile.version, answered: profile.answered, answers: Object.fromEntries(inline.map((q) => [q.id, profile.answers[q.id]])) },
      questions: { version: questions.version, questions: inline },
    };
  },
  async [MSG.PROFILE_ANSWER](msg) {
    const questions = await Profile.loadQuestions();
    const q = Profile.shown(questions).find((x) => x.inline && !x.multiple && x.id === msg.question);
    if (!q) return { ok: false, error: 'bad message: question (only a question asked inline)' };
    if (typeof msg.answer !== 'string' || !q.answers.some((a) => a.id === msg.answer)) return { ok: false, error: 'bad message: answer' };
    if (!isObj(msg.report) || JSON.stringify(msg.report).length > MAX_INPUT_BYTES) return { ok: false, error: 'bad message: report' };
    const now = await Profile.read();
    const profile = await Profile.write({ answers: { ...now.answers, [q.id]: msg.answer } });
    return { ok: true, profile, answer: await answerFor(msg.report) };
  },
  async [MSG.ANSWER](msg) {
    if (!isObj(msg.report) || JSON.stringify(msg.report).length > MAX_INPUT_BYTES) return { ok: false, error: 'bad message: report' };
    return { ok: true, answer: await answerFor(msg.report) };
  },
  async [MSG.OPEN_OPTIONS]() {
    await chrome.runtime.openOptionsPage();
    return { ok: true };
  },
};

const EXTENSION = {
  async [MSG.GET_TAB_RESULT](msg) {
    if (!Number.isInteger(msg.tabId) || msg.tabId < 0) return { ok: false, error: 'bad message: tabId' };
    return { ok: true, summary: await getTabResult(msg.tabId) };
  },
  async [MSG.PROFILE_SET](msg) {
    if (!isObj(msg.profile) || JSON.stringify(msg.profile).length > 64 * 1024) return { ok: false, error: 'bad message: profile' };
    return { ok: true, profile: await Profile.write(msg.profile) };
  },
  async [MSG.STATS]() {
    return { ok: true, stats };
  },
  async [MSG.VERSION]() {
    return { ok: true, version: await version() };
  },
};

// The hub reads' shapes, checked here like every other message's before the handler runs: a URL is
// a string of a URL's size (not an object or a list that would stringify into one), a data name a short string.
const HUB_SHAPES = {
  [MSG.HUB_FETCH]: (msg) => (urlOf(msg.url) === undefined ? 'url' : null),
  [MSG.HUB_DATA]: (msg) => (shortStr(msg.name, MAX_NAME) === undefined ? 'name' : null),
};
const HUB_CHECKED = Object.fromEntries(Object.entries(HUB_HANDLERS).map(([type, handler]) => [type, (msg, sender) => {
  const bad = HUB_SHAPES[type]?.(msg);
  return bad ? { ok: false, status: 0, reason: 'network', error: `bad message: ${bad}` } : handler(msg, sender);
}]));

const HANDLERS = { ...CONTENT, ...HUB_CHECKED, ...SHARED, ...EXTENSION };

/** Answer one message: the sender is checked first, then whether its side may ask this, then the shape. */
export async function onMessage(msg, sender) {
  const kind = senderKind(sender);
  if (!kind) return { ok: false, error: 'refused: not from this extension’s pages or its content scripts on a supported hub' };
  if (!isObj(msg) || typeof msg.type !== 'string') return { ok: false, error: 'bad message' };
  const allowed = kind === 'extension' ? ACCESS.EXTENSION : ACCESS.CONTENT;
  if (!allowed.includes(msg.type) || !Object.hasOwn(HANDLERS, msg.type)) {
    return { ok: false, error: `refused: ${String(msg.type).slice(0, 40)} is not a message ${kind === 'extension' ? 'an extension page' : 'a content script'} may send` };
  }
  // A Hugging Face message from another hub's content script is refused by its handler (no HF page);
  // the hub fetch checks the sender's hub itself (background-hubs.js).
  return HANDLERS[msg.type](msg, sender);
}

/** The listener: one asynchronous answer per message, never an unhandled rejection. */
export function listen() {
  chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    onMessage(msg, sender).then(sendResponse, (err) => {
      sendResponse({ ok: false, error: String(err?.message ?? err) });
    });
    return true; // the answer is asynchronous
  });
}

export { senderPage };
