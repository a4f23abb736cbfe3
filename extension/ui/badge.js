// The badge beside a model's download controls (a classic content script; defines FinePrintBadge).
// Contract (shared/spec/README.md): the host element carries data-fineprint-badge, data-license (the
// license.id or empty) and data-verdict (the badge.class). Everything else lives in an open shadow
// root, so the page's styles cannot break it and its styles cannot break the page.
// States (data-state): loading, result, error (data-reason says why: network, not-found, gated,
// unreadable, timeout: the extension's worker did not answer in time). Colour is never the only signal: every state has a glyph and words.
// Text from licenses and pages is only ever set with textContent.
(() => {
  if (globalThis.FinePrintBadge) return;

  // badge.class -> [glyph, colour token]. The words come from the report (badge.text).
  const LOOK = {
    'open-source-ai': ['✓', 'good'],
    'open-weights-permissive': ['✓', 'good'],
    'open-weights-restricted': ['▲', 'warn'],
    'non-commercial': ['⊘', 'bad'],
    'research-only': ['⊘', 'bad'],
    unknown: ['?', 'muted'],
  };
  // What the badge says for each error (short: badge_error_<reason>), and what the panel says (REASONS,
  // the full reason: reason_<reason>); the words are in the message files (extension/shared/i18n.js).
  const t = (key, ...args) => globalThis.FinePrintI18n.t(key, ...args);
  const key = (reason) => reason.replace(/-/g, '_');
  const REASON_IDS = ['gated', 'not-found', 'network', 'unreadable', 'timeout'];
  const SHORT = Object.fromEntries(REASON_IDS.map((r) => [r, { get text() { return t(`badge_error_${key(r)}`); } }]));
  const REASONS = Object.freeze(Object.defineProperties({}, Object.fromEntries(REASON_IDS.map((r) => [r, { enumerable: true, get: () => t(`reason_${key(r)}`) }]))));

  // The badge takes the page's text colour (the host inherits it) on a transparent pill, so it follows
  // the page's light or dark theme with no script. Only the fixed-corner fallback paints a background.
  const STYLE = `
    :host { --good: #1f9d55; --warn: #d97706; --bad: #dc2626; }
    button { all: unset; box-sizing: border-box; display: inline-flex; align-items: center; gap: 6px;
             max-width: min(28rem, calc(100vw - 24px)); font: 600 12px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif;
             color: inherit; background: transparent; border-radius: 999px; padding: 1px 10px 1px 8px;
             border: 1px solid color-mix(in srgb, currentColor 35%, transparent); cursor: pointer; white-space: nowrap; }
    button:hover { border-color: currentColor; }
    button:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
    .glyph { font-size: 12px; line-height: 1; min-width: 1em; text-align: center; }
    .text { overflow: hidden; text-overflow: ellipsis; }
    .id { font-weight: 400; opacity: .72; overflow: hidden; text-overflow: ellipsis; }
    [data-tone="good"] .glyph { color: var(--good); }
    [data-tone="warn"] .glyph { color: var(--warn); }
    [data-tone="bad"] .glyph { color: var(--bad); }
    [data-tone="muted"] .glyph { opacity: .72; }
    :host([data-state="error"]) button { border-style: dashed; }
    :host([data-placement="fallback"]) button { background: #fff; color: #1f2937; box-shadow: 0 2px 10px rgba(0,0,0,.2); }
    :host([data-placement="fallback"][data-theme="dark"]) button { background: #111827; color: #e5e7eb; }
    :host([data-state="loading"]) .glyph { animation: spin 1s linear infinite; display: inline-block; }
    @keyframes spin { to { transform: rotate(360deg); } }
    @media (prefers-reduced-motion: reduce) { :host([data-state="loading"]) .glyph { animation: none; } }
  `;

  // The host's own style, inline so that the page's rules for its elements cannot reach it; the
  // fixed corner adds FIXED. Attributes, not the style and dataset objects: each DOM interface a
  // content script first touches is built for its isolated world, on the page's main thread.
  const HOST_STYLE = 'all: initial; color: inherit; display: inline-flex; vertical-align: middle; margin: 0 6px 4px 0;';
  const FIXED = ' position: fixed; right: 16px; bottom: 16px; z-index: 2147483646;';

  /** Pin the badge to the window's corner (no anchor on the page), or put it back in the flow. */
  function setFixed(host, fixed) {
    host.setAttribute('style', fixed ? HOST_STYLE + FIXED : HOST_STYLE);
  }

  const state = new WeakMap(); // host -> {result, details}
  // The badges this script made. A page can plant an element with the same attributes; it is not in
  // this set, so it neither stands in for a real badge (suppressing it) nor opens a panel.
  const mine = new WeakSet();
  const parts = new WeakMap(); // host -> {btn, glyph, text, id}: painting looks nothing up

  /** "dark" or "light", following the page: its painted background, then its dark-mode class. */
  function pageTheme(doc = document) {
    for (const el of [doc.body, doc.documentElement]) {
      if (!el) continue;
      const m = getComputedStyle(el).backgroundColor.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/);
      if (m && (m[4] === undefined || Number(m[4]) > 0.5)) {
        const [r, g, b] = [m[1], m[2], m[3]].map(Number);
        return 0.2126 * r + 0.7152 * g + 0.0722 * b < 110 ? 'dark' : 'light';
      }
    }
    const root = doc.documentElement;
    if (root?.classList.contains('dark') || root?.getAttribute('data-theme') === 'dark') return 'dark';
    return 'light';
  }

  // One parsed style sheet for every badge of the page (a <style> where constructed sheets are missing).
  let sheet = null;
  function styleInto(root) {
    try {
      sheet ??= new CSSStyleSheet();
      if (!sheet.cssRules.length) sheet.replaceSync(STYLE);
      root.adoptedStyleSheets = [sheet];
    } catch {
      const style = document.createElement('style');
      style.textContent = STYLE;
      root.append(style);
    }
  }

  function create() {
    const host = document.createElement('span');
    host.setAttribute('data-fineprint-badge', '');
    host.setAttribute('data-license', '');
    host.setAttribute('data-verdict', '');
    host.setAttribute('data-state', 'loading');
    host.setAttribute('style', HOST_STYLE);
    const root = host.attachShadow({ mode: 'open' });
    styleInto(root);
    const btn = document.createElement('button');
    btn.setAttribute('type', 'button');
    btn.setAttribute('aria-haspopup', 'dialog');
    btn.setAttribute('aria-expanded', 'false');
    const glyph = document.createElement('span');
    glyph.setAttribute('class', 'glyph');
    glyph.setAttribute('aria-hidden', 'true');
    const text = document.createElement('span');
    text.setAttribute('class', 'text');
    const id = document.createElement('span');
    id.setAttribute('class', 'id');
    btn.append(glyph, text, id);
    root.append(btn);
    parts.set(host, { btn, glyph, text, id });
    mine.add(host);
    paint(host, '◌', 'muted', t('badge_reading'), '');
    btn.setAttribute('aria-busy', 'true');
    btn.addEventListener('click', (ev) => {
      ev.preventDefault();
      ev.stopPropagation();
      // Only a person opens the panel: a page script's synthetic click (el.click(), dispatchEvent) is
      // not trusted. Enter and Space on the focused button make a trusted click too.
      if (!ev.isTrusted) return;
      globalThis.FinePrint?.togglePanel(host);
    });
    return host;
  }

  function paint(host, glyph, tone, text, id) {
    const p = parts.get(host);
    if (!p) return;
    p.btn.setAttribute('data-tone', tone);
    p.glyph.textContent = glyph;
    p.text.textContent = text;
    p.id.textContent = id ? `· ${id}` : '';
    p.btn.title = id ? t('badge_title_id', text, id) : t('badge_title', text);
    p.btn.removeAttribute('aria-busy');
  }

  /**
   * Show a result {ok: true, report, answer?} or an error {ok: false, error, reason?}.
   * `details` ({docs, fileUrl, notes, declared}) is kept for the panel.
   */
  function set(host, result, details = {}) {
    state.set(host, { result, details });
    if (result?.ok && result.report) {
      const r = result.report;
      const cls = r.badge?.class ?? 'unknown';
      const [glyph, tone] = LOOK[cls] ?? LOOK.unknown;
      host.setAttribute('data-state', 'result');
      host.setAttribute('data-license', r.license?.id ?? '');
      host.setAttribute('data-verdict', cls);
      host.removeAttribute('data-reason');
      // The id beside the words only when the hub's own license chip does not already say it.
      const id = r.badge?.same_as_declared ? '' : r.license?.id ?? details.declared ?? '';
      const words = globalThis.FinePrintI18n.render(r.badge?.message) || r.badge?.text || t('class_unknown_badge');
      paint(host, glyph, tone, words, id);
    } else {
      const reason = REASONS[result?.reason] ? result.reason : 'unreadable';
      host.setAttribute('data-state', 'error');
      host.setAttribute('data-reason', reason);
      host.setAttribute('data-license', '');
      host.setAttribute('data-verdict', 'unknown');
      paint(host, '⚠', 'warn', SHORT[reason].text, details.declared ?? '');
    }
  }

  /** What the badge shows, for the popup and the panel. */
  function summary(host) {
    const s = state.get(host);
    return {
      state: host.getAttribute('data-state'),
      license: host.getAttribute('data-license'),
      verdict: host.getAttribute('data-verdict'),
      reason: host.getAttribute('data-reason') ?? undefined,
      text: parts.get(host)?.text.textContent ?? '',
      declared: s?.details?.declared ?? undefined,
    };
  }

  /** Whether `el` is a badge this script made (not a look-alike planted by the page). */
  const isOwn = (el) => mine.has(el);
  /** This script's badge in the document, if one is there (for adapters: "is a badge already placed?"). */
  function placed(doc = document) {
    for (const el of doc.querySelectorAll('[data-fineprint-badge]')) if (mine.has(el)) return el;
    return null;
  }

  globalThis.FinePrintBadge = Object.freeze({ create, set, setFixed, summary, pageTheme, isOwn, placed, data: (host) => (mine.has(host) ? state.get(host) ?? null : null), REASONS });
})();
