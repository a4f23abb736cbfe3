// Cross-origin reads for hub adapters, done by the service worker because the page's origin cannot
// make them (the Ollama registry, GitHub's raw file host). One rule above all: a tab may only make the
// worker fetch from the hub whose page it shows, and only from that hub's own hosts (HUBS below).
// Requests carry no cookies, never follow a redirect off the hub, time out, and are size-capped.

import './shared/fetch.js';
import './shared/messages.js';

const MSG = globalThis.FinePrintMsg;

/** Per hub: the hosts of its pages, and the hosts the worker may fetch from for those pages. */
export const HUBS = Object.freeze({
  ollama: { pages: ['ollama.com'], fetch: ['registry.ollama.ai'] },
  // Civitai, ModelScope and Kaggle answer on the page's own origin: the worker fetches nothing for them.
  civitai: { pages: ['civitai.com'], fetch: [] },
  modelscope: { pages: ['modelscope.cn', 'www.modelscope.cn'], fetch: [] },
  kaggle: { pages: ['www.kaggle.com'], fetch: [] },
  github: { pages: ['github.com'], fetch: ['raw.githubusercontent.com'] },
});

/** Data files adapters may read, by name (kept as JSON beside the adapters). */
const DATA_FILES = Object.freeze({
  'civitai-base-licenses': 'extension/sites/civitai-base-licenses.json',
});


/** The hub a page URL belongs to, or null. */
export function hubOfPage(pageUrl) {
  let host;
  try {
    host = new URL(pageUrl).hostname;
  } catch {
    return null;
  }
  for (const [id, hub] of Object.entries(HUBS)) if (hub.pages.includes(host)) return id;
  return null;
}

/** Why the tab at `pageUrl` may not fetch `url` (a string), or null when it may. */
export function refusal(pageUrl, url) {
  const hub = hubOfPage(pageUrl);
  if (!hub) return 'this page is not a supported hub';
  let u;
  try {
    u = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (u.protocol !== 'https:') return 'only https';
  if (u.username || u.password) return 'no credentials in URLs';
  if (!HUBS[hub].fetch.includes(u.hostname)) return `${u.hostname} is not a host of ${hub}`;
  return null;
}

/** A bounded GET (shared/fetch.js) with no cookies, no redirect (never off the hub) and no stale copy. */
export function hubFetch(url, { maxBytes } = {}) {
  return globalThis.FinePrintFetch.fetchText(url, { maxBytes, credentials: 'omit', redirect: 'error', cache: 'no-cache' });
}

const dataCache = new Map();
async function hubData(name) {
  const file = Object.hasOwn(DATA_FILES, name) ? DATA_FILES[name] : null;
  if (!file) return { ok: false, error: `no data file ${String(name)}` };
  if (!dataCache.has(name)) {
    dataCache.set(name, fetch(chrome.runtime.getURL(file)).then((r) => r.json()));
  }
  try {
    return { ok: true, data: await dataCache.get(name) };
  } catch (err) {
    dataCache.delete(name);
    return { ok: false, error: `cannot read ${file}: ${err?.message ?? err}` };
  }
}

/** The page a message came from: the tab's URL, which must agree with the sending frame's URL. */
export function senderPage(sender) {
  const tabUrl = sender?.tab?.url ?? '';
  const frameUrl = sender?.url ?? '';
  if (tabUrl && frameUrl && hubOfPage(tabUrl) !== hubOfPage(frameUrl)) return '';
  return tabUrl || frameUrl;
}

/** Handlers by message type, merged into the worker's dispatcher (background.js). */
export const HUB_HANDLERS = Object.freeze({
  async [MSG.HUB_FETCH](msg, sender) {
    const why = refusal(senderPage(sender), String(msg?.url ?? ''));
    if (why) return { ok: false, status: 0, reason: 'network', error: `refused: ${why}` };
    return hubFetch(String(msg.url));
  },
  async [MSG.HUB_DATA](msg) {
    return hubData(typeof msg?.name === 'string' ? msg.name : '');
  },
});
