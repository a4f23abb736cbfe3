// What Fine Print reads of a Hugging Face repository, and how it turns it into the engine's input.
// A classic script shared by the content script (sites/huggingface.js) and the service worker
// (background-hf.js): the same rules run wherever the files are fetched. Public repositories are read
// by the worker, so the texts never pass through the page's main thread; private and gated ones by
// the content script, whose requests carry the user's session. See shared/hubs/README.md §1.
//
// 1. Metadata (meta): the island props' or the API's cardData.license / license_name / license_link /
//    base_model / extra_gated_prompt, gated, private, tags, siblings, lastModified.
// 2. Texts (readTexts), same-origin only: the file license_link names (when it is on huggingface.co),
//    else LICENSE, LICENSE.md, LICENSE.txt (only those the file list has, when it is known);
//    USE_POLICY.md beside it when the license points to a use policy. Gated files (401/403): the
//    access form's extra_gated_prompt instead. No text at all: the declared id alone.
// 3. collect(): the documents, the engine's options and the details the badge and panel show.
(() => {
  if (globalThis.FinePrintHFRead) return;
  const t = (key, ...args) => globalThis.FinePrintI18n.t(key, ...args); // the words: _locales/ (shared/i18n.js)
  const ORIGIN = 'https://huggingface.co';
  const LICENSE_FILES = ['LICENSE', 'LICENSE.md', 'LICENSE.txt'];
  const LICENSE_NAME = /^(licen[cs]e|copying)(\.(md|txt|markdown|rst))?$/i;
  const POLICY_FILE = 'USE_POLICY.md';
  const MAX_FETCHES = 8; // per page: README, license candidates, policy, API (twice when gated)
  const CARD_MAX_BYTES = 512 * 1024;

  function budgetOf(n = MAX_FETCHES) {
    let left = n;
    return { take: () => left-- > 0 };
  }

  /** GET /api/{models|datasets|spaces}/{id}: the repository object, or {error: reason}. */
  async function apiRepo(page, fetchText, budget) {
    if (!budget.take()) return null;
    const res = await fetchText(`${ORIGIN}${page.prefix ? `/api${page.prefix}` : '/api/models'}/${page.id}`);
    if (!res.ok) return { error: res.reason };
    try {
      return JSON.parse(res.text);
    } catch {
      return { error: 'unreadable' };
    }
  }

  /** The fields Fine Print reads, from either source, each checked for its type. */
  function meta(repo) {
    const card = repo?.cardData && typeof repo.cardData === 'object' ? repo.cardData : {};
    const str = (v) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
    const tags = Array.isArray(repo?.tags) ? repo.tags.filter((t) => typeof t === 'string') : [];
    let license = Array.isArray(card.license) ? card.license.map(str).filter(Boolean) : [str(card.license)].filter(Boolean);
    if (!license.length) license = tags.filter((t) => t.startsWith('license:')).map((t) => t.slice(8));
    const siblings = Array.isArray(repo?.siblings)
      ? repo.siblings.map((s) => s?.rfilename).filter((f) => typeof f === 'string') : null;
    return {
      license: license[0],
      licenses: license,
      licenseName: str(card.license_name),
      licenseLink: str(card.license_link),
      baseModel: card.base_model,
      gated: repo?.gated === true || repo?.gated === 'auto' || repo?.gated === 'manual',
      private: repo?.private === true,
      gatedPrompt: str(card.extra_gated_prompt),
      lastModified: str(repo?.lastModified) ?? str(repo?.sha),
      siblings,
    };
  }

  // The fields of the Hub's answer the engine reads (the island's copy carries much more); with the
  // page, its id when the answer has none. The worker keeps base models' answers slimmed the same way.
  function slim(repo, page = null) {
    const keep = ['id', 'modelId', 'gated', 'private', 'disabled', 'tags', 'siblings', 'cardData', 'lastModified', 'sha'];
    const out = Object.fromEntries(keep.filter((k) => repo?.[k] !== undefined).map((k) => [k, repo[k]]));
    if (page) out.id ??= page.id;
    return out;
  }

  /**
   * A file path of the repository from license_link's words, or null: percent-escapes decoded (until
   * nothing changes, so `%252e` is no way around), then every segment a plain name: no `.` or `..`,
   * no empty segment, no backslash, no control character, no leading slash.
   */
  function repoPath(raw) {
    let p = String(raw);
    for (let i = 0; i < 4; i++) {
      let next;
      try {
        next = decodeURIComponent(p);
      } catch {
        return null;
      }
      if (next === p) break;
      p = next;
    }
    if (/%[0-9a-f]{2}/i.test(p) && p !== decodeURIComponentSafe(p)) return null; // still encoded after four rounds
    p = p.replace(/^\.\//, '');
    if (!p || p.length > 512 || p.startsWith('/') || /[\\\u0000-\u001f\u007f?#]/.test(p)) return null;
    const segs = p.split('/');
    return segs.every((x) => x && x !== '.' && x !== '..') ? p : null;
  }

  function decodeURIComponentSafe(p) {
    try {
      return decodeURIComponent(p);
    } catch {
      return null;
    }
  }

  /**
   * Where license_link points: {path, repo, rev} for a file of this very repository, {url} for
   * anything else (another repository, another site: named in a note, never fetched), null when it
   * is no usable link (a path that would leave the repository, `%2e%2e%2f` included).
   */
  function linkTarget(link, page) {
    if (!link) return null;
    const here = `${page.prefix}/${page.id}`;
    if (!/^[a-z][a-z0-9+.-]*:|^\/\//i.test(link)) {
      const path = repoPath(link);
      return path ? { path, repo: here, rev: page.rev } : null;
    }
    let u;
    try {
      u = new URL(link);
    } catch {
      return null;
    }
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    if (u.origin !== ORIGIN) return { url: u.href };
    const m = u.pathname.match(/^((?:\/(?:datasets|spaces))?\/[^/]+\/[^/]+)\/(?:blob|resolve|raw)\/([^/]+)\/(.+)$/);
    if (!m || m[1].toLowerCase() !== here.toLowerCase()) return { url: u.href };
    const path = repoPath(m[3]);
    const rev = decodeURIComponentSafe(m[2]);
    if (!path || !rev || !/^[\w.-]{1,128}$/.test(rev)) return null;
    return { path, repo: here, rev };
  }

  const fileUrl = (t, view) => `${ORIGIN}${t.repo}/${view}/${encodeURIComponent(t.rev)}/${t.path.split('/').map(encodeURIComponent).join('/')}`;
  /** Whether a file URL stays under its repository's `/{view}/{rev}/` once the browser resolves it. */
  const staysInRepo = (t, view) => {
    try {
      return new URL(fileUrl(t, view)).pathname.startsWith(`${t.repo}/${view}/`);
    } catch {
      return false;
    }
  };
  const rawUrl = (t) => fileUrl(t, 'raw');
  const blobUrl = (t) => fileUrl(t, 'blob');

  function licenseCandidates(m, page) {
    const out = [];
    const seen = new Set();
    const add = (t) => {
      const k = t && t.path ? `${t.repo}@${t.rev}:${t.path}` : null;
      if (k && !seen.has(k)) {
        seen.add(k);
        out.push(t);
      }
    };
    const link = linkTarget(m.licenseLink, page);
    // The linked file, when it is this repository's (and, when the file list is known, one of its files).
    if (link?.path && staysInRepo(link, 'raw') && (!m.siblings || m.siblings.includes(link.path))) add(link);
    const here = { repo: `${page.prefix}/${page.id}`, rev: page.rev };
    if (m.siblings) {
      // The file list is known (API answer): ask only for files that exist.
      for (const f of m.siblings) if (LICENSE_NAME.test(f)) add({ ...here, path: f });
    } else {
      for (const f of LICENSE_FILES) add({ ...here, path: f });
    }
    return { files: out, external: link?.url };
  }

  function wantsPolicy(m, licenseText) {
    if (m.siblings) return m.siblings.includes(POLICY_FILE);
    return /^llama/i.test(m.license ?? '') || /\b(acceptable\s+use|use)\s+policy\b/i.test(licenseText ?? '');
  }

  /** Read the texts. Returns {docs, failures: [reason], file: {url, name} | null, external, gated}. */
  async function readTexts(m, page, fetchText, budget) {
    const docs = [];
    const failures = [];
    let file = null;
    const { files, external } = licenseCandidates(m, page);
    const here = { repo: `${page.prefix}/${page.id}`, rev: page.rev, path: POLICY_FILE };
    // When the policy is known to be there (the file list says so, or a Llama license ships one) and
    // the files are not gated, it is read beside the license instead of after it.
    const early = !m.gated && (m.siblings ? m.siblings.includes(POLICY_FILE) : /^llama/i.test(m.license ?? '')) && budget.take()
      ? fetchText(rawUrl(here)) : null;
    let licenseText = null;
    for (const t of files) {
      if (!budget.take()) break;
      const res = await fetchText(rawUrl(t));
      if (res.ok && res.text.trim()) {
        licenseText = res.text;
        docs.push({ name: t.path, text: res.text });
        file = { url: blobUrl(t), name: t.path };
        break;
      }
      failures.push(res.ok ? 'unreadable' : res.reason);
      if (res.reason === 'gated' || res.reason === 'network') break; // the next file fares the same
    }
    const gated = failures.includes('gated');
    const policyHere = { repo: file ? files.find((f) => blobUrl(f) === file.url).repo : here.repo, rev: page.rev, path: POLICY_FILE };
    let policy = null;
    if (early && policyHere.repo === here.repo) policy = await early;
    else if (!gated && wantsPolicy(m, licenseText) && budget.take()) policy = await fetchText(rawUrl(policyHere));
    if (!gated && policy?.ok && policy.text.trim()) docs.push({ name: POLICY_FILE, text: policy.text });
    return { docs, failures, file, external, gated };
  }

  /**
   * Everything the analysis of one repository page needs, read with `fetchText(url, {maxBytes})`:
   * {docs, opts, details, cacheable, noText}. `repo` is the island's or the API's repository object
   * (null when neither answered; `apiError` then says why).
   */
  async function collect({ page, repo, m, fetchText, budget = budgetOf(), apiError = null }) {
    // The model card (README.md) feeds the recipe (code links, paper, data); read beside the license.
    const cardRead = page.type === 'model' && budget.take()
      ? fetchText(`${ORIGIN}${page.prefix}/${page.id}/raw/${encodeURIComponent(page.rev)}/README.md`, { maxBytes: CARD_MAX_BYTES })
      : Promise.resolve(null);
    // A gated repository whose page data leave out the access form's terms: the API answer carries
    // them, and is asked beside the files (which answer 401/403 unless the user was let in).
    const promptRead = m.gated && !m.gatedPrompt && repo && !m.siblings && budget.take()
      ? apiRepo(page, fetchText, budgetOf(1)) : null;
    const [texts, card] = await Promise.all([readTexts(m, page, fetchText, budget), cardRead]);
    const docs = texts.docs;
    const notes = [];
    if (texts.gated || (m.gated && !docs.length)) {
      let prompt = m.gatedPrompt;
      if (!prompt && repo && !m.siblings) {
        // The page's island may leave out the gate prompt; the API answer carries it.
        const got = await (promptRead ?? apiRepo(page, fetchText, budget));
        if (got && !got.error) prompt = meta(got).gatedPrompt;
      }
      if (prompt) {
        docs.push({ name: t('doc_access_form'), text: prompt });
        notes.push(t('note_hf_gated_prompt'));
      } else notes.push(t('note_hf_gated'));
    }
    if (!texts.docs.length && texts.failures.length && !texts.gated) {
      notes.push(texts.failures.every((f) => f === 'not-found')
        ? t('note_no_license_file')
        : t('note_license_unreadable', [...new Set(texts.failures.filter((f) => f !== 'not-found'))].join(', ')));
    }
    if (texts.external) notes.push(t('note_hf_external', texts.external));

    const details = {
      docs: docs.map((d) => ({ name: d.name })), // names only: the panel shows the report's quotes
      declared: m.license === 'other' && m.licenseName ? `other: ${m.licenseName}` : m.license,
      fileUrl: texts.file?.url ?? texts.external ?? null,
      notes,
      repo: { type: page.type, id: page.id, rev: page.rev },
    };
    details.failure = texts.gated ? 'gated' : apiError ?? texts.failures.find((f) => f !== 'not-found') ?? 'not-found';
    const opts = m.license ? { hf_license: m.license } : {};
    if (m.licenseName) opts.license_name = m.licenseName;
    if (page.type === 'model' && repo) {
      // The worker follows base_model through /api/models/{id} and the engine applies the lineage.
      opts.hf_metadata = slim(repo, page);
      if (card?.ok) opts.model_card = card.text;
    }
    return {
      docs, opts, details,
      // A network failure may pass: cache only outcomes that hold for this revision.
      cacheable: !texts.failures.includes('network') && !apiError,
      noText: !docs.length && !m.license,
    };
  }

  /** Whether the worker may read this repository for the page: public files need no session. */
  const readableByWorker = (m) => !m.gated && !m.private;

  globalThis.FinePrintHFRead = Object.freeze({
    ORIGIN, MAX_FETCHES, budgetOf, apiRepo, meta, slim, linkTarget, rawUrl, blobUrl, licenseCandidates, wantsPolicy,
    readTexts, collect, readableByWorker, repoPath,
  });
})();
