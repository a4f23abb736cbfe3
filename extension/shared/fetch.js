// A bounded GET of a text, shared by the content scripts (content/runtime.js: the page's own origin,
// with its session) and the worker (background-hubs.js: no cookies, no redirect off the hub). A classic
// script; the worker imports it for its side effect. Never throws:
//   FinePrintFetch.fetchText(url, {timeoutMs, maxBytes, signal, credentials, redirect, cache})
//     -> {ok: true, status, text, url} | {ok: false, status, reason, error}
// reason: network, not-found (404/410), gated (401/403), unreadable (too large, not UTF-8, binary,
// redirected to another origin). Redirects are followed only while they stay on the URL's origin
// (the browser bounds their number); one that leaves it is refused with its reason. Bodies are read
// as a stream and cut at maxBytes, with or without a Content-Length.
(() => {
  if (globalThis.FinePrintFetch) return;
  const TIMEOUT_MS = 8000;
  const MAX_BYTES = 1024 * 1024;

  function httpReason(status) {
    if (status === 401 || status === 403) return 'gated';
    if (status === 404 || status === 410) return 'not-found';
    return 'network';
  }

  // Read a body, giving up (null) as soon as it passes the cap, so a huge file is never held whole.
  async function readCapped(res, maxBytes) {
    if (!res.body) return new Uint8Array(await res.arrayBuffer());
    const reader = res.body.getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        reader.cancel().catch(() => {});
        return null;
      }
      chunks.push(value);
    }
    const out = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.byteLength;
    }
    return out;
  }

  /** Whether `url` answers with a redirect (asked again without following it). */
  async function redirectsAway(url, init) {
    try {
      return (await fetch(url, { ...init, redirect: 'manual' })).type === 'opaqueredirect';
    } catch {
      return false;
    }
  }

  async function fetchText(url, {
    timeoutMs = TIMEOUT_MS, maxBytes = MAX_BYTES, signal, credentials = 'same-origin', redirect = 'follow', cache = 'default',
  } = {}) {
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), timeoutMs);
    const onAbort = () => ctl.abort();
    signal?.addEventListener('abort', onAbort);
    const fail = (status, reason, error) => ({ ok: false, status, reason, error });
    try {
      const res = await fetch(url, { signal: ctl.signal, credentials, redirect, cache });
      const from = new URL(url, globalThis.location?.href).origin;
      if (res.url && new URL(res.url).origin !== from) {
        res.body?.cancel().catch(() => {});
        return fail(res.status, 'unreadable', `redirected off ${from} to ${new URL(res.url).host}: not read`);
      }
      if (!res.ok) {
        res.body?.cancel().catch(() => {});
        return fail(res.status, httpReason(res.status), `HTTP ${res.status}`);
      }
      if (Number(res.headers.get('content-length') || 0) > maxBytes) {
        res.body?.cancel().catch(() => {});
        return fail(res.status, 'unreadable', 'file too large');
      }
      const buf = await readCapped(res, maxBytes);
      if (!buf) return fail(res.status, 'unreadable', 'file too large');
      let text;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
      } catch {
        return fail(res.status, 'unreadable', 'not UTF-8 text');
      }
      if (text.includes('\0')) return fail(res.status, 'unreadable', 'binary file');
      return { ok: true, status: res.status, text, url: res.url };
    } catch (err) {
      const offHub = redirect === 'error' ? ' (or a redirect off the hub)' : '';
      if (err?.name === 'AbortError') return fail(0, 'network', signal?.aborted ? 'cancelled' : 'timed out');
      if (redirect === 'follow' && await redirectsAway(url, { credentials, cache, signal: ctl.signal })) {
        // A redirect whose target could not be reached: it leaves the origin (a same-origin one
        // would have answered), so it is refused, a result that holds for this revision.
        return fail(0, 'unreadable', 'redirected off the site: not read');
      }
      return fail(0, 'network', `network error${offHub}`);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  globalThis.FinePrintFetch = Object.freeze({ fetchText });
})();
