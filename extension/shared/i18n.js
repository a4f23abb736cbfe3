// The one way UI text is made: every user-facing string comes from the message files
// (_locales/<locale>/messages.json, the format of chrome.i18n). A CLASSIC script defining
// globalThis.FinePrintI18n, loaded by the content scripts, the popup, the options page and the checker.
//
// In the extension (content scripts, popup, options, the checker opened as an extension page) the
// browser's own chrome.i18n picks the locale and substitutes. On a plain web page (the checker as a
// static site, dist/checker/) there is no chrome.i18n: `load()` fetches the same message files itself,
// picking the locale from navigator.languages (falling back to en), and substitutes the same way.
//
//   t(key, ...args)         the message, $1..$9 (and named placeholders) filled with args
//   plural(key, n, ...more) key_one / key_other ... by Intl.PluralRules, $1 = n formatted
//   number(n)               n formatted for the locale (Intl.NumberFormat)
//   words(n)                a count as the engine says it: "700 million" / "7亿" for round millions, else grouped
//   render(message)         a report message ({id, args}) in this locale; args are strings (verbatim),
//                           numbers, {words: n}, {regions: [..]}, {list: [messages]} or messages
//   apply(root)             fills [data-i18n] (text) and [data-i18n-attr="attr:key;..."] under root
//   locale()                the BCP 47 tag of the messages in use ("en", "zh-CN")
//   load({bases, languages}) (plain pages only) fetches the message files; resolves the locale
(() => {
  if (globalThis.FinePrintI18n) return;
  const AVAILABLE = ['en', 'zh_CN']; // the folders of _locales/
  const ext = (() => {
    try {
      const api = globalThis.chrome?.i18n ?? globalThis.browser?.i18n;
      return api && typeof api.getMessage === 'function' && api.getMessage('@@extension_id') ? api : null;
    } catch {
      return null;
    }
  })();
  let table = null; // a loaded messages.json (plain pages)
  let base = null; // en, for keys a locale lacks (never expected: a test keeps the files complete)

  function lookup(entry, args) {
    if (!entry || typeof entry.message !== 'string') return null;
    const ph = entry.placeholders ?? {};
    const subs = args.map((a) => (a === undefined || a === null ? '' : String(a)));
    let s = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (m, name) => {
      const p = ph[name.toLowerCase()];
      return p && typeof p.content === 'string' ? p.content : m;
    });
    s = s.replace(/\$(\$|[1-9])/g, (m, d) => (d === '$' ? '$' : subs[Number(d) - 1] ?? ''));
    return s;
  }

  function t(key, ...args) {
    if (table) {
      const s = lookup(table[key], args) ?? lookup(base?.[key], args);
      return s ?? key;
    }
    if (ext) {
      const s = ext.getMessage(key, args.map((a) => (a === undefined || a === null ? '' : String(a))));
      return s || key;
    }
    return key;
  }

  function has(key) {
    if (table) return Boolean(table[key] ?? base?.[key]);
    if (ext) return Boolean(ext.getMessage(key));
    return false;
  }

  function locale() {
    const l = table || ext ? t('locale') : 'en';
    return l === 'locale' ? 'en' : l;
  }

  const cache = new Map();
  function fmt(kind, opts) {
    const k = `${locale()}|${kind}`;
    if (!cache.has(k)) {
      try {
        cache.set(k, kind === 'plural' ? new Intl.PluralRules(locale(), opts) : new Intl.NumberFormat(locale(), opts));
      } catch {
        cache.set(k, kind === 'plural' ? new Intl.PluralRules('en', opts) : new Intl.NumberFormat('en', opts));
      }
    }
    return cache.get(k);
  }

  function number(n) {
    return typeof n === 'number' && Number.isFinite(n) ? fmt('number', {}).format(n) : String(n ?? '');
  }

  /** A count in words, as the engine's answers say it: round millions and billions compact and long. */
  function words(n) {
    const v = Number(n);
    if (!Number.isFinite(v)) return String(n ?? '');
    for (const unit of [1e9, 1e6]) {
      if (v >= unit && (v * 10) % unit === 0) return fmt('compact', { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 1 }).format(v);
    }
    return number(v);
  }

  function plural(key, n, ...more) {
    const cat = fmt('plural', {}).select(Number(n));
    const k = has(`${key}_${cat}`) ? `${key}_${cat}` : `${key}_other`;
    return t(k, number(n), ...more);
  }

  function region(code) {
    const c = String(code ?? '').toUpperCase();
    return has(`region_${c}`) ? t(`region_${c}`) : c;
  }

  function arg(a) {
    if (typeof a === 'number') return number(a);
    if (typeof a === 'string') return a;
    if (a && typeof a === 'object') {
      if (typeof a.words === 'number') return words(a.words);
      if (Array.isArray(a.list)) return a.list.map(render).join(t('list_separator'));
      if (Array.isArray(a.regions)) return a.regions.map(region).join(t('list_separator'));
      if (typeof a.id === 'string') return render(a);
    }
    return '';
  }

  /** A report message in this locale ('' when there is none). */
  function render(m) {
    if (!m || typeof m !== 'object' || typeof m.id !== 'string' || !m.id) return '';
    return t(m.id, ...(Array.isArray(m.args) ? m.args : []).map(arg));
  }

  function apply(root = document) {
    for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
    for (const node of root.querySelectorAll('[data-i18n-attr]')) {
      for (const pair of node.dataset.i18nAttr.split(';')) {
        const [attr, key] = pair.split(':').map((s) => s.trim());
        if (attr && key) node.setAttribute(attr, t(key));
      }
    }
    if (root.documentElement) root.documentElement.lang = locale();
  }

  /** The message folder for the reader's languages: the first one we have, else en. */
  function pick(languages) {
    for (const l of languages ?? []) {
      const tag = String(l).replace('-', '_');
      const exact = AVAILABLE.find((a) => a.toLowerCase() === tag.toLowerCase());
      if (exact) return exact;
      const lower = String(l).toLowerCase();
      if (lower === 'zh' || lower.startsWith('zh-hans') || lower === 'zh-sg') return 'zh_CN';
      if (lower.startsWith('en')) return 'en';
    }
    return 'en';
  }

  async function fetchJson(url) {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return res.json();
  }

  /** Where _locales/ is: beside checker/ on a static site (dist/checker/), at the repository's top from extension/checker/. */
  function defaultBases() {
    return /\/extension\/checker\//.test(globalThis.location?.pathname ?? '') ? ['../../_locales/'] : ['../_locales/', '../../_locales/'];
  }

  /**
   * Plain pages: read the message files from the first of `bases` that has them (the static site keeps
   * _locales/ beside checker/; the repository one level higher). In the extension: nothing to do.
   */
  async function load({ bases = defaultBases(), languages = globalThis.navigator?.languages } = {}) {
    if (ext) return locale();
    const want = pick(languages);
    let lastError = null;
    for (const b of bases) {
      try {
        const en = await fetchJson(new URL(`${b}en/messages.json`, globalThis.location?.href).href);
        base = en;
        table = want === 'en' ? en : await fetchJson(new URL(`${b}${want}/messages.json`, globalThis.location?.href).href);
        cache.clear();
        return locale();
      } catch (err) {
        lastError = err;
      }
    }
    throw lastError ?? new Error('no message files');
  }

  globalThis.FinePrintI18n = Object.freeze({ t, has, plural, number, words, render, apply, locale, load, pick, inExtension: Boolean(ext) });
})();
