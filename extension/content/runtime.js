// Content-script runtime shared by every hub adapter (a classic script: content scripts cannot be
// ES modules). It owns: the adapter registry, the message to the worker, bounded fetches, and the
// badge element. Adapters live in extension/sites/<hub>.js and call FinePrint.registerAdapter().
// Nothing here may throw into the host page: every entry point catches and logs once.
(() => {
  if (globalThis.FinePrint) return; // injected twice: keep the first
  const MSG = Object.freeze({ ANALYZE: 'fp:analyze' });
  const FETCH_TIMEOUT_MS = 8000;
  const MAX_TEXT_BYTES = 1024 * 1024;
  const adapters = [];
  const logged = new Set();

  function logOnce(where, err) {
    const key = `${where}:${err?.message ?? err}`;
    if (logged.has(key)) return;
    logged.add(key);
    console.warn(`[Fine Print] ${where}:`, err);
  }

  /** Fetch a same-origin text with a timeout and a size cap. Never throws: {ok, status, text, error}. */
  async function fetchText(url, { timeoutMs = FETCH_TIMEOUT_MS, maxBytes = MAX_TEXT_BYTES } = {}) {
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), timeoutMs);
    try {
      const res = await fetch(url, { signal: ctl.signal, credentials: 'same-origin', redirect: 'follow' });
      if (!res.ok) return { ok: false, status: res.status, error: httpReason(res.status) };
      const len = Number(res.headers.get('content-length') || 0);
      if (len > maxBytes) return { ok: false, status: res.status, error: 'file too large' };
      const buf = await res.arrayBuffer();
      if (buf.byteLength > maxBytes) return { ok: false, status: res.status, error: 'file too large' };
      let text;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
      } catch {
        return { ok: false, status: res.status, error: 'not UTF-8 text' };
      }
      return { ok: true, status: res.status, text };
    } catch (err) {
      return { ok: false, status: 0, error: err?.name === 'AbortError' ? 'timed out' : 'network error' };
    } finally {
      clearTimeout(timer);
    }
  }

  function httpReason(status) {
    if (status === 401 || status === 403) return 'gated: sign in and accept the terms to read the file';
    if (status === 404) return 'not found';
    return `HTTP ${status}`;
  }

  /** Ask the worker to analyse documents. Resolves {ok, report} or {ok: false, error}. */
  async function analyze(docs, opts = {}) {
    try {
      const res = await chrome.runtime.sendMessage({ type: MSG.ANALYZE, docs, opts });
      return res ?? { ok: false, error: 'no answer from the extension' };
    } catch (err) {
      return { ok: false, error: String(err?.message ?? err) };
    }
  }

  /** The badge host element: attributes of the contract on the host, UI in an open shadow root. */
  function createBadge() {
    const host = document.createElement('span');
    host.setAttribute('data-fineprint-badge', '');
    host.setAttribute('data-license', '');
    host.setAttribute('data-verdict', '');
    host.setAttribute('data-state', 'loading');
    host.style.cssText = 'all: initial; display: inline-flex; vertical-align: middle; margin: 0 6px;';
    const root = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = `
      button { font: 600 12px/1.6 system-ui, sans-serif; border-radius: 6px; padding: 1px 8px;
               border: 1px solid #888; background: #fff; color: #111; cursor: pointer; }
      :host([data-state="error"]) button { border-style: dashed; }
    `;
    const btn = document.createElement('button');
    btn.type = 'button';
    btn.textContent = 'Fine Print: reading license…';
    root.append(style, btn);
    return host;
  }

  /** Put the report (or an error) on a badge. Text only: never HTML from pages or licenses. */
  function setBadge(host, result) {
    const btn = host.shadowRoot.querySelector('button');
    if (result.ok) {
      const r = result.report;
      host.setAttribute('data-state', 'result');
      host.setAttribute('data-license', r.license?.id ?? '');
      host.setAttribute('data-verdict', r.badge?.class ?? 'unknown');
      btn.textContent = `${r.badge?.text ?? 'License'}${r.license?.id ? ` · ${r.license.id}` : ''}`;
    } else {
      host.setAttribute('data-state', 'error');
      host.setAttribute('data-verdict', 'unknown');
      btn.textContent = `Fine Print: ${result.error}`;
    }
  }

  /** Register a hub adapter {id, detect(url), run(api)} and run it on this page if it applies. */
  function registerAdapter(adapter) {
    adapters.push(adapter);
    runAdapter(adapter);
  }

  async function runAdapter(adapter) {
    try {
      if (!adapter.detect(new URL(location.href))) return;
      await adapter.run({ fetchText, analyze, createBadge, setBadge, logOnce });
    } catch (err) {
      logOnce(adapter.id, err);
    }
  }

  globalThis.FinePrint = { registerAdapter, adapters, fetchText, analyze, createBadge, setBadge, logOnce };
})();
