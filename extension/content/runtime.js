// Content-script runtime shared by every hub adapter (a classic script: content scripts cannot be
// ES modules). It owns: the adapter registry, the messages to the worker, bounded fetches, keeping
// badges in place through re-renders, and re-running adapters on client-side navigation.
// Adapters live in extension/sites/<hub>.js and call FinePrint.registerAdapter({id, detect, run}).
// A content_scripts entry lists, in order: shared/messages.js, shared/fetch.js, content/runtime.js, ui/badge.js, then
// the hub's sites/<hub>.js (tests/e2e/hf-manifest checks it); the panel is imported on first click.
// Nothing here may throw into the host page: every entry point catches and logs once.
(() => {
  if (globalThis.FinePrint) return; // injected twice: keep the first
  const MSG = globalThis.FinePrintMsg; // shared/messages.js, loaded before this script
  const adapters = [];
  const logged = new Set();
  const mounts = new Set(); // {badge, locate}: badges the runtime keeps in the page
  let navigation = new AbortController(); // aborted when the URL changes
  let lastUrl = location.href;

  function logOnce(where, err) {
    const key = `${where}:${err?.message ?? err}`;
    if (logged.has(key)) return;
    logged.add(key);
    const quiet = /Extension context invalidated/.test(String(err?.message ?? err));
    console[quiet ? 'info' : 'warn'](`[Fine Print] ${where}:`, err);
  }

  /** A same-origin text, bounded (shared/fetch.js): with the page's session, following redirects. */
  const fetchText = (url, opts) => globalThis.FinePrintFetch.fetchText(url, opts);

  const MESSAGE_TIMEOUT_MS = 30000; // the engine may take seconds on a slow machine; never forever
  // A shorter bound for tests, read from the extension's own storage.local (which no page can write;
  // the tests set it from the worker). It can only shorten the wait, never lengthen it.
  const TIMEOUT_KEY = 'fp:message-timeout-ms';
  let bound = null;
  function messageTimeout() {
    bound ??= Promise.resolve()
      .then(() => chrome.storage.local.get(TIMEOUT_KEY))
      .then((r) => {
        const ms = Number(r?.[TIMEOUT_KEY]);
        return Number.isFinite(ms) && ms >= 200 && ms < MESSAGE_TIMEOUT_MS ? ms : MESSAGE_TIMEOUT_MS;
      }, () => MESSAGE_TIMEOUT_MS);
    return bound;
  }
  /** The answer when the worker does not answer in time: an error the badge shows with a retry. */
  const timedOut = () => ({ ok: false, reason: 'timeout', error: 'Fine Print did not answer in time' });

  /**
   * One message to the worker. Never throws and never hangs: an answer, or {ok: false, reason:
   * 'timeout'} after the bound. A worker stopped while the message was on its way is asked once more.
   */
  async function send(msg, retry = true) {
    let timer;
    let over = false;
    try {
      const timeout = new Promise((resolve) => {
        timer = setTimeout(() => resolve(timedOut()), MESSAGE_TIMEOUT_MS);
        messageTimeout().then((ms) => {
          if (over || ms >= MESSAGE_TIMEOUT_MS) return;
          clearTimeout(timer);
          timer = setTimeout(() => resolve(timedOut()), ms);
        });
      });
      const res = await Promise.race([chrome.runtime.sendMessage(msg), timeout]);
      return res ?? { ok: false, error: 'no answer from the extension', reason: 'unreadable' };
    } catch (err) {
      const text = String(err?.message ?? err);
      if (retry && /Receiving end does not exist|message (port|channel) closed/i.test(text)) return send(msg, false);
      logOnce('message', err);
      return { ok: false, error: text, reason: 'unreadable' };
    } finally {
      over = true;
      clearTimeout(timer);
    }
  }

  /**
   * Ask the worker to analyse documents. With `lastModified` (the hub metadata's revision, '' when
   * unknown) the worker caches the report for the repository this tab shows, at that revision: the
   * worker makes the key from the tab's URL, a page cannot name another repository's entry.
   */
  function analyze(docs, opts = {}, { lastModified, meta } = {}) {
    return send({ type: MSG.ANALYZE, docs, opts, lastModified, meta });
  }

  /** This tab's repository's cached report at revision `lastModified` ({ok: true, report, meta}) or {ok: false}. */
  function cached(lastModified) {
    return send({ type: MSG.CACHED, lastModified });
  }

  function createBadge() {
    return globalThis.FinePrintBadge.create();
  }

  // ---- the panel: loaded on the first click --------------------------------------------------------

  // The panel and the clause breakdown (ui/panel.js, ui/breakdown.js: 45 kB, most of the content
  // scripts' code) are needed only when someone opens a badge, so a page does not parse them as it
  // loads: the first click imports them (web-accessible to the hubs' pages only, at a per-session URL
  // in Chrome, so a page cannot probe for them). Both are classic scripts that define a global; as
  // modules they run in this same isolated world.
  const PANEL_SCRIPTS = ['extension/ui/breakdown.js', 'extension/ui/panel.js'];
  let panelReady = null;

  function loadPanel() {
    panelReady ??= (async () => {
      for (const f of PANEL_SCRIPTS) await import(chrome.runtime.getURL(f));
      if (!globalThis.FinePrintPanel) throw new Error('the panel script defined no panel');
    })().catch((err) => {
      panelReady = null; // a later click tries again
      throw err;
    });
    return panelReady;
  }

  /** Open or close a badge's panel, loading the panel's code first if need be. */
  async function togglePanel(host) {
    try {
      await loadPanel();
      globalThis.FinePrintPanel.toggle(host);
    } catch (err) {
      logOnce('panel', err);
    }
  }

  /**
   * Put a result or an error on a badge, and tell the worker (for the popup and toolbar) unless the
   * worker already recorded this very result when it answered (result.tabRecorded).
   */
  function setBadge(host, result, details) {
    globalThis.FinePrintBadge.set(host, result, details);
    if (result?.ok && result.tabRecorded) return;
    const summary = { ...globalThis.FinePrintBadge.summary(host), url: location.href };
    send({ type: MSG.TAB_RESULT, summary });
  }

  // ---- placement: keep each badge where its adapter wants it, through re-renders ------------------

  function place(m) {
    let spot = null;
    try {
      if (m.placements++ < MAX_REPLACEMENTS) spot = m.locate();
    } catch (err) {
      logOnce('locate', err);
    }
    const { badge } = m;
    if (spot?.el?.isConnected) {
      spot.el.insertAdjacentElement(spot.where ?? 'afterend', badge);
      badge.setAttribute('data-placement', spot.placement ?? 'anchor');
      globalThis.FinePrintBadge?.setFixed(badge, false);
      return;
    }
    // No anchor: a fixed corner, still reachable and still one badge.
    badge.setAttribute('data-placement', 'fallback');
    badge.setAttribute('data-theme', globalThis.FinePrintBadge?.pageTheme() ?? 'light'); // it paints its own background
    globalThis.FinePrintBadge?.setFixed(badge, true);
    (document.body ?? document.documentElement).append(badge);
  }

  /**
   * Insert `badge` where `locate()` says ({el, where, placement} or null for the fallback corner),
   * and put it back there whenever the page re-renders it away.
   */
  // A page that keeps removing the badge (a framework re-rendering its container on every change)
  // gets it this many times beside its anchor; after that it stays in the fixed corner.
  const MAX_REPLACEMENTS = 25;

  function mount(badge, locate) {
    const m = { badge, locate, placements: 0 };
    mounts.add(m);
    place(m);
    return badge;
  }

  function onMutations() {
    if (location.href !== lastUrl) {
      onUrlChange();
      return;
    }
    for (const m of mounts) {
      if (!m.badge.isConnected) place(m);
      else if (m.badge.getAttribute('data-placement') === 'fallback' && m.placements < MAX_REPLACEMENTS
        && performance.now() - (m.lastLook ?? 0) > 500) {
        // The page finished rendering its header later: move in beside the controls (looked for at
        // most twice a second, so a busy page does not pay for it on every change).
        m.lastLook = performance.now();
        let spot = null;
        try {
          spot = m.locate();
        } catch {}
        if (spot?.el?.isConnected) place(m);
      }
    }
  }

  let scheduled = false;
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      try {
        onMutations();
      } catch (err) {
        logOnce('observer', err);
      }
    });
  });

  function onUrlChange() {
    if (location.href === lastUrl) return;
    lastUrl = location.href;
    rerun();
  }

  /** Take this page's badges away and run the adapters again (a new URL, or the user's "Try again"). */
  function rerun() {
    navigation.abort();
    navigation = new AbortController();
    for (const m of mounts) {
      globalThis.FinePrintPanel?.close(m.badge);
      m.badge.remove();
    }
    mounts.clear();
    for (const a of adapters) runAdapter(a);
  }

  /** Register a hub adapter {id, detect(url), run(api)} and run it on this page if it applies. */
  function registerAdapter(adapter) {
    adapters.push(adapter);
    runAdapter(adapter);
  }

  async function runAdapter(adapter) {
    try {
      // A raw file or a JSON answer opened in a tab is not a page to put a badge on.
      if (!/html/.test(document.contentType ?? 'text/html')) return;
      if (!adapter.detect(new URL(location.href))) return;
      const signal = navigation.signal;
      await adapter.run({ fetchText, analyze, cached, send, createBadge, setBadge, mount, logOnce, signal });
    } catch (err) {
      logOnce(adapter.id, err);
    }
  }

  try {
    observer.observe(document.documentElement, { childList: true, subtree: true });
    addEventListener('popstate', onUrlChange);
    globalThis.navigation?.addEventListener('navigatesuccess', () => setTimeout(onUrlChange, 0));
  } catch (err) {
    logOnce('runtime', err);
  }

  /**
   * "Try again" (the panel, after the worker did not answer): read this page again, without a reload.
   * The focus, which was on the button in the panel that goes away, moves to the new badge.
   */
  function retry() {
    try {
      rerun();
      const first = mounts.values().next().value;
      first?.badge.shadowRoot?.querySelector('button')?.focus();
    } catch (err) {
      logOnce('retry', err);
    }
  }

  globalThis.FinePrint = Object.freeze({
    registerAdapter, adapters, fetchText, analyze, cached, send, createBadge, setBadge, mount, logOnce, togglePanel, retry,
  });
})();
