// Helpers shared by the adapters of hubs other than Hugging Face (a classic content script, loaded
// after the runtime, the badge and the panel, before the hub's adapter): the worker's cross-origin
// fetch and packaged data, anchors tried in order, a warning line on the badge, HTML-to-text.
// Every reader returns null rather than throwing: hub pages change.
(() => {
  if (globalThis.FinePrintHubs) return;

  async function send(msg) {
    // The runtime's send: bounded in time (a worker that never answers ends in a 'timeout' error).
    if (globalThis.FinePrint?.send) return globalThis.FinePrint.send(msg);
    try {
      return (await chrome.runtime.sendMessage(msg)) ?? { ok: false, reason: 'unreadable', error: 'no answer from the extension' };
    } catch (err) {
      return { ok: false, reason: 'unreadable', error: String(err?.message ?? err) };
    }
  }

  /** Ask the worker to fetch `url` from one of this hub's own hosts: {ok, status, text} | {ok: false, reason, error}. */
  const hubFetch = (url) => send({ type: globalThis.FinePrintMsg.HUB_FETCH, url: String(url) });

  /** A packaged data file by name (extension/background-hubs.js DATA_FILES): {ok, data} | {ok: false, error}. */
  const hubData = (name) => send({ type: globalThis.FinePrintMsg.HUB_DATA, name });

  function parseJson(text) {
    try {
      return JSON.parse(text);
    } catch {
      return null;
    }
  }

  /**
   * A locate() for FinePrint.mount: the first of `anchors` ([placement, () => {el, where} | null])
   * that finds a connected element, as {el, where, placement}; null sends the badge to the corner.
   */
  function firstAnchor(anchors) {
    return () => {
      for (const [placement, find] of anchors) {
        let spot = null;
        try {
          spot = find();
        } catch {
          spot = null;
        }
        if (spot?.el?.isConnected) return { el: spot.el, where: spot.where ?? 'afterend', placement };
      }
      return null;
    };
  }

  /**
   * Start a hub's badge: null when this page already has one (adapters are idempotent), else a new
   * badge marked with its hub and mounted where `locate` says (see firstAnchor).
   */
  function begin({ createBadge, mount }, hub, locate) {
    if (globalThis.FinePrintBadge.placed()) return null; // ours only: a planted look-alike does not count
    const badge = createBadge();
    badge.setAttribute('data-fineprint-hub', hub);
    mount(badge, locate);
    return badge;
  }

  /** The first element matching `selector` whose whitespace-collapsed, lower-case text passes `test`. */
  function byText(selector, test, root = document) {
    for (const el of root.querySelectorAll(selector)) {
      const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
      if (t && test(t)) return el;
    }
    return null;
  }

  /** A visible warning beside the badge's button (text only); the full words go to the panel's notes. */
  function warn(host, text) {
    const root = host.shadowRoot;
    if (!root) return;
    let w = root.querySelector('.fp-hub-warning');
    if (!w) {
      w = document.createElement('span');
      w.className = 'fp-hub-warning';
      w.setAttribute('role', 'note');
      w.style.cssText = 'font: 600 11px/1.5 system-ui, sans-serif; color: #b45309; margin-left: 6px; align-self: center; white-space: nowrap;';
      root.append(w);
    }
    w.textContent = `⚠ ${text}`;
  }

  /** The text of an HTML page that shows one file: its longest <pre>/<textarea>/<code>, else <main>, else <body>. */
  function textFromHtml(html) {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    let best = '';
    for (const el of doc.querySelectorAll('pre, textarea, code')) {
      const t = el.textContent ?? '';
      if (t.trim().length > best.trim().length) best = t;
    }
    if (best.trim()) return best;
    return (doc.querySelector('main') ?? doc.body)?.textContent ?? '';
  }

  /** Plain text as given, or the text an HTML page shows. */
  function asText(body) {
    const head = body.slice(0, 512).trimStart().toLowerCase();
    const html = head.startsWith('<!doctype html') || head.startsWith('<!--') || /^<(html|head|body|div|main|pre)\b/.test(head);
    return html ? textFromHtml(body) : body;
  }

  globalThis.FinePrintHubs = Object.freeze({ hubFetch, hubData, parseJson, firstAnchor, begin, byText, warn, textFromHtml, asText });
})();
